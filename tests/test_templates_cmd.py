"""plangen templates export / check: the defaults copied out, a template folder checked in memory."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from pptx import Presentation

from plangen.locales import locale as plan_locale
from plangen.render.jinja import default_dir
from plangen.present.labels import LOCALES, labels
from plangen.templates_cmd import check, default_files, export


@pytest.fixture
def exported(tmp_path) -> Path:
    """A fresh export of the defaults."""
    export(tmp_path / "corp")
    return tmp_path / "corp"


ZH = ("zh-CN",)  # a problem planted in one locale's file (or a base) shows when that locale renders


def _messages(problems, folder: Path) -> list[str]:
    return sorted(p.message.replace(str(folder), "DIR") for p in problems)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*")}


def it_exports_every_default_template(exported) -> None:
    names = default_files()
    assert {"base.docx", "base.pptx", "outlines/document.yaml", "i18n/zh-CN.yaml", "i18n/en.yaml"} <= set(names)
    assert any(n.startswith("text/zh-CN/") and n.endswith(".j2") for n in names)
    for name in names:
        if name not in VARIANT_LABELS:
            assert (exported / name).read_bytes() == (default_dir() / name).read_bytes()


VARIANT_LABELS = [f"i18n/{loc}.yaml" for loc in LOCALES if plan_locale(loc).wording]


@pytest.mark.parametrize("name", VARIANT_LABELS)
def it_exports_a_country_variants_labels_as_the_labels_its_documents_print(exported, name) -> None:
    """i18n/es-MX.yaml in plangen holds es-MX's phrases over es; exported, it is every label es-MX prints
    (so `templates check` of an untouched export finds nothing, and a company rewords any label)."""
    locale = name.split("/")[1].removesuffix(".yaml")
    assert yaml.safe_load((exported / name).read_text(encoding="utf-8")) == dict(labels(locale))


def it_refuses_to_overwrite_an_export_unless_forced(exported) -> None:
    with pytest.raises(FileExistsError, match="--force"):
        export(exported)
    assert export(exported, overwrite=True)


@pytest.fixture(scope="module")
def untouched(tmp_path_factory) -> tuple[Path, list, dict, dict]:
    """One check of an untouched export, shared: (folder, problems, files before, files after)."""
    folder = tmp_path_factory.mktemp("untouched") / "corp"
    export(folder)
    before = _snapshot(folder)
    problems = check(folder)
    return folder, problems, before, _snapshot(folder)


def it_finds_the_same_in_an_untouched_export_as_in_the_defaults(untouched, tmp_path) -> None:
    (tmp_path / "empty").mkdir()
    folder, problems, _, _ = untouched
    assert _messages(problems, folder) == _messages(check(tmp_path / "empty"), tmp_path / "empty")


def it_finds_no_problem_in_the_defaults(untouched) -> None:
    assert [str(p) for p in untouched[1]] == []


def it_writes_nothing(untouched) -> None:
    _, _, before, after = untouched
    assert after == before


def it_reports_a_syntax_error_with_file_and_line(exported) -> None:
    path = exported / "text/zh-CN/document.j2"
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + "\n{% macro broken() %}{{ plan.title }{% endmacro %}\n",
                    encoding="utf-8")
    found = [str(p) for p in check(exported, locales=ZH) if "syntax error" in p.message]
    assert found and found[0].startswith(f"text/zh-CN/document.j2:{lines + 2}: syntax error")


def it_reports_an_unknown_name_with_the_nearest_names(exported) -> None:
    path = exported / "text/zh-CN/document.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\n{% macro extra() %}{{ plan.titel }}{% endmacro %}\n",
                    encoding="utf-8")
    found = [str(p) for p in check(exported, locales=ZH) if "titel" in p.message]
    assert found and "did you mean 'title'" in found[0] and "document.j2" in found[0]


def it_reports_an_outline_naming_a_missing_macro_and_style(exported) -> None:
    path = exported / "outlines/document.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- {text: no_such_macro, style: No Such Style}\n",
                    encoding="utf-8")
    found = [str(p) for p in check(exported, locales=ZH)]
    assert any("'no_such_macro' is neither a macro of text/zh-CN/document.j2" in f for f in found)
    assert any("style: 'No Such Style' is not a style of base.docx" in f for f in found)


def it_reports_layouts_and_styles_the_bases_lack(exported) -> None:
    prs = Presentation(str(exported / "base.pptx"))
    layout = next(x for x in prs.slide_layouts if x.name == "Section Header")
    layout._element.cSld.set("name", "Divider")
    layout._element.attrib.pop("type", None)  # a renamed layout of its type is found by the type
    prs.save(str(exported / "base.pptx"))
    doc = docx.Document(str(exported / "base.docx"))
    doc.styles["Big Number"].name = "Huge Number"
    doc.save(str(exported / "base.docx"))
    found = [str(p) for p in check(exported, locales=ZH)]
    assert any("no layout 'Section Header', which the deck outline uses (nor one of type secHead)" in f
               for f in found)
    assert any("style 'Big Number' is missing" in f for f in found)


def it_reports_a_base_that_is_not_an_office_file(exported) -> None:
    (exported / "base.docx").write_bytes(b"not a zip")
    found = [str(p) for p in check(exported)]
    assert any("base.docx: not a Word document (.docx): the file is not a zip package" in f for f in found)


def it_checks_against_another_plan(exported, samples_dir) -> None:
    assert check(exported, samples_dir / "zh-annual-plan.yaml", locales=ZH) == []


def it_reports_a_missing_folder(tmp_path) -> None:
    assert [p.message for p in check(tmp_path / "nope")] == ["not a folder"]


# -- the commands ------------------------------------------------------------------------------

def _run(*args: str):
    from click.testing import CliRunner
    from plangen.cli import cli
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def it_exports_and_checks_from_the_command_line(tmp_path) -> None:
    folder = tmp_path / "corp"
    assert _run("templates", "export", str(folder)).exit_code == 0
    assert _run("templates", "export", str(folder)).exit_code == 1
    (folder / "text/zh-CN/document.j2").write_text("{% macro x() %}{{ plan.title }{% endmacro %}", encoding="utf-8")
    result = _run("templates", "check", str(folder))
    assert result.exit_code == 2 and "syntax error" in result.output


def it_renders_a_users_file_per_rep_and_refuses_bad_ones(tmp_path, samples_dir) -> None:
    from fixtures.office import quota_docx
    (tmp_path / "quota.docx").write_bytes(quota_docx())
    plan = str(samples_dir / "zh-annual-plan.yaml")
    ok = _run("render", str(tmp_path / "quota.docx"), plan, "--per-rep", "-o", str(tmp_path / "out"))
    assert ok.exit_code == 0 and len(list((tmp_path / "out").glob("quota-r0*.docx"))) == 5
    once = _run("render", str(tmp_path / "quota.docx"), plan, "-o", str(tmp_path / "once"))
    assert once.exit_code == 2 and "--per-rep" in once.output and not (tmp_path / "once").exists()
    (tmp_path / "bad.pptx").write_bytes(b"PK\x03\x04 broken")
    bad = _run("render", str(tmp_path / "bad.pptx"), plan, "-o", str(tmp_path / "out"))
    assert bad.exit_code == 2 and "bad.pptx: not a PowerPoint deck" in bad.output and "Traceback" not in bad.output
