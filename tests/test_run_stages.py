"""The stages in plain sight: ``pipeline/run.py`` calls them one a line, in the order the
"Layout and data flow" of docs/architecture.md draws them, and a run whose records are unchanged writes
each view once (and none into the output when no file differs)."""

from __future__ import annotations

import ast
import json
import re
import shutil

import pytest

import pipeline.emit.pages
import pipeline.emit.xlsx
from pipeline.cli import main

from .conftest import ROOT, SNAPSHOT, forget_fingerprint

# Calls of run.py's _run that are not stages: the check that stops an unchanged page, the
# worker pools and their sizes, the reference places extract reads, the validation's checks.
HELPERS = {"up_to_date", "Pool", "validation_workers", "writer_writes_workbook", "min", "load_locations", "Checks", "Result",
           # a town's several pages read into one release (run.py's helpers)
           "_cited", "_combined", "_in_one_text", "_about", "_together"}


def run_calls() -> list[str]:
    """The functions ``_run`` calls, in the order of the code: ``clock.timed(name, step,
    …)`` counts as a call of ``step``."""
    tree = ast.parse((ROOT / "pipeline" / "run.py").read_text(encoding="utf-8"))
    body = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_run")
    calls = sorted((n for n in ast.walk(body) if isinstance(n, ast.Call)),
                   key=lambda n: (n.lineno, n.col_offset))
    names = []
    for call in calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == "timed":
            names.append(ast.unparse(call.args[1]))
        elif isinstance(call.func, ast.Name):
            names.append(call.func.id)
    return names


