"""Per-rep plans in bulk: safe names, the same files with one or several processes, no overwrite
without --force, only complete files after Ctrl-C; and the build/reps commands."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from plangen.batch import rep_file_names, render_reps, safe_name
from plangen.cli import cli
from plangen.decompose import decompose
from plangen.writer import WriteRefused

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "zh-annual-plan.yaml"


def texts(path: Path) -> list[str]:
    """The paragraphs and table cells of a .docx, in order."""
    doc = docx.Document(str(path))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


@pytest.fixture(scope="module")
def team(plan_from, make_plan):
    reps = [{"id": f"r{i}", "name": n} for i, n in
            enumerate(["Ann", "\"O'Brien\"", "A&B <Ltd>", "con", "a/b\\c", "Zoë"], start=1)]
    plan = plan_from(make_plan(**{"team.reps": reps}))
    return plan, decompose(plan)


@pytest.mark.parametrize("text,name", [
    ("r01-Ann", "r01-Ann"), ("r02-\"O'Brien\"", "r02-_O'Brien"), ("a/b\\c:d*e?f<g>h|i", "a_b_c_d_e_f_g_h_i"),
    ("CON", "_CON"), ("lpt1.txt", "_lpt1.txt"), ("  ..  ", "plan"), ("x\x00y\tz", "x_y_z"),
    ("\u202eevil\u200b", "evil"),
])
def test_safe_name_is_valid_on_every_file_system(text, name):
    assert safe_name(text) == name


def test_safe_name_is_short_in_bytes_and_keeps_chinese():
    assert safe_name("r01-张伟") == "r01-张伟"
    assert len(safe_name("张" * 200).encode("utf-8")) <= 120


def test_rep_file_names_are_unique():
    assert rep_file_names([("r1", "A/B"), ("r1", "A:B"), ("r2", "")]) == ["r1-A_B.docx", "r1-A_B-2.docx", "r2.docx"]


def test_one_file_per_rep_and_the_same_documents_with_two_processes(team, tmp_path):
    plan, d = team
    one = render_reps(plan, d, tmp_path / "one", jobs=1)
    two = render_reps(plan, d, tmp_path / "two", jobs=2)
    assert not one.interrupted and len(one.written) == len(two.written) == 6
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert "r3-A&B_Ltd.docx" in names and "r4-con.docx" in names
    for name in names:
        assert texts(tmp_path / "one" / name) == texts(tmp_path / "two" / name)


def test_existing_outputs_are_not_replaced_without_force(team, tmp_path):
    plan, d = team
    render_reps(plan, d, tmp_path, jobs=1)
    first = tmp_path / "r1-Ann.docx"
    first.write_bytes(b"mine")
    with pytest.raises(WriteRefused, match="--force"):
        render_reps(plan, d, tmp_path, jobs=1)
    assert first.read_bytes() == b"mine"
    render_reps(plan, d, tmp_path, jobs=1, force=True)
    assert first.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_leaves_only_complete_files_and_says_how_far_it_got(team, tmp_path, jobs):
    plan, d = team
    seen = []

    def stop_after_two(path: Path) -> None:
        seen.append(path)
        if len(seen) == 2:
            raise KeyboardInterrupt

    result = render_reps(plan, d, tmp_path, jobs=jobs, on_done=stop_after_two)
    assert result.interrupted and 2 <= len(result.written) <= 6
    files = list(tmp_path.iterdir())
    assert all(f.suffix == ".docx" for f in files)  # no temporary files left behind
    for f in files:
        docx.Document(str(f))  # every file is complete
    assert sorted(files) == sorted(result.written)
    assert f"{len(files)} of 6" in result.summary()


def test_build_writes_the_plan_and_rep_plans_and_refuses_to_overwrite(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    done = runner.invoke(cli, ["build", str(SAMPLE), "-o", str(out), "--reps", "--jobs", "2"])
    assert done.exit_code == 0, done.output
    plan_doc = out / "销售经理明年工作计划.docx"
    assert plan_doc.exists() and "销售目标" in texts(plan_doc)
    assert sorted(p.name for p in (out / "reps").iterdir()) == ["r01-张伟.docx", "r02-李娜.docx", "r03-王强.docx",
                                                                "r04-刘洋.docx", "r05-陈静.docx"]
    again = runner.invoke(cli, ["build", str(SAMPLE), "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output
    assert runner.invoke(cli, ["build", str(SAMPLE), "-o", str(out), "--force"]).exit_code == 0


def test_reps_command_writes_one_plan_per_rep(tmp_path):
    done = CliRunner().invoke(cli, ["reps", str(SAMPLE), "-o", str(tmp_path), "--jobs", "1"])
    assert done.exit_code == 0, done.output
    assert "5 rep plans written" in done.output and len(list(tmp_path.glob("*.docx"))) == 5


def test_build_uses_a_company_template_folder(tmp_path):
    company = tmp_path / "company"
    (company / "outlines").mkdir(parents=True)
    (company / "outlines" / "document.yaml").write_text("- {text: targets_summary}\n", encoding="utf-8")
    done = CliRunner().invoke(cli, ["build", str(SAMPLE), "-o", str(tmp_path / "out"), "--templates", str(company)])
    assert done.exit_code == 0, done.output
    doc = docx.Document(str(tmp_path / "out" / "销售经理明年工作计划.docx"))
    assert [p.text for p in doc.paragraphs if p.text][0].startswith("2027年销售目标为1亿元")


# -- --shard K/N: any job scheduler splits the team -------------------------------------------

@pytest.mark.parametrize("text,k,n", [("1/1", 1, 1), ("2/4", 2, 4), (" 4/4 ", 4, 4)])
def test_it_reads_a_shard_as_k_of_n(text, k, n):
    from plangen.batch import Shard
    assert Shard.parse(text) == Shard(k, n)


@pytest.mark.parametrize("text", ["0/4", "5/4", "2", "2/", "/4", "a/b", "-1/4", "2/0"])
def test_it_refuses_a_shard_that_is_not_k_of_n(text):
    from plangen.batch import Shard
    with pytest.raises(ValueError, match=r"expected K/N with 1 <= K <= N \(such as 2/4\), found"):
        Shard.parse(text)


def test_it_gives_shard_k_of_n_the_reps_whose_index_mod_n_is_k_minus_1(team, tmp_path):
    """Six reps r1..r6 (index 0..5) in 2 shards: shard 1 has index 0, 2, 4 (r1, r3, r5), shard 2 has
    r2, r4, r6; together the same six files, named as in one run, no rep twice."""
    from plangen.batch import Shard
    plan, d = team
    whole = render_reps(plan, d, tmp_path / "all")
    first = render_reps(plan, d, tmp_path / "split", shard=Shard(1, 2))
    second = render_reps(plan, d, tmp_path / "split", jobs=2, shard=Shard(2, 2))
    assert [p.name[:2] for p in first.written] == ["r1", "r3", "r5"]
    assert sorted(p.name[:2] for p in second.written) == ["r2", "r4", "r6"]
    assert sorted(p.name for p in first.written + second.written) == sorted(p.name for p in whole.written)


def test_it_writes_the_annual_plan_in_shard_1_only_and_a_shard_of_the_reps(tmp_path):
    """`build --reps --shard 2/3` on the 6-rep zh sample: reps 2 and 5 (index 1, 4), no annual plan;
    `--shard 1/3`: the annual plan and reps 1 and 4."""
    runner = CliRunner()
    second = runner.invoke(cli, ["build", str(SAMPLE), "-o", str(tmp_path / "b"), "--reps", "--jobs", "1",
                                 "--shard", "2/3"])
    assert second.exit_code == 0, second.output
    assert not list((tmp_path / "b").glob("*.docx"))
    first = runner.invoke(cli, ["build", str(SAMPLE), "-o", str(tmp_path / "b"), "--reps", "--jobs", "1",
                                "--shard", "1/3"])
    assert first.exit_code == 0, first.output
    assert list((tmp_path / "b").glob("*.docx"))
    assert len(list((tmp_path / "b" / "reps").glob("*.docx"))) == 4


@pytest.mark.parametrize("args,message", [
    (["reps", "--shard", "3/2"], "Invalid value for '--shard': expected K/N with 1 <= K <= N (such as 2/4), found '3/2'"),
    (["build", "--shard", "1/2"], "--shard needs --reps and no --watch (it splits the rep plans over jobs)"),
])
def test_it_refuses_a_bad_shard_with_exit_2_and_writes_nothing(tmp_path, args, message):
    result = CliRunner().invoke(cli, [args[0], str(SAMPLE), "-o", str(tmp_path / "o"), *args[1:]])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "o").exists()


def test_it_syncs_the_disk_once_at_the_end_not_once_per_plan(team, tmp_path, monkeypatch):
    """4 rep plans in one process: no fsync per file (4 ms each on a virtual disk), one os.sync after
    the last; every file is complete."""
    import os
    calls: list[str] = []
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    plan, d = team
    result = render_reps(plan, d, tmp_path, jobs=1, on_done=lambda p: calls.append("done"))
    assert calls == ["done"] * len(d.reps) + ["sync"]
    assert all(texts(p) for p in result.written)


@pytest.mark.parametrize("count,jobs,size", [
    (1000, 2, 16),   # 1000 // 16 = 62 > 16: the cap
    (100, 2, 6),     # 100 // (2 * 8) = 6: 17 chunks, 8 or more per worker
    (10, 2, 1),      # a small team: one document per task
    (1, 4, 1),
])
def it_sends_documents_to_the_workers_in_chunks_that_keep_every_worker_busy(count: int, jobs: int, size: int) -> None:
    """Up to 16 documents per task (one future per document cost the parent part of a core), fewer so
    that each worker gets at least 8 chunks."""
    from plangen.batch import chunk_size
    assert chunk_size(count, jobs) == size
