"""Locales by country (en-US, en-GB, es-ES, es-MX), headline amounts and month thirds, as readers expect them."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from plangen.cli import cli
from plangen.decompose import decompose
from plangen.model import load, loads
from plangen.model.errors import PlanError
from plangen.present.context import build_context
from plangen.render.docx.plan import render_plan_docx
from plangen.present.fmt import Formatter
from plangen.present.labels import labels
from plangen.present.starter import starter_text
from plangen.render.template_set import TemplateSet
from plangen.present.wording import Wording
from plangen.review import review
from plangen.review.text import Writer

from office_audit import audit_errors

ROOT = Path(__file__).resolve().parents[2]
MX_SAMPLE = ROOT / "samples" / "es-MX-quarter-plan.yaml"


@pytest.mark.parametrize("loc, currency, shown", [
    ("en", "USD", "1 Jul 2027"),          # as before the country variants
    ("en-US", "USD", "Jul 1, 2027"),
    ("en-GB", "GBP", "1 Jul 2027"),
    ("es", "EUR", "1 jul 2027"),
    ("es-ES", "EUR", "1 jul 2027"),
    ("es-MX", "MXN", "1 jul 2027"),
    ("zh-CN", "CNY", "2027年7月1日"),
])
def it_writes_dates_in_each_countrys_order(loc, currency, shown):
    assert Formatter.for_plan(loc, currency, "k").date(dt.date(2027, 7, 1)) == shown


@pytest.mark.parametrize("loc, currency, number, money", [
    ("en", "USD", "1,234.5", "$18,500k"),
    ("en-US", "USD", "1,234.5", "$18,500k"),
    ("en-GB", "GBP", "1,234.5", "£18,500k"),
    ("es", "EUR", "1.234,5", "18.500\xa0k\xa0€"),
    ("es-ES", "EUR", "1.234,5", "18.500\xa0k\xa0€"),
    ("es-MX", "MXN", "1,234.5", "$18,500\xa0k"),    # a Mexican reads 18,500 k as eighteen thousand five hundred
])
def it_groups_numbers_and_places_the_currency_as_each_country_does(loc, currency, number, money):
    f = Formatter.for_plan(loc, currency, "k")
    assert (f.number(1234.5, 1), f.money(18_500_000)) == (number, money)


@pytest.mark.parametrize("loc, currency, unit, amount, shown", [
    ("zh-CN", "CNY", "万", 100_000_000, "1亿元"),       # 10,000万 on the cover reads 1亿元
    ("zh-CN", "CNY", "万", 800_000_000, "8亿元"),       # 市场容量8亿元
    ("zh-CN", "CNY", "万", 125_000_000, "1.25亿元"),
    ("zh-CN", "CNY", "万", 50_000_000, "5,000万元"),    # under 1亿: the display unit
    ("zh-TW", "TWD", "萬", 300_000_000, "3億元"),
    ("en", "USD", "k", 3_850_000, "$3.85M"),           # not $3,850k
    ("en", "USD", "k", 90_000_000, "$90M"),            # not $90,000k
    ("en", "USD", "k", 850_000, "$850k"),              # under a million: the display unit
    ("en-US", "USD", "k", 10_050_000, "$10.1M"),       # three significant digits, halves away from zero
    ("en-US", "USD", "k", 1_234_000_000, "$1.23B"),
    ("en-GB", "GBP", "k", 3_850_000, "£3.85m"),        # CLDR's British short form
    ("es", "EUR", "k", 6_800_000, "6,8\xa0M€"),
    ("es-ES", "EUR", "k", 6_800_000, "6,8\xa0M€"),
    ("es-MX", "MXN", "k", 18_500_000, "$18.5\xa0M"),   # not Spain's 18.500 k
    ("en", "USD", "M", -3_850_000, "-$3.85M"),
])
def it_says_headline_amounts_in_the_readers_magnitude(loc, currency, unit, amount, shown):
    """A headline keeps three significant digits: 3,850,000 / 1,000,000 = 3.85; 125,000,000 / 10^8 = 1.25."""
    assert Formatter.for_plan(loc, currency, unit).headline(amount) == shown


@pytest.mark.parametrize("rate, shown", [(3.46, "3.5"), (7, "7"), (1.98, "2"), (12.4, "12"), (1764, "1,764")])
def it_shows_activity_rates_without_decimals_from_ten_up(rate, shown):
    """0.3 deals a day needs its decimal; 1,764 calls a month never reads 1,764.0."""
    assert Formatter.for_plan("en", "USD", "k").rate(rate) == shown


def it_heads_prices_in_the_currency_not_the_display_unit():
    """Prices are whole yuan (3,000), not 万元 like the target column beside them."""
    f = Formatter.for_plan("zh-CN", "CNY", "万")
    assert (f.header("单价", f.currency_label()), f.header("目标")) == ("单价（元）", "目标（万元）")


@pytest.mark.parametrize("loc, key, shown", [
    ("es-MX", "rep", "Vendedor"),
    ("es-MX", "working_days", "Días hábiles"),
    ("es-MX", "training", "Capacitación"),
    ("es-MX", "reports", "Reportes"),
    ("es-MX", "activities", "Actividades comerciales"),   # the adjective stays: a protected phrase
    ("es-MX", "holidays", "Días festivos"),               # a label of its own (templates/i18n/es-MX.yaml)
    ("es-ES", "rep", "Comercial"),
    ("en-US", "organization", "Organization"),
    ("en-GB", "organization", "Organisation"),
])
def it_words_labels_as_each_country_does(loc, key, shown):
    assert labels(loc)[key] == shown


def it_rewords_whole_words_and_keeps_fields_and_key_paths():
    """Longest phrase first, capital kept, {fields} and dotted key paths left alone."""
    w = Wording({}, {"comercial": "vendedor", "equipo comercial": "equipo comercial", "informe": "reporte"}, {})
    assert w.reword("Comercial {comercial}: el equipo comercial, informes y review.comercial") == \
        "Vendedor {comercial}: el equipo comercial, informes y review.comercial"
    assert w.reword_template('{% if x %}un comercial{{ "comercial" }}{% endif %}') == \
        '{% if x %}un vendedor{{ "comercial" }}{% endif %}'


@pytest.fixture(scope="module")
def mx_plan():
    return load(MX_SAMPLE)


def it_uses_mexicos_holidays_in_spanish(mx_plan):
    """Country MX: 16 Sep 2027 (Independence Day, a Thursday) is no working day; September has 21."""
    d = decompose(mx_plan)
    assert "Independencia" in dict(d.calendar.holidays)[dt.date(2027, 9, 16)]
    assert [m.working_days for m in d.months] == [22, 22, 21]


def it_writes_the_review_in_mexican_words(mx_plan):
    """The review's es messages, reworded: vendedores, costo (Spain: comerciales, coste)."""
    d = decompose(mx_plan)
    text = " ".join(Writer(mx_plan, d).sentence(f) for f in review(mx_plan, d).findings)
    assert "vendedores" in text and "costo" in text and "comercial" not in text and "coste" not in text


