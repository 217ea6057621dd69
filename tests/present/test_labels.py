"""The label vocabulary: complete, consistent across locales, strict about unknown keys."""
from __future__ import annotations

import string

import pytest

from plangen.locales import locale as plan_locale
from plangen.present.labels import LOCALES, labels

SECTIONS = {
    "zh-CN": ["销售目标", "市场分析", "产品策略", "销售策略", "销售团队管理", "客户关系管理", "销售预测与监控"],
    "zh-TW": ["銷售目標", "市場分析", "產品策略", "銷售策略", "銷售團隊管理", "客戶關係管理", "銷售預測與監控"],
    "en": [
        "Sales targets", "Market analysis", "Product strategy", "Sales strategy",
        "Sales team management", "Customer relationship management", "Sales forecast and monitoring",
    ],
    "es": [
        "Objetivos de ventas", "Análisis de mercado", "Estrategia de producto", "Estrategia de ventas",
        "Gestión del equipo de ventas", "Gestión de relaciones con clientes",
        "Previsión y seguimiento de ventas",
    ],
}

FIXED = {
    "zh-CN": {"agenda": "目录", "thank_you": "谢谢", "budget": "预算", "task_breakdown": "任务分解",
              "appendix": "附录", "third_1": "上旬", "third_2": "中旬", "third_3": "下旬", "continued": "（续）"},
    "zh-TW": {"agenda": "目錄", "thank_you": "謝謝", "budget": "預算", "task_breakdown": "任務分解",
              "appendix": "附錄", "third_1": "上旬", "third_2": "中旬", "third_3": "下旬", "continued": "（續）"},
    "en": {"agenda": "Agenda", "thank_you": "Thank you", "budget": "Budget", "task_breakdown": "Task breakdown",
           "appendix": "Appendix", "third_1": "early", "third_2": "mid", "third_3": "late", "continued": "(cont.)"},
    "es": {"agenda": "Índice", "thank_you": "Gracias", "budget": "Presupuesto",
           "task_breakdown": "Desglose de tareas", "appendix": "Anexo", "third_1": "primera decena",
           "third_2": "segunda decena", "third_3": "tercera decena", "continued": "(cont.)"},
}

REQUIRED = [
    "target", "stretch", "last_year", "growth", "quarter", "month", "week", "working_days", "daily_target",
    "region", "product_line", "customer_type", "rep", "ramp", "calls", "visits", "opportunities", "deals",
    "customers", "tier", "visit_frequency", "budget_item", "share", "total", "owner", "due_date", "acceptance",
    "risk", "probability", "impact", "response", "level_low", "level_medium", "level_high",
    "competitor_direct", "competitor_indirect", "competitor_substitute",
    "role_flagship", "role_volume", "role_profit", "role_image",
    "prepared_by", "period", "date", "manager", "signature", "signature_date", "commitment_statement",
    "page_of", "with_unit", "week_short", "week_long",
]


def _placeholders(text: str) -> set[str]:
    """The {field} names used in a format string."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("locale", LOCALES)
def test_sections_follow_design(locale: str) -> None:
    """The 7 numbered section names are exactly those of design.md (a country variant: its parent's)."""
    assert [labels(locale)[f"section_{i}"] for i in range(1, 8)] == SECTIONS[plan_locale(locale).wording_id]


@pytest.mark.parametrize("locale", LOCALES)
def test_fixed_words(locale: str) -> None:
    """Agenda, thank you, budget, thirds and continuation marks are as designed (a country variant: its parent's)."""
    fixed = FIXED[plan_locale(locale).wording_id]
    assert {k: labels(locale)[k] for k in fixed} == fixed


def test_all_locales_have_the_same_keys() -> None:
    """Every locale defines the same keys, in the same order."""
    keys = [list(labels(loc)) for loc in LOCALES]
    assert all(k == keys[0] for k in keys)


@pytest.mark.parametrize("key", REQUIRED)
def test_required_keys_present(key: str) -> None:
    """The vocabulary a sales plan document needs is there, non-empty, in every locale."""
    for locale in LOCALES:
        assert labels(locale)[key].strip()


def test_placeholders_agree() -> None:
    """A label uses the same {placeholders} in every locale."""
    differ = [k for k in labels("en") if len({frozenset(_placeholders(labels(loc)[k])) for loc in LOCALES}) > 1]
    assert differ == []


def test_unknown_key_names_key_and_locale() -> None:
    """A missing key raises KeyError naming the key and the locale."""
    with pytest.raises(KeyError, match=r"no_such_label.*'es'"):
        labels("es")["no_such_label"]


def test_unknown_locale() -> None:
    """An unsupported locale is refused."""
    with pytest.raises(ValueError, match="fr"):
        labels("fr")


def test_cached() -> None:
    """Labels are loaded once per locale."""
    assert labels("en") is labels("en")


def test_page_words_compose() -> None:
    """The page prefix/middle/suffix spell the same as page_of."""
    for loc in LOCALES:
        lb = labels(loc)
        assert lb["page_prefix"] + "3" + lb["page_middle"] + "9" + lb["page_suffix"] == lb["page_of"].format(
            page=3, pages=9
        )
