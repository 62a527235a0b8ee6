"""The page as the pipeline read it: the text that every ``source_line`` column numbers.

A reader checks any cell against the page with the release alone: open this file at the
row's ``source_line`` (or follow the row's link on ``index.html``, which shows the same
text with numbered lines). For a text snapshot it is the snapshot itself; for an HTML page,
the text the read stage extracted from the article, one block a line, as its line numbers
count. Every package's ``datapackage.json`` lists it among its ``sources``, with its path
from the descriptor and its sha256.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..layout import Layout, ReleaseFile

if TYPE_CHECKING:
    from ..dictionary import About
    from .base import Contents

FOLDER, SUFFIX = "source", "txt"
LEADS = WHILE_VALIDATING = False
TITLE = "Texte de la page (instantané)"


def files(layout: Layout) -> list[ReleaseFile]:
    return [ReleaseFile(layout.relative(layout.view(FOLDER, SUFFIX)), "documentation", "txt",
                        "text/plain", TITLE,
                        "Le texte de la page tel que le pipeline l'a lu : les colonnes "
                        "source_line des tables donnent la ligne de ce fichier d'où vient "
                        "chaque ligne de données.")]


def package_sources(layout: Layout, folder: Path, about: About) -> list[dict[str, Any]]:
    """The page text as a ``sources`` entry of the descriptor in ``folder``: its path from
    there (frictionless accepts ``../`` in a source, not in a resource), sha256 and size."""
    if not about.text_sha256:
        return []
    path = layout.view(FOLDER, SUFFIX)
    return [{"title": f"{TITLE} : les colonnes source_line en donnent les numéros de ligne",
             "path": Path(os.path.relpath(path, folder)).as_posix(),
             "mediatype": "text/plain", "encoding": "utf-8",
             "sha256": about.text_sha256, "bytes": about.text_bytes}]


def write(layout: Layout, contents: Contents) -> None:
    path = layout.view(FOLDER, SUFFIX)
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the text's own line ends: the line numbers must not move
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(contents.page_text)
