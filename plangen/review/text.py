"""Findings as sentences in the plan's language: one line per finding for the terminal, JSON, a summary."""
from __future__ import annotations

from dataclasses import dataclass

from ..decompose import Decomposition
from ..locales import locale as plan_locale
from ..model.errors import format_path
from ..model.loader import Document
from ..model.schema import Plan
from plangen.present.fmt import Formatter
from plangen.present.wording import wording
from .finding import Finding, Money, MonthVs, Names, Num, Pct, QuarterPcts, Review, Word
from .messages import FIELDS, MESSAGES, PATTERNS, SEVERITY



@dataclass(frozen=True)
class Text:
    """One finding in words: what was found, why it matters, what to change."""

    severity: str
    path: str
    found: str
    why: str
    fix: str


class Writer:
    """Formats findings for one plan: its locale, currency, display unit and months."""

    def __init__(self, plan: Plan, d: Decomposition):
        p = plan.plan
        self.locale, self.d = p.locale, d
        self.words = plan_locale(p.locale).wording_id  # the messages' language: es-MX reads es's, reworded
        self.reword = wording(p.locale).reword
        smallest = min((m.amount for m in d.months if m.amount > 0), default=0)
        self.f = Formatter.for_plan(p.locale, p.currency, p.display_unit).precise_for(smallest)

    def text(self, finding: Finding) -> Text:
        """The finding's three sentences with its values formatted."""
        values = {k: self.value(v) for k, v in finding.values.items()}
        found, why, fix = (self.reword(s).format(**values) for s in MESSAGES[finding.code][self.words])
        return Text(SEVERITY[self.words][finding.severity], format_path(finding.path), found, why, fix)

    def value(self, v: object) -> str:
        """A finding value as text in the plan's locale."""
        if isinstance(v, Money):
            return self.f.money(v.value)
        if isinstance(v, Pct):
            return self.f.percent(v.value, v.digits)
        if isinstance(v, Num):
            return self.f.number(v.value, v.digits)
        if isinstance(v, Word):
            return FIELDS[self.words][v.key] if v.key else ""
        if isinstance(v, Names):
            return self.names(tuple(FIELDS[self.words].get(x, x) for x in v.items))
        if isinstance(v, MonthVs):
            return self.names(tuple(self.month_vs(*x) for x in v.items))
        if isinstance(v, QuarterPcts):
            pattern = PATTERNS[self.words]["quarter_pct"]
            return self.names(tuple(pattern.format(quarter=self.f.quarter(self.d.quarters[q].quarter),
                                                   pct=self.f.percent(g, 1)) for q, g in v.items))
        if isinstance(v, int) and not isinstance(v, bool):
            return self.f.count(v)
        return str(v)

    def month_vs(self, i: int, plan: int, last: int) -> str:
        m = self.d.months[i]
        return PATTERNS[self.words]["month_vs"].format(
            month=self.f.month(m.year, m.month), plan=self.f.money(plan), last=self.f.money(last))

    def names(self, items: tuple[str, ...]) -> str:
        """Names joined the locale's way: A, B and C / A、B和C / A, B y C."""
        return self.f.join(list(items)) if items else "—"

    def summary(self, r: Review) -> str:
        """One line: how many errors, warnings and notes."""
        p = PATTERNS[self.words]
        if not r.findings:
            return p["clean"]
        return p["summary"].format(errors=r.count("error"), warnings=r.count("warning"), notes=r.count("note"))

    def sentence(self, finding: Finding) -> str:
        """Found, why and fix as one paragraph (the documents' appendix and speaker notes)."""
        t = self.text(finding)
        stop = "。" if plan_locale(self.locale).east_asian else "."
        return (stop if stop == "。" else ". ").join(_capital(s, self.locale) for s in (t.found, t.why, t.fix)) + stop


def _capital(s: str, locale: str) -> str:
    return s if plan_locale(locale).east_asian or not s else s[0].upper() + s[1:]


def lines(w: Writer, r: Review, doc: Document) -> list[str]:
    """Terminal lines: `file:line:col: severity: key.path: found`, then why and what to change, indented."""
    p = PATTERNS[w.words]
    out = []
    for f in r.findings:
        t = w.text(f)
        where = doc.locate(f.path) or doc.file
        out += [f"{where}: {t.severity}: {t.path}: {t.found}", f"    {p['why']}{t.why}", f"    {p['fix']}{t.fix}"]
    return out


def as_json(w: Writer, r: Review, doc: Document) -> dict:
    """The review as a JSON-ready mapping: summary counts and every finding with its location and text."""
    items = []
    for f in r.findings:
        t, loc = w.text(f), doc.locate(f.path)
        items.append({"code": f.code, "check": f.check, "severity": f.severity, "path": t.path,
                      "location": {"file": loc.file, "line": loc.line, "column": loc.column} if loc else None,
                      "found": t.found, "why": t.why, "fix": t.fix})
    counts = {s: r.count(s) for s in ("error", "warning", "note")}
    return {"file": doc.file, "summary": counts, "findings": items}
