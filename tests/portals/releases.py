"""Releases to publish in the tests, written by the pipeline itself into a temporary folder
(the committed output/ may have been made by other code)."""

import hashlib
from pathlib import Path

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "raw" / "ivry-jumelages.txt"
# One cell of the actions table: the cost of the Dianguirdé water project, as the page says it.
CELL, CHANGED_CELL = "300 000€", "310 000€"


def build(folder: Path, source: Path | None = None, previous: Path | None = None) -> Path:
    argv = ["run", "--output", str(folder)]
    if source is not None:
        argv += ["--source", str(source)]
    argv += ["--previous", str(previous)] if previous is not None else ["--first-release"]
    assert main(argv) == 0, f"the pipeline could not write {folder}"
    return folder


def two_releases(base: Path) -> tuple[Path, Path]:
    """A first release, and the next one made from the page with one cell changed."""
    first = build(base / "first")
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert text.count(CELL) == 1
    changed = base / "changed-page.txt"
    changed.write_text(text.replace(CELL, CHANGED_CELL), encoding="utf-8")
    return first, build(base / "second", changed, first)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed_files(old: Path, new: Path) -> set[str]:
    """The files of ``new`` (relative paths) whose bytes differ from ``old``'s."""
    return {p.relative_to(new).as_posix() for p in new.rglob("*")
            if p.is_file() and (not (old / p.relative_to(new)).is_file()
                                or sha256(p) != sha256(old / p.relative_to(new)))}
