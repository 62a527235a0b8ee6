"""Small text helpers shared by the grammar modules."""

from __future__ import annotations

import re
import unicodedata

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
APOSTROPHES = "['’]"


def slug(text: str) -> str:
    """An ASCII identifier for a name or a label.

    >>> slug("Brandebourg-sur-la-Havel"), slug("2006 – 2008"), slug("")
    ('brandebourg-sur-la-havel', '2006-2008', '')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sentences(text: str) -> list[str]:
    """Split on sentence ends followed by white space.

    >>> sentences("En 1990, des associations. Un accord a été signé en 1997.")
    ['En 1990, des associations.', 'Un accord a été signé en 1997.']
    """
    return _SENTENCE_END.split(text)


def nfc(text: str) -> str:
    """``text`` with its accents composed, as the grammar's patterns write them: a page
    pasted from a Mac decomposes them ("e" and a combining accent).

    >>> nfc("e\u0301le\u0300ve") == "élève"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
