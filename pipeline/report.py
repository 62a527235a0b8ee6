"""The run report: what was read, what went where, what looked wrong.

The coverage check proves, on every run, that no text of the page was lost: each block of
the article must be found again in the record that covers its line (a partner's heading,
intro item or description; an action's text), or have been set aside with a reason (page
title, intro sentence, site navigation, an intro item naming no partner). It does not
trust the parser's bookkeeping: it looks for the text in the final records. Only a real
loss stops a run: text of a partner section, or a dated entry, in no record.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import direction
from .dates import UNSPECIFIED_YEAR, find_dates, first_sentence, relative_dates, split_any_label
from .errors import StructureAlarm
from .fingerprint import code_fingerprint, versions
from .parse import UNLINKED_ITEM, Page
from .paths import PROJECT
from .read import Block, Document
from .tables import Tables

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


def _squeeze(text: str) -> str:
    return _WHITE.sub("", text)


def _joined(texts: list[str]) -> str:
    """Records' texts run together (squeezed), a text that opens on the whole of the one
    before it joined after that one only once: a sentence that tells one event a year
    ("… sauf en 2020 et 2021 …") is the text of each, and the story goes on in the last.

    >>> _joined(["Un.", "En 2020 et 2021.", "En 2020 et 2021. Puis la fête."])
    'Un.En2020et2021.Puislafête.'
    """
    joined, before = "", ""
    for text in map(_squeeze, texts):
        joined += text[len(before):] if before and text.startswith(before) else text
        before = text
    return joined


def unassigned(blocks: list[Block], page: Page, data: Tables) -> list[Block]:
    """Blocks whose text no record holds (and that were not set aside).

    Each record's text is searched from where the previous block of its lines was found,
    so that an action of 100,000 lines is read through once, not once per line."""
    texts: list[str] = []
    cursors: list[int] = []  # where the next block of each text is looked for
    at_line: dict[int, list[int]] = defaultdict(list)  # line -> the texts that cover it

    def covers(text: str, *lines: int) -> None:
        for line in lines:
            at_line[line].append(len(texts))
        texts.append(text)
        cursors.append(0)

    # a line holding a description's end and the entries run together after it is found
    # again across their texts, in the order of the page: the partner's texts come first.
    # A section's partner is the record that starts on its heading's line.
    # a section's partner is the record that starts on its heading's line (several partners
    # a story names in one line of its text start there, in the sections' order)
    partners: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in data["partners"]:
        partners[row["source_line"]].append(row)
    headings: set[int] = set()  # a partner a story names inside its text has its heading there
    for section in page.sections:
        on_line = partners[section.heading.line]
        partner = on_line.pop(0) if len(on_line) > 1 else on_line[0]
        headings.add(len(texts))
        covers(partner["heading"], section.heading.line)
        # each paragraph on its line: a line a story cut between the description and an
        # event ("La ville compte 150 000 habitants. Son maire …, élu en 2019.") is found
        # again across the two, which only a paragraph of its own can open or close
        paragraphs = (partner["description"] or "").split("\n\n")
        if len(paragraphs) == len(section.description):
            for paragraph, block in zip(paragraphs, section.description, strict=True):
                covers(paragraph, block.line)
        else:
            covers(partner["description"] or "", *(block.line for block in section.description))
        if partner["intro_line"]:
            covers(partner["intro_item"], partner["intro_line"])
    for action in data["actions"]:  # a page read in columns may end an entry above its start
        first, last = sorted((action["source_line"], action["source_line_end"]))
        covers(action["text"], *range(first, last + 1))
    aside = {(s.block.line, s.block.text) for s in page.set_aside}
    missing = []
    for block in blocks:
        if (block.line, block.text) in aside:
            continue
        candidates = at_line.get(block.line, [])
        if any(_found(block.text, texts, cursors, c) for c in candidates):
            continue
        # a line that holds run-together entries is found again across their texts
        squeezed = _squeeze(block.text)
        if any(squeezed in joined for chosen in ([texts[c] for c in candidates],
                                                 [texts[c] for c in candidates if c not in headings])
               for joined in (_squeeze("".join(chosen)), _joined(chosen))) \
                or _spanned(squeezed, [_squeeze(texts[c]) for c in candidates]):
            continue
        missing.append(block)
    return missing


def _spanned(block: str, texts: list[str]) -> bool:
    """The records' texts cover ``block`` (squeezed) end to end in whatever order and
    overlap they hold it: a story's sentence recalls a past event inside the text of the
    next one ("… le marché de Noël 2022. Il évoquait la dernière AG en 2021 …": the 2021
    row holds a piece of the 2022 row's text), so no run of the texts in a row is the line.
    A text may also open inside the block and go on past it, or close inside it.

    >>> _spanned("Un.Deux.Trois.", ["Deux.Trois.", "Un.Deux.", "Deux."])
    True
    >>> _spanned("Un.Deux.Trois.", ["Un.", "Trois."]), _spanned("Un.Deux.", ["Un.De", "ux.Suite"])
    (False, True)
    """
    spans = []
    for text in filter(None, texts):
        if (at := block.find(text)) >= 0:
            spans.append((at, at + len(text)))
            continue
        if ahead := _overlap(block, text):  # it opens inside the block, goes on past its end
            spans.append((len(block) - ahead, len(block)))
        if behind := _overlap(text, block):  # it opened before the block, closes inside it
            spans.append((0, behind))
    reach = 0
    for start, end in sorted(spans):
        if start > reach:
            return False
        reach = max(reach, end)
    return reach >= len(block)


def _overlap(first: str, then: str) -> int:
    """The length of the longest end of ``first`` that ``then`` opens with, in linear
    time (the prefix function of ``then``, run over ``first``'s end).

    >>> _overlap("Un.Deux.", "ux.Suite"), _overlap("abc", "xyz"), _overlap("aab", "aab")
    (3, 0, 3)
    """
    table, k = [0] * len(then), 0
    for i in range(1, len(then)):
        while k and then[i] != then[k]:
            k = table[k - 1]
        k += then[i] == then[k]
        table[i] = k
    k = 0
    for char in first[-len(then):] if then else "":
        while k and (k == len(then) or char != then[k]):
            k = table[k - 1]
        k += k < len(then) and char == then[k]
    return k


def _found(text: str, texts: list[str], cursors: list[int], candidate: int) -> bool:
    """``text`` is in ``texts[candidate]`` at or after its cursor, which moves past it."""
    at = texts[candidate].find(text, cursors[candidate])
    if at < 0:
        return False
    cursors[candidate] = at + len(text)
    return True


def _is_loss(block: Block, page: Page) -> bool:
    """Text that a record should hold: anything within the partner sections (a section
    or an entry lost), or a dated entry above them (its heading was not recognised)."""
    return block.line >= page.sections[0].heading.line or split_any_label(block.text) is not None


def _shown_path(path: Path) -> str:
    """The source as a path relative to the project, so that reports do not depend on
    where the project was cloned."""
    try:
        return str(path.resolve().relative_to(PROJECT))
    except ValueError:
        return path.name


def build(source: Path, sha256: str, document: Document, page: Page, data: Tables,
          found: list[dict[str, Any]] | None = None) -> Report:
    """Counts, set-aside and unassigned text, and the warnings of one run (with those the
    tables stage ``found``: numbers past their column's range, made empty).

    ``unassigned`` holds only real losses, which stop the run (:func:`check_coverage`):
    text of a partner section, or a dated entry, that went into no record. Any other text
    in no record (an intro item that names no partner, a heading above the sections) is
    listed in ``set_aside`` with its reason, and ``run`` prints it.
    """
    report = Report(
        source={"path": _shown_path(source), "sha256": sha256, "format": document.format,
                "encoding": document.encoding},
        rows={table: len(rows) for table, rows in data.items()},
    )
    for item in page.set_aside:
        entry = {"line": item.block.line, "reason": item.reason, "text": item.block.text}
        (report.unassigned if item.loss else report.set_aside).append(entry)
    for block in unassigned(document.blocks, page, data):
        if _is_loss(block, page):
            report.unassigned.append({"line": block.line, "reason": "text in no record",
                                      "text": block.text})
        else:
            report.set_aside.append({"line": block.line, "reason": "outside the partner "
                                     "sections, in no record", "text": block.text})
    report.set_aside += [{"line": 0, "reason": f"left out of the page's text, {why}", "text": text}
                         for why, text in document.left_out]
    report.set_aside.sort(key=lambda item: item["line"])
    report.unassigned.sort(key=lambda item: item["line"])
    report.warnings = sorted(warnings(page, data) + hidden_characters(document.blocks)
                             + direction.warnings(data) + (found or [])
                             + removed_characters(document.removed) + [
                                 {"line": s.block.line, "message": f"set aside ({s.reason}): "
                                                                   f"{s.block.text!r}"}
                                 for s in page.set_aside if s.warn],
                             key=lambda w: w["line"])
    return report


# Characters kept as written that a reader does not see, or sees elsewhere: controls (an
# escape sequence), formats (zero-width spaces and joiners, bidirectional overrides, a byte
# order mark inside the text), line and paragraph separators that are no line break here.
HIDDEN = frozenset(["Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"])


def hidden_characters(blocks: list[Block]) -> list[dict[str, Any]]:
    """A warning for each line that holds characters a reader cannot see: they are kept
    as written, so a date or a name they cut ("20\u200b19 :") is not read as one, and a
    bidirectional override shows a name backwards. Shown as code points, never raw.

    >>> hidden_characters([Block("paragraph", "20\u200d19 : accueil", 4)])[0]["message"][:74]
    'invisible or control characters kept as written (U+200D ZERO WIDTH JOINER)'
    """
    found = []
    for block in blocks:
        if block.text.isprintable():  # the common case: no scan per character
            continue
        hidden = dict.fromkeys(c for c in block.text if c != "\t" and
                               unicodedata.category(c) in HIDDEN)
        if hidden:
            names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'without a name')}"
                              for c in list(hidden)[:3]) + (", …" if len(hidden) > 3 else "")
            found.append({"line": block.line, "message": f"invisible or control characters "
                          f"kept as written ({names}): a date or a name they cut is not read as one"})
    return found


def removed_characters(removed: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """A warning for each line whose invisible characters the read stage removed (zero-width
    spaces, soft hyphens): the page looks the same, but an editor may want to know.

    >>> removed_characters([(4, "\u200b")])[0]["message"]
    'invisible characters removed on reading (U+200B ZERO WIDTH SPACE)'
    """
    return [{"line": line, "message": "invisible characters removed on reading (" + ", ".join(
        f"U+{ord(c):04X} {unicodedata.name(c, 'without a name')}" for c in chars) + ")"}
        for line, chars in removed]


def warnings(page: Page, data: Tables) -> list[dict[str, Any]]:
    """What a reader of the run should check: labels not understood, dates without their
    year, actions without a theme, partners without a country code, coordinates or intro
    item, intro items that name no partner section (a section may be missing from the page)."""
    warn = []
    for action in data["actions"]:
        if action["period"] and UNSPECIFIED_YEAR in str(action["period"]):
            warn.append({"line": action["source_line"],
                         "message": f"date without its year, the year left unspecified "
                                    f"({action['period']}): {action['date_label']!r}"})
        if action["date_label"] and not action["period"]:
            warn.append({"line": action["source_line"],
                         "message": f"date label not understood, dates left empty: "
                                    f"{action['date_label']!r}"})
        elif not action["date_label"]:
            unread = [f.text for f in find_dates(first_sentence(str(action["text"]))) if f.period is None]
            warn += [{"line": action["source_line"],
                      "message": f"date not understood in an undated entry, dates left empty: {phrase!r}"}
                     for phrase in unread]
            warn += [{"line": action["source_line"],
                      "message": f"relative date not understood in an undated entry (the page "
                                 f"does not say when it was written), dates left empty: {phrase!r}"}
                     for phrase in relative_dates(first_sentence(str(action["text"])))]
    themed = {t["action_id"] for t in data.get("action_themes", [])}
    for action in data["actions"]:
        if action["action_id"] not in themed:
            warn.append({"line": action["source_line"],
                         "message": f"no theme found for {action['action_id']}"})
    for partner in data["partners"]:
        problems = [(partner["country_name"] is None, "no country in its heading"),
                    (partner["country_name"] is not None and partner["country_code"] is None,
                     f"no ISO country code for {partner['country_name']!r}"),
                    (partner["latitude"] is None, "no coordinates in raw/reference/places.csv"),
                    (partner["intro_item"] is None, "not named in the intro list")]
        warn += [{"line": partner["source_line"], "message": f"{partner['partner_id']}: {what}"}
                 for wrong, what in problems if wrong]
    unlinked = [s.block for s in page.set_aside if s.reason == UNLINKED_ITEM]
    for block in unlinked:
        warn.append({"line": block.line, "message": f"the intro names a partner that has no "
                                                   f"section on the page: {block.text!r}"})
    if len(page.intro) > len(page.sections):
        warn.append({"line": page.intro[0].line,
                     "message": f"the intro lists {len(page.intro)} partners, the page has "
                                f"{len(page.sections)} partner sections: check that no "
                                "section is missing"})
    return sorted(warn, key=lambda w: w["line"])


def check_coverage(report: Report, allow_unassigned: bool) -> None:
    """Stop the run when text of a partner section or a dated entry went into no record,
    unless allowed."""
    if not report.unassigned or allow_unassigned:
        return
    first = report.unassigned[0]
    excerpt = first["text"] if len(first["text"]) <= 60 else first["text"][:59] + "…"
    raise StructureAlarm(
        f"{len(report.unassigned)} passage(s) de la page dans aucun enregistrement (le premier : "
        f"ligne {first['line']}, {first['reason']}, « {excerpt} ») ; rien n'a été écrit. À "
        "faire : regarder ce passage de la page, ou relancer avec --allow-unassigned pour "
        "publier sans lui"
    )
