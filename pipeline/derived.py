"""What a run derives from files that are not the page, kept from one run to the next.

A run of a small page spends as much processor time on work that does not depend on the
page as on the page: checking the town file against its JSON Schema (loading jsonschema,
about 60 ms, before the run can even start its worker processes), compiling the templates
of the pages (about 30 ms), drawing the map's country outlines (about 15 ms). Their result
depends only on bytes the run reads (the town file and its schema, the templates, the
basemap and the view the partners' places make), so it is kept in the package's ``__pycache__`` folder, as
Python keeps a module's compiled code there, under the sha256 of those bytes: a file
changed is a new key, never a stale answer, and what a run writes does not depend on
whether the answer came from here (the same check, the same compiled templates).

- The folder is git-ignored and rebuilt by a fresh clone's first run; a folder that cannot
  be written (an installed package in a read-only place) only means no keeping: every
  operation here fails quietly and the run does the work itself.
- It is trusted as ``__pycache__``'s compiled code is (docs/security.md: the pipeline
  trusts its code): what it holds is a mark that some bytes passed a check, the
  templates' compiled code and the outlines, which only who can write the package can write.
- The templates' compiled code is Jinja2's own bytecode cache (the template's sha1 and
  Jinja2's and Python's versions checked when it is loaded), in a folder named by the
  sha256 of the code that makes the templates' environments (their options decide the
  compiled code): changing it starts a new folder.
- The map's country outlines for a view (``emit/worldmap.py``) are kept as their SVG
  paths, under the sha256 of the basemap, of the code that draws them and of the view.
- The countries' and regions' names by key (``places._name_tables``: pycountry's and
  Babel's tables, slugged) and the lexicon's parsed TOML files (``french.lexicon``) are
  kept in ``marshal``'s bytes under the sha256 of what they are made of.
- At most ``KEEP`` marks of one kind are kept (the tests check hundreds of town files):
  the oldest go first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from pathlib import Path

from .paths import PACKAGE

FOLDER = PACKAGE / "__pycache__" / "derived"
KEEP = 64


def key(*parts: bytes) -> str:
    """The sha256 of ``parts``, each with its length (two parts never read as other two)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _mark(kind: str, digest: str) -> Path:
    return FOLDER / f"{kind}-{digest}"


def marked(kind: str, digest: str) -> bool:
    """Whether bytes of this ``digest`` passed the check ``kind`` before."""
    return _mark(kind, digest).is_file()


def mark(kind: str, digest: str) -> None:
    """Keep that bytes of this ``digest`` passed the check ``kind`` (the oldest marks of that
    kind beyond ``KEEP`` removed); nothing when the folder cannot be written."""
    try:
        FOLDER.mkdir(parents=True, exist_ok=True)
        path = _mark(kind, digest)
        path.touch()
        # the newest again (what is used is what is kept), stamped after every other mark of
        # its kind: the clock a file system stamps with ticks every few milliseconds, and
        # two marks of one tick would be pruned in any order
        others = {p: p.stat().st_mtime_ns for p in FOLDER.glob(f"{kind}-*") if p != path}
        stamp = max(time.time_ns(), max(others.values(), default=0) + 1)
        os.utime(path, ns=(stamp, stamp))
        marks = sorted([*others, path], key=lambda p: others.get(p, stamp))
        for old in marks[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def kept(kind: str, digest: str) -> bytes | None:
    """The bytes kept under ``kind`` for this ``digest``, or None."""
    try:
        return _mark(kind, digest).read_bytes()
    except OSError:
        return None


def keep(kind: str, digest: str, data: bytes) -> None:
    """Keep ``data`` under ``kind`` for this ``digest`` (written whole, then renamed into
    place, so that a run reading it meanwhile finds all of it or nothing; the oldest of
    that kind beyond ``KEEP`` removed); nothing when the folder cannot be written."""
    partial = FOLDER / f".{kind}-{digest}.{os.getpid()}"
    try:
        FOLDER.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, _mark(kind, digest))
    except OSError:
        with contextlib.suppress(OSError):  # a full disk: no part of a file left behind
            partial.unlink(missing_ok=True)
        return
    mark(kind, digest)  # prunes the oldest


def folder(kind: str, digest: str) -> Path | None:
    """A folder of its own for ``kind`` made under the ``digest`` of what decides its
    contents besides their own key (the templates' environment: its code), the folders of
    that kind under other digests removed; None when it cannot be written."""
    path = FOLDER / f"{kind}-{digest}"
    try:
        if not path.is_dir():
            for other in FOLDER.glob(f"{kind}-*"):
                shutil.rmtree(other, ignore_errors=True)
            path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None
