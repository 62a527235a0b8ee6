"""The page as the pipeline read it: the text that every ``source_line`` column numbers.

A reader checks any cell against the page with the release alone: open this file at the
row's ``source_line``. For a text snapshot it is the snapshot itself; for an HTML page, the
text the read stage extracted from the article, one block a line, as its line numbers count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..layout import Layout, ReleaseFile

if TYPE_CHECKING:
    from . import Contents

FOLDER, SUFFIX = "source", "txt"


def files(layout: Layout) -> list[ReleaseFile]:
    return [ReleaseFile(layout.relative(layout.view(FOLDER, SUFFIX)), "documentation", "txt",
                        "text/plain", "Texte de la page (instantané)",
                        "Le texte de la page tel que le pipeline l'a lu : les colonnes "
                        "source_line des tables donnent la ligne de ce fichier d'où vient "
                        "chaque ligne de données.")]


def write(layout: Layout, contents: Contents) -> None:
    path = layout.view(FOLDER, SUFFIX)
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the text's own line ends: the line numbers must not move
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(contents.page_text)
