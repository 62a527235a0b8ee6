"""Text direction controls in page text: found, reported, and shown where they could act.

A partner name or an entry may hold Unicode's bidirectional controls: the embeddings and
overrides (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks (U+200E, U+200F,
U+061C). They are invisible, and they reorder what follows them: "Brandenburg\u202eLEVAH"
reads "BrandenburgHAVEL" on screen, and an override left open turns the rest of a line
of the change log around, so that an officer reviewing it before publishing reads another
text than the file holds (the "Trojan Source" trick).

The data files (CSV, JSON, Parquet, the workbook and the database) keep the text as the
page wrote it: they are the page's data, and a program reading them sees every code
point. Where people read the text:

- Markdown and plain text (``README.md``, ``CHANGELOG.md``, the terminal): each control is
  shown as a visible escape, ``⟨U+202E⟩`` (:func:`visible`; the terminal's own escape,
  ``\\u202e``, comes from ``escape.terminal``), so it can neither act nor hide;
- HTML (``index.html``): every value of page text is wrapped in ``<bdi>`` (and the page's
  lines and map labels carry ``unicode-bidi: isolate``), so an override acts at most
  inside that value, never on the text around it;
- the run report warns about every record and column that holds one (:func:`warnings`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# The bidirectional formatting characters of Unicode's UAX #9 (embeddings, overrides,
# isolates and their pops) and the three implicit marks (LRM, RLM, ALM).
CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What Markdown and text outputs show as escapes: the direction controls, and the
# invisible characters that can hide text from a reviewer without reordering it: the word
# joiner and invisible operators (U+2060–U+2064), the deprecated format controls
# (U+206A–U+206F), a byte order mark inside the text (U+FEFF), the Mongolian vowel
# separator (U+180E) and the tag characters (U+E0000–U+E007F, which spell invisible ASCII).
SHOWN = re.compile("[\u061c\u180e\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                   "\ufeff\U000e0000-\U000e007f]")


def visible(text: str) -> str:
    """``text`` with each direction control (and invisible character of :data:`SHOWN`)
    written as ``⟨U+XXXX⟩``.

    >>> visible("Brandenburg\u202eLEVAH \u2067x\u2069 \u200f\u061c")
    'Brandenburg⟨U+202E⟩LEVAH ⟨U+2067⟩x⟨U+2069⟩ ⟨U+200F⟩⟨U+061C⟩'
    >>> visible("Kobané\U000e0069\U000e0067\u2060")
    'Kobané⟨U+E0069⟩⟨U+E0067⟩⟨U+2060⟩'
    """
    return SHOWN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def _names(found: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c)}" for c in found)


def warnings(data: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One warning for each cell of page text that holds a direction control: its table,
    its record, its column, the controls, and how each output treats them.

    >>> rows = {"partners": [{"partner_id": "b", "name": "B\u202eX", "source_line": 12}]}
    >>> warnings(rows)[0]["message"]  # doctest: +ELLIPSIS
    'text direction control in partners.name of b (U+202E RIGHT-TO-LEFT OVERRIDE): kept...'
    """
    found = []
    for table, rows in data.items():
        for row in rows:
            for column, value in row.items():
                if not isinstance(value, str) or not CONTROLS.search(value):
                    continue
                controls = list(dict.fromkeys(CONTROLS.findall(value)))
                record = next((str(v) for k, v in row.items() if k.endswith("_id") and v), "?")
                found.append({"line": row.get("source_line") or 0, "message": (
                    f"text direction control in {table}.{column} of {record} ({_names(controls)}): "
                    "kept as written in the data files, shown as ⟨U+XXXX⟩ in README.md and "
                    "CHANGELOG.md, isolated in index.html")})
    return found