def it_reads_amounts_with_mexicos_decimal_point(make_plan, plan_from, to_yaml_text):
    """2.400M is 2.4M in Mexico (a decimal point; Spain refuses it as ambiguous); 1,5M reads two ways there, as under en."""
    plan = plan_from(make_plan(**{"plan.locale": "es-MX", "plan.currency": "MXN", "targets.revenue": "2.400M"}))
    assert plan.targets.revenue == 2_400_000
    with pytest.raises(PlanError, match="'2.400M' reads 2.400M with a decimal point"):
        plan_from(make_plan(**{"plan.locale": "es-ES", "targets.revenue": "2.400M"}))
    with pytest.raises(PlanError, match="'1,5M' reads 1.5M with a decimal comma or 15M"):
        plan_from(make_plan(**{"plan.locale": "es-MX", "targets.revenue": "1,5M"}))


@pytest.mark.parametrize("loc, currency, country", [("es-MX", "MXN", "MX"), ("en-GB", "GBP", "GB"),
                                                   ("en-US", "USD", "US"), ("es-ES", "EUR", "ES")])
def it_starts_a_plan_in_each_countrys_locale_currency_and_holidays(loc, currency, country):
    """plangen init --locale X: the parent's starter with the variant's locale, currency and country."""
    plan = loads(starter_text(loc, 2027), "plan.yaml")
    assert (plan.plan.locale, plan.plan.currency, plan.targets.calendar.country) == (loc, currency, country)


