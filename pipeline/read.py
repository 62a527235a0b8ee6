"""Read stage: a page snapshot (bytes) -> the page's text and its blocks.

Blocks (heading, paragraph, list item) are what the rest of the pipeline sees of a page,
whatever its format, so that the text snapshot and the HTML page give the same tables:

- text: one line is one block; the first line is the title (unless it reads as an
  introduction or a partner heading), a line starting with a bullet is a list item, and a
  short line that names a place is a partner heading (see :func:`heading_like`);
- HTML: the article's own content only, one block per heading, paragraph, list item and
  line cut by ``<br>`` (:mod:`pipeline.html_page`).

Each block keeps the line where it starts in the page's *text* (``Document.text``): for a
text snapshot, the decoded file; for an HTML page, the text this stage lays out from its
blocks, one block per line as a text snapshot is written (a blank line between blocks,
list items on consecutive lines after "• "), which a release can ship so that readers find
every ``source_line`` again. A line ends at "\\n", "\\r\\n" or "\\r" and nowhere else
(:data:`LINE_BREAK`): U+2028, U+2029, NEL or a form feed inside a line shift nothing.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from .dates import find_dates, parse_label, split_any_label
from .errors import Refusal
from .fields import key_alone
from .partners import goes_on
from .french import lexicon
from .places import (
    PARTICLES,
    after_division,
    after_kind,
    bracket_parts,
    countries,
    country_code,
    HOME_COUNTRY,
    flag_country,
    heading_country,
    heading_text,
    name_words,
    place_name,
    split_heading,
    without_kind,
    without_lead_in,
)
from .french.normalise import REMOVED, fold
from .text import nfc

BlockKind = Literal["heading", "paragraph", "list_item"]

# The marks a list item is typed with by hand: the usual bullets, dashes, the middle dot
# and the private-use symbols Word's Symbol and Wingdings fonts paste ("·", "", "§").
BULLETS = "•◦▪‣-*·–—○●■□►▸➢➤✓✔\uf0b7\uf0a7\uf0d8"
BULLET = "• "  # how a list item is written in a page's text
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s+")
# Characters a CMS or a copy-paste leaves inside words, invisible on the page (zero-width
# spaces, word joiner, soft hyphen, a byte order mark inside the text): removed on reading,
# so that "2016\u200b-2020" is a range and "Dian\u00adguirdé" a name; the run reports where.
_REMOVED = re.compile(f"[{REMOVED}]")
# The one definition of a line, for the text a release ships and for every line number.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
# Encodings web pages are written in (the WHATWG Encoding Standard's), by Python codec name.
WEB_ENCODINGS = frozenset(
    ["utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "gbk", "gb2312",
     "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"]
    + [f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)]
    + [f"cp{n}" for n in range(1250, 1259)])
_MULTIBYTE = frozenset(["gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp",
                        "shift_jis", "euc_kr"])
_WEB_ALIASES = {"windows-874": "cp874", "x-mac-cyrillic": "mac-cyrillic", "x-cp1252": "cp1252",
                "iso-8859-8-i": "iso8859-8"}
_AS_WINDOWS_1252 = {"ascii": "cp1252", "iso8859-1": "cp1252"}  # as browsers read them
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# A letter written in UTF-8 (two to four bytes): in a file that is not UTF-8 as a whole,
# the sign that it mixes two encodings.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# Why the HTML reader sets a list of links within the page aside: the intro's list of
# partners, written as a table of contents (pipeline.html_page sets it; parse reads it).
TABLE_OF_CONTENTS = "table of contents (links within the page)"
# Why the text reader sets a line aside: a row of a table saved as text, its cells
# separated by tabs (a council annex's table of amounts by year and partner: its figures
# restate the entries above).
TABLE_ROW = "row of a table saved as text (cells separated by tabs)"
RELEASE_END = "after a press release's end mark (its boilerplate and press contact)"
TABLE_CELLS = 3  # a label, a tab and its text is an entry; three cells or more are a row

# --- What a partner heading looks like ---------------------------------------------------

MAX_HEADING = 150  # characters, brackets included
MAX_PLAIN_HEADING = 80  # a heading without brackets is shorter still
MAX_NAME_WORDS = 8
# Sentence punctuation a place's name never holds: a colon, a question mark, a full stop
# after a word (an abbreviation's is allowed: "St. Louis"), a final full stop.
_SENTENCE_MARK = re.compile(r"[:;!?…]|\w{4}\.(?:\s|$)|\.$")
_DASHES = frozenset("-–—/&")
# The vocabularies of headings that are no partner's (pipeline/french/lexicon/headings.toml):
# sub-headings of a partner's section ("Historique": the section goes on below them), parts
# of the world grouping sections ("Afrique"), headings of what is no partner's section ("En
# savoir plus": set aside and reported), the openings of longer ones ("Historique du
# jumelage"), and the first words of an institution's name ("Théâtre National de …").
_HEADINGS = lexicon("headings")
SUB_HEADINGS = frozenset(_HEADINGS["sub_headings"])
GROUP_HEADINGS = frozenset(_HEADINGS["group_headings"])
OTHER_HEADINGS = frozenset(_HEADINGS["other_headings"])
SUB_OPENINGS = tuple(_HEADINGS["sub_openings"])
OTHER_OPENINGS = tuple(_HEADINGS["other_openings"])
_SORTING_DETERMINERS = tuple(_HEADINGS["sorting_determiners"])
_SORTING_HEADS = tuple(sorted(_HEADINGS["sorting_heads"], key=len, reverse=True))
_SORTING_QUALIFIERS = frozenset(_HEADINGS["sorting_qualifiers"])
_COUNTRY_DETERMINERS = tuple(_HEADINGS["country_determiners"])
HEADING_WORDS = 8  # a heading of either kind is short
INSTITUTIONS = frozenset(_HEADINGS["institutions"])
# An elided particle opening a word of a name ("d'Atar"): the capital comes after it.
_ELIDED = re.compile("^(?:" + "|".join([*lexicon("places")["elided_particles"],
                                         *lexicon("places")["foreign_elided_particles"]]) + ")['’]",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    level: int = 0  # headings: 1 for the page title, 2 or more for the others (h2, h3…)
    aside: str | None = None  # why the read stage knows this block is no partner's text
    bold: int = 0  # HTML: length of the bold run the block opens with ("<strong>2025</strong> …")


@dataclass(frozen=True)
class Document:
    blocks: list[Block]
    encoding: str
    format: Literal["text", "html"]
    text: str  # the page's text, which every block's ``line`` refers to
    removed: list[tuple[int, str]] = field(default_factory=list)  # (line, characters removed)
    # HTML: what the walker left out as the site's furniture, (why, its text), for the report
    left_out: list[tuple[str, str]] = field(default_factory=list)


def lines(text: str) -> list[str]:
    """The lines of a page's text, by the one definition of a line.

    >>> lines("un\\u2028deux\\r\\ntrois\\rquatre")
    ['un\\u2028deux', 'trois', 'quatre']
    """
    return LINE_BREAK.split(text)


def _line_of(data: bytes, offset: int) -> int:
    """The line of the page's text that holds byte ``offset``, by the one definition of a
    line (a line feed, a carriage return, or both)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def web_encoding(label: str) -> str | None:
    """The Python codec of a charset a page declares, when it is one web pages are written
    in (the WHATWG Encoding Standard's, without UTF-16, which no page can declare in
    ASCII); ``None`` for anything else: "unicode_escape", "rot13", "base64", "utf-7" are
    codecs, not encodings a page may use, and would rewrite its text.

    >>> web_encoding("ISO-8859-15"), web_encoding("latin1"), web_encoding("unicode_escape")
    ('iso8859-15', 'cp1252', None)
    """
    try:
        name = codecs.lookup(label).name
    except LookupError:
        name = _WEB_ALIASES.get(label.lower(), "")
    name = _AS_WINDOWS_1252.get(name, name)
    return name if name in WEB_ENCODINGS else None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a snapshot and the encoding it was read with.

    UTF-8 first (UTF-16 too, with its byte order mark); then the charset an HTML page
    declares, when it is an encoding web pages use; then windows-1252, which French sites
    still serve (and which reads latin-1 text the same way for every letter). What would
    change the text rather than read it is refused with one line: a NUL byte (binary data,
    or a page in an encoding that is none of these), a declared charset that is no web
    encoding ("unicode_escape" would turn "\\n" into a line break), a page that mixes
    UTF-8 with another encoding (reading it either way would garble half of it).

    >>> decode("Coopération".encode("cp1252"), "page.txt")
    ('Coopération', 'windows-1252')
    """
    if not data.strip():
        raise Refusal("empty", name=name)
    for bom, unicode in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(unicode)
            except UnicodeDecodeError as exc:
                raise Refusal("bom", name=name, unicode=unicode, at=exc.start + len(bom)) from None
            if (nul := text.find("\x00")) >= 0:
                line = len(lines(text[:nul]))
                raise Refusal("binary", name=name, line=line)
            return text, unicode.replace("-le", "").replace("-be", "")
    if (nul := data.find(b"\x00")) >= 0:
        raise Refusal("binary", name=name, line=_line_of(data, nul))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _DECLARED_CHARSET.search(data[:4096])
    encoding = None
    if declared:
        label = declared.group(1).decode("ascii")
        encoding = web_encoding(label)
        if encoding is None:
            raise Refusal("charset", name=name, label=repr(label))
    # (the bytes of Chinese, Japanese and Korean encodings may look like UTF-8 letters)
    if encoding not in _MULTIBYTE and _UTF8_SEQUENCE.search(data):
        raise Refusal("mixed", name=name, line=_line_of(data, first_bad),
                      byte=f"0x{data[first_bad]:02x}")
    for candidate in ([encoding] if encoding else []) + ["cp1252"]:
        try:
            return data.decode(candidate), _encoding_name(candidate)
        except UnicodeDecodeError:
            continue  # a page declared UTF-8 but saved in windows-1252 is common
    return data.decode("latin-1"), "latin-1"


def _encoding_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"cp1252": "windows-1252", "iso8859-1": "latin-1"}.get(name, name)


@lru_cache(maxsize=1024)
def heading_key(text: str) -> str:
    """A heading as the vocabularies above write it: lower case, one space between words,
    without the colon or full stop that may end it. Each line is asked whether it is a
    sub-heading, another heading or a group heading, often twice: its key is made once.

    >>> heading_key("  Actions  menées :")
    'actions menées'
    """
    return " ".join(nfc(text).lower().replace("’", "'").split()).rstrip(" :.").strip()


def _opens_with(key: str, phrases: tuple[str, ...]) -> bool:
    """``key`` is one of the phrases, or opens with one and a space (every line of a page
    is asked: one call to ``startswith`` rather than one a phrase)."""
    return key in phrases or key.startswith(_SPACED[phrases])


_SPACED = {phrases: tuple(p + " " for p in phrases) for phrases in (SUB_OPENINGS, OTHER_OPENINGS)}


def _short_title(text: str) -> bool:
    return len(text.split()) <= HEADING_WORDS and not text.rstrip().endswith((".", "!", "?", "…"))


def sub_heading(text: str) -> bool:
    """One of the usual headings of a part of a partner's section.

    >>> [sub_heading(t) for t in ("Historique", "Actions menées :", "Historique du jumelage",
    ...                           "Historique de la coopération avec Tamba. Elle a commencé en 1990.")]
    [True, True, True, False]
    """
    key = heading_key(text)
    return key in SUB_HEADINGS or (_opens_with(key, SUB_OPENINGS) and _short_title(text)) \
        or _sorts_actions(key, text)


def _sorts_actions(key: str, text: str) -> bool:
    """A heading that sorts a section's actions: a head noun of the lexicon, maybe after a
    determiner, then nothing, a qualifier of time or state, or a date.

    >>> [_sorts_actions(heading_key(t), t) for t in ("Projets en cours", "Actions passées :",
    ...     "Nos actions depuis 2003", "Réalisations 2015-2020", "Actions de jeunes à Gao")]
    [True, True, True, True, False]
    """
    if not _short_title(text):
        return False
    words = key.split(maxsplit=1)
    if len(words) == 2 and words[0] in _SORTING_DETERMINERS:
        key = words[1]
    head = next((h for h in _SORTING_HEADS if key == h or key.startswith(h + " ")), None)
    if head is None:
        return False
    rest = key[len(head):].strip()
    if not rest or rest in _SORTING_QUALIFIERS:
        return True
    found = find_dates(rest)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(rest)


def group_heading(text: str) -> bool:
    """The name of a part of the world or of a country alone, under which a page groups its
    partners' sections.

    >>> [group_heading(t) for t in ("Afrique", "Amérique latine :", "🌍 Europe", "Gao", "Allemagne")]
    [True, True, True, False, True]
    >>> [group_heading(t) for t in ("Le Mali", "L’Allemagne", "La Lisa", "Le Mans")]
    [True, True, False, False]
    """
    key = heading_key(heading_text(text))
    bare = key.rstrip(" :")
    determiner = next((d for d in _COUNTRY_DETERMINERS if bare.startswith(d)), "")
    return key in GROUP_HEADINGS or _country_alone(bare[len(determiner):]) is not None


def other_heading(text: str) -> bool:
    """One of the usual headings of what is no partner's section.

    >>> [other_heading(t) for t in ("Notes", "Pour en savoir plus sur la coopération", "Notes de voyage.")]
    [True, True, False]
    """
    key = heading_key(text)
    other = key in OTHER_HEADINGS or (_opens_with(key, OTHER_OPENINGS) and _short_title(text))
    if other and (held := after_division(text)) != text:  # "Annexe A – Kita : actions
        # menées" is Kita's section; "Annexe 2 – Liens utiles", "Annexe 2 – Délibération
        # n° 14" are none
        return other_heading(held) or not heading_like(held)
    return other


def bullet_item(text: str) -> str | None:
    """The text of a list item typed by hand ("• Un", "- Un"), or ``None``.

    >>> bullet_item("• Des formations sportives."), bullet_item("-2019 : accueil")
    ('Des formations sportives.', None)
    >>> bullet_item("·\u00a0\u00a0 Des formations."), bullet_item("–\u00a0Un camp d’été.")
    ('Des formations.', 'Un camp d’été.')
    """
    found = _BULLET.match(text)
    return text[found.end():] if found and found.end() < len(text) else None


def _reads_as_name(name: str) -> bool:
    """A place's name: a few words, each capitalised, a particle or a dash; not an
    institution's name ("Théâtre National de …").

    >>> _reads_as_name("Saint-Louis du Sénégal"), _reads_as_name("Retour à la liste des actualités")
    (True, False)
    >>> _reads_as_name("Publié le 12/03/2024"), _reads_as_name("Musée National d’Oz"), _reads_as_name("DE LA")
    (False, False, False)
    >>> _reads_as_name("Pour le"), _reads_as_name("Le Président de"), _reads_as_name("Wangen im Allgäu")
    (False, False, True)
    """
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    if words[0].lower() in INSTITUTIONS:
        return False
    if all(word.lower() in PARTICLES or word in _DASHES for word in words):
        return False  # "DE LA": a line of a title written in capitals cut before its name
    if words[-1].lower() in PARTICLES:
        return False  # "Pour le": a hard-wrapped line cut before the words it leads to
    for word in words:
        bare = _ELIDED.sub("", word)
        if not (bare[:1].isupper() or word.lower() in PARTICLES or word in _DASHES):
            return False
    return True


_OF = re.compile(r"\s(?:" + "|".join(map(re.escape, lexicon("countries")["written"]["of"]))
                 + r")\s+|\sd['’]\s*", re.IGNORECASE)
KIND_WORDS = 4  # words of a kind of place before its name ("Camps de réfugiés sahraouis")


def _named_after_of(place: str) -> bool:
    """A kind of place written in small letters, then the place's name after "de" ("Camps
    de réfugiés sahraouis de Tindouf", "Commune rurale de Kita"): read as a place's name
    beside the country a design writes before it ("ALGÉRIE · Camps de réfugiés … de
    Tindouf").

    >>> _named_after_of("Camps de réfugiés sahraouis de Tindouf"), _named_after_of("Séjour des jeunes")
    (True, False)
    """
    cuts = list(_OF.finditer(place))
    if not cuts or not place[:1].isupper():
        return False
    head, tail = place[:cuts[-1].start()], place[cuts[-1].end():]
    return len(head.split()) <= KIND_WORDS and _reads_as_name(tail)


def names_institution(line: str) -> bool:
    """A short line that is an institution's name ("Théâtre National de …"): within a
    partner's section, the heading of a part of it, not a partner.

    >>> names_institution("Musée National de Gao"), names_institution("Musée ouvert le lundi")
    (True, False)
    """
    words = line.split()
    return (bool(words) and words[0].lower() in INSTITUTIONS and len(line) <= MAX_PLAIN_HEADING
            and not _SENTENCE_MARK.search(line) and _reads_as_name(" ".join(["X", *words[1:]])))


def names_a_country(bracket: str | None) -> bool:
    return countries(bracket)[1] is not None


class IntroWords:
    """The words of the intro's list items (their :func:`name_words`), indexed by word, so
    that asking whether an item names a heading costs the same with 10 items or 100,000.

    >>> items = IntroWords(["La commune de Tombouctou (Mali)"])
    >>> items.name("Commune de Tombouctou"), items.name("Tombouctou et Gao")
    (True, False)
    >>> items.add("La ville de Gao"); items.name("Tombouctou et Gao")
    False
    """

    def __init__(self, items: Iterable[str] = ()):
        self._items: list[set[str]] = []
        self._by_word: dict[str, list[int]] = {}
        self._asked: dict[frozenset[str], tuple[bool, int]] = {}  # words -> (answer, items then)
        for item in items:
            self.add(item)

    def add(self, item: str) -> None:
        words = name_words(item)
        for word in words:
            self._by_word.setdefault(word, []).append(len(self._items))
        self._items.append(words)

    def __bool__(self) -> bool:
        return bool(self._items)

    def name(self, name: str) -> bool:
        """True when every distinctive word of ``name`` is in one of the items. Only the
        items holding its rarest word are compared, and a name asked again is compared
        with the items added since."""
        words = frozenset(name_words(name))
        if not words:
            return False
        answer, seen = self._asked.get(words, (False, 0))
        if not answer and seen < len(self._items):
            holding = min((self._by_word.get(w, []) for w in words), key=len)
            answer = any(words <= self._items[i] for i in holding[bisect_left(holding, seen):])
        self._asked[words] = (answer, len(self._items))
        return answer


# A name alone, without brackets nor any mark of a sentence: what a colon may end as a heading.
_SOLE_NAME = re.compile(r"[^\W\d_][\w' &’-]*")


def _list_below(rows: list[str], number: int, lone: set[int]) -> bool:
    """Whether the first written line below line ``number`` (numbered from 1) opens a list
    item, its bullet on it or alone on its own line: a colon before a list announces the
    list ("Visite :", then "- De l'abbaye …"), no section."""
    below = next(((n, row.strip()) for n, row in enumerate(rows[number:], start=number + 1) if row.strip()),
                 None)
    return below is not None and (below[0] in lone or _BULLET.match(below[1]) is not None)


def _named_before_colon(line: str) -> bool:
    """The line is a name alone before a colon, not in capitals (a rubric of the text:
    "LA NAISSANCE :"), nor a fiche's key ("Pays:") or a heading of another kind."""
    held = line.rstrip()[:-1].rstrip() if line.rstrip().endswith(":") else ""
    return bool(held) and _SOLE_NAME.fullmatch(held) is not None and not held.isupper() \
        and not fiche_field(line) and not (sub_heading(held) or other_heading(held) or group_heading(held))


def heading_like(line: str, items: IntroWords | Sequence[str] = ()) -> bool:
    """True when a line reads as a partner heading: a short line naming a place, with its
    country (or two) in brackets or none, and no sentence punctuation in the name.

    With brackets, the name may be any short phrase when the brackets name a country;
    otherwise (and always without brackets) it must read as a place's name (capitalised
    words and particles) or be named by one of the intro's list items (``items``).

    >>> [heading_like(h) for h in ("Tombouctou (Mali)", "St. Louis (Sénégal)", "Kobané",
    ...                            "Cergy (France, Belgique)", "Les camps de Mbera (Mauritanie)")]
    [True, True, True, True, True]
    >>> [heading_like(h) for h in ("Retour à la liste des actualités", "Ce séjour a eu lieu (Mali).",
    ...                            "2016 : forages (Mali)", "Accueil de jeunes (Oz)")]
    [False, False, False, False]
    >>> heading_like("Camps de réfugiés de Mbera", ["Les camps de réfugiés de Mbera (Mauritanie)"])
    True
    >>> heading_like("Jumelée depuis 1963 : Cottbus (Allemagne)")
    True
    >>> heading_like("Depuis 1963 : Cottbus (Allemagne)")
    False
    >>> heading_like("Les villages côtiers de Cacheu (Guinée-Bissau) : la mer en partage")
    True

    The country may come first, before a dash, whatever the name after it:

    >>> heading_like("Algérie – Camps de réfugiés sahraouis de Tindouf")
    True

    A final full stop after the brackets is allowed when the name reads as a place's
    ("Gao (Mali)."); the vocabularies of sub-headings and other headings are no places:

    >>> [heading_like(h) for h in ("Gao (Mali).", "Historique", "Notes", "Musée de Gao")]
    [True, False, False, False]
    """
    line = heading_text(line).strip()
    if not line[:1].isupper() or len(line) > MAX_HEADING:
        return False
    if line.endswith(".") and len(line) > MAX_PLAIN_HEADING:
        return False  # a sentence that ends on a place and its country ("Elle coopère avec
        # trois villes : Ostrava en Tchéquie, Tartu et Kaunas (Lituanie).")
    if labelled := split_any_label(line):
        # "Jumelée depuis 1963 : Brandebourg (Allemagne)": the tie and its year lead in to
        # the place, as "Jumelage avec" does; "2016 : forages (Mali)" is an entry
        tie = _ties(labelled[0]) and labelled[1].endswith(")") and labelled[1] != line
        return tie and heading_like(labelled[1], items)
    if fiche_field(line) or _civility(line):
        return False
    if sub_heading(line) or other_heading(line) or group_heading(line):
        return False
    named = (items if isinstance(items, IntroWords) else IntroWords(items)).name
    name, bracket = split_heading(line)
    if _SENTENCE_MARK.search(name):
        return False
    place = without_kind(name)
    if bracket is not None and not line.endswith(")") and not (
            _reads_as_name(place) or _reads_as_name(after_kind(place)) or named(place)
            or (names_a_country(bracket) and _named_after_of(place))) \
            and not _beside_country(line, name, bracket):
        return False  # "Ce séjour a eu lieu (Mali)." is a sentence; "Les camps sahraouis de
        # Tindouf (Algérie) : vacances et droits" is a heading and its subtitle, and so is
        # "Algérie – Camps de …"
    if bracket is None:
        return len(line) <= MAX_PLAIN_HEADING and (_reads_as_name(place) or named(place))
    parts = bracket_parts(bracket)
    if len(parts) > 3 or any(len(part.split()) > 4 for part in parts):
        return False
    return names_a_country(bracket) or _reads_as_name(place) or named(place)


_CIVILITIES = frozenset(fold(w) for w in lexicon("evidence")["civilities"])


def _civility(line: str) -> bool:
    """The line opens on a person's civility before a capitalised name ("M. Jean Dupont,
    maire de Kita (Mali)", "Mme Leroy"): a person's line, no place's.

    >>> _civility("M. Jean Dupont, maire de Kita (Mali)"), _civility("Mme Leroy"), _civility("Mopti (Mali)")
    (True, True, False)
    """
    found = re.match(r"(\w+)\.?\s+(\w)", line)
    return found is not None and found[2].isupper() and fold(found[1]) in _CIVILITIES


# The dash after a country written first ("Algérie – Camps de …"); not a comma ("En France,
# une délégation …" is a sentence)
_COUNTRY_FIRST = re.compile(r"\s*(?:\s[–—-]|:|\s/)\s+\S")
_COUNTRY_LAST = re.compile(r"\S(?:\s[–—-]|,)\s+$")
# What a place's name beside its country never holds: a figure, a bracket ("Lettonie -
# Capitale RigaOgre en Lettonie depuis 2005 (lire)" is a teaser's line)
_NOT_A_NAME = re.compile(r"[\d()\[\]]")


def _beside_country(line: str, name: str, country: str) -> bool:
    """A heading that writes its country first, before a dash, a colon or a slash, or last,
    after a dash or a comma, beside a place whose words need not read as a name, so long
    as they hold one ("Algérie – Camps de réfugiés sahraouis de Tindouf", "Camps de
    réfugiés sahraouis de Tindouf, Algérie"); no figure nor bracket in them ("Mali : une
    coopération exemplaire" names no place, "Lettonie - … depuis 2005 (lire)" is a
    teaser's line)."""
    if not country_code(country) or _NOT_A_NAME.search(name) \
            or not any(word[:1].isupper() for word in name.split()[1:]):
        return False
    if line.startswith(country):
        return _COUNTRY_FIRST.match(line[len(country):]) is not None
    return line.endswith(country) and _COUNTRY_LAST.search(line[:-len(country)]) is not None


_TIE_STEMS = tuple(fold(stem) for stem in _HEADINGS["tie_stems"])
_CAUSE_STEMS = tuple(fold(stem) for stem in _HEADINGS["support_stems"])


def country_heading_line(line: str) -> bool:
    """A short line of a text page that names its partner by its country alone, with a
    word of a tie or a cause ("L’amitié franco-allemande", "Solidarité avec le Mali", "Le
    jumelage cubain"): a heading, as the HTML page's ``<h2>`` was (the parse stage says
    whose, :func:`pipeline.parse._country_headings`); a sentence ("Des jeunes allemands
    sont venus.") or a line with no such word ("Jeunes allemands en visite") is none.

    >>> [country_heading_line(t) for t in ("L’amitié franco-allemande", "Avec le peuple sahraoui",
    ...                                    "Jeunes allemands en visite", "Notre amitié avec le Mali.")]
    [True, True, False, False]
    """
    line = line.strip()
    if _SENTENCE_MARK.search(line) or line.endswith("."):
        return False  # a sentence: asked first, one scan of the line, and most lines are one
    words = re.findall(r"\w+", fold(line))
    return (0 < len(words) <= HEADING_WORDS and any(w.startswith(_TIE_STEMS + _CAUSE_STEMS) for w in words)
            and heading_country(line) is not None)


def _ties(words: str) -> bool:
    """Words that name a tie of the town ("Jumelée depuis 1963", "Partenaires depuis
    2005"): a stem of ``headings.tie_stems`` opens one of them.

    >>> _ties("Jumelée depuis 1963"), _ties("Depuis 1963"), _ties("Mai 2018")
    (True, False, False)
    """
    return any(word.startswith(_TIE_STEMS) for word in re.findall(r"\w+", fold(words)))


def fiche_field(line: str) -> bool:
    """A line "key : value" whose key names a kind of fact (lexicon ``fields``: "Pays :
    ROUMANIE", "Zone : Europe", "Année de début : 1989"), or a fiche's own key alone (a
    country, a zone, an address, a domain: its value in the next block, as a ``<dt>`` above
    its ``<dd>``): a field of a fiche, whose key is no
    place ("Pays" is never a partner). A rubric before a colon ("Partenariat : Gao",
    ``headings.rubrics``) leads in to a place and stays a heading.

    >>> [fiche_field(t) for t in ("Pays : ROUMANIE", "Domaines d'action : Culture",
    ...                           "Partenariat : Gao (Mali)", "Allemagne : Cottbus",
    ...                           "Palestine : Jifna et Jalazone", "Gao (Mali)", "Pays", "Pays-Bas")]
    [True, True, False, False, False, False, True, False]
    >>> fiche_field("Nos partenaires :")  # an intro's line before its list: a rubric's words
    False
    """
    from .fields import FICHE_KINDS, field_line, key_alone, only_key_words

    if key_alone(line) in FICHE_KINDS and ":" not in line and only_key_words(line):
        return True  # a key alone, its value in the next block ("Pays", then "NIGER")
    found = field_line(line)  # a key named by the lexicon, not by its form ("Palestine : Jifna")
    return found is not None and key_alone(found.key) is not None and without_lead_in(line) == line


def names_a_place(line: str, items: IntroWords) -> bool:
    """A line that reads as a partner heading and surely names a place: its country
    beside it in any usual form, or one of the intro's items names its place (lead-ins
    and the kind of place aside).

    >>> items = IntroWords(["La municipalité de La Lisa au sein de la ville-province de La Havane (Cuba)"])
    >>> [names_a_place(h, items) for h in ("Brandebourg-sur-la-Havel, ville allemande", "Gao au Mali",
    ...                                   "Notre ville jumelle : La Lisa", "Kobané")]
    [True, True, True, False]
    """
    if not heading_like(line, items):
        return False
    name, bracket = split_heading(line)
    return (names_a_country(bracket) or items.name(place_name(name)) or items.name(line)
            or _flagged(line, name))


def _flagged(line: str, name: str) -> bool:
    """A flag beside the heading shows a foreign country ("🇮🇹 Pontremoli (depuis 1985)"), and
    its place is no country's name alone (a group heading "🇩🇪 Allemagne"): a country beside
    it as surely as "(Italie)" is. The home country's flag is a site's language switch
    ("🇫🇷 Français"), no partner's.

    >>> _flagged("🇮🇹 Pontremoli", "Pontremoli"), _flagged("🇫🇷 Français", "Français")
    (True, False)
    >>> _flagged("🇩🇪 Allemagne", "Allemagne"), _flagged("Pontremoli", "Pontremoli")
    (False, False)
    """
    flag = flag_country(line)
    place = place_name(name) or name
    return (flag is not None and flag[1] != HOME_COUNTRY and not names_a_country(place)
            and fold(place) not in _languages_of(flag[1]))


@lru_cache(maxsize=64)
def _languages_of(code: str) -> frozenset[str]:
    """The names a site's language switch gives the official languages of a country (its
    ISO 3166-1 ``code``), folded: their codes and their names in their own tongue, in English
    and in French, from the Unicode CLDR ("🇬🇧 English", "🇩🇪 Deutsch", "🇪🇸 ES" name no place).

    >>> sorted(_languages_of("DE"))[:3]
    ['allemand', 'de', 'deutsch']
    """
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    names: set[str] = set()
    for language in get_official_languages(code, de_facto=True):
        names.add(fold(language))
        for locale in (language, "en_US", "fr_FR"):  # its own tongue, English, French
            try:
                written = Locale.parse(locale).languages.get(language)
            except (UnknownLocaleError, ValueError):
                continue
            if written:
                names.add(fold(written))
    return frozenset(names)


TITLE_WORDS = 30  # a title is short: a longer first line is the text's first sentence, cut
_BAR = " | "  # between the links of a bar ("Derniers articles parus : … | … | …")


# A list whose bullets stand alone on their lines, each item's text on the line below (a
# site builder's list saved as text, the bullet and the text two elements): two such
# bullets at least, so that a mark parting two paragraphs stays a mark.
LONE_BULLETS = 2


def _lone_bullets(text: str) -> set[int]:
    """The lines (numbered from 1) that hold a bullet alone, followed by a line of text,
    in a page that has :data:`LONE_BULLETS` of them or more.

    >>> sorted(_lone_bullets("Visite :\\n-\\nChinon\\n-\\nSaumur\\n"))
    [2, 4]
    >>> _lone_bullets("Un texte.\\n*\\nUn autre texte.\\n")
    set()
    """
    rows = lines(text)
    found = {number for number, (row, below) in enumerate(pairwise(rows), start=1)
             if len(row.strip()) == 1 and row.strip() in BULLETS
             and below.strip() and below.strip() not in BULLETS}
    return found if len(found) >= LONE_BULLETS else set()


def _marked_alone(text: str) -> set[int]:
    """The lines (numbered from 1) that open with a bullet no line beside them shares: the
    nearest written line above and the one below open with another mark or none, and the
    page writes that mark so :data:`LONE_BULLETS` times or more. A list runs on from item
    to item under one mark; a mark alone between paragraphs, again and again, decorates
    the lines it opens ("■ GAO — MALI", "► Kita (Mali)"), each a heading when it names a
    place (:func:`text_blocks`); once, it is a list of one item ("Avec :" / "• Gao (Mali)").

    >>> sorted(_marked_alone("Titre\\n\\n■ GAO — MALI\\n\\n2019 : forages\\n– Un\\n– Deux\\n"
    ...                      "■ KITA\\n\\nTexte\\n"))
    [3, 8]
    >>> sorted(_marked_alone("Avec :\\n\\n• Gao (Mali)\\n\\n2019 : forages\\n"))
    []
    """
    rows = [(n, row.strip()) for n, row in enumerate(lines(text), start=1) if row.strip()]
    marks = [row[0] if _BULLET.match(row) else None for _, row in rows]
    alone = [(n, marks[k]) for k, (n, _) in enumerate(rows)
             if marks[k] is not None and (k == 0 or marks[k - 1] != marks[k])
             and (k + 1 == len(rows) or marks[k + 1] != marks[k])]
    times = Counter(mark for _, mark in alone)
    return {n for n, mark in alone if times[mark] >= LONE_BULLETS}


# A star is a footnote's mark, not a bullet, where the page writes its call: "(*)", or
# glued after a word ("européennes*"); the line that opens on it is the note ("* En 2021 et
# 2022, …" at a page's end), as long as the page has no more such lines than calls (a
# list typed with stars beside one call is still a list).
_STAR_CALL = re.compile(r"\((\*{1,3})\)|(?<=[^\W\d_])(\*{1,3})(?![\w*])")
_STAR_NOTE = re.compile(r"(\*{1,3})\s")


def star_notes(text: str) -> set[str]:
    """The star marks (``*``, ``**``, ``***``) the page writes as footnote calls, whose
    lines are notes, not list items.

    >>> sorted(star_notes("Deux villes (*).\\n* Deux autres ont quitté le jumelage.\\n"))
    ['*']
    >>> star_notes("Nos actions :\\n* Accueil de jeunes\\n* Voyages\\n")
    set()
    >>> star_notes("Deux villes (*).\\n* Accueil\\n* Voyages\\n")
    set()
    """
    calls: dict[str, int] = {}
    for call in _STAR_CALL.finditer(text):
        mark = call[1] or call[2]
        calls[mark] = calls.get(mark, 0) + 1
    if not calls:
        return set()
    notes: dict[str, int] = {}
    for row in lines(text):
        if note := _STAR_NOTE.match(row.strip()):
            notes[note[1]] = notes.get(note[1], 0) + 1
    return {mark for mark, n in notes.items() if n <= calls.get(mark, 0)}


def _title_like(line: str) -> bool:
    """The first line of a text snapshot is its title unless it is an introduction
    sentence (it ends like one, or runs longer than any title: "L'idée de la caravane a
    germé fin 2019 à l'occasion d'une rencontre …" above its list; or it ends on a comma,
    a sentence cut by a hard line break that the next line goes on with: "… Maire de
    Gressier sont venus, fin mars," / "participer aux travaux …"), a year alone (the
    label of the first entry of a history by years: "Année 2010", then its lines; a stay's
    days, "6-12 mai 2012", may title the page that tells it) or a partner heading with its
    country."""
    if line.endswith((":", ".", "!", "?", "…", ",")) or split_any_label(line) \
            or ((period := parse_label(line)) is not None and period.start_month is None) \
            or (len(line.split()) > TITLE_WORDS and _BAR not in line):  # a bar of links is furniture
        return False
    return not names_a_country(split_heading(line)[1])


# The number a word processor's automatic numbering writes before a heading or an entry
# when its document is saved as text ("1.\tGao (Mali)", "2.7.\t2016-2020 : …", "IV)\t…"):
# a tab follows it; typed by hand, several levels ("2.7. Juin 2012 : …") or one before a
# capital ("3. Gao (Mali)"), as do a report's section numbers without their last dot
# ("4.2 Gao (Mali)", "4.2.1 Bilan"). Not a date: "12.06.2012" has no space after it.
_OUTLINE_NUMBER = re.compile(
    r"^(?:(?:\d{1,2}|[IVXivx]{1,4}|[A-Za-z])[.)])+(?:\d{1,2})?\t+"
    r"|^\d{1,2}(?:\.\d{1,2})+\.[ \u00a0]+(?=\S)"
    r"|^(?P<one>\d{1,2}[.)][ \u00a0]+)(?=\w)"
    r"|^(?P<bare>\d{1,2}(?:\.\d{1,2}){1,3}[ \u00a0]+)(?=\w)")
# Word's second-level bullet saved as text: the letter "o" of its Courier New font, a tab
_WORD_BULLET = re.compile(r"^o\t+(?=\S)")
# A table of contents' line: a title, then a tab or dot leaders, then its page's number
_PAGE_NUMBER = re.compile(r"(?:\t+|[ \t]*(?:\.{4,}|…{2,})[ \t]*)\d{1,3}$")


def outline_entry(line: str) -> str:
    """A line without the outline number a word processor wrote before it (see
    ``_OUTLINE_NUMBER``): the number only orders what the text says.

    >>> outline_entry("2.7.\\t2016-2020 : forages"), outline_entry("1.\\tGao (Mali)")
    ('2016-2020 : forages', 'Gao (Mali)')
    >>> outline_entry("3.1. Juin 2012 : accueil"), outline_entry("2016. Un an plus tard")
    ('Juin 2012 : accueil', '2016. Un an plus tard')
    >>> outline_entry("12.06.2012 : réunion"), outline_entry("2. juin : réunion")
    ('12.06.2012 : réunion', '2. juin : réunion')
    >>> outline_entry("4.2 Gao (Mali)"), outline_entry("1.5 million d'euros")
    ('Gao (Mali)', "1.5 million d'euros")
    """
    found = _OUTLINE_NUMBER.match(line)
    if not found or found.end() >= len(line) \
            or ((found["one"] or found["bare"]) and not line[found.end()].isupper()):
        return line  # one number typed by hand numbers a heading only: a capital follows it
    return line[found.end():]


def contents_line(line: str) -> str | None:
    """The title of a table of contents' line ("Gao (Mali)\\t3", "Gao (Mali) ........ 3"),
    or ``None`` for any other line.

    >>> contents_line("Gao (Mali)\\t3"), contents_line("Gao (Mali) ...... 12"), contents_line("Gao\\t2016")
    ('Gao (Mali)', 'Gao (Mali)', None)
    """
    if not (line[-2:-1] if line.endswith("\n") else line[-1:]).isdigit():
        return None  # no page number at its end: most lines, told without a search of each place
    found = _PAGE_NUMBER.search(line)
    title = line[:found.start()].strip() if found else ""
    return title if title and not title[-1].isdigit() else None


def _table_rows(text: str) -> set[int]:
    """The lines of a table saved as text: ``TABLE_CELLS`` cells or more separated by tabs,
    on two lines or more that follow each other (its header and a row at least; one line
    of tabbed words alone is a row of the site's controls, "Accepter\\tRefuser").

    >>> sorted(_table_rows("Année\\tLieu\\tMontant\\n2019\\tGao\\t500\\n\\nOui\\tNon\\tPlus\\n"))
    [1, 2]
    """
    tabbed = [n for n, line in enumerate(lines(text), start=1) if line.strip().count("\t") >= TABLE_CELLS - 1]
    return {n for k, n in enumerate(tabbed)
            if (k > 0 and tabbed[k - 1] == n - 1) or (k + 1 < len(tabbed) and tabbed[k + 1] == n + 1)}


def text_blocks(text: str, levels: dict[int, int] | None = None, joined: Collection[int] = (),
                numbers: Sequence[int] | None = None) -> list[Block]:
    """Blocks of a text snapshot: each non-blank line a block. ``levels`` are the headings
    the page's markup declares (line -> level: a Markdown page's ``## …``,
    :mod:`pipeline.markdown`), headings whatever their words, as an HTML page's are.
    ``joined`` are the lines that go on with the block above, a hard-wrapped text's
    (:func:`pipeline.markdown.wrapped`): the block keeps its first line. ``numbers`` are
    the page's line of each line of ``text`` when the text is the page's lines in reading
    order rather than as written (:mod:`pipeline.text_layout`: columns, bordered tables);
    ``levels`` and ``joined`` count the lines of ``text``.

    >>> [(b.kind, b.text, b.line) for b in text_blocks("Titre\\n\\n  • Un\\nTombouctou (Mali)\\n")]
    [('heading', 'Titre', 1), ('list_item', 'Un', 3), ('heading', 'Tombouctou (Mali)', 4)]
    """
    blocks: list[Block] = []
    items = IntroWords()  # the list items seen so far
    rows = _table_rows(text)
    ended = False  # past a press release's end mark
    lone = _lone_bullets(text)
    marked = _marked_alone(text)
    notes = star_notes(text)
    # a fiche writes its keys alone before their values ("Pays:", then "Roumanie")
    rows_of_text = lines(text)
    fiche = any(key_alone(line) for line in rows_of_text if line.rstrip().endswith(":"))
    bulleted = False  # the line above was a bullet alone
    for number, raw in enumerate(lines(text), start=1):
        line = raw.strip()
        if not line:
            continue
        if number in lone:
            bulleted = True
            continue
        if bulleted:  # the item a bullet alone on the line above opens
            bulleted = False
            if not _BULLET.match(line):
                line = f"{BULLET}{line}"
        if ended or (not levels and blocks and _release_end(line)):
            ended = True
            blocks.append(Block("paragraph", line, number, aside=RELEASE_END))
            continue
        if number in joined and blocks and blocks[-1].kind in ("paragraph", "list_item"):
            blocks[-1] = replace(blocks[-1], text=f"{blocks[-1].text} {line}")
            continue
        if blocks and blocks[-1].kind in ("heading", "paragraph") and not blocks[-1].aside \
                and blocks[-1].line == number - 1 and _wrapped_title(blocks[-1].text, line):
            whole = f"{blocks[-1].text} {line}"  # one title its editor wrapped
            kept = blocks[-1].level == 1 or (blocks[-1].kind == "heading" and heading_like(whole, items))
            wrapped = blocks[-1]
            blocks[-1] = replace(wrapped, text=whole) if kept else Block("paragraph", whole, wrapped.line)
            continue
        if not (levels and number in levels):
            line = outline_entry(line)
        if (title := contents_line(line)) is not None:
            blocks.append(Block("list_item", title, number, aside=TABLE_OF_CONTENTS))
            items.add(title)
        elif number in rows:
            blocks.append(Block("paragraph", line, number, aside=TABLE_ROW))
        elif word_bullet := _WORD_BULLET.match(line):
            blocks.append(Block("list_item", line[word_bullet.end():], number))
            items.add(blocks[-1].text)
        elif levels and number in levels:
            blocks.append(Block("heading", line, number, level=levels[number]))
        elif (bullet := _BULLET.match(line)) and bullet.group().strip() in notes:
            blocks.append(Block("paragraph", line, number))  # a footnote, its mark kept
        elif bullet and number in marked \
                and names_a_place(line[bullet.end():], items):  # a mark decorating a heading
            blocks.append(Block("heading", line[bullet.end():], number, level=2))
        elif bullet:
            blocks.append(Block("list_item", line[bullet.end():], number))
            items.add(blocks[-1].text)
        elif not blocks and _title_like(line):
            blocks.append(Block("heading", line, number, level=1))
        elif (heading_like(line, items) and not goes_on(line)) or sub_heading(line) or other_heading(line) \
                or group_heading(line) or (items and country_heading_line(line)):
            blocks.append(Block("heading", line, number, level=2))
        elif not fiche and _named_before_colon(line) and not _list_below(rows_of_text, number, lone) \
                and heading_like(held := line.rstrip()[:-1].rstrip(), items) and not goes_on(held):
            # a place alone before a colon, its block below it ("Linz am Rhein:", then the
            # testimonies of its people): the colon announces the section, as a heading
            # does, and is no part of the name; not on a fiche, whose keys stand so
            # above their values ("Pays:", "Fax:")
            blocks.append(Block("heading", held, number, level=2))
        elif head := _listed_head(line, items):  # "Togo : Koumondè (Présidente : …). Une …"
            blocks.append(Block("heading", head, number, level=2))
            blocks.append(Block("paragraph", line[len(head):].strip(), number))
        elif names_institution(line):
            blocks.append(Block("heading", line, number, level=3))
        else:
            blocks.append(Block("paragraph", line, number))
    blocks = joined_headings(blocks, 2)
    if numbers is not None:  # each block at the page's line it comes from
        blocks = [replace(b, line=numbers[b.line - 1]) for b in blocks]
    return blocks


_OPEN_ENDS = frozenset(fold(w) for w in _HEADINGS["open_ends"])
_OPEN_STARTS = frozenset(fold(w) for w in _HEADINGS["open_starts"])


_RELEASE_END_MARKS = frozenset(fold(mark) for mark in lexicon("furniture")["release_end_marks"])


def _release_end(line: str) -> bool:
    """Whether a line is the mark that ends a press release ("###", "-30-", "- FIN -").

    >>> _release_end("###"), _release_end("- FIN -"), _release_end("# Titre"), _release_end("Fin")
    (True, True, False, False)
    """
    return len(line) <= RELEASE_END_MARK and "".join(fold(line).split()) in _RELEASE_END_MARKS


RELEASE_END_MARK = 12  # characters: an end mark is short


def _wrapped_title(above: str, line: str) -> bool:
    """Whether ``line`` goes on with the title in capitals above it: both in capitals, the
    one above ending with a word no title ends with (``headings.open_ends``: "… SES
    JUMELAGES ET" / "COOPÉRATIONS ET ANNONCE …"), or the line opening with a word no title
    opens with (``headings.open_starts``: "… SES JUMELAGES" / "ET COOPÉRATIONS …").

    >>> _wrapped_title("LE POINT SUR NOS JUMELAGES ET", "NOS PROJETS"), _wrapped_title("GAO (MALI)", "KITA")
    (True, False)
    >>> _wrapped_title("LE POINT SUR NOS JUMELAGES", "ET NOS PROJETS"), _wrapped_title("MALI", "LA LISA")
    (True, False)
    """
    if not (_in_capitals(above) and _in_capitals(line)):
        return False
    last, first = fold(above).rsplit(None, 1)[-1], fold(line).split(None, 1)[0]
    return last in _OPEN_ENDS or last.replace("’", "'")[-2:] in _OPEN_ENDS or first in _OPEN_STARTS


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


SPLIT_COUNTRY = 40  # characters: a country written alone under its place's name is short
# the separators a page's design puts between a country and its region ("Mali · région de Kayes")
_DESIGN_SEPARATOR = re.compile(r"\s+[·•|]\s+")
_REGION_NOUNS = frozenset(fold(w) for w in lexicon("places")["region_nouns"])
LISTED_HEAD_WORDS = 6  # a place's name opening a paragraph is a few words


def _listed_head(line: str, items: IntroWords) -> str | None:
    """The head of a paragraph that opens with a partner the intro's list names, written
    country first ("Togo : Koumondè (Présidente : …). Une trentaine d'adhérents." under the
    item "le Togo : Koumondè"; "Autriche : Mondsee est jumelée avec …"): the country, its
    colon and the place's name, a heading run into its paragraph; ``None`` for any other
    paragraph, or one with nothing after its head.

    >>> items = IntroWords(["l'Autriche : Mondsee", "le Togo : Koumondè"])
    >>> _listed_head("Autriche : Mondsee est jumelée avec Saint-Jean depuis avril 1999.", items)
    'Autriche : Mondsee'
    >>> _listed_head("Togo : Koumondè (Présidente : Mme Dom). Une trentaine d'adhérents.", items)
    'Togo : Koumondè'
    >>> _listed_head("Autriche : une belle région.", items), _listed_head("Mali : Gao est loin.", items)
    (None, None)
    """
    if not items or ":" not in line[:SPLIT_COUNTRY] or not line[:1].isupper():
        return None  # no list of partners above, or no country first
    country, colon, rest = line.partition(":")
    if not names_a_country(country.strip()) or not rest.strip():
        return None
    words = list(re.finditer(r"[^\s(),.;:!?]+", rest))[:LISTED_HEAD_WORDS]
    for k in range(len(words), 0, -1):
        name = rest[words[0].start():words[k - 1].end()]
        end = len(country) + len(colon) + words[k - 1].end()
        if _reads_as_name(name) and items.name(name) and line[end:].strip():
            return line[:end]
    return None


def _country_alone(text: str) -> str | None:
    """A block that is only a country's name, maybe in brackets ("Allemagne", "(Mali)"),
    maybe after its region ("Cisjordanie, Palestine": the brackets of a heading would hold
    the same words, and name the country).

    >>> _country_alone("(Mali)"), _country_alone("Cisjordanie, Palestine"), _country_alone("Gao, Mali")
    ('Mali', 'Cisjordanie, Palestine', None)

    A design's separator may set the country's region after it, named by its kind ("Mali ·
    région de Kayes"; "Mali | Gao" is a heading, the country first).

    >>> _country_alone("Mali · région de Kayes"), _country_alone("Mali | Gao")
    ('Mali', None)
    """
    first, *rest = _DESIGN_SEPARATOR.split(text.strip(), maxsplit=1)
    region = bool(rest) and fold(rest[0]).split(" ")[0] in _REGION_NOUNS
    bare = (first if region else text).strip().strip("()[] ").strip()
    if not bare or len(bare) > SPLIT_COUNTRY or bare != bare.strip(".,;:"):
        return None
    if country_code(bare) is not None:
        return bare
    parts = [p.strip() for p in bare.split(",")]
    return bare if len(parts) > 1 and all(country_code(p) is not None for p in parts) else None


_SPACED_DASH = re.compile(r"\s[-–—]\s")


def _country_over_place(text: str) -> str | None:
    """The country a design's line under a place's name opens with, before its separator,
    whatever it says of the place after it (its region by name, how far it lies from a
    city: "Palestine · Cisjordanie, à 7 km de Ramallah"); ``None`` for any other line, one
    that holds a date (a timeline's "Mali · 2019"), or one whose words after the country
    read as a heading of their own, a place's name maybe set apart from what it is by a
    dash (a letter's "AUTRICHE · Mondsee – jumelage depuis 1978": a partner's heading, its
    country first).

    >>> _country_over_place("Palestine · Cisjordanie, à 7 km de Ramallah"), _country_over_place("Mali · 2019")
    ('Palestine', None)
    >>> _country_over_place("Autriche · Mondsee – jumelage depuis 1978"), _country_over_place("Mali · Gao")
    (None, None)
    """
    first, *rest = _DESIGN_SEPARATOR.split(text.strip(), maxsplit=1)
    if not rest or split_any_label(rest[0]) or any(c.isdigit() for c in rest[0][:4]) \
            or _SPACED_DASH.search(rest[0]) or heading_like(rest[0]):
        return None
    bare = first.strip()
    return bare if bare and country_code(bare) is not None else None


def _country_of_field(text: str) -> str | None:
    """The country a fiche's country field names, its region after it in brackets or a
    comma ("Pays : Allemagne (Land de Brandebourg)", "Pays : Palestine, Cisjordanie"):
    ``None`` for any other line, or a value that names no country.

    >>> _country_of_field("Pays : Allemagne (Land de Brandebourg)"), _country_of_field("Pays : Mali")
    ('Allemagne', 'Mali')
    >>> _country_of_field("Région : Kayes"), _country_of_field("Pays : — (sans objet)")
    (None, None)
    """
    from .fields import country_field

    value = country_field(text) if "\n" not in text else None
    if value is None:
        return None
    bare = re.split(r"\s*[(,;·|]", value, maxsplit=1)[0].strip()
    return bare if bare and country_code(bare) is not None else None


def _name_before_country(text: str) -> bool:
    """A block that may be a place's name with its country on the next block: short, a
    capital first, no country of its own and no sentence punctuation, none of the usual
    headings ("La commune de Jifna et le camp de Jalazone en Cisjordanie", "Gao")."""
    text = text.strip()
    return (0 < len(text) <= MAX_HEADING and text[:1].isupper() and split_heading(text)[1] is None
            and not fiche_field(text)
            and not _SENTENCE_MARK.search(text) and not split_any_label(text)
            and not sub_heading(text) and not other_heading(text) and not group_heading(text))


def joined_headings(blocks: list[Block], level: int) -> list[Block]:
    """The blocks with a place's name and its country written as two blocks (a site
    builder's "partner-name" and "partner-country" fields, a text page's "Augsbourg" then
    "(Allemagne)") joined into one heading, "Augsbourg (Allemagne)", at the first block's
    level (or ``level`` for a paragraph): the heading a page writes in one line.

    >>> [(b.kind, b.text) for b in joined_headings([Block("paragraph", "Gao", 3),
    ...     Block("paragraph", "Mali", 4), Block("paragraph", "Accueil de jeunes.", 5)], 7)]
    [('heading', 'Gao (Mali)'), ('paragraph', 'Accueil de jeunes.')]

    A country above a heading that names its place alone, after text that is no heading
    (a page builder's small line over the name), is that heading's:

    >>> [(b.kind, b.text) for b in joined_headings([Block("paragraph", "Villages", 3),
    ...     Block("paragraph", "Mali · région de Kayes", 4), Block("heading", "Gao", 5, level=2)], 7)]
    [('paragraph', 'Villages'), ('heading', 'Gao (Mali)')]
    """
    out: list[Block] = []
    items = IntroWords()  # the list items seen so far, which may name the place
    above: str | None = None  # a country written above the heading that follows it
    for n, block in enumerate(blocks):
        if block.kind == "list_item":
            items.add(block.text)
        if above is not None:  # "Allemagne" above "Brandebourg-sur-la-Havel"
            out.append(replace(block, text=f"{block.text} ({above})"))
            above = None
            continue
        before = out[-1] if out else None
        after = blocks[n + 1] if n + 1 < len(blocks) else None
        country = _country_alone(block.text) if block.kind != "list_item" and not block.aside else None
        over: str | None = None
        if (country and after is not None and after.kind == "heading" and after.level > 1
                and (before is None or before.kind != "heading")
                and _name_before_country(after.text)):
            above = country  # the country of the heading below it, not of the text above
            continue
        if country is None and before is not None and before.kind == "heading" \
                and block.kind != "list_item" and not block.aside:
            country = over = _country_over_place(block.text)  # the line under the name's heading
        if country is None and before is not None and before.kind == "heading" and before.level > 1 \
                and not block.aside and (country := _country_of_field(block.text)) is not None \
                and _name_before_country(before.text) and heading_like(before.text, items):
            # a fiche's country field right under the name ("Pays : Allemagne (Land de
            # Brandebourg)"): the heading's country, and the field stays the fiche's line
            out[-1] = replace(before, text=f"{before.text} ({country})")
            out.append(block)
            continue
        if (country and before is not None and before.kind != "list_item" and not before.aside
                and not (before.kind == "heading" and before.level == 1)  # the page's title
                and _name_before_country(before.text)
                and (heading_like(before.text, items)  # a name with a design's line below
                     or (over is not None and heading_like(f"{before.text} ({over})", items)))):
            tie = _DESIGN_SEPARATOR.split(block.text.strip(), maxsplit=1)[-1] \
                if _dates_the_tie(block.text) else None  # "· ville jumelée (protocole de 1963)"
            out[-1] = Block("heading", f"{before.text} ({country})" + (f" – {tie}" if tie else ""),
                            before.line, level=before.level if before.kind == "heading" else level)
            continue
        out.append(block)
    return out


def _dates_the_tie(text: str) -> bool:
    """A line under a place's name that gives the tie's year after the country ("Cuba ·
    ville jumelée (1997)", "Mali · coopération (protocole d'accord de 2005)").

    >>> _dates_the_tie("Cuba · ville jumelée (1997)"), _dates_the_tie("Mali · région de Kayes")
    (True, False)
    """
    from .places import agreement

    signed = agreement(text)
    return signed is not None and signed.year is not None


def lay_out(blocks: list[Block]) -> tuple[list[Block], str]:
    """The page's text, one block per line as a text snapshot is written, and the blocks
    with their line in it.

    >>> blocks, text = lay_out([Block("heading", "Titre", 0, 1), Block("list_item", "Un", 0),
    ...                         Block("list_item", "Deux", 0), Block("paragraph", "Fin.", 0)])
    >>> text, [b.line for b in blocks]
    ('Titre\\n\\n• Un\\n• Deux\\n\\nFin.\\n', [1, 3, 4, 6])
    """
    written: list[str] = []
    numbered: list[Block] = []
    for block in blocks:
        if written and not (block.kind == "list_item" and numbered[-1].kind == "list_item"):
            written.append("")
        written.append(BULLET + block.text if block.kind == "list_item" else block.text)
        numbered.append(replace(block, line=len(written)))
    return numbered, "\n".join(written) + "\n"


TEASER = "teaser of the full text below it (its opening words cut by an ellipsis)"
_ELLIPSIS = re.compile(r"…|\.\.\.")
TEASER_LENGTH = 30  # characters: a teaser shows a line of its text, a shorter cut is no teaser


def teasers(blocks: list[Block]) -> list[Block]:
    """A block that opens with the opening words of the block below it and cuts them with an
    ellipsis ("2019 : accueil de six jeunes dans le cadre… Lire la suite", then the whole
    entry: a "read more" teaser and its full text, both in the page) is set aside: the
    entry is the full text, once.

    >>> page = [Block("paragraph", "2019 : accueil de six jeunes dans le cadre… Lire la suite", 3),
    ...         Block("paragraph", "2019 : accueil de six jeunes dans le cadre d’un séjour.", 4)]
    >>> [(b.line, b.aside is None) for b in teasers(page)]
    [(3, False), (4, True)]
    """
    out = list(blocks)
    for n, (block, below) in enumerate(pairwise(blocks)):
        cut = _ELLIPSIS.search(block.text)
        opening = " ".join(block.text[:cut.start()].split()) if cut else ""
        shown = " ".join(below.text[:len(block.text)].split())  # the words below, as far
        if cut and len(opening) >= TEASER_LENGTH and block.aside is None \
                and len(below.text) > len(opening) and shown.startswith(opening):
            out[n] = replace(block, aside=TEASER)
    return out


def without_invisible(blocks: list[Block]) -> tuple[list[Block], list[tuple[int, str]]]:
    """The blocks without the invisible characters of ``REMOVED``, and where they were
    (the block's line, the characters found there).

    >>> blocks, removed = without_invisible([Block("paragraph", "2016\u200b-2020 : ac\u00adcueil", 7),
    ...                                      Block("paragraph", "\u200b", 9)])
    >>> [b.text for b in blocks], removed
    (['2016-2020 : accueil'], [(7, '\u200b\xad'), (9, '\u200b')])

    A block left empty (some site builders write empty lines as paragraphs holding a
    zero-width space) is no block: its line stays an empty line of the page's text.
    """
    cleaned, removed = [], []
    for block in blocks:
        found = _REMOVED.findall(block.text)
        if found:
            removed.append((block.line, "".join(dict.fromkeys(found))))
            visible = _REMOVED.sub("", block.text)
            lead = len(visible) - len(visible.lstrip())  # the white space .strip() takes off
            block = replace(block, text=visible.strip(),
                            bold=max(0, len(_REMOVED.sub("", block.text[:block.bold])) - lead)
                            if block.bold else 0)
        if block.text:  # a paragraph that held only a zero-width space is an empty line
            cleaned.append(block)
    return cleaned, removed


THREAD_FURNITURE = "what repeats around every item of a numbered thread (by-line, clock, counters)"
# A thread's post number: "12/ " or "12/40 " before the post's words (Bluesky, Mastodon, X).
_POST_NUMBER = re.compile(r"^(\d{1,3})/(?:(\d{1,3})\b)?[ \u00a0]+(?=\S)")
THREAD_HEADING_LEVEL = 2  # a post that is only a place and its country heads the posts after it
THREAD_LENGTH = 3  # posts numbered 1/, 2/, 3/ in a row at least: a thread, not one date


def thread_posts(blocks: list[Block]) -> list[Block]:
    """A thread of numbered posts (each paragraph opens with its number, "1/ ", "2/ ", …,
    one more than the post before it) read as its posts' words: the number only orders
    the posts ("12/ 2015 : accueil" is post 12 about 2015, not December 2015). The blocks
    between two posts that come back with every post (the author and the time above it,
    the likes and shares below it, the same words but for their figures) are the posts'
    furniture, set aside. A post that is only a place and its country in brackets
    ("2/ Kita (Mali) 👇") heads the posts below it, as a heading would.

    >>> page = [Block("paragraph", f"{n}/ {t}", n) for n, t in enumerate(
    ...     ["Nos jumelages :", "2015 : accueil de jeunes.", "Mai 2016 : visite."], start=1)]
    >>> [b.text for b in thread_posts(page)]
    ['Nos jumelages :', '2015 : accueil de jeunes.', 'Mai 2016 : visite.']
    >>> [b.text for b in thread_posts([Block("paragraph", "12/ 2015 : accueil", 1)])]
    ['12/ 2015 : accueil']
    """
    numbered = {n: int(found[1]) for n, block in enumerate(blocks)
                if block.aside is None and (found := _POST_NUMBER.match(block.text))}
    order = list(numbered)
    best, start = (0, 0), 0  # the longest run of posts numbered one after the other: (first, end)
    for k in range(1, len(order) + 1):
        if k == len(order) or numbered[order[k]] != numbered[order[k - 1]] + 1:
            best, start = max(best, (start, k), key=lambda r: r[1] - r[0]), k
    run = order[best[0]:best[1]]
    if len(run) < THREAD_LENGTH:
        return blocks
    out = list(blocks)
    for n in run:
        block = blocks[n]
        cut = _POST_NUMBER.match(block.text)
        assert cut is not None
        text = block.text[cut.end():]
        out[n] = replace(block, text=text, bold=max(0, block.bold - cut.end()))
        if block.kind == "paragraph" and heading_like(text) and names_a_place(text, IntroWords()):
            out[n] = Block("heading", text, block.line, level=THREAD_HEADING_LEVEL)  # "2/ Kita (Mali) 👇"
    for n, after in pairwise(run):  # a post "(suite ⤵)": the next is its rest
        if (mark := _CONTINUED.search(out[n].text)) and out[n].kind == "paragraph" \
                and out[after].kind == "paragraph":
            out[after] = replace(out[after], text=out[n].text[:mark.start()] + " " + out[after].text,
                                 line=out[n].line, bold=out[n].bold)
            out[n] = replace(out[n], aside=THREAD_CONTINUED)
    posts = set(run)
    shapes = [_LETTERS_ONLY.sub("", b.text) for b in blocks]
    between = [n for n in range(max(0, run[0] - 1), run[-1] + 2) if n < len(blocks) and n not in posts]
    for n in between:
        if blocks[n].aside is None and sum(shapes[m] == shapes[n] for m in between) >= 2:
            out[n] = replace(blocks[n], aside=THREAD_FURNITURE)
    return out


_LETTERS_ONLY = re.compile(r"[\d\s]+")
THREAD_CONTINUED = "an item of a numbered thread whose text goes on in the next item, read there as one text"
# "(suite ⤵)", "(à suivre)", "suite 👇" at a post's end: its text goes on in the next post
_GOES_ON = "(?:" + "|".join(re.escape(w) for w in lexicon("furniture")["thread_continued"]) + ")"
_ARROW = r"[⤵↓⬇👇⏬➡→]\ufe0f?"
_CONTINUED = re.compile(rf"\s*(?:[(\[]\s*{_GOES_ON}\s*(?:{_ARROW})?\s*[)\]]|{_GOES_ON}\s*{_ARROW})\s*$",
                        re.IGNORECASE)
