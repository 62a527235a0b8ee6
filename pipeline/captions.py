"""A captions file (WebVTT, SubRip) published as a page's transcript, read as the words
spoken: its cues' text joined into paragraphs, each at the line of its first cue.

A video's captions cut its sentences wherever the speaker breathes: a cue is no paragraph,
and a sentence runs on over two or three of them. What a cue carries besides its words is
no text of the page: the ``WEBVTT`` header and its ``Kind:``/``Language:`` lines, ``NOTE``,
``STYLE`` and ``REGION`` blocks, the cue's number or identifier and its timecode line
(``00:01:44.455 --> 00:01:50.500``): neither dates nor counts. A cue that only names a
sound (``[Musique]``, ``(Applaudissements)``, ``♪ … ♪``) is a pause in the speech: it ends
the paragraph, as a change of subject in a video is marked by a jingle. A cue that opens
on a place and its country alone ("Kandi, au Bénin.") is the video's title card for the
part that follows: a heading of its own, the rest of the cue the start of that part.
"""

from __future__ import annotations

import re

from .french import CAPITAL, lexicon
from .places import country_code
from .text_layout import Reading

_TIMECODE = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}")
_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
_META_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
# a cue that names a sound rather than words: in brackets, parentheses or between notes
_SOUND = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\)|♪[^♪]*♪?|♫[^♫]*♫?)\s*$")
# a title card: a place, a comma, a preposition and its country, as a whole sentence
_CARD = re.compile(r"^(?P<card>" + CAPITAL + r"[^.,;:!?«»()]{1,80},\s+(?:"
                   + "|".join(re.escape(p) for p in lexicon("countries")["written"]["prepositions"])
                   + r")\s+(?P<country>[^.,;:!?«»()]{2,40})\.)(?:\s+|$)")
_ENDED = re.compile(r"[.!?…»]\s*$")
_CUE_TAG = re.compile(r"</?(?:c|i|b|u|v|lang|ruby|rt)(?:[.\s][^<>]*)?>|<\d{1,2}:\d{2}[^<>]*>")


def _blocks(rows: list[str]) -> list[list[tuple[int, str]]]:
    """The page's runs of non-blank lines, each line with its number (from 1)."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, row in enumerate(rows, start=1):
        if row.strip():
            current.append((number, row.strip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def is_captions(rows: list[str]) -> bool:
    """Whether the page is a captions file: a WebVTT header, or SubRip cues (a number,
    then a timecode line) from its first block on.

    >>> is_captions(["WEBVTT", "", "00:00:01.000 --> 00:00:03.000", "Bonjour."])
    True
    >>> is_captions(["1", "00:00:01,000 --> 00:00:03,000", "Bonjour."])
    True
    >>> is_captions(["Jumelages", "", "1963 : signature du serment."])
    False
    """
    first = next((row.strip() for row in rows if row.strip()), "")
    if _HEADER.match(first):
        return True
    blocks = _blocks(rows[:200])
    return bool(blocks) and len(blocks[0]) >= 2 and bool(_TIMECODE.match(blocks[0][1][1]))


def captions_reading(rows: list[str]) -> Reading | None:
    """The spoken text of a captions file, a paragraph per run of cues between two
    sounds, each at the line of its first cue; ``None`` when the page is no captions file.

    >>> page = ["WEBVTT", "Kind: captions", "", "NOTE vidéo de la ville", "", "1",
    ...         "00:00:01.000 --> 00:00:04.000", "En 2004, une délégation", "", "2",
    ...         "00:00:04.200 --> 00:00:07.000", "part pour Gao.", "", "3",
    ...         "00:00:07.200 --> 00:00:09.000", "[Musique]", "", "4",
    ...         "00:00:09.200 --> 00:00:12.000", "Deux ans plus tard, des jeunes suivent."]
    >>> reading = captions_reading(page)
    >>> list(zip(reading.numbers, reading.rows))
    [(8, 'En 2004, une délégation part pour Gao.'), (16, ''), (20, 'Deux ans plus tard, des jeunes suivent.')]
    """
    if not is_captions(rows):
        return None
    out = Reading()
    open_paragraph = False
    for index, block in enumerate(_blocks(rows)):
        if (index == 0 and _HEADER.match(block[0][1])) or _META_BLOCK.match(block[0][1]):
            continue
        at = next((i for i, (_, row) in enumerate(block) if _TIMECODE.match(row)), None)
        spoken = block[at + 1:] if at is not None else block
        text = " ".join(_CUE_TAG.sub("", row) for _, row in spoken).strip()
        if not text:
            continue
        if _SOUND.match(text):
            if open_paragraph:
                out.add("", spoken[0][0], made=False)
                open_paragraph = False
            continue
        card = _CARD.match(text)
        out.settle()
        if card and country_code(card["country"]) and (not open_paragraph or _ENDED.search(out.rows[-1])):
            if open_paragraph:
                out.add("", spoken[0][0], made=False)
            out.add(card["card"], spoken[0][0])
            out.add("", spoken[0][0], made=False)
            open_paragraph = False
            text = text[card.end():].strip()
            if not text:
                continue
        if open_paragraph:
            out.extend(" " + text)
        else:
            out.add(text, spoken[0][0])
            open_paragraph = True
    out.settle()
    return out