def readme_stages() -> list[str]:
    """The first column of the diagram of the stages in docs/architecture.md."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Layout and data flow\n", 1)[1]
    diagram = section.split("```\n", 2)[1]
    return re.findall(r"^  ([a-z_]+) ", diagram, flags=re.MULTILINE)


def test_the_readme_draws_the_stages_run_py_calls_in_their_order():
    stages = readme_stages()
    assert stages[:3] == ["describe", "read", "parse"] and stages[-1] == "swap_in"
    assert [name for name in run_calls() if name not in HELPERS] == stages


def test_validation_and_emission_are_lines_of_their_own():
    stages = readme_stages()
    assert stages.index("write_packages") < stages.index("validate_staged") < stages.index("swap_in")
    # the page's text (the archives hold it), the database, the workbook while the writer
    # zips, the pages once the archives are zipped (they give every file's size)
    assert stages.count("write_views") == 4
    assert stages.index("write_packages") < stages.index("finish_packages") < stages.index("validate_staged")
    # the database, its archive and the pages (which give every file's size, last) while
    # the workers validate (a failing view waits for the verdict: emit.write_views)
    assert stages.index("start_package_archives") < stages.index("start_database_archive") \
        < stages.index("finish_archives") < len(stages) - 1 - stages[::-1].index("write_views") \
        < stages.index("validate_staged") < stages.index("swap_in")


@pytest.fixture
def written(monkeypatch, tmp_path):
    """How many times the workbook and the pages are written during a run, in whichever
    process: each writing is a line of a file (a small page's workbook is written by the
    run's writer process, forked with these counters)."""
    log = tmp_path / "written.log"
    # the workbook is written whole (write, by the run or its writer process) or its parts
    # zipped by the writer (write_parts)
    for name, module, function in (("xlsx", pipeline.emit.xlsx, "write"), ("xlsx", pipeline.emit.xlsx, "write_parts"),
                                   ("pages", pipeline.emit.pages, "write")):
        real = getattr(module, function)

        def counted(*args, real=real, name=name):
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(name + "\n")
            return real(*args)
        monkeypatch.setattr(module, function, counted)

    def counts() -> dict[str, int]:
        lines = log.read_text(encoding="utf-8").split() if log.exists() else []
        return {name: lines.count(name) for name in ("xlsx", "pages")}
    return counts


def test_a_small_page_s_workbook_is_written_by_the_writer_process_the_same_bytes(tmp_path, monkeypatch):
    """The real page is small: its workbook is written whole by the run's writer process
    (its tables sent to it), not by the run's own process, and it is the same file, its
    warnings the same, as the run's own process writes."""
    import os

    import pipeline.run

    writers = tmp_path / "writers.log"
    real = pipeline.emit.xlsx.write

    def write(*args):
        with open(writers, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return real(*args)
    monkeypatch.setattr(pipeline.emit.xlsx, "write", write)
    assert main(["run", "--output", str(tmp_path / "writer"), "--first-release"]) == 0
    pids = writers.read_text(encoding="utf-8").split()
    assert len(pids) == 1 and pids != [str(os.getpid())]
    writers.unlink()
    monkeypatch.setattr(pipeline.run, "WHOLE_WORKBOOK_BELOW_BYTES", 0)  # the run writes it, the writer zips
    assert main(["run", "--output", str(tmp_path / "run"), "--first-release"]) == 0
    assert not writers.exists()
    book = next((tmp_path / "writer" / "xlsx").glob("*.xlsx")).name
    assert (tmp_path / "writer" / "xlsx" / book).read_bytes() == (tmp_path / "run" / "xlsx" / book).read_bytes()
    reports = [json.loads((tmp_path / folder / "run-report.json").read_text(encoding="utf-8"))
               for folder in ("writer", "run")]
    assert reports[0]["warnings"] == reports[1]["warnings"]


def _published_copy(tmp_path):
    release = shutil.copytree(ROOT / "output", tmp_path / "release")
    forget_fingerprint(release)  # a release by other code: the run does the whole work
    return release


def test_an_unchanged_run_writes_each_view_once_and_nothing_into_the_output(tmp_path, capsys, written):
    release = _published_copy(tmp_path)
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    version = json.loads((release / "csv" / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert main(["run", "--output", str(release)]) == 0
    assert f"aucun changement depuis la publication {version}" in capsys.readouterr().out
    assert written() == {"xlsx": 1, "pages": 1}
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before


def test_the_same_records_with_new_metadata_write_the_views_once_with_the_new_version(tmp_path, capsys, written):
    release = _published_copy(tmp_path)
    raw = shutil.copytree(ROOT / "raw", tmp_path / "raw", ignore=shutil.ignore_patterns(".lock-*"))
    manifest = json.loads((raw / "manifest.json").read_text(encoding="utf-8"))
    manifest["snapshots"][-1]["retrieved"] = "2026-11-30"  # the packages' sources change
    (raw / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    major, minor, patch = json.loads((release / "csv" / "datapackage.json").read_text(
        encoding="utf-8"))["version"].split(".")
    following = f"{major}.{minor}.{int(patch) + 1}"
    assert main(["run", "--source", str(raw / SNAPSHOT.name), "--output", str(release)]) == 0
    capsys.readouterr()
    assert written() == {"xlsx": 1, "pages": 1}
    descriptor = json.loads((release / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == following
    assert following in (release / "index.html").read_text(encoding="utf-8")
    log = json.loads((release / "changelog.json").read_text(encoding="utf-8"))["releases"][0]
    assert log["version"] == following and log["level"] == "patch"


def test_a_run_sets_its_page_aside_from_the_collector_and_gives_it_back(tmp_path, monkeypatch, capsys):
    """The parsed page and the tables are frozen out of Python's cycle collector while the
    release is written (gc.freeze), and unfrozen when the run returns, even when it fails:
    a caller that runs again in the same process (the tests) does not keep them for good."""
    import gc

    import pipeline.emit.xlsx as workbook
    import pipeline.run

    frozen = []

    def write(*args, real=workbook._write):  # the workbook, whole or its parts
        frozen.append(gc.get_freeze_count())
        return real(*args)
    with monkeypatch.context() as patched:  # the workbook written in the run's process
        patched.setattr(workbook, "_write", write)
        patched.setattr(pipeline.run, "WHOLE_WORKBOOK_BELOW_BYTES", 0)
        assert gc.get_freeze_count() == 0
        assert main(["run", "--output", str(tmp_path / "out"), "--first-release"]) == 0
        assert frozen and frozen[0] > 10_000  # the page's blocks, records and rows, at least
        assert gc.get_freeze_count() == 0

    def fail(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(workbook, "_write", fail)  # in the writer process, which writes it
    assert main(["run", "--output", str(tmp_path / "again"), "--first-release"]) != 0
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert gc.get_freeze_count() == 0


def test_a_failure_in_the_writer_process_is_one_line_and_leaves_the_release_unchanged(
        tmp_path, capsys, monkeypatch):
    """The Parquet package is converted by the writer process (forked by the run, with
    this test's replacement of the converter): its failure reaches the run, which writes
    nothing."""
    import pipeline.emit.parquet

    release = _published_copy(tmp_path)
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    page = tmp_path / "page.txt"
    page.write_text(SNAPSHOT.read_text(encoding="utf-8").replace("300 000€", "350 000€"), encoding="utf-8")

    def full(source, path, schema):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(pipeline.emit.parquet, "convert", full)
    assert main(["run", "--source", str(page), "--output", str(release)]) != 0
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before
    assert not [p for p in release.parent.iterdir() if p.name.startswith(".release")]


def test_a_run_inside_a_worker_process_writes_its_release_itself(tmp_path):
    """A town of a national run runs in a worker process, which may not start processes of
    its own: its run validates and writes in itself (no writer process either)."""
    from pipeline.national import TownJob, run_towns

    from .test_national import REAL_PAGE, write_town

    (made,) = run_towns([TownJob(write_town(tmp_path, "ivry-la-bataille"), REAL_PAGE, tmp_path / "b")], 1)
    assert (made.version, made.level, made.error) == ("1.0.0", "initial", "")
    assert (tmp_path / "b" / "parquet" / "datapackage.json").is_file()
    assert len(list((tmp_path / "b" / "zip").glob("*-parquet.zip"))) == 1
