"""The locale registry (plangen.locales) and zh-TW, the locale added as one entry plus wording files."""
from __future__ import annotations

import datetime as dt
import io

import docx
import pptx
import pytest
from docx.oxml.ns import qn

from plangen.decompose import decompose
from plangen.locales import LOCALE_IDS, LOCALES, locale
from plangen.model import loads
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.docx.rep import render_rep_docx
from plangen.present.fmt import Formatter
from plangen.render.pptx.deck import render_deck
from plangen.present.starter import starter_text
from plangen.render.template_set import TemplateSet
from plangen.track.actuals import column_key


def it_names_every_locale_once_with_an_office_tag_and_footer_words():
    """One entry per plan locale; the schema, labels and formatter read this one registry."""
    assert LOCALE_IDS == ("zh-CN", "en", "es", "zh-TW", "en-US", "en-GB", "es-ES", "es-MX")
    assert {k: (v.babel_id, v.office_lang, v.wording_id) for k, v in LOCALES.items()} == {
        "zh-CN": ("zh_Hans_CN", "zh-CN", "zh-CN"), "en": ("en", "en-US", "en"), "es": ("es", "es-ES", "es"),
        "zh-TW": ("zh_Hant_TW", "zh-TW", "zh-TW"), "en-US": ("en_US", "en-US", "en"), "en-GB": ("en_GB", "en-GB", "en"),
        "es-ES": ("es_ES", "es-ES", "es"), "es-MX": ("es_MX", "es-MX", "es")}


def it_refuses_an_unknown_locale_naming_the_known_ones():
    with pytest.raises(ValueError, match="unknown locale 'fr'; expected one of zh-CN, en, es, zh-TW, en-US, en-GB, es-ES, es-MX"):
        locale("fr")


@pytest.mark.parametrize("method, args, shown", [
    ("money", (20_000_000,), "2,000萬元"),
    ("money", (125_000_000,), "1.25億元"),
    ("unit_label", (), "萬元"),
    ("date", (dt.date(2027, 6, 10),), "2027年6月10日"),
    ("month", (2027, 7), "2027年7月"),
    ("quarter", (1,), "Q1"),
    ("quarter_long", (1,), "第1季"),
    ("percent", (0.2,), "20%"),
])
def it_writes_taiwan_dollars_in_wan_and_yi_with_traditional_characters(method, args, shown):
    """A zh-TW plan in TWD shown in 萬: 2,000萬元 as a Taiwanese plan writes it (CLDR has only $ for TWD)."""
    f = Formatter.for_plan("zh-TW", "TWD", "萬" if method != "money" or args[0] < 10**8 else "億")
    assert getattr(f, method)(*args) == shown


@pytest.mark.parametrize("header, key", [("金額", "amount"), ("業務代表", "rep"), ("區域", "region"),
                                         ("产品线", "product_line"), ("importe", "amount")])
def it_reads_actuals_headers_in_every_locales_words(header, key):
    assert column_key(header) == key


@pytest.fixture(scope="module")
def taiwan_plan():
    """plangen init --locale zh-TW: TWD in 萬, Taiwan's holidays."""
    return loads(starter_text("zh-TW", 2027), "plan.yaml")


def it_uses_taiwans_holidays_in_traditional_chinese(taiwan_plan):
    """Country TW: 2027-10-11 (National Day observed on a Monday) is a day off, named in Traditional characters."""
    d = decompose(taiwan_plan)
    names = dict(d.calendar.holidays)
    assert names[dt.date(2027, 10, 11)].startswith("國慶日") and dt.date(2027, 10, 11) not in d.calendar.days


def it_builds_the_annual_plan_deck_and_rep_plans_in_traditional_chinese(taiwan_plan):
    """The three documents render from the zh-TW wording; Word is tagged zh-TW with Traditional fonts."""
    d = decompose(taiwan_plan)
    ctx, ts = build_context(taiwan_plan, d, dt.date(2026, 12, 1)), TemplateSet()
    plan = docx.Document(io.BytesIO(render_plan_docx(ctx, ts)))
    text = "\n".join(p.text for p in plan.paragraphs)
    assert "銷售目標" in text and "2026年12月1日" in text and "销售" not in text
    lang = plan.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-TW"
    assert "PMingLiU" in plan.styles.element.xml and "SimSun" not in plan.styles.element.xml
    deck = pptx.Presentation(io.BytesIO(render_deck(ctx, ts)))
    runs = [r for s in deck.slides for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs
            for r in p.runs]
    assert runs and {r._r.find(qn("a:rPr")).get("lang") for r in runs} == {"zh-TW"}
    assert "銷售目標" in "".join(r.text for r in runs)
    rep = docx.Document(io.BytesIO(render_rep_docx(ctx, rep_context(Ctx(taiwan_plan, d), d.reps[0]), ts)))
    assert "個人銷售計劃" in "\n".join(p.text for p in rep.paragraphs)
