"""The run report: what was read, what went where, what looked wrong.

The coverage check proves, on every run, that no text of the page was lost: each block of
the article must be found again in the record that covers its line (a partner's heading,
intro item or description; an action's text), or have been set aside with a reason (page
title, intro sentence, site navigation). It does not trust the parser's bookkeeping: it
looks for the text in the final records.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .errors import PipelineError
from .parse import Page
from .read import Block, Document
from .tables import Tables

LIBRARIES = ("frictionless", "pandas", "pyarrow", "lxml", "requests", "pycountry", "text2num")
_WHITE = re.compile(r"\s+")


@dataclass
class Report:
    source: dict[str, Any]
    rows: dict[str, int]
    set_aside: list[dict[str, Any]] = field(default_factory=list)
    unassigned: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, release: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"source": self.source, "release": release or {}, "rows": self.rows,
                "set_aside": self.set_aside, "unassigned": self.unassigned,
                "warnings": self.warnings, "versions": versions(), "code": code_fingerprint()}


def versions() -> dict[str, str]:
    """Python's and the libraries' versions, for whoever needs to reproduce a run."""
    found = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


# Code that fetches, publishes or parses the command line cannot change a release's content.
NOT_IN_RELEASE = ("pipeline/publish/", "pipeline/fetch.py", "pipeline/http.py", "pipeline/cli.py",
                  "pipeline/__main__.py")


def _outside_release(path: Path) -> bool:
    return str(path).startswith(NOT_IN_RELEASE)


def code_fingerprint() -> str:
    """A sha256 of everything besides the source that decides a release's content: the
    pipeline's code and templates (not the code that fetches or publishes), the schemas,
    the reference files, and the versions of the libraries. Two runs with the same source
    and fingerprint write the same release."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(json.dumps(versions(), sort_keys=True).encode())
    for folder, pattern in (("pipeline", "**/*.py"), ("pipeline/templates", "*"),
                            ("schemas", "*.json"), ("raw/reference", "*"), (".", "city.toml")):
        for path in sorted((root / folder).glob(pattern)):
            if path.is_file() and not _outside_release(path.relative_to(root)):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _squeeze(text: str) -> str:
    return _WHITE.sub("", text)


def unassigned(blocks: list[Block], page: Page, data: Tables) -> list[Block]:
    """Blocks whose text no record holds (and that were not set aside)."""
    texts_at: dict[int, list[str]] = defaultdict(list)
    for action in data["actions"]:
        for line in range(action["source_line"], action["source_line_end"] + 1):
            texts_at[line].append(action["text"])
    for section, partner in zip(page.sections, data["partners"]):
        texts_at[section.heading.line].append(partner["heading"])
        for block in section.description:
            texts_at[block.line].append(partner["description"] or "")
        if partner["intro_line"]:
            texts_at[partner["intro_line"]].append(partner["intro_item"])
    aside = {(s.block.line, s.block.text) for s in page.set_aside}
    missing = []
    for block in blocks:
        if (block.line, block.text) in aside:
            continue
        candidates = texts_at.get(block.line, [])
        if any(block.text in text for text in candidates):
            continue
        # a line that holds run-together entries is found again across their texts
        if _squeeze(block.text) in _squeeze("".join(candidates)):
            continue
        missing.append(block)
    return missing


def _shown_path(path: Path) -> str:
    """The source as a path relative to the project, so that reports do not depend on
    where the project was cloned."""
    root = Path(__file__).resolve().parent.parent
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return path.name


def build(source: Path, sha256: str, document: Document, page: Page, data: Tables) -> Report:
    """Counts, set-aside and unassigned text, and the warnings of one run."""
    report = Report(
        source={"path": _shown_path(source), "sha256": sha256, "format": document.format,
                "encoding": document.encoding},
        rows={table: len(rows) for table, rows in data.items()},
        set_aside=[{"line": s.block.line, "reason": s.reason, "text": s.block.text}
                   for s in page.set_aside],
        unassigned=[{"line": b.line, "text": b.text}
                    for b in unassigned(document.blocks, page, data)],
    )
    warn = report.warnings
    for action in data["actions"]:
        if action["date_label"] and not action["period"]:
            warn.append({"line": action["source_line"],
                         "message": f"date label not understood, dates left empty: "
                                    f"{action['date_label']!r}"})
    themed = {t["action_id"] for t in data.get("action_themes", [])}
    for action in data["actions"]:
        if action["action_id"] not in themed:
            warn.append({"line": action["source_line"],
                         "message": f"no theme found for {action['action_id']}"})
    for partner in data["partners"]:
        for column, what in (("country_code", "no ISO country code"),
                             ("latitude", "no coordinates in raw/reference/places.csv"),
                             ("intro_item", "not named in the intro list")):
            if partner[column] is None:
                warn.append({"line": partner["source_line"],
                             "message": f"{partner['partner_id']}: {what}"})
    return report


def check_coverage(report: Report, allow_unassigned: bool) -> None:
    """Stop the run when text of the page went into no record, unless allowed."""
    if not report.unassigned or allow_unassigned:
        return
    first = report.unassigned[0]
    excerpt = first["text"] if len(first["text"]) <= 60 else first["text"][:59] + "…"
    raise PipelineError(
        f"{len(report.unassigned)} passage(s) of the page went into no record (first: line "
        f"{first['line']}, «{excerpt}»); nothing was written. Check the page or the parser, "
        "or run with --allow-unassigned to publish without them"
    )
