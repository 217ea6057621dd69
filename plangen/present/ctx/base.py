"""Ctx: what every part of the render context needs (plan, decomposition, formatter, labels) and its helpers.

The section modules (ctx_targets, ctx_sections, ctx_forecast, ctx_rep) build on it, and
present.context assembles them; it lives apart so those imports run one way only.
"""
from __future__ import annotations

import copy
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from plangen.decompose.result import Decomposition
from plangen.locales import Locale
from plangen.locales import locale as plan_locale
from plangen.model.schema import Plan
from plangen.present.ctx.team import TeamIndex
from plangen.present.fmt import Formatter
from plangen.present.labels import Labels, days_header, labels
from plangen.present import tables as views
from plangen.present.values import Money, Share, Table


class Ctx:
    """What every part of the context needs: the plan, its decomposition, formatter and labels."""

    def __init__(self, plan: Plan, d: Decomposition, words: Labels | None = None):
        """`words`: the labels to use (a company's wording over plangen's, TemplateSet.labels); default plangen's."""
        self.plan, self.d = plan, d
        p = plan.plan
        self.L: Labels = words or labels(p.locale)
        self.f = Formatter.for_plan(p.locale, p.currency, p.display_unit, self.L).precise_for(smallest_month(d))
        self.loc: Locale = plan_locale(p.locale)
        self._team: list[TeamIndex] = []   # shared by copies (for_amounts): built once per plan

    @property
    def team(self) -> TeamIndex:
        """The team by rep and region (present.ctx.team), built on first use."""
        if not self._team:
            self._team.append(TeamIndex.build(self.plan, self.d))
        return self._team[0]

    def for_amounts(self, smallest: int) -> "Ctx":
        """This context with enough decimals for amounts down to `smallest` (e.g. one rep's months)."""
        f = self.f.precise_for(smallest)
        if f is self.f:
            return self
        other = copy.copy(self)
        other.f = f
        return other

    def money(self, value: int) -> Money:
        """An exact amount that prints in the display unit."""
        return Money(value, self.f.amount(value), self.f.money(value), self.f.headline(value))

    def share(self, value: Fraction | float, digits: int = 0) -> Share:
        """A share that prints as a percentage."""
        return Share(value, self.f.percent(value, digits))

    def shares(self, values: Sequence[int], digits: int = 1) -> list[str]:
        """Each value's share of their sum, shown so that the shares add up to 100% as displayed."""
        return self.f.display_shares(values, digits)

    def whole(self, values: Sequence[int]) -> str:
        """The share column's total cell: 100% when there is something to share, else empty."""
        return self.f.percent(1) if sum(values) else ""

    def chart_value(self, value: int, kind: str = "column") -> float:
        """A chart value in display units: exact for pies (their percentages), else as displayed."""
        return value / self.f.unit.factor if kind == "pie" else self.f.scaled(value)

    def head(self, key: str) -> str:
        """A column header with the amount unit: 目标（万元）."""
        return self.f.header(self.L[key])

    def table(self, key: str, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
              numeric: Sequence[bool], total: Sequence[Any] | None = None, note: str = "") -> Table:
        """A Table with every cell as text."""
        return Table(key, title, tuple(columns), tuple(tuple(_text(c) for c in r) for r in rows),
                     tuple(numeric), tuple(_text(c) for c in total) if total else None, note)

    def shown(self, table: views.Table, key: str, note: str = "") -> Table:
        """A table of the one model (present.tables) as the documents show it, keyed `key`."""
        return views.document_table(table, self.f, key, note)

    def amounts(self, values: Sequence[int], total: int) -> list[str]:
        """Table cells of parts, shown so that they add up to the shown total (the unit is in the header)."""
        return self.f.display_figures(list(values), total)

    def daily_figs(self, amounts: Sequence[int], days: Sequence[int]) -> list[str]:
        """Daily targets (amount / days) with enough decimals for the smallest of them."""
        daily = [a // n if n else None for a, n in zip(amounts, days)]
        f = self.f.precise_for(min((x for x in daily if x), default=0))
        return [f.figure(x) if x is not None else "" for x in daily]

    def days_head(self) -> str:
        """The days column's header: working days, or calendar days for a plan spread over every day."""
        return days_header(self.L, self.d)

    def fig(self, value: int) -> str:
        """A table cell amount in the display unit; the column header names the unit."""
        return self.f.figure(value)

    def month_label(self, i: int) -> str:
        """A period month as 2027年7月 / Jul 2027."""
        m = self.d.months[i]
        return self.f.month(m.year, m.month)

    def period_name(self, years_back: int = 0) -> str:
        """The plan period in words: 2027 for a calendar year, H2 2027 / 2027年下半年 for a calendar half,
        Q2 2027 / 2027年第二季度 for a calendar quarter, Apr 2027 for one month, else Jul 2027 – Nov 2027;
        `years_back`: the same months that many years earlier (H2 2026)."""
        p = self.plan.plan.period
        year, start, months = p.first_day.year - years_back, p.first_day.month, p.months
        last_year, last_month = p.last_day.year - years_back, p.last_day.month
        if months == 12 and start == 1:
            return str(year)
        if months == 6 and start in (1, 7):
            return self.L[f"period_h{1 if start == 1 else 2}"].format(year=year)
        if months == 3 and start % 3 == 1:
            key = "quarter_long" if self.loc.east_asian else "quarter"
            return self.L["period_quarter"].format(quarter=getattr(self.f, key)(start // 3 + 1), year=year)
        if months == 1:
            return self.f.month(year, start)
        return f"{self.f.month(year, start)} – {self.f.month(last_year, last_month)}"

    def month_row(self, i: int) -> str:
        """A month as a table row label: 7月 / Jul when the period lies in one year (the title names it)."""
        return views.month_row(self.f, self.d, self.d.months[i])

    def quarter_label(self, q: int) -> str:
        """A quarter as Q1 (calendar quarter when the period is aligned), "2027 Q3" when the period
        spans two years, as in the CLI's tables (present.tables.quarter_label)."""
        return views.quarter_label(self.f, self.d, self.d.quarters[q])

    def aside(self, text: str, note: str) -> str:
        """`text (note)` in the locale's parentheses: full width in Chinese, where no space goes beside a figure."""
        return f"{text}（{note}）" if self.loc.east_asian else f"{text} ({note})"

    def tagged(self, text: str, figure: str) -> str:
        """A name with its figure: `Ann 78.5%`; in Chinese `陈静（78.5%）`, as no space goes beside a figure there."""
        return self.aside(text, figure) if self.loc.east_asian else f"{text} {figure}"

    def unit_note(self) -> str:
        """The unit/source line under a chart or table."""
        return self.L["unit_note"].format(unit=self.f.unit_label())


def peak_index(values: Sequence[int], unit: int) -> int | None:
    """The one month that stands out as the largest, or None: fewer than two months, nothing planned,
    months within one rounding unit of each other, or a tie at the top."""
    if len(values) < 2 or not sum(values) or max(values) - min(values) <= unit:
        return None
    top = max(values)
    return values.index(top) if values.count(top) == 1 else None


def smallest_month(d: Decomposition) -> int:
    """The smallest month target above zero: tables show enough decimals for it."""
    return min((m.amount for m in d.months if m.amount > 0), default=0)


def _text(c: Any) -> str:
    if c is None:
        return ""
    return str(c)


def notice_text(c: Ctx, n) -> str:
    """A notice in the plan's language."""
    if n.code == "milestone_short":
        return c.L[f"notice_{n.code}"].format(**milestone_values(c, dict(n.values)))
    values = {}
    for k, v in n.values.items():
        if isinstance(v, Fraction):
            values[k] = c.f.percent(v, 1)
        elif isinstance(v, int) and k in ("amount", "named", "target"):
            values[k] = c.f.money(v)
        else:
            values[k] = v
    return c.L[f"notice_{n.code}"].format(**values)


def goal_text(c: Ctx, metric: str, value: int) -> str:
    """A goal as the reader says it: "5,000万元", "10 new customers", "10个新客户"."""
    if metric == "revenue":
        return c.f.money(value)
    return c.L[f"milestone_count_{metric}"].format(n=c.f.number(value))


def milestone_values(c: Ctx, values: dict[str, Any]) -> dict[str, Any]:
    """The values of a milestone notice, in words."""
    return {**values, "date": c.f.date(values["date"]), "goal": goal_text(c, values["metric"], values["goal"]),
            "planned": goal_text(c, values["metric"], values["planned"])}


def add_focus(c: Ctx, cols: list, rows: list, total: list, numeric: list) -> None:
    """The quarter's focus (targets.quarter_focus) as the last column of a quarter table."""
    focus = c.plan.targets.quarter_focus
    if focus:
        cols.append(c.L["quarter_focus"])
        for row, theme in zip(rows, focus):
            row.append(theme)
        total.append("")
        numeric.append(False)
