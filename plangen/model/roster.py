"""Rosters from files: `team.reps_file` and `crm.customers_file` (CSV or .xlsx) read into the plan.

The YAML stays the plan; HR and CRM exports hold the people. Each row becomes one entry of
`team.reps` or `crm.customers`, and each cell keeps its place (`reps.csv:ROW:COL`), so that every
later check (an unknown region, a duplicate id, a bad date) points into the roster file.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, Iterator

from .. import tabular
from .errors import Location, Path, PlanError, Problem
from .loader import Document

MAX_ROWS = 1_000_000

REP_COLUMNS = ("id", "name", "region", "weight", "start", "end", "title", "manager", "proposed")
CUSTOMER_COLUMNS = ("name", "revenue_last_year", "owner", "tier", "region")

# Header words people use in each supported locale's exports (compared in lower case, _ for spaces).
REP_ALIASES: dict[str, str] = {
    # zh-CN
    "工号": "id", "编号": "id", "员工编号": "id", "姓名": "name", "名字": "name", "区域": "region",
    "大区": "region", "地区": "region", "权重": "weight", "入职日期": "start", "入职": "start",
    "开始日期": "start", "离职日期": "end", "结束日期": "end", "职位": "title", "职务": "title",
    "经理": "manager", "主管": "manager", "上级": "manager", "提报目标": "proposed", "个人提报": "proposed",
    "自报目标": "proposed", "申报目标": "proposed",
    # zh-TW
    "提報目標": "proposed", "個人提報": "proposed", "自報目標": "proposed", "申報目標": "proposed",
    # en
    "employee_id": "id", "rep_id": "id", "full_name": "name", "hire_date": "start", "start_date": "start",
    "end_date": "end", "leave_date": "end", "job_title": "title", "proposal": "proposed",
    "proposed_target": "proposed", "bottom_up": "proposed", "own_number": "proposed",
    # es
    "código": "id", "codigo": "id", "nombre": "name", "región": "region", "zona": "region", "peso": "weight",
    "alta": "start", "fecha_de_alta": "start", "inicio": "start", "baja": "end", "fecha_de_baja": "end",
    "fin": "end", "cargo": "title", "puesto": "title", "responsable": "manager", "jefe": "manager",
    "gerente": "manager", "propuesta": "proposed", "objetivo_propuesto": "proposed", "propuesto": "proposed",
}
CUSTOMER_ALIASES: dict[str, str] = {
    # zh-CN
    "客户": "name", "客户名称": "name", "名称": "name", "去年收入": "revenue_last_year",
    "去年销售额": "revenue_last_year", "负责人": "owner", "销售代表": "owner", "销售": "owner",
    "级别": "tier", "等级": "tier", "客户等级": "tier", "区域": "region", "大区": "region", "地区": "region",
    # en
    "customer": "name", "account": "name", "last_year_revenue": "revenue_last_year",
    "revenue": "revenue_last_year", "account_owner": "owner", "rep": "owner", "segment": "tier",
    # es
    "cliente": "name", "nombre": "name", "ventas_año_anterior": "revenue_last_year",
    "facturación_año_anterior": "revenue_last_year", "responsable": "owner", "comercial": "owner",
    "vendedor": "owner", "nivel": "tier", "región": "region", "zona": "region",
}


@dataclass(frozen=True)
class RosterSpec:
    """Where a roster file is named in the plan and where its rows go."""

    section: str
    file_key: str
    list_key: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, str]


SPECS = (
    RosterSpec("team", "reps_file", "reps", REP_COLUMNS, ("id", "name"), REP_ALIASES),
    RosterSpec("crm", "customers_file", "customers", CUSTOMER_COLUMNS, ("name",), CUSTOMER_ALIASES),
)


def expand_rosters(doc: Document, base: FsPath) -> Document:
    """The document with every roster file's rows in place of its `*_file` key, each cell located."""
    for spec in SPECS:
        section = doc.data.get(spec.section) if isinstance(doc.data, dict) else None
        if isinstance(section, dict) and section.get(spec.file_key) is not None:
            doc = _expand(doc, spec, section, base)
    return doc


