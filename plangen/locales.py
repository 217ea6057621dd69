"""Every language plangen writes in, in one registry: adding a locale is one entry here plus wording files.

A Locale says what plangen takes from Babel (CLDR) and Office for the language: Babel id, date
pattern, quarter names, the Office language tag, East Asian fonts, the page footer's words, the
separators of short lists and clauses, the currency written with 元, and the header words an
actuals file may use. The wording lives in the template package, one folder or file per locale:
i18n/<id>.yaml (labels), text/<id>/{document,deck,rep}.j2 (sentences) and starters/<id>.yaml
(`plangen init`). A country variant (es-MX, en-US) names a `wording` parent instead: it uses the
parent's files, and its own i18n/<id>.yaml holds only what differs (present.wording). This module is
data only and imports nothing of plangen, so every layer reads it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_ALIASES_EN = {"sales_rep": "rep", "salesperson": "rep", "representative": "rep", "sales": "amount",
               "revenue": "amount", "product": "product_line", "sales_region": "region", "iso_week": "week"}


@dataclass(frozen=True)
class Locale:
    """One plan locale (plan.locale) and everything plangen needs to know about it besides its wording."""

    id: str
    babel_id: str
    date_format: str                       # Babel pattern or width: 2027年6月10日, 10 Jun 2027
    quarter_short: tuple[str, str]         # (Babel id, width) of table quarters: Q1, T1
    quarter_long: tuple[str, str]          # (Babel id, width) of quarters in titles: 第一季度
    office_lang: str                       # w:lang / a:lang of every run
    footer_words: tuple[str, str, str]     # around PAGE and NUMPAGES: 第 1 页，共 9 页
    east_asian: bool = False               # CJK: East Asian fonts, no letter case, unit glued to currency name
    fonts: tuple[str, str] = ("SimSun", "Microsoft YaHei")  # East Asian body/heading fonts a base lacks
    list_sep: str = ", "                   # between the items of a short list (months, names)
    clause_sep: str = "; "                 # between clauses in one table cell
    home_currency: str | None = None       # the currency written 2,000万元 (CLDR has only a symbol)
    year_suffix: str = ""                  # after a bare year in a sentence: 2027年
    dot_groups_thousands: bool = False     # 48.250 in an actuals file is 48250
    actuals_aliases: Mapping[str, str] = field(default_factory=dict)  # header words -> column keys
    wording: str | None = None             # the parent whose labels, sentences and starter this locale uses
    month_thirds: bool = False             # month thirds (上/中/下旬) shown unless the plan says otherwise
    headline_glue: bool = False            # headline currency glued to the magnitude: 6,8 M€ (not 6,8 M €)

    @property
    def wording_id(self) -> str:
        """The locale whose wording files this one reads: its parent, else itself."""
        return self.wording or self.id

    @property
    def holiday_languages(self) -> tuple[str, ...]:
        """The holidays library's language codes to try, closest first (zh-CN -> zh_CN)."""
        return (self.id.replace("-", "_"), self.id.split("-")[0], self.office_lang.replace("-", "_"))


# zh-CN tables use the international Q1..Q4 (Babel's en abbreviations); en's long form
# stays "Q1" as in our headings. en dates are day-first ("10 Jun 2027", Babel's en month
# names, as before the country variants): en-US writes "Jul 1, 2027", en-GB "1 Jul 2027".
# es is es-ES under its old name; es-MX has Mexico's CLDR numbers (1,234.5) and dates.
_ALL = (
    Locale("zh-CN", "zh_Hans_CN", "long", ("en", "abbreviated"), ("zh_Hans_CN", "wide"), "zh-CN",
           ("第 ", " 页，共 ", " 页"), east_asian=True, list_sep="、", clause_sep="；", home_currency="CNY",
           year_suffix="年", month_thirds=True,
           actuals_aliases={"月份": "month", "月": "month", "金额": "amount", "销售额": "amount", "实际": "amount",
                            "销售代表": "rep", "销售": "rep", "区域": "region", "产品线": "product_line",
                            "客户类型": "customer_type", "周": "week", "周次": "week"}),
    Locale("en", "en", "d MMM y", ("en", "abbreviated"), ("en", "abbreviated"), "en-US", ("Page ", " of ", ""),
           actuals_aliases=_ALIASES_EN),
    Locale("es", "es", "medium", ("es", "abbreviated"), ("es", "wide"), "es-ES", ("Página ", " de ", ""),
           dot_groups_thousands=True, headline_glue=True,
           actuals_aliases={"mes": "month", "importe": "amount", "ventas": "amount", "vendedor": "rep",
                            "comercial": "rep", "representante": "rep", "región": "region", "zona": "region",
                            "línea_de_producto": "product_line", "linea_de_producto": "product_line",
                            "producto": "product_line", "tipo_de_cliente": "customer_type", "semana": "week"}),
    Locale("zh-TW", "zh_Hant_TW", "long", ("en", "abbreviated"), ("zh_Hant_TW", "wide"), "zh-TW",
           ("第 ", " 頁，共 ", " 頁"), east_asian=True, fonts=("PMingLiU", "Microsoft JhengHei"),
           list_sep="、", clause_sep="；", home_currency="TWD", year_suffix="年", month_thirds=True,
           actuals_aliases={"月份": "month", "月": "month", "金額": "amount", "銷售額": "amount", "實際": "amount",
                            "業務代表": "rep", "銷售代表": "rep", "業務": "rep", "區域": "region",
                            "產品線": "product_line", "客戶類型": "customer_type"}),
    Locale("en-US", "en_US", "medium", ("en", "abbreviated"), ("en", "abbreviated"), "en-US",
           ("Page ", " of ", ""), wording="en"),
    Locale("en-GB", "en_GB", "d MMM y", ("en", "abbreviated"), ("en", "abbreviated"), "en-GB",
           ("Page ", " of ", ""), wording="en"),
    Locale("es-ES", "es_ES", "medium", ("es", "abbreviated"), ("es", "wide"), "es-ES", ("Página ", " de ", ""),
           dot_groups_thousands=True, headline_glue=True, wording="es"),
    Locale("es-MX", "es_MX", "medium", ("es", "abbreviated"), ("es_MX", "wide"), "es-MX", ("Página ", " de ", ""),
           wording="es"),
)

LOCALES: Mapping[str, Locale] = MappingProxyType({loc.id: loc for loc in _ALL})
LOCALE_IDS: tuple[str, ...] = tuple(LOCALES)


def locale(locale_id: str) -> Locale:
    """The registered locale `locale_id`; ValueError naming the ones that exist."""
    try:
        return LOCALES[locale_id]
    except KeyError:
        raise ValueError(f"unknown locale {locale_id!r}; expected one of {', '.join(LOCALE_IDS)}") from None


def actuals_aliases() -> dict[str, str]:
    """Every locale's actuals header words, merged (a file's language need not be the plan's)."""
    return {k: v for loc in _ALL for k, v in loc.actuals_aliases.items()}
