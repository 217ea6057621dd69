"""Actuals by month from a .csv or .xlsx file, checked against the plan; errors name file, row and column.

Columns (header row first, any order, case-insensitive): month (2027-03, a date, or 3 when the
period holds that month once) or week (2027-W14, or W14 / 14 when the period holds that ISO week
once), amount (3.5万, 120000, 1.2M), and optionally rep (id or name), region, product_line,
customer_type. Blank rows are skipped; rows of the same month (or week) add up.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..locales import actuals_aliases
from ..locales import locale as plan_locale
from ..model.errors import MAX_PROBLEMS, Location, PlanError, Problem
from ..model.schema import Plan
from ..model.values import ValueProblem, parse_amount, parse_month
from ..tabular import WORKBOOKS, read_rows

REQUIRED = ("month", "amount")
DIMENSIONS = ("region", "product_line", "customer_type")
COLUMNS = (*REQUIRED, "rep", *DIMENSIONS)
WEEK = "week"          # instead of month: weekly actuals
ALIASES = actuals_aliases()  # every locale's header words, week columns included (plangen.locales)


@dataclass(frozen=True)
class ActualRow:
    """One checked row: its place in the file, the period month index, amount, rep and dimensions."""

    row: int
    month: int
    amount: int
    rep: str | None
    dims: Mapping[str, str]
    week: tuple[int, int] | None = None      # (ISO year, ISO week) of a weekly row; month: the month it ends in


@dataclass(frozen=True)
class Actuals:
    """Every checked row of an actuals file."""

    file: str
    rows: tuple[ActualRow, ...]
    columns: tuple[str, ...]

    @property
    def last_month(self) -> int | None:
        """The index of the latest period month with a row, or None when there is none."""
        return max((r.month for r in self.rows), default=None)

    def by_month(self, months: int, **match: str | None) -> tuple[int, ...]:
        """Amounts per period month of the rows whose fields equal `match` (rep=..., region=...)."""
        out = [0] * months
        for r in self.rows:
            if r.week is None and matches(r, match):
                out[r.month] += r.amount
        return tuple(out)

    def by_week(self, **match: str | None) -> dict[tuple[int, int], int]:
        """Amounts per (ISO year, ISO week) of the weekly rows whose fields equal `match`."""
        out: dict[tuple[int, int], int] = {}
        for r in self.rows:
            if r.week is not None and matches(r, match):
                out[r.week] = out.get(r.week, 0) + r.amount
        return out

    def by_week_and_rep(self, **match: str | None) -> dict[tuple[tuple[int, int], str | None], int]:
        """Amounts per (ISO week, rep) of the weekly rows whose fields equal `match`."""
        out: dict[tuple[tuple[int, int], str | None], int] = {}
        for r in self.rows:
            if r.week is not None and matches(r, match):
                out[r.week, r.rep] = out.get((r.week, r.rep), 0) + r.amount
        return out


def matches(r: ActualRow, match: Mapping[str, str | None]) -> bool:
    """Whether a row's rep and dimensions equal every field of `match`."""
    return all((r.rep if k == "rep" else r.dims.get(k)) == v for k, v in match.items())


class RowProblems:
    """Collects problems at (row, column) of one file."""

    def __init__(self, file: str):
        self.file, self.problems, self.more = file, [], 0

    def add(self, row: int, col: int, key: str, message: str) -> None:
        """Record a problem at a 1-based row and column (past MAX_PROBLEMS, only count it)."""
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        self.problems.append(Problem(message, (key,), Location(self.file, row, col)))

    def raise_if_any(self) -> None:
        """Stop with the problems found (the first MAX_PROBLEMS, and how many more)."""
        if self.problems:
            raise PlanError(self.problems, self.more)


# --- reading ----------------------------------------------------------------------------------


def read_actuals(path: str | Path, plan: Plan) -> Actuals:
    """Read and check an actuals file against the plan's period, reps and split keys."""
    name = str(path)
    try:
        header, rows = read_cells(Path(path))
    except (OSError, ValueError, KeyError) as e:
        line = getattr(e, "line", 1)
        raise PlanError([Problem(f"cannot read the actuals file: {e}", (), Location(name, line, 1))]) from None
    return check_rows(name, header, rows, plan)


def read_cells(path: Path) -> tuple[list[object], list[tuple[int, list[object]]]]:
    """The header cells and the (row number, cells) of every other non-blank row."""
    if path.suffix.lower() not in (*WORKBOOKS, ".csv", ".txt"):
        raise ValueError(f"expected a .csv or .xlsx file, found {path.suffix or 'no extension'!r}")
    table = read_rows(path)
    table = [(i, cells) for i, cells in table if any(not blank(c) for c in cells)]
    if not table:
        raise ValueError("the file is empty; expected a header row with month and amount")
    return table[0][1], table[1:]


