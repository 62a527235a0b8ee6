"""What the benchmark relies on: stage timings, first releases, the unchanged fast path, and
synthetic pages the pipeline reads in full."""

import json

from bench.synthetic import page
from pipeline.cli import main


def test_synthetic_pages_are_fixed_by_their_seed():
    assert page(300) == page(300)
    assert page(300) != page(300, seed=7)
    text = page(300)
    for form in (" – ", "Depuis ", " et ", "De ", "Printemps ", "€", "une quinzaine", "• ", "« "):
        assert form in text, form


def test_a_synthetic_page_is_read_with_full_coverage(tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_text(page(400), encoding="utf-8")
    assert main(["run", "--source", str(source), "--output", str(tmp_path / "out"), "--first-release",
                 "--timings"]) == 0
    err = capsys.readouterr().err
    for stage in ("read", "parse", "extract", "emit csv", "emit parquet", "emit json",
                  "validate the staged release", "emit xlsx", "emit sqlite", "emit pages", "total"):
        assert f"  {stage} " in err, stage
    report = json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))
    assert report["unassigned"] == []
    assert (report["release"]["version"], report["release"]["level"]) == ("1.0.0", "initial")
    assert report["rows"]["actions"] >= 400 and report["rows"]["partners"] == 6


def test_an_unchanged_source_with_its_release_is_a_no_op(tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_text(page(100), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--source", str(source), "--output", str(out), "--first-release"]) == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    capsys.readouterr()
    assert main(["run", "--source", str(source), "--output", str(out), "--timings"]) == 0
    captured = capsys.readouterr()
    assert "inchangée" in captured.out and "rien à faire" in captured.out
    assert "extract" not in captured.err  # it stopped after reading the source's checksum
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_a_damaged_release_is_not_taken_as_up_to_date(tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_text(page(100), encoding="utf-8")
    out = tmp_path / "out"
    main(["run", "--source", str(source), "--output", str(out), "--first-release"])
    (out / "csv" / "actions.csv").write_text("tampered", encoding="utf-8")
    capsys.readouterr()
    # neither up to date nor a base for the next change log: refused, naming the file
    assert main(["run", "--source", str(source), "--output", str(out)]) == 3
    captured = capsys.readouterr()
    assert "rien à faire" not in captured.out
    assert captured.err.startswith(f"erreur : {out / 'csv' / 'actions.csv'} : diffère de son sha256")
    assert (out / "csv" / "actions.csv").read_text(encoding="utf-8") == "tampered"
    # starting over is the user's explicit choice
    assert main(["run", "--source", str(source), "--output", str(out), "--first-release"]) == 0
    assert (out / "csv" / "actions.csv").read_text(encoding="utf-8").startswith("action_id,")
