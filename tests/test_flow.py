"""Data flows one way: the page's bytes are read once, and each stage finds what it needs
in the records by what they are (the line of the page they start on), not by position."""

from pathlib import Path

from pipeline.cli import main
from pipeline.load import read
from pipeline.report import unassigned
from pipeline.sources import describe
from pipeline.tables import tables

from .conftest import SNAPSHOT


def test_a_run_reads_the_page_s_bytes_once(tmp_path, monkeypatch):
    source = tmp_path / "page.txt"
    source.write_bytes(SNAPSHOT.read_bytes())
    reads = []
    original = Path.read_bytes

    def counted(path: Path) -> bytes:
        if path == source:
            reads.append(path)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    assert main(["run", "--source", str(source), "--output", str(tmp_path / "out"),
                 "--first-release"]) == 0
    assert reads == [source]


def test_the_read_stage_takes_the_bytes_the_snapshot_was_hashed_from(tmp_path):
    snapshot = describe(SNAPSHOT)
    assert snapshot.data == SNAPSHOT.read_bytes()
    elsewhere = read(tmp_path / "gone.txt", snapshot.data)  # the path is not opened again
    assert elsewhere.text == read(SNAPSHOT).text


def test_sections_and_partners_are_paired_by_their_line(page, records):
    data = tables(records)
    assert unassigned(read(SNAPSHOT).blocks, page, data) == []
    shuffled = {**data, "partners": list(reversed(data["partners"]))}
    assert unassigned(read(SNAPSHOT).blocks, page, shuffled) == []