def blank(cell: object) -> bool:
    """Whether a cell holds nothing."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


# --- checking ---------------------------------------------------------------------------------


def column_key(cell: object) -> str:
    """A header cell as a column key: 'Product line' -> product_line, 区域 -> region."""
    key = str(cell or "").strip().lower().replace(" ", "_").replace("-", "_")
    return ALIASES.get(key, key)


def header_columns(file: str, header: Sequence[object]) -> dict[str, int]:
    """Column key -> 0-based index; PlanError naming what is missing."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = column_key(cell)
        if (key in COLUMNS or key == WEEK) and key not in cols:
            cols[key] = i
    missing = [k for k in REQUIRED if k not in cols and not (k == "month" and "week" in cols)]
    if missing:
        found = ", ".join(str(c) for c in header if not blank(c)) or "none"
        out = RowProblems(file)
        for k in missing:
            out.add(1, len(header) + 1, k, f"missing column {k!r}; expected columns {', '.join(COLUMNS)} "
                    f"(month and amount required), found {found}")
        out.raise_if_any()
    return cols


def check_rows(file: str, header: Sequence[object], rows: Sequence[tuple[int, Sequence[object]]],
               plan: Plan) -> Actuals:
    """Every row parsed and checked; all problems are reported together."""
    cols = header_columns(file, header)
    out = RowProblems(file)
    ctx = RowContext(plan)
    good = []
    for n, cells in rows:
        row = check_row(n, cells, cols, ctx, out)
        if row is not None:
            good.append(row)
    out.raise_if_any()
    return Actuals(file, tuple(good), tuple(k for k in (*COLUMNS, WEEK) if k in cols))


class RowContext:
    """What a row is checked against: the period months, the reps and the split keys."""

    def __init__(self, plan: Plan):
        self.months = plan.plan.period.month_list()
        self.locale = plan.plan.locale
        self.reps = {r.id: r.id for r in plan.team.reps} | {r.name: r.id for r in plan.team.reps}
        self.rep_ids = [r.id for r in plan.team.reps]
        self.weeks = period_weeks(plan)
        self.splits = {k: list(v) for k, v in plan.targets.split.items()}
        first, last = self.months[0], self.months[-1]
        self.period = f"{first[0]}-{first[1]:02d} – {last[0]}-{last[1]:02d}"


def cell_at(cells: Sequence[object], i: int | None) -> object:
    """The cell at index i, or None past the end or for a missing column."""
    return cells[i] if i is not None and i < len(cells) else None


def check_row(n: int, cells: Sequence[object], cols: dict[str, int], ctx: RowContext,
              out: RowProblems) -> ActualRow | None:
    """One row checked; None (with problems recorded) when it is not usable."""
    before = len(out.problems)
    month, week = month_or_week(n, cells, cols, ctx, out)
    amount = amount_of(cell_at(cells, cols["amount"]), lambda m: out.add(n, cols["amount"] + 1, "amount", m),
                       ctx.locale)
    rep = rep_of(cell_at(cells, cols.get("rep")), ctx, lambda m: out.add(n, cols["rep"] + 1, "rep", m))
    dims = {}
    for key in DIMENSIONS:
        value = dim_of(key, cell_at(cells, cols.get(key)), ctx, lambda m, k=key: out.add(n, cols[k] + 1, k, m))
        if value is not None:
            dims[key] = value
    if len(out.problems) > before:
        return None
    return ActualRow(n, month, amount, rep, dims, week)


def month_index(cell: object, ctx: RowContext, fail) -> int | None:
    """The period month index of a month cell (2027-03, 2027/3, 03/2027, a date, or a bare 3)."""
    if blank(cell):
        return fail("expected a month such as 2027-03 or 3, found an empty cell")
    value = cell
    if isinstance(cell, str):
        text = cell.strip().replace("/", "-").replace(".", "-")
        value = int(text) if text.isdigit() else (text[:7] if len(text) == 10 and text[4] == "-" else text)
        if isinstance(value, str) and re.fullmatch(r"\d{1,2}-\d{4}", value):   # 03/2027 -> 2027-03
            value = "-".join(reversed(value.split("-")))
    elif isinstance(cell, float) and cell.is_integer():
        value = int(cell)
    try:
        year, month = parse_month(value)
    except ValueProblem as e:
        return fail(str(e))
    hits = [i for i, (y, m) in enumerate(ctx.months) if m == month and (not year or y == year)]
    if not hits:
        shown = f"{year}-{month:02d}" if year else str(month)
        return fail(f"month {shown} is outside the plan period {ctx.period}")
    if len(hits) > 1:
        return fail(f"month {month} occurs more than once in the plan period {ctx.period}; write it with its year")
    return hits[0]


