"""The one table model: each table of a decomposition built once, shown by the CLI, csv, xlsx and documents.

A view is a `Table` of exact values (ints in currency units, Fractions for shares, dates), its
columns in the documents' order; `display_rows` formats it with the plan's Formatter (for the CLI
or the documents: parts re-shown to add up to the shown total), `to_csv` writes the exact values
with machine-readable headers, `render_text` draws it with rich, the xlsx export writes its values,
and `document_table` turns it into the displayed `present.values.Table` Word and PowerPoint draw.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from plangen.decompose.result import Decomposition, Month, Quarter
from plangen.errors import EXIT_INVALID, PlangenError
from plangen.decompose.split import quarters_of
from plangen.model.schema import Plan
from plangen.present.cells import csv_text
from plangen.present.fmt import Formatter
from plangen.present.labels import Labels, days_header
from plangen.present.values import Table as Shown

if TYPE_CHECKING:
    from rich.table import Table as RichTable

AMOUNT, COUNT, SHARE, GROWTH, PER_DAY = "amount", "count", "share", "growth", "per_day"
DATE, SPAN, RAMP, TEXT = "date", "span", "ramp", "text"
Kind = Literal["amount", "count", "share", "growth", "per_day", "date", "span", "ramp", "text"]
Where = Literal["cli", "documents"]     # the CLI (and xlsx) or the Word/PowerPoint documents
SUMMED = frozenset({AMOUNT, COUNT, SHARE})
NUMERIC = frozenset({AMOUNT, COUNT, SHARE, GROWTH, PER_DAY})
RATIO_DIGITS = 6
DIM_LABELS = ("region", "product_line", "customer_type")
DIM_CHARTS = {"region": "chart_by_region", "product_line": "chart_by_product_line",
              "customer_type": "chart_by_customer_type"}


class ViewError(PlangenError, ValueError):
    """Raised when a view does not exist for this plan (unknown --by, no reps, no budget)."""

    exit_code = EXIT_INVALID


@dataclass(frozen=True)
class Column:
    """A column: machine key (csv header), localised header, value kind, where it is shown."""

    key: str
    header: str
    kind: Kind = AMOUNT
    row_sum: tuple[str, ...] = ()   # in every row, the sum of these columns (xlsx writes a formula)
    shown: bool = True              # in the CLI table and xlsx (csv has every column)
    documents: bool = True          # in the Word and PowerPoint table
    of: tuple[str, str] = ()        # a growth column: (plan column, base column), also in the total row

    @property
    def summed(self) -> bool:
        """Whether the total row holds this column's sum."""
        return self.kind in SUMMED

    def visible(self, where: Where) -> bool:
        """Whether the CLI (and xlsx) or the documents show this column."""
        return self.documents if where == "documents" else self.shown


@dataclass(frozen=True)
class Row:
    """A row: machine key (csv), localised label (CLI, xlsx), one value per column."""

    key: str
    label: str
    values: tuple
    kind: str = "item"              # item | gap | total
    short: str = ""                 # the documents' label when shorter (the title or chart names the year)

    def label_in(self, where: Where) -> str:
        """The row's label as the CLI or the documents show it."""
        return (self.short or self.label) if where == "documents" else self.label


@dataclass(frozen=True)
class Table:
    """One table of exact values, built once for the CLI, csv, xlsx and the documents: its rows add up
    to the total row in every summed column."""

    name: str
    title: str
    key: Column                     # the first column: row keys in csv, row labels elsewhere
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    total: Row | None
    parts: Literal["columns", "rows"] = "columns"  # shown so that columns (or each row's parts) add up

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


def _growth(plan: int, base: int | None) -> Fraction | None:
    """The growth of `plan` over `base` (None without a base)."""
    return Fraction(plan, base) - 1 if base else None


def _total_row(L: Labels, columns: Sequence[Column], rows: Sequence[Row]) -> Row:
    """The bold total: the sum of every summed column, the growth of the sums, blank elsewhere."""
    sums = {c.key: sum(r.values[i] for r in rows) for i, c in enumerate(columns) if c.summed}
    values = tuple(sums.get(c.key) if not c.of else _growth(sums[c.of[0]], sums[c.of[1]]) for c in columns)
    return Row("total", L["total"], values, "total")


def _table(name: str, title: str, key: Column, columns: Sequence[Column], rows: Sequence[Row],
           L: Labels, parts: Literal["columns", "rows"] = "columns") -> Table:
    """A view with its total row."""
    return Table(name, title, key, tuple(columns), tuple(rows), _total_row(L, columns, rows), parts)


