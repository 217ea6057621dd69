"""Tabular views of a decomposition, one per `plangen decompose --by`: exact values plus their display.

A view is a `Table` of exact values (ints in currency units, Fractions for shares, dates);
`display_rows` formats it with the plan's Formatter, `to_csv` writes the exact values with
machine-readable headers, and `render_text` draws it with rich. The xlsx export reuses the views.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table as RichTable

from plangen.decompose.result import Decomposition, Quarter
from plangen.errors import EXIT_INVALID, PlangenError
from plangen.decompose.split import quarters_of
from plangen.model.schema import Plan
from plangen.present.cells import csv_text
from plangen.present.fmt import Formatter
from plangen.present.labels import Labels, days_header, labels

AMOUNT, COUNT, SHARE, DATE, SPAN, RAMP, TEXT = "amount", "count", "share", "date", "span", "ramp", "text"
SUMMED = frozenset({AMOUNT, COUNT, SHARE})
NUMERIC = frozenset({AMOUNT, COUNT, SHARE})
RATIO_DIGITS = 6


class ViewError(PlangenError, ValueError):
    """Raised when a view does not exist for this plan (unknown --by, no reps, no budget)."""

    exit_code = EXIT_INVALID


@dataclass(frozen=True)
class Column:
    """A column: machine key (csv header), localised header, value kind, where it is shown."""

    key: str
    header: str
    kind: str = AMOUNT
    row_sum: tuple[str, ...] = ()   # in every row, the sum of these columns (xlsx writes a formula)
    shown: bool = True              # in the table and xlsx (csv has every column)

    @property
    def summed(self) -> bool:
        """Whether the total row holds this column's sum."""
        return self.kind in SUMMED


@dataclass(frozen=True)
class Row:
    """A row: machine key (csv), localised label (table, xlsx), one value per column."""

    key: str
    label: str
    values: tuple
    kind: str = "item"              # item | gap | total


@dataclass(frozen=True)
class Table:
    """One view: its rows add up to the total row in every summed column."""

    name: str
    title: str
    key: Column                     # the first column: row keys in csv, row labels elsewhere
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    total: Row | None

    def index(self, key: str) -> int:
        """The position of the column named `key`."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)


# -- building views -----------------------------------------------------------------------------

def formatter(plan: Plan, display_unit: str | None = "plan") -> Formatter:
    """The plan's Formatter; `display_unit=None` shows exact currency units."""
    unit = plan.plan.display_unit if display_unit == "plan" else display_unit
    return Formatter.for_plan(plan.plan.locale, plan.plan.currency, unit)


def ratio(x: Fraction | int) -> float:
    """A share or weight as a float rounded to six decimals (amounts stay exact ints)."""
    return round(float(x), RATIO_DIGITS)


def _share(part: int, whole: int) -> Fraction:
    """`part` of `whole` as an exact fraction (0 when the whole is 0)."""
    return Fraction(part, whole) if whole else Fraction(0)


def _total_row(L: Labels, columns: Sequence[Column], rows: Sequence[Row]) -> Row:
    """The bold total: the sum of every summed column, blank elsewhere."""
    values = tuple(sum(r.values[i] for r in rows) if c.summed else None for i, c in enumerate(columns))
    return Row("total", L["total"], values, "total")


def _table(name: str, title: str, key: Column, columns: Sequence[Column], rows: Sequence[Row],
           L: Labels) -> Table:
    """A view with its total row."""
    return Table(name, title, key, tuple(columns), tuple(rows), _total_row(L, columns, rows))


def quarter_label(fmt: Formatter, d: Decomposition, q: Quarter) -> str:
    """"Q1", or "2027 Q1" when the period spans two calendar years (one rule for every table and chart)."""
    name = fmt.quarter(q.quarter)
    return name if len({x.year for x in d.quarters}) == 1 else f"{q.year} {name}"


def _quarter_columns(fmt: Formatter, d: Decomposition) -> list[Column]:
    """One amount column per quarter, keyed 2027-Q1 ..."""
    return [Column(q.key, quarter_label(fmt, d, q)) for q in d.quarters]


