"""Read stage: a page snapshot (bytes) -> blocks (heading, paragraph, list item).

Blocks are what the rest of the pipeline sees of a page, whatever its format, so that a
text snapshot and (later) the HTML page give the same tables. In the text snapshot one
line is one block, and its 1-based line number is the provenance every record carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .dates import LABEL_AT_START
from .errors import PipelineError

BlockKind = Literal["heading", "paragraph", "list_item"]

BULLETS = "•◦▪‣-*"
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s+")
# A partner heading in the text snapshot: "Dianguirdé (Mali)", a short line that ends with
# a country in parentheses and carries no sentence punctuation.
_HEADING = re.compile(r"^[^.:;!?…]{2,150}\(\s*[^()]+\)$")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    level: int = 0  # for headings: 1 for the page title, 2 for a partner section


def decode(data: bytes, name: str) -> str:
    """The text of a UTF-8 snapshot, without a byte-order mark."""
    if not data.strip():
        raise PipelineError(f"{name}: the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PipelineError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def text_blocks(text: str) -> list[Block]:
    """Blocks of a text snapshot: the first line is the title, each other non-blank line a block.

    >>> [(b.kind, b.text, b.line) for b in text_blocks("Titre\\n\\n  • Un\\nDianguirdé (Mali)\\n")]
    [('heading', 'Titre', 1), ('list_item', 'Un', 3), ('heading', 'Dianguirdé (Mali)', 4)]
    """
    blocks: list[Block] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if not blocks:
            blocks.append(Block("heading", line, number, level=1))
        elif bullet := _BULLET.match(line):
            blocks.append(Block("list_item", line[bullet.end():], number))
        elif _HEADING.match(line) and not LABEL_AT_START.match(line):
            blocks.append(Block("heading", line, number, level=2))
        else:
            blocks.append(Block("paragraph", line, number))
    return blocks


def read(path: Path) -> list[Block]:
    """Read a snapshot file into blocks, with a one-line error for anything unreadable."""
    if path.is_dir():
        raise PipelineError(f"{path}: is a directory, expected a page snapshot file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PipelineError(f"{path}: no such file") from None
    except OSError as exc:
        raise PipelineError(f"{path}: cannot read ({exc.strerror})") from None
    return text_blocks(decode(data, str(path)))