def quarter_label(fmt: Formatter, d: Decomposition, q: Quarter) -> str:
    """"Q1", or "2027 Q1" when the period spans two calendar years (one rule for every table and chart)."""
    name = fmt.quarter(q.quarter)
    return name if len({x.year for x in d.quarters}) == 1 else f"{q.year} {name}"


def month_row(fmt: Formatter, d: Decomposition, m: Month) -> str:
    """A month as the documents' row label: 7月 / Jul when the period lies in one year (the title names it)."""
    if d.months[0].year == d.months[-1].year:
        return fmt.month_short(m.month)
    return fmt.month(m.year, m.month)


def dim_label(L: Labels, name: str) -> str:
    """A dimension's name: a known label (区域, Canal) or the key as written."""
    if name in DIM_LABELS:
        return L[name]
    return L[f"dim_{name}"] if f"dim_{name}" in L else name.replace("_", " ")


def _quarter_columns(fmt: Formatter, d: Decomposition, documents: bool = True) -> list[Column]:
    """One amount column per quarter, keyed 2027-Q1 ..."""
    return [Column(q.key, quarter_label(fmt, d, q), documents=documents) for q in d.quarters]


def _period_columns(fmt: Formatter, d: Decomposition, amounts: Sequence[int], last: Sequence[int] | None,
                    days: Sequence[int]) -> tuple[list[Column], list[tuple]]:
    """Target, [last year, growth], share, days (the documents' order) and each period's values."""
    L = fmt.L
    columns = [Column("amount", fmt.header(L["target"]))]
    cells: list[list] = [[a] for a in amounts]
    if last:
        columns += [Column("last_year", fmt.header(L["last_year"])),
                    Column("growth", L["growth"], GROWTH, of=("amount", "last_year"))]
        for row, a, ly in zip(cells, amounts, last):
            row += [ly, _growth(a, ly)]
    columns += [Column("share", L["share"], SHARE), Column("working_days", days_header(L, d), COUNT)]
    for row, a, n in zip(cells, amounts, days):
        row += [_share(a, d.total), n]
    return columns, [tuple(row) for row in cells]