def it_refuses_a_variant_label_its_parent_lacks(monkeypatch):
    """A label in templates/i18n/es-MX.yaml must be one of es's: a typo would never print."""
    import plangen.present.labels as lab
    monkeypatch.setattr(lab, "wording", lambda loc: Wording({"no_such": "x"}, {}, {}))
    lab.labels.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"i18n/es-MX.yaml: labels \['no_such'\] are not es's"):
            lab.labels("es-MX")
    finally:
        lab.labels.cache_clear()


def _plan_text(plan) -> str:
    data = render_plan_docx(build_context(plan, decompose(plan)), TemplateSet())
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("loc, asked, shown", [
    ("es", None, False), ("en", None, False), ("zh-CN", None, True),
    ("es", True, True), ("zh-CN", False, False),
])
def it_shows_month_thirds_by_default_only_in_chinese_plans(make_plan, plan_from, loc, asked, shown):
    """上/中/下旬 are a Chinese practice; targets.calendar.month_thirds turns them on or off."""
    overrides = {"plan.locale": loc, "plan.currency": "CNY" if loc == "zh-CN" else "USD"}
    if asked is not None:
        overrides["targets.calendar.month_thirds"] = asked
    text = _plan_text(plan_from(make_plan(**overrides)))
    assert (labels(loc)["early_mid_late"] in text) is shown


def it_builds_the_mexican_quarter_plan_deck_and_rep_plans_cleanly(tmp_path):
    """plangen build --reps: Word tagged es-MX, Mexican words, $18.5 M on the cover, openxml-audit 0 errors."""
    done = CliRunner().invoke(cli, ["build", str(MX_SAMPLE), "-o", str(tmp_path), "--reps", "--jobs", "1"])
    assert done.exit_code == 0, done.output
    files = sorted(tmp_path.glob("*.docx")) + sorted(tmp_path.glob("*.pptx")) + sorted((tmp_path / "reps").glob("*.docx"))
    assert len(files) == 2 + 5
    assert [audit_errors(f) for f in files] == [""] * len(files)
    plan = docx.Document(str(sorted(tmp_path.glob("*.docx"))[0]))
    text = "\n".join(p.text for p in plan.paragraphs)
    assert "$18.5\xa0M" in text and "vendedores" in text and "días hábiles" in text
    assert "comerciales" not in text and "decena" not in text and "18.500" not in text
    assert 'w:val="es-MX"' in plan.styles.element.xml


def it_describes_the_plan_file_in_mexican_words_on_init(tmp_path):
    """plangen init --locale es-MX: a Mexican starter (MXN, MX holidays) and es's hover texts, reworded."""
    import json
    assert CliRunner().invoke(cli, ["init", str(tmp_path), "--locale", "es-MX"]).exit_code == 0
    schema = json.loads((tmp_path / "plangen.schema.json").read_text(encoding="utf-8"))
    from plangen.editor_schema import key_nodes
    hover = dict(key_nodes(schema))["targets.calendar.working_days"]["description"]
    assert "hábiles" in hover and "laborables" not in hover
    assert "locale: es-MX" in (tmp_path / "plan.yaml").read_text(encoding="utf-8")


def it_rewords_a_companys_own_parent_template_for_the_variant(tmp_path, mx_plan):
    """A company folder with text/es/document.j2 of its own: es-MX plans read it, reworded (comercial -> vendedor)."""
    src = (ROOT / "templates" / "text" / "es" / "document.j2").read_text(encoding="utf-8")
    (tmp_path / "text" / "es").mkdir(parents=True)
    (tmp_path / "text" / "es" / "document.j2").write_text(
        src.replace("{% macro cover_subtitle() %}", "{% macro cover_subtitle() %}Cada comercial · "), encoding="utf-8")
    data = render_plan_docx(build_context(mx_plan, decompose(mx_plan)), TemplateSet(tmp_path))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Cada vendedor · " in text