# --- weekly rows ------------------------------------------------------------------------------


def period_weeks(plan: Plan) -> dict[tuple[int, int], int]:
    """(ISO year, ISO week) -> the period month index its last day in the period falls in."""
    p, out = plan.plan.period, {}
    months = {ym: i for i, ym in enumerate(p.month_list())}
    day = p.first_day
    while day <= p.last_day:
        out[day.isocalendar()[:2]] = months[(day.year, day.month)]
        day += dt.timedelta(days=1)
    return out


def month_or_week(n: int, cells: Sequence[object], cols: dict[str, int], ctx: RowContext, out: RowProblems
                  ) -> tuple[int | None, tuple[int, int] | None]:
    """The row's month index, and its ISO week in a weekly file (month: the one the week ends in)."""
    if "month" in cols:
        return month_index(cell_at(cells, cols["month"]), ctx, lambda m: out.add(n, cols["month"] + 1, "month", m)), None
    week = week_of(cell_at(cells, cols["week"]), ctx, lambda m: out.add(n, cols["week"] + 1, "week", m))
    return (ctx.weeks[week] if week else None), week


def week_of(cell: object, ctx: RowContext, fail) -> tuple[int, int] | None:
    """An ISO week of the period from 2027-W14, 2027W14, W14, 14 or a date in it."""
    if blank(cell):
        return fail("expected an ISO week such as 2027-W14 or 14, found an empty cell")
    if isinstance(cell, (dt.date, dt.datetime)):
        key = cell.isocalendar()[:2]
        return key if key in ctx.weeks else fail(f"week of {cell} is outside the plan period {ctx.period}")
    text = str(int(cell) if isinstance(cell, float) and cell.is_integer() else cell).strip()
    m = re.fullmatch(r"(?:(\d{4})-?)?W?(\d{1,2})", text.upper())
    if not m:
        return fail(f"expected an ISO week such as 2027-W14 or 14, found {text!r}")
    year, week = (int(m.group(1)) if m.group(1) else None), int(m.group(2))
    hits = [k for k in ctx.weeks if k[1] == week and (year is None or k[0] == year)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return fail(f"week {text} is outside the plan period {ctx.period}")
    return fail(f"week {week} occurs more than once in the plan period {ctx.period}; write it with its year")


EUROPEAN = re.compile(r"([+-]?\d{1,3}(?:\.\d{3})+)(,\d+)?(\s*\S*)")


def european(text: str, locale: str) -> str:
    """48.250,50 -> 48250.50; in es files also 48.250 -> 48250 (a dot groups thousands there)."""
    m = EUROPEAN.fullmatch(text)
    if not m or not (m.group(2) or plan_locale(locale).dot_groups_thousands):
        return text
    return m.group(1).replace(".", "") + (m.group(2) or "").replace(",", ".") + m.group(3)


def amount_of(cell: object, fail, locale: str = "en") -> int | None:
    """An amount cell (3.5万, 120,000, 1.2M, 48.250,50 or a number)."""
    if blank(cell):
        return fail("expected an amount such as 35000 or 3.5万, found an empty cell")
    if isinstance(cell, (dt.date, dt.datetime)):
        return fail(f"expected an amount such as 35000 or 3.5万, found the date {cell}")
    try:
        return parse_amount(european(cell.strip(), locale) if isinstance(cell, str) else cell)
    except ValueProblem as e:
        return fail(str(e).replace("2000万, 1.2M or 500000", "35000, 3.5万 or 1.2M"))


def rep_of(cell: object, ctx: RowContext, fail) -> str | None:
    """A rep id from an id or a name cell; None when blank."""
    if blank(cell):
        return None
    text = str(cell).strip()
    if text in ctx.reps:
        return ctx.reps[text]
    if not ctx.rep_ids:
        return fail(f"unknown rep {text!r}; the plan has no reps (team.reps)")
    return fail(f"unknown rep {text!r}; expected one of {', '.join(ctx.rep_ids)}")


def dim_of(key: str, cell: object, ctx: RowContext, fail) -> str | None:
    """A split value; checked against the plan's split keys when the plan splits by `key`."""
    if blank(cell):
        return None
    text = str(cell).strip()
    known = ctx.splits.get(key)
    if known is not None and text not in known:
        return fail(f"unknown {key} {text!r}; expected one of {', '.join(known)}")
    return text