def by_quarter(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Quarters: target, [last year, growth], share of the period, working days, [focus]."""
    L, focus = fmt.L, plan.targets.quarter_focus
    ly = d.growth.last_year_months
    last = [sum(ly[i] for i in q.months) for q in d.quarters] if ly else None
    days = [sum(d.months[i].working_days for i in q.months) for q in d.quarters]
    columns, values = _period_columns(fmt, d, [q.amount for q in d.quarters], last, days)
    if focus:
        columns.append(Column("focus", L["quarter_focus"], TEXT))
        values = [(*v, theme) for v, theme in zip(values, focus)]
    rows = [Row(q.key, quarter_label(fmt, d, q), v) for q, v in zip(d.quarters, values)]
    return _table("quarter", L["quarterly_target"], Column("quarter", L["quarter"], TEXT), columns, rows, L)


def by_month(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Months: target, [last year, growth], share of the period, working days, daily target."""
    L = fmt.L
    amounts, days = [m.amount for m in d.months], [m.working_days for m in d.months]
    columns, values = _period_columns(fmt, d, amounts, d.growth.last_year_months, days)
    columns.append(Column("daily", fmt.header(L["daily_target"]), PER_DAY))
    rows = [Row(m.key, fmt.month(m.year, m.month), (*v, m.amount // m.working_days if m.working_days else None),
                short=month_row(fmt, d, m)) for m, v in zip(d.months, values)]
    return _table("month", L["monthly_target"], Column("month", L["month"], TEXT), columns, rows, L)


def by_week(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """ISO weeks: dates, working days in the period, target."""
    L = fmt.L
    columns = [Column("dates", L["dates"], SPAN), Column("working_days", days_header(L, d), COUNT),
               Column("amount", fmt.header(L["target"]))]
    rows = [Row(w.key, fmt.week_long(w.iso_year, w.iso_week), ((w.start, w.end), sum(p.days for p in w.parts),
                w.amount), short=fmt.week(w.iso_year, w.iso_week)) for w in d.weeks]
    return _table("week", L["weekly_targets"], Column("week", L["week"], TEXT), columns, rows, L)


def by_day(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Every day that carries target."""
    L = fmt.L
    columns = [Column("amount", fmt.header(L["daily_target"]))]
    rows = [Row(day.date.isoformat(), fmt.date(day.date), (day.amount,)) for m in d.months for day in m.days]
    return _table("day", L["daily_target"], Column("date", L["date"], DATE), columns, rows, L)


def by_third(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Months in thirds (上旬/中旬/下旬) and the month's target; each month's thirds add up to it as shown."""
    L = fmt.L
    keys = ("early", "mid", "late")
    columns = [Column(k, fmt.header(fmt.third(i))) for i, k in enumerate(keys, 1)]
    columns.append(Column("amount", fmt.header(L["total"]), row_sum=keys))
    rows = [Row(m.key, fmt.month(m.year, m.month), (*m.thirds, m.amount), short=month_row(fmt, d, m))
            for m in d.months]
    return _table("third", L["early_mid_late"], Column("month", L["month"], TEXT), columns, rows, L, "rows")


def by_rep(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Reps: region, start, ramp (not in the documents), quarters and total; a row for target no rep carries."""
    L = fmt.L
    if not d.reps:
        raise ViewError("the plan has no reps (team.reps)")
    quarters = _quarter_columns(fmt, d)
    columns = [Column("name", L["name"], TEXT, shown=False, documents=False), Column("region", L["region"], TEXT),
               Column("start", L["start_date"], DATE), Column("ramp", L["ramp"], RAMP, documents=False), *quarters,
               Column("total", fmt.header(L["total"]), row_sum=tuple(c.key for c in quarters))]
    rows = [Row(r.id, r.name, (r.name, r.region or None, r.start, _ramping(r.ramp), *r.quarters, r.total))
            for r in d.reps]
    if any(d.unassigned):
        gap = quarters_of(d.unassigned)
        rows.append(Row("unassigned", L["unassigned"], (None, None, None, None, *gap, sum(gap)), "gap"))
    return _table("rep", L["chart_by_rep"], Column("rep", L["rep"], TEXT), columns, rows, L)


def _ramping(ramp: Sequence[Fraction]) -> tuple[Fraction, ...]:
    """The ramp steps a rep goes through (share of full quota below 100%, after starting)."""
    return tuple(f for f in ramp if 0 < f < 1)


def by_dimension(name: str, plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """One split dimension: share, quarters and total of each member."""
    L = fmt.L
    split = d.splits[name]
    quarters = _quarter_columns(fmt, d)
    columns = [Column("share", L["share"], SHARE), *quarters,
               Column("total", fmt.header(L["total"]), row_sum=tuple(c.key for c in quarters))]
    rows = [Row(member, member, (split.shares[member], *split.by_quarter[member], split.totals[member]))
            for member in split.totals]
    title = L[DIM_CHARTS[name]] if name in DIM_CHARTS else dim_label(L, name)
    return _table(name, title, Column(name, dim_label(L, name), TEXT), columns, rows, L)


def by_budget(plan: Plan, d: Decomposition, fmt: Formatter) -> Table:
    """Budget items: share, quarters (not in the documents, which have the budget by quarter) and total."""
    L = fmt.L
    if d.budget is None:
        raise ViewError("the plan has no budget section")
    b = d.budget
    quarters = _quarter_columns(fmt, d, documents=False)
    columns = [Column("share", L["share"], SHARE), *quarters,
               Column("total", fmt.header(L["amount"]), row_sum=tuple(c.key for c in quarters))]
    rows = [Row(item, item or L["budget_total"], (_share(total, b.total), *quarters_of(b.item_months[item]), total))
            for item, total in b.items.items()]
    return _table("budget", L["budget_item"], Column("item", L["budget_item"], TEXT), columns, rows, L)


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

def cell(kind: str, value: object, fmt: Formatter, where: Where = "cli") -> str:
    """One value as shown in a table (documents: amounts without the unit, the header names it)."""
    if value is None:
        return ""
    if kind in (AMOUNT, PER_DAY):
        return fmt.figure(value) if where == "documents" else fmt.amount(value)
    if kind == COUNT:
        return fmt.count(value)
    if kind in (SHARE, GROWTH):
        return fmt.percent(value, 1)
    if kind == DATE:
        return fmt.date(value)
    if kind == SPAN:
        return f"{fmt.date(value[0])} – {fmt.date(value[1])}"
    if kind == RAMP:
        return " / ".join(fmt.percent(f) for f in value)
    return str(value)


def _column_cells(table: Table, i: int, fmt: Formatter, where: Where) -> list[str]:
    """Column `i` as shown, total row last; amounts and shares re-apportioned so parts add up to the total."""
    col = table.columns[i]
    values = [r.values[i] for r in table.rows]
    total = table.total.values[i] if table.total else None
    adds_up = total is not None and None not in values and sum(values) == total
    if col.kind == AMOUNT and adds_up and table.parts == "columns":
        return _parts(fmt, where)(values, total) + [cell(AMOUNT, total, fmt, where)]
    if col.kind == SHARE and adds_up and total in (0, 1):
        return fmt.display_shares(values) + [fmt.percent(1) if total else ""]
    if col.kind == PER_DAY:   # daily targets with enough decimals for the smallest of them
        fmt = fmt.precise_for(min((v for v in values if v), default=0))
    out = [cell(col.kind, v, fmt, where) for v in values]
    return out + ([cell(col.kind, total, fmt, where)] if table.total else [])


def _parts(fmt: Formatter, where: Where) -> Callable[[Sequence[int], int], list[str]]:
    """Parts of a total as shown: figures in the documents (the header names the unit), amounts in the CLI."""
    return fmt.display_figures if where == "documents" else fmt.display_parts


def _all_rows(table: Table) -> list[Row]:
    """The item rows, then the total row if there is one."""
    return [*table.rows, *([table.total] if table.total else [])]


def _row_parts(table: Table, cells: list[list[str]], fmt: Formatter, where: Where) -> None:
    """In a table of row parts (month thirds), each row's parts re-shown to add up to its shown row total."""
    for whole in (c for c in table.columns if c.row_sum):
        parts = [table.index(k) for k in whole.row_sum]
        for row, shown in zip(_all_rows(table), cells):
            total = row.values[table.index(whole.key)]
            for i, text in zip(parts, _parts(fmt, where)([row.values[i] for i in parts], total)):
                shown[i] = text


def visible(table: Table, where: Where) -> list[int]:
    """The positions of the columns the CLI or the documents show."""
    return [i for i, c in enumerate(table.columns) if c.visible(where)]


def display_rows(table: Table, fmt: Formatter, where: Where = "cli") -> list[list[str]]:
    """Every row as shown (label first, the visible columns only), the total row last."""
    columns = [_column_cells(table, i, fmt, where) for i in range(len(table.columns))]
    rows = _all_rows(table)
    cells = [[col[n] for col in columns] for n in range(len(rows))]
    if table.parts == "rows":
        _row_parts(table, cells, fmt, where)
    shown = visible(table, where)
    return [[r.label_in(where), *(row[i] for i in shown)] for r, row in zip(rows, cells)]


def document_table(table: Table, fmt: Formatter, key: str, note: str = "") -> Shown:
    """The table as the Word and PowerPoint writers draw it: cells as text, the header naming the unit."""
    shown = visible(table, "documents")
    rows = display_rows(table, fmt, "documents")
    body, total = (rows[:-1], rows[-1]) if table.total else (rows, None)
    return Shown(key, table.title, (table.key.header, *(table.columns[i].header for i in shown)),
                 tuple(map(tuple, body)), (False, *(table.columns[i].kind in NUMERIC for i in shown)),
                 tuple(total) if total else None, note)


def unit_note(fmt: Formatter) -> str:
    """"单位：万元", "Unit: k USD" ..."""
    return fmt.L["unit_note"].format(unit=fmt.unit_label())


def rich_table(table: Table, fmt: Formatter) -> RichTable:
    """The view as a rich table: numbers right-aligned, the total row bold (rich loads only for text
    output: the documents' builds do not need it)."""
    from rich import box
    from rich.table import Table as RichTable
    out = RichTable(title=table.title, caption=unit_note(fmt), box=box.SIMPLE_HEAVY, caption_justify="right")
    out.add_column(table.key.header, no_wrap=True)
    for i in visible(table, "cli"):
        c = table.columns[i]
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
    return printed(rich_table(table, fmt), width, color)


def printed(shown: RichTable, width: int | None = None, color: bool = False) -> str:
    """A rich table printed to text, never narrower than its content."""
    from rich.console import Console
    from rich.measure import Measurement
    buf = io.StringIO()
    console = Console(file=buf, width=1000, force_terminal=color, color_system="auto" if color else None,
                      highlight=False)
    console.width = max(width or 0, Measurement.get(console, console.options, shown).maximum)
    console.print(shown)
    return buf.getvalue()


def finished_text(table: Shown) -> str:
    """A finished report table (present.values.Table, cells already formatted) as terminal text."""
    from rich import box
    from rich.table import Table as RichTable
    out = RichTable(title=table.title, caption=table.note or None, box=box.SIMPLE_HEAVY, caption_justify="right")
    for head, numeric in zip(table.columns, table.numeric):
        out.add_column(head, justify="right" if numeric else "left", no_wrap=True)
    for row in table.rows:
        out.add_row(*row)
    if table.total:
        out.add_section()
        out.add_row(*table.total, style="bold")
    return printed(out)


def raw(kind: str, value: object) -> str:
    """One value for csv: exact integers, decimal ratios, ISO dates."""
    if value is None:
        return ""
    if kind in (SHARE, GROWTH):
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
           "by_quarter", "by_rep", "by_third", "by_week", "cell", "dim_label", "display_rows", "document_table",
           "formatter", "month_row", "ratio", "raw", "render_text", "rich_table", "to_csv", "unit_note", "view",
           "view_names", "visible"]

