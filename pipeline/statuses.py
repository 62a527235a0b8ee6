"""The phrases that state what happened to an action (pipeline/french/lexicon/statuses.toml:
its forms, the participles' endings, the auxiliaries, the negations), one pattern per
status, shared by the stage that reads an entry's facts (``extract``) and the one that cuts
entries (``parse``: a label alone whose words state a status is no label, "Abandonné en
2021" under a card's title)."""

from __future__ import annotations

from .dates import YEAR, find_dates
from .french import lexicon, pattern
from .text import Caseless, folded, nfc

_STATUSES = lexicon("statuses")
_PARTICIPLE = _STATUSES["participle"]
_NOT_HELD = pattern(_STATUSES["not_held"], participle=_PARTICIPLE)
_BEEN = _STATUSES["been"]
STATUS_PHRASES: dict[str, str] = {
    code: pattern("|".join(forms), participle=_PARTICIPLE, not_held=_NOT_HELD, been=_BEEN, year=YEAR)
    for code, forms in _STATUSES["phrases"].items()}
_ANY_STATUS = Caseless.compile("|".join(f"(?:{phrase})" for phrase in STATUS_PHRASES.values()))


def status_before_date(label: str) -> bool:
    """Whether the words of ``label`` before its first date state a status: "Abandonné
    en 2021", "Reporté à 2025" say what happened to the entry above them, they label
    nothing below.

    >>> status_before_date("Abandonné en 2021"), status_before_date("Depuis 2018")
    (True, False)
    """
    found = find_dates(label)
    lead = label[:found[0].start] if found else label
    if not lead.strip():
        return False
    text, lowered = folded(nfc(lead))
    return _ANY_STATUS.on(lowered).search(text) is not None
