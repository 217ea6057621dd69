"""The review on the command line and in the documents: the body shows the plan, the appendix the findings."""
from __future__ import annotations

import io
import json
import re

import docx
import pytest
from click.testing import CliRunner
from pptx import Presentation

from plangen.cli import cli
from plangen.decompose import decompose
from plangen.present.context import build_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.pptx.deck import render_deck
from plangen.render.template_set import TemplateSet
from plangen.review import review
from plangen.review.text import Writer

TITLES = {"zh-CN": "编制说明", "en": "Notes on this plan", "es": "Notas sobre el plan"}


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def rejected(tmp_path, zh_rejected, to_yaml_text):
    """The zh sample as filed in issue 12, as a file."""
    path = tmp_path / "rejected.yaml"
    path.write_text(to_yaml_text(zh_rejected), encoding="utf-8")
    return path


@pytest.mark.parametrize("sample", ["zh-annual-plan.yaml", "en-half-year-plan.yaml", "es-regional-plan.yaml",
                                    "es-MX-quarter-plan.yaml"])
def it_passes_each_sample_strictly(samples_dir, sample) -> None:
    done = _run("review", samples_dir / sample, "--strict")
    assert done.exit_code == 0, done.output


def it_lists_findings_with_their_place_severity_and_what_to_change(rejected) -> None:
    done = _run("review", rejected)
    assert done.exit_code == 0                        # warnings only: exit 0 without --strict
    first = done.output.splitlines()[0]
    assert re.match(r".*rejected\.yaml:\d+:\d+: 警告: funnel\.visits_per_opportunity: 4名销售代表（共4名）每个工作日需拜访超过6次",
                    first), first
    assert done.output.splitlines()[1].startswith("    原因：") and done.output.splitlines()[2].startswith("    建议：")
    assert done.output.splitlines()[-1].startswith("计划审查：0个错误，")


def it_exits_2_on_warnings_with_strict_and_on_errors_always(rejected, tmp_path, make_plan, to_yaml_text) -> None:
    assert _run("review", rejected, "--strict").exit_code == 2
    huge = tmp_path / "huge.yaml"
    huge.write_text(to_yaml_text(make_plan(**{"market": {"capacity": "1M"}})), encoding="utf-8")
    done = _run("review", huge)
    assert done.exit_code == 2 and ": error: market.capacity: the target $12,000,000 is 1,200.0% of" in done.output


def it_writes_json_with_locations(rejected) -> None:
    doc = json.loads(_run("review", rejected, "--format", "json").output)
    by_code = {f["code"]: f for f in doc["findings"]}
    assert by_code["seasonality.below_last_year"]["location"]["line"] > 0
    assert by_code["ramp.region_alone"]["path"] == "team.reps[3].start"
    assert doc["summary"]["warning"] == sum(f["severity"] == "warning" for f in doc["findings"])


def it_prints_the_review_summary_after_build(rejected, tmp_path) -> None:
    done = _run("build", rejected, "-o", tmp_path / "out")
    assert done.exit_code == 0 and "计划审查：0个错误，" in done.output and "(plangen review)" in done.output


def _sentences(plan_dict, plan_from):
    plan = plan_from(plan_dict)
    d = decompose(plan)
    w = Writer(plan, d)
    return plan, d, [w.sentence(f) for f in review(plan, d).findings]


def _body_and_appendix(doc: docx.document.Document, title: str) -> tuple[str, str]:
    texts = [p.text for p in doc.paragraphs]
    at = max(i for i, t in enumerate(texts) if t == title)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(texts[:at] + cells), "\n".join(texts[at:])


@pytest.mark.parametrize("locale", ["zh-CN", "en", "es"])
def it_puts_every_finding_in_the_appendix_and_none_in_the_body(zh_rejected, plan_from, locale) -> None:
    plan, d, sentences = _sentences({**zh_rejected, "plan": {**zh_rejected["plan"], "locale": locale}}, plan_from)
    doc = docx.Document(io.BytesIO(render_plan_docx(build_context(plan, d), TemplateSet())))
    body, appendix = _body_and_appendix(doc, TITLES[locale])
    assert len(sentences) >= 8
    for s in sentences:
        assert s in appendix and s not in body
    assert "plangen review" not in body


def it_puts_the_findings_in_the_decks_speaker_notes(zh_rejected, plan_from) -> None:
    plan, d, sentences = _sentences(zh_rejected, plan_from)
    deck = Presentation(io.BytesIO(render_deck(build_context(plan, d), TemplateSet())))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    body = "\n".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert all(s in notes for s in sentences) and not any(s in body for s in sentences)


def it_prints_the_calendar_estimate_only_when_working_days_shape_the_figures(samples_dir, plan_from) -> None:
    """2027's 调休 is not official: with daily targets over all days and explicit months nothing depends on it."""
    import yaml
    data = yaml.safe_load((samples_dir / "zh-annual-plan.yaml").read_text(encoding="utf-8"))
    plan = plan_from(data)
    assert any("预估日历" in n for n in build_context(plan, decompose(plan))["notices"])
    data["targets"]["calendar"]["daily_basis"] = "all_days"
    plan = plan_from(data)
    assert not any("预估日历" in n for n in build_context(plan, decompose(plan))["notices"])
