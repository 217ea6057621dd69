"""docs/context.md is generated from the code and must be current."""
from __future__ import annotations

from pathlib import Path

from plangen.present.context_doc import generate, walk
from plangen.present.values import Money

DOC = Path(__file__).resolve().parents[2] / "docs" / "context.md"


def it_is_current() -> None:
    """Fails when the context changed and docs/context.md was not regenerated."""
    assert DOC.read_text(encoding="utf-8") == generate(), (
        "docs/context.md is stale: run `plangen templates context-doc -o docs/context.md`")


def it_documents_every_name_user_templates_use() -> None:
    text = generate()
    for name in ("`plan.title`", "`targets.total`", "`rep.name`", "`rep.targets.period`", "`months[].target`",
                 "`customers[].name`", "`rep_months[].working_days`", "`tables.quarters`", "`L`"):
        assert name in text


def it_walks_lists_of_records_and_names_types() -> None:
    rows = list(walk("months", [{"label": "1月", "target": Money(10, "10万")}]))
    assert rows == [("months", "list of 1", ""), ("months[].label", "text", "1月"),
                    ("months[].target", "Money", "10万")]