def _expand(doc: Document, spec: RosterSpec, section: dict, base: FsPath) -> Document:
    key_path = (spec.section, spec.file_key)
    where = doc.locate(key_path)
    if section.get(spec.list_key):
        raise PlanError([Problem(f"expected either {spec.section}.{spec.list_key} or {spec.section}."
                                 f"{spec.file_key}, found both", key_path, where)])
    name = section[spec.file_key]
    if not isinstance(name, str) or not name.strip():
        raise PlanError([Problem(f"expected the path of a .csv or .xlsx file, found {name!r}", key_path, where)])
    path = base / name.strip()
    rows, locations = read_roster(path, str(path), spec, where)
    data = {**doc.data, spec.section: {**section, spec.list_key: rows}}
    return Document(data, {**doc.locations, **locations}, doc.file, doc.key_locations)


def read_roster(path: FsPath, shown: str, spec: RosterSpec,
                where: Location | None) -> tuple[list[dict], dict[Path, Location]]:
    """Rows of a roster file as plan entries, and the location of every entry and cell."""
    table = _read_table(path, shown, where, (spec.section, spec.file_key))
    header = next(table, None)
    if header is None:
        raise PlanError([Problem("the file is empty; expected a header row and one row per entry",
                                 (spec.section, spec.file_key), Location(shown, 1, 1))])
    columns = _columns(header[1], shown, spec)
    return _entries(table, columns, shown, spec)


def _columns(header: list[Any], shown: str, spec: RosterSpec) -> dict[int, str]:
    """0-based column index -> plan key; every unknown or missing header reported at once."""
    out: dict[int, str] = {}
    problems: list[Problem] = []  # PlanError lists the first MAX_PROBLEMS and counts the rest
    for i, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        key = column_key(text, spec)
        if key is None:
            hint = difflib.get_close_matches(text.lower(), spec.columns, n=1)
            problems.append(Problem(f"unknown column {text!r}; expected one of {', '.join(spec.columns)}"
                                    + (f" (did you mean {hint[0]!r}?)" if hint else ""),
                                    (spec.section, spec.list_key), Location(shown, 1, i + 1)))
        elif key in out.values():
            problems.append(Problem(f"column {text!r} repeats {key!r}; expected each column once",
                                    (spec.section, spec.list_key), Location(shown, 1, i + 1)))
        else:
            out[i] = key
    for key in spec.required:
        if key not in out.values():
            problems.append(Problem(f"missing column {key!r}; expected columns {', '.join(spec.columns)} "
                                    f"({' and '.join(spec.required)} required)", (spec.section, spec.list_key),
                                    Location(shown, 1, 1)))
    if problems:
        raise PlanError(problems)
    return out


def column_key(header: str, spec: RosterSpec) -> str | None:
    """The plan key a header names: the key itself or a locale's word for it."""
    folded = "_".join(header.lower().split())
    key = folded if folded in spec.columns else spec.aliases.get(folded)
    return key if key in spec.columns else None


def _entries(table: Iterator[tuple[int, list[Any]]], columns: dict[int, str], shown: str,
             spec: RosterSpec) -> tuple[list[dict], dict[Path, Location]]:
    rows: list[dict] = []
    locations: dict[Path, Location] = {}
    base = (spec.section, spec.list_key)
    locations[base] = Location(shown, 1, 1)
    for line, cells in table:
        entry = {key: _value(cells[i]) for i, key in columns.items() if i < len(cells) and not _blank(cells[i])}
        if not entry:
            continue
        index = len(rows)
        locations[base + (index,)] = Location(shown, line, 1)
        for i, key in columns.items():
            locations[base + (index, key)] = Location(shown, line, i + 1)
        rows.append(entry)
    return rows, locations


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _value(cell: Any) -> Any:
    """A cell as the YAML would give it: dates as dates, numbers as numbers, text stripped."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell.strip() if isinstance(cell, str) else cell


def _read_table(path: FsPath, shown: str, where: Location | None,
                key_path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(1-based row number, cells) of the file's first sheet, header first (plangen.tabular reads it)."""
    if path.suffix.lower() not in (*tabular.WORKBOOKS, ".csv", ".txt", ".tsv"):
        raise PlanError([Problem(f"expected a .csv or .xlsx roster file, found {path.name!r}", key_path, where)])
    try:
        rows = tabular.read_rows(path, "roster file")
    except OSError as e:
        raise PlanError([Problem(f"cannot read the roster file {shown}: {e.strerror}", key_path, where)]) from None
    except tabular.ReadProblem as e:
        raise PlanError([Problem(str(e), key_path, Location(shown, e.line, 1))]) from None
    if len(rows) > MAX_ROWS:
        raise PlanError([Problem(f"the roster has more than {MAX_ROWS:,} rows; expected fewer",
                                 key_path, Location(shown, MAX_ROWS + 1, 1))])
    return iter(rows)
