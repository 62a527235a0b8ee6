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


def test_a_line_a_story_cut_between_a_description_paragraph_and_an_event_is_covered():
    """A story keeps a paragraph's undated first sentence as its description and its dated
    second as an event; a later sentence of the description (the signing) follows it. The
    line is in the records across the two, though its piece of the description sits inside
    that text, not at an end (it stopped the run as text in no record)."""
    from pipeline.parse import Entry, Page, Section
    from pipeline.read import Block

    line5 = "La commune rassemble près de 60 000 habitants. Son marché a rouvert en 2019."
    blocks = [Block("heading", "Bafang (Cameroun)", 1), Block("paragraph", "Bafang vit du café.", 3),
              Block("paragraph", line5, 5), Block("paragraph", "Une convention est signée le 12 mars 2014.", 7)]
    kept = [Block("paragraph", "Bafang vit du café.", 3),
            Block("paragraph", "La commune rassemble près de 60 000 habitants.", 5), blocks[3]]
    page = Page(None, [], [Section(blocks[0], kept, [Entry("en 2019", "Son marché a rouvert en 2019.", 5, 5)])], [])
    data = {"partners": [{"source_line": 1, "heading": "Bafang (Cameroun)", "intro_line": None, "intro_item": None,
                          "description": "\n\n".join(block.text for block in kept)}],
            "actions": [{"source_line": 5, "source_line_end": 5, "text": "Son marché a rouvert en 2019."}]}
    assert unassigned(blocks, page, data) == []
    data["actions"][0]["text"] = "Son marché a rouvert."  # a piece truly lost is still found missing
    assert [block.line for block in unassigned(blocks, page, data)] == [5]