def by_quarter(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Quarters: working days, target, share of the period."""
    L = labels(fmt.locale)
    columns = [Column("working_days", days_header(L, d), COUNT),
               Column("amount", fmt.header(L["target"])), Column("share", L["share"], SHARE)]
    rows = [Row(q.key, quarter_label(fmt, d, q),
                (sum(d.months[i].working_days for i in q.months), q.amount, _share(q.amount, d.total)))
            for q in d.quarters]
    return _table("quarter", L["quarterly_target"], Column("quarter", L["quarter"], TEXT), columns, rows, L)


def by_month(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Months: working days, target, share of the period."""
    L = labels(fmt.locale)
    columns = [Column("working_days", days_header(L, d), COUNT),
               Column("amount", fmt.header(L["target"])), Column("share", L["share"], SHARE)]
    rows = [Row(m.key, fmt.month(m.year, m.month), (m.working_days, m.amount, _share(m.amount, d.total)))
            for m in d.months]
    return _table("month", L["monthly_target"], Column("month", L["month"], TEXT), columns, rows, L)


def by_week(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """ISO weeks: dates, working days in the period, target."""
    L = labels(fmt.locale)
    columns = [Column("dates", L["date"], SPAN), Column("working_days", days_header(L, d), COUNT),
               Column("amount", fmt.header(L["target"]))]
    rows = [Row(w.key, fmt.week_long(w.iso_year, w.iso_week),
                ((w.start, w.end), sum(p.days for p in w.parts), w.amount)) for w in d.weeks]
    return _table("week", L["weekly_target"], Column("week", L["week"], TEXT), columns, rows, L)


def by_day(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Every day that carries target."""
    L = labels(fmt.locale)
    columns = [Column("amount", fmt.header(L["daily_target"]))]
    rows = [Row(day.date.isoformat(), fmt.date(day.date), (day.amount,)) for m in d.months for day in m.days]
    return _table("day", L["daily_target"], Column("date", L["date"], DATE), columns, rows, L)


def by_third(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Months in thirds (上旬/中旬/下旬) and the month's target."""
    L = labels(fmt.locale)
    keys = ("early", "mid", "late")
    columns = [Column(k, L[f"third_{i}"]) for i, k in enumerate(keys, 1)]
    columns.append(Column("amount", fmt.header(L["monthly_target"]), row_sum=keys))
    rows = [Row(m.key, fmt.month(m.year, m.month), (*m.thirds, m.amount)) for m in d.months]
    title = "/".join(L[f"third_{i}"] for i in (1, 2, 3))
    return _table("third", title, Column("month", L["month"], TEXT), columns, rows, L)


def by_rep(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Reps: region, start, ramp, quarters and total; a gap row for target no rep carries."""
    L = labels(fmt.locale)
    if not d.reps:
        raise ViewError("the plan has no reps (team.reps)")
    quarters = _quarter_columns(fmt, d)
    columns = [Column("name", L["name"], TEXT, shown=False), Column("region", L["region"], TEXT),
               Column("start", L["start_date"], DATE), Column("ramp", L["ramp"], RAMP), *quarters,
               Column("total", fmt.header(L["quota"]), row_sum=tuple(c.key for c in quarters))]
    rows = [Row(r.id, r.name, (r.name, r.region, r.start, _ramping(r.ramp), *r.quarters, r.total))
            for r in d.reps]
    if any(d.unassigned):
        gap = quarters_of(d.unassigned)
        rows.append(Row("unassigned", L["gap"], (None, None, None, None, *gap, sum(gap)), "gap"))
    return _table("rep", L["chart_by_rep"], Column("rep", L["rep"], TEXT), columns, rows, L)


def _ramping(ramp: Sequence[Fraction]) -> tuple[Fraction, ...]:
    """The ramp steps a rep goes through (share of full quota below 100%, after starting)."""
    return tuple(f for f in ramp if 0 < f < 1)


def by_dimension(name: str, plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """One split dimension: share, quarters and total of each member."""
    L = labels(fmt.locale)
    split = d.splits[name]
    quarters = _quarter_columns(fmt, d)
    columns = [Column("share", L["share"], SHARE), *quarters,
               Column("total", fmt.header(L["target"]), row_sum=tuple(c.key for c in quarters))]
    rows = [Row(member, member, (split.shares[member], *split.by_quarter[member], split.totals[member]))
            for member in split.totals]
    title = L.get(f"chart_by_{name}", name)
    return _table(name, title, Column(name, L.get(name, name), TEXT), columns, rows, L)


def by_budget(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Budget items: share, quarters and total."""
    L = labels(fmt.locale)
    if d.budget is None:
        raise ViewError("the plan has no budget section")
    b = d.budget
    quarters = _quarter_columns(fmt, d)
    columns = [Column("share", L["share"], SHARE), *quarters,
               Column("total", fmt.header(L["budget"]), row_sum=tuple(c.key for c in quarters))]
    rows = [Row(item, item, (_share(total, b.total), *quarters_of(b.item_months[item]), total))
            for item, total in b.items.items()]
    return _table("budget", L["budget"], Column("item", L["budget_item"], TEXT), columns, rows, L)


View = Callable[[Plan, Decomposition, Formatter], Table]
VIEWS: dict[str, View] = {"quarter": by_quarter, "month": by_month, "week": by_week, "day": by_day,
                          "third": by_third, "rep": by_rep, "budget": by_budget}


def view_names(d: Decomposition) -> tuple[str, ...]:
    """Every --by this decomposition has: the built-in views (budget only with a budget), then its split dimensions."""
    built_in = (n for n in VIEWS if n != "budget" or d.budget is not None)
    return (*built_in, *(n for n in d.splits if n not in VIEWS))


def view(name: str, plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """The view called `name` (a built-in view or a split dimension)."""
    if name in VIEWS:
        return VIEWS[name](plan, d, fmt)
    if name in d.splits:
        return by_dimension(name, plan, d, fmt)
    raise ViewError(f"unknown view {name!r}; expected one of {', '.join(view_names(d))}")


# -- showing views ------------------------------------------------------------------------------

def cell(kind: str, value: object, fmt: Formatter) -> str:
    """One value as shown in a table."""
    if value is None:
        return ""
    if kind == AMOUNT:
        return fmt.amount(value)
    if kind == COUNT:
        return fmt.count(value)
    if kind == SHARE:
        return fmt.percent(value, 1)
    if kind == DATE:
        return fmt.date(value)
    if kind == SPAN:
        return f"{fmt.date(value[0])} – {fmt.date(value[1])}"
    if kind == RAMP:
        return " / ".join(fmt.percent(f) for f in value)
    return str(value)


def _column_cells(table: Table, i: int, fmt: Formatter) -> list[str]:
    """Column `i` as shown, total row last; amounts re-apportioned so parts add up to the total."""
    col = table.columns[i]
    values = [r.values[i] for r in table.rows]
    total = table.total.values[i] if table.total else None
    if col.kind == AMOUNT and total is not None and None not in values and sum(values) == total:
        return fmt.display_parts(values, total) + [fmt.amount(total)]
    if col.kind == SHARE and total == 1 and None not in values and sum(values) == 1:
        return fmt.display_shares(values) + [cell(SHARE, total, fmt)]
    out = [cell(col.kind, v, fmt) for v in values]
    return out + ([cell(col.kind, total, fmt)] if table.total else [])


def display_rows(table: Table, fmt: Formatter) -> list[list[str]]:
    """Every row as shown (label first, shown columns only), the total row last."""
    shown = [i for i, c in enumerate(table.columns) if c.shown]
    columns = [_column_cells(table, i, fmt) for i in shown]
    rows = [*table.rows, *([table.total] if table.total else [])]
    return [[r.label, *(col[n] for col in columns)] for n, r in enumerate(rows)]


def unit_note(fmt: Formatter) -> str:
    """"单位：万元", "Unit: k USD" ..."""
    return labels(fmt.locale)["unit_note"].format(unit=fmt.unit_label())


def rich_table(table: Table, fmt: Formatter) -> RichTable:
    """The view as a rich table: numbers right-aligned, the total row bold."""
    out = RichTable(title=table.title, caption=unit_note(fmt), box=box.SIMPLE_HEAVY, caption_justify="right")
    out.add_column(table.key.header, no_wrap=True)
    for c in table.columns:
        if c.shown:
            out.add_column(c.header, justify="right" if c.kind in NUMERIC else "left", no_wrap=True)
    rows = display_rows(table, fmt)
    body, total = (rows[:-1], rows[-1]) if table.total else (rows, None)
    for r in body:
        out.add_row(*r)
    if total:
        out.add_section()
        out.add_row(*total, style="bold")
    return out


def render_text(table: Table, fmt: Formatter, width: int | None = None, color: bool = False) -> str:
    """The rich table as text (with ANSI styles when `color`), never narrower than its content."""
    buf = io.StringIO()
    console = Console(file=buf, width=1000, force_terminal=color, color_system="auto" if color else None,
                      highlight=False)
    shown = rich_table(table, fmt)
    console.width = max(width or 0, Measurement.get(console, console.options, shown).maximum)
    console.print(shown)
    return buf.getvalue()


def raw(kind: str, value: object) -> str:
    """One value for csv: exact integers, decimal ratios, ISO dates."""
    if value is None:
        return ""
    if kind == SHARE:
        return repr(ratio(value))
    if kind == DATE:
        return value.isoformat()
    if kind == SPAN:
        return f"{value[0].isoformat()}/{value[1].isoformat()}"
    if kind == RAMP:
        return ";".join(repr(ratio(f)) for f in value)
    return str(value)


def to_csv(table: Table) -> str:
    """The view as csv: machine keys as headers, one row per item (and gap), no total row."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([csv_text(table.key.key), *(csv_text(c.key) for c in table.columns)])
    for r in table.rows:
        w.writerow([csv_text(r.key), *(csv_text(raw(c.kind, v)) for c, v in zip(table.columns, r.values))])
    return buf.getvalue()


__all__ = ["Column", "Row", "Table", "ViewError", "VIEWS", "by_budget", "by_day", "by_dimension", "by_month",
           "by_quarter", "by_rep", "by_third", "by_week", "cell", "display_rows", "formatter", "ratio",
           "raw", "render_text", "rich_table", "to_csv", "unit_note", "view", "view_names"]

