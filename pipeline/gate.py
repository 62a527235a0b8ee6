"""Is this heading a partner? A decision on evidence, not on the shape of a line.

A short capitalised line reads as a place's name ("Répondre", "Merci", "Transcription",
"IMG_4159.jpg", "COMPTE-RENDU DE L'ASSEMBLEE GENERALE" all do), so the shape of a heading
cannot say it names a place the town is tied to: on pages of towns we never saw, most such
lines were a site's buttons, a report's headings, a person's role or a room. A heading that
reads as a partner's is published as one only when the page itself gives evidence that its
name is such a place:

- ``country``: a country beside it (brackets, comma, adjective, "au Mali"), or an item of
  the intro's list of partners names it (:func:`pipeline.read.names_a_place`);
- ``hint``: the town file names it among its partners;
- ``pair``: the page writes it paired with the town, as a committee or an association
  names itself ("comité de jumelage Brunoy-Reigate", "Maule-Carnoustie");
- ``twinning``: a sentence of twinning leads to it ("jumelée avec X", "nos amis de X", "la
  ville jumelle de X", "délégation de X": :func:`pipeline.narrative._after_cue`);
- ``again``: it names again a partner the page gives evidence for ("Brandenburg (suite)"),
  or it stands beside such partners, at their level, and its own text names it again;
- ``lead-in``: its own words before or after the place name a tie ("Jumelage avec X",
  "Comité de jumelage X", "X, ville jumelle", "Les amis de X": :func:`_tie_lead_in`);
- ``place``: elsewhere on the page (not in its own heading) the name is written after a
  preposition of place ("accueil à X", "le voyage vers X").

Counter-evidence outweighs all but a country or a hint: a file's name ("IMG_4159.jpg"), a
word of the document (a meeting, a report, a thanks, a reply button, a person's role:
``evidence.toml``'s ``document_words``), a room or a venue (``venue_words``). A heading
without evidence is not published: :func:`weigh` says why, and the parse stage sets it aside
with that reason, so the run report lists it (never dropped silently); when no heading of
the page is left, the page is read as one partner's story, whose partner the text names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .french import lexicon
from .french.normalise import fold, nfc

if TYPE_CHECKING:
    from .parse import SetAside
    from .read import Block

_WORDS = lexicon("evidence")
_PREPOSITIONS = sorted((fold(p) for p in _WORDS["place_prepositions"]), key=len, reverse=True)
_DOCUMENT = frozenset(fold(w) for w in _WORDS["document_words"])
_VENUE = frozenset(fold(w) for w in _WORDS["venue_words"])
_EVENTS = frozenset(fold(w) for w in _WORDS["event_words"])
_BODIES = frozenset(fold(w) for w in _WORDS["own_bodies"])
_FUNCTION = frozenset(fold(w) for w in _WORDS["function_words"])
_PARTICLES = frozenset(fold(w) for w in lexicon("places")["particles"])  # "et", "de": no name's own word
_COUNTER_WORDS = _DOCUMENT | _VENUE | _EVENTS | _BODIES  # a word a heading opens on that names no place
_QUALIFIERS = frozenset(fold(w) for w in _WORDS["document_qualifiers"])  # "Rapport Moral": no "Moral"
# the times of history ("la Seconde Guerre mondiale"), the feasts of the calendar ("le
# marché de Noël", calendar.toml's one-word periods), its months, days and parts of a day
# ("en Juin", "Jour 2 – Matin, visite …"), its seasons and the nouns of its periods (a
# history by years: "Année 2010", "Printemps 2012"): no place
_CALENDAR = lexicon("calendar")
_PERIOD_NOUNS = ("year", "decade", "month", "week", "semester", "quarter")
_HISTORY = frozenset(fold(w) for w in _WORDS["history_words"]) | frozenset(
    fold(word) for word in [*_CALENDAR["calendar_periods"], *_CALENDAR["months"], *_CALENDAR["weekdays"],
                            *_CALENDAR["day_parts"], *_CALENDAR["seasons"],
                            *(w for kind in _PERIOD_NOUNS for w in _CALENDAR["words"][kind])]
    if " " not in word)
# a person's initials before a name: one capital and a full stop, maybe joined by a hyphen
_INITIALS = re.compile(r"(?:[^\W\d_]\.\s*-?\s*)+[^\W\d_][^\W\d_'’-]+(?:[\s-][^\W\d_][^\W\d_'’-]+)?$")
# given names: a run of capitalised words opening on one names a person ("René Deblangy")
_GIVEN = frozenset(fold(w) for w in lexicon("given_names")["names"])
# the rubrics of a page of twinning, in the singular and the plural ("Jumelage", "Jumelages")
_RUBRICS = frozenset(fold(w) + end for w in lexicon("headings")["rubrics"] for end in ("", "s"))
_FILE = re.compile(r"\.(?:" + "|".join(lexicon("narrative")["image_files"])
                   + r"|pdf|docx?|odt|xlsx?|pptx?|mp[34]|avi|mov)\s*$", re.IGNORECASE)
_APOSTROPHES = "'’"
_NGO_ENDINGS = tuple(fold(w) for w in _WORDS["organisation_endings"])
_ESTABLISHMENTS = frozenset(fold(w) for w in _WORDS["establishments"])
_ARTICLES = frozenset(fold(w).strip(_APOSTROPHES) for w in _WORDS["heading_articles"])
_ELIDED = frozenset(lexicon("places")["elided_particles"])  # "L'Association", "d'Angkor"
# how far before a name the words of a sentence of twinning are looked for
_CUE_WINDOW = 80

NO_EVIDENCE = ("heading naming no place the town is tied to"
               " (no evidence on the page: not published as a partner)")
COUNTER_EVIDENCE = ("heading naming something else of the document"
                    " (a file, a meeting, a role, a room: not published as a partner)")
COMMON_NOUN = ("heading naming a common noun (the page writes its word in lower case:"
               " not published as a partner)")


@dataclass(frozen=True)
class Verdict:
    """What the page says of a heading's name: the evidence found for it (``None``: none),
    and why it is not published (``None``: it is)."""

    evidence: str | None
    refused: str | None


def _counter(heading: str) -> bool:
    """The heading names a file, or opens on a word of the document, of a venue, of an event or of a
    body of the town's own area, or names an institution ("Théâtre Municipal de …"), or is
    one of the page's rubrics alone ("Jumelage"), or a person's initials and name.

    >>> _counter("Jumelage"), _counter("Coopérations :"), _counter("Jumelage avec Gao")
    (True, True, False)
    >>> _counter("Jumelage Coopération"), _counter("Jumelage et partenariat")
    (True, True)
    >>> _counter("G. Morel"), _counter("J.-P. Dupont"), _counter("St. Louis"), _counter("Gao")
    (True, True, False, False)
    >>> _counter("René Deblangy"), _counter("Jean-Michel Suzanne"), _counter("Marie-Galante")
    (True, True, False)
    >>> _counter("Quand"), _counter("Toutefois"), _counter("Comines")
    (True, True, False)
    >>> _counter("L’Association APJFA"), _counter("L'Isle-Adam")
    (True, False)
    """
    if _FILE.search(heading.strip()) or fold(heading.strip()).endswith(_NGO_ENDINGS):
        return True  # a file, an organisation ("Électriciens Sans Frontières")
    first = re.findall(r"[\w'’-]+", heading)
    if not first:
        return False
    from .read import names_institution

    if len(first) == 1 and fold(first[0]) in _FUNCTION:
        return True  # "Quand", "Toutefois", "Ils": a word of grammar, no name
    words = [fold(w).strip(_APOSTROPHES) for w in first[:2]]
    if (elided := words[0].split("'", 1))[0] in _ELIDED and len(elided) == 2:
        words[0] = elided[1]  # "L'Association APJFA": the word after its elided article
    word = words[1] if words[0] in _ARTICLES and len(words) > 1 else words[0]  # "La Loi …"
    if fold(heading).strip(" :.") in _RUBRICS or all(
            w in _RUBRICS or w in _PARTICLES for w in re.findall(r"[\w'’-]+", fold(heading))):
        return True  # "Jumelage", "Coopération décentralisée", "Jumelage Coopération",
        # "Jumelage et coopération": the page's rubrics, no place
    if _INITIALS.match(heading.strip()) or person(heading):
        return True  # "G. Morel", "René Deblangy": a person (an author, a by-line), no place
    return word in _COUNTER_WORDS or names_institution(heading)


def person(name: str) -> bool:
    """The name opens on a given name (a compound one by its first part), then a capitalised
    word: a person ("René Deblangy", "Jean-Michel Suzanne", "Maurice PICARD"), not a place
    ("Marie-Galante", one word; "Florence", no surname).

    >>> person("René Deblangy"), person("Jean-Michel Suzanne"), person("Marie-Galante"), person("Gao")
    (True, True, False, False)

    A surname may open on an article ("Christian Le Nech"); a given name and an article alone
    are no person ("Florence La").

    >>> person("Christian Le Nech"), person("Florence La")
    (True, False)

    A compound of given names alone is a person's given name ("Marie-Jeanne", "Jean-Pierre"),
    however a list names it ("Marie-Jeanne, Lucien et Marie-Claude"); a place may open on one
    ("Marie-Galante").

    >>> person("Marie-Jeanne"), person("Jean-Pierre"), person("Marie-Galante")
    (True, True, False)
    """
    words = name.split()
    parts = name.split("-")
    if len(words) == 1 and len(parts) > 1 and all(fold(part) in _GIVEN for part in parts):
        return True
    return (len(words) > 1 and fold(words[0].split("-")[0]) in _GIVEN and words[1][:1].isupper()
            and (fold(words[1]) not in _ARTICLES or (len(words) > 2 and words[2][:1].isupper())))


class PageText:
    """The page's lines folded once, joined, with an index of where each word starts, so a
    heading's name is looked for in its occurrences only (a page of thousands of headings is
    weighed in linear time, not in headings × lines)."""

    def __init__(self, texts: list[str]) -> None:
        # made when a heading first needs them: a page whose headings all name their
        # country (a list of partners, a synthetic page of 100,000 entries) never does
        self.texts = texts

    @cached_property
    def raw(self) -> str:
        return "\n".join(nfc(t) for t in self.texts)

    @cached_property
    def folded(self) -> str:
        return fold(self.raw)  # one character for one of ``raw``

    @cached_property
    def starts(self) -> list[int]:
        starts, at = [], 0
        for text in self.texts:
            starts.append(at)
            at += len(nfc(text)) + 1
        return starts

    @cached_property
    def words(self) -> dict[str, list[int]]:
        words: dict[str, list[int]] = {}
        for found in re.finditer(r"\w+", self.folded):
            words.setdefault(found.group(), []).append(found.start())
        return words

    def occurrences(self, name: str, skip: tuple[int, int] = (0, 0)) -> list[int]:
        """Where the page writes the name as a word (case and accents aside), outside the
        span ``skip`` (a heading's own line)."""
        key = fold(nfc(name))
        first = re.match(r"\w+", key)
        if not first:
            return []
        found = []
        for at in self.words.get(first.group(), []):
            end = at + len(key)
            if skip[0] <= at < skip[1] or not self.folded.startswith(key, at):
                continue
            if (at and (self.folded[at - 1].isalnum() or self.folded[at - 1] in "-_")) or \
                    (end < len(self.folded) and (self.folded[end].isalnum() or self.folded[end] in "-_")):
                continue
            found.append(at)
        return found

    def line(self, index: int) -> tuple[int, int]:
        """The span of the ``index``-th line."""
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.raw)
        return self.starts[index], end


_CUES = lexicon("narrative")
_CUE_STEMS = tuple(fold(s) for s in _CUES["cue_stems"])
_NEAR = frozenset(fold(j) for j in _CUES["near_joiners"])
_FAR = frozenset(fold(j) for j in _CUES["far_joiners"])


def _after_cue(before: str) -> bool:
    """The words before a name end with a joiner that follows a word of twinning: "de"
    right after it ("nos amis de", "délégation de"), "avec", "à", "entre" a few words after
    it ("jumelée avec"): the reading of :func:`pipeline.narrative._after_cue`, with its
    words (this module is imported by the narrative one, so it cannot import it)."""
    words = re.findall(r"\w+'?", fold(before).replace("’", "'"))[-(_CUES["cue_reach"] + 5):]
    if len(words) >= 2 and words[-1] in _NEAR and words[-2].startswith(_CUE_STEMS):
        return True
    for i in range(len(words) - 1, max(len(words) - 6, -1), -1):
        if words[i] in _FAR:
            return any(w.startswith(_CUE_STEMS) for w in words[max(0, i - _CUES["cue_reach"]):i])
    return False


def _after_place_preposition(before: str) -> bool:
    words = re.findall(r"[\w'’]+", fold(before).replace("’", "'"))
    if not words:
        return False
    last = words[-1]
    return last in _PREPOSITIONS or (last.endswith("'") and last in _PREPOSITIONS)


def _country_beside(name: str, page: PageText, spots: list[int]) -> bool:
    """The page writes the name with its country right after it, within its clause ("Trois
    sont actives : Koutiala au Mali, Braga au Portugal", "Gao (Mali)")."""
    from .places import country_in_text

    length = len(fold(nfc(name)))
    for at in spots:
        after = page.raw[at + length:at + length + _COUNTRY_REACH]
        clause = re.split(r"[,.;:!?\n]", after, maxsplit=1)[0]
        if clause.strip() and country_in_text(clause) is not None:
            return True
    return False


_COUNTRY_REACH = 30


def _paired_with_town(name: str, page: PageText, spots: list[int]) -> bool:
    """The page writes the name and the town as a pair ("Brunoy-Reigate", "Quimper –
    Remscheid", "Maule / Carnoustie"), in either order (``spots``: where it names it)."""
    from .config import config

    length = len(fold(nfc(name)))
    for town in config().town.names:
        t = re.escape(fold(town))
        before = re.compile(rf"(?<![\w-]){t}\s*[-–—/&]\s*$")
        after = re.compile(rf"^\s*[-–—/&]\s*{t}(?![\w])")
        for at in spots:
            if before.search(page.folded[max(0, at - 80):at]) or \
                    after.search(page.folded[at + length:at + length + 80]):
                return True
    return False


def _head_paired_with_town(name: str, page: PageText) -> bool:
    """The page pairs the town with the head of the name, its words before a particle
    that opens what the place lies on ("Linz" of "Linz am Rhein", "Stratford" of
    "Stratford-upon-Avon"), as a name so long is shortened in a pair ("les échanges
    Linz-Pornic", "Pornic / Linz"): the head is a name of its own, of four letters or more."""
    from .config import config

    words = re.split(r"[\s-]+", fold(nfc(name)))
    at = next((n for n, w in enumerate(words) if n and w in _PARTICLES), None)
    if at is None:
        return False
    head = "-".join(words[:at]) if "-" in name.split()[0] else " ".join(words[:at])
    if len(head) < MIN_HEAD or head in _PARTICLES:
        return False
    h = re.escape(head)
    for town in config().town.names:
        t = re.escape(fold(town))
        if re.search(rf"(?<![\w-])(?:{t}\s*[-–—/&]\s*{h}|{h}\s*[-–—/&]\s*{t})(?![\w-])", page.folded):
            return True
    return False


MIN_HEAD = 4  # letters of a name's head read alone in a pair with the town ("Linz")
_TIE_STEMS = tuple(fold(s) for s in lexicon("headings")["tie_stems"])


def _tie_lead_in(heading: str) -> bool:
    """The heading's own lead-in says its place is a partner: its words name a tie
    ("Jumelage avec X", "Comité de jumelage X", "X, ville partenaire", "Les amis de X":
    ``headings.tie_stems``), and the place after it reads as a name and is no word of the
    document, of a venue or an institution. A lead-in naming no tie ("Zoom sur", "Cap sur") is no
    evidence.

    >>> _tie_lead_in("Jumelage avec Bradicesti"), _tie_lead_in("Zoom sur Bradicesti")
    (True, False)
    >>> _tie_lead_in("Comité de jumelage Tarnobrzeg"), _tie_lead_in("Comité de jumelage Assemblée générale")
    (True, False)
    >>> _tie_lead_in("Coopération avec le village")  # no place's name after it
    False
    """
    from .places import lead_in, without_lead_in

    words = lead_in(heading)
    if words is None or not any(w.startswith(_TIE_STEMS) for w in re.findall(r"\w+", fold(words))):
        return False
    return _named(heading) and not _counter(without_lead_in(heading))


def tied_place(heading: str) -> tuple[str, str] | None:
    """The place a heading's lead-in names as a partner (:func:`_tie_lead_in`), folded and
    as written, for a page's title read as a story ("Comité de jumelage Tarnobrzeg");
    ``None`` when its words name no tie.

    >>> tied_place("Comité de jumelage Tarnobrzeg"), tied_place("Zoom sur Tarnobrzeg")
    (('tarnobrzeg', 'Tarnobrzeg'), None)
    """
    from .places import place_name, split_heading

    if not heading or not _tie_lead_in(heading):
        return None
    name = split_heading(heading)[0]
    place = place_name(name) or name
    return (fold(place), place) if fold(place) else None


def _hinted(name: str) -> bool:
    from .config import config

    key = fold(name)
    return any(key == fold(h.name) or key in {fold(a) for a in h.aliases}
               for h in config().hints.partners)


def weigh(heading: str, sure: bool, page: PageText, line: int | None = None) -> Verdict:
    """The evidence the page gives that ``heading`` names a place the town is tied to
    (``sure``: it names its country or an intro item names it); ``page`` is the page's text,
    ``line`` the index of the heading's own line in it (left out)."""
    from .places import place_name, split_heading

    name = place_name(split_heading(heading)[0]) or split_heading(heading)[0]
    if sure:
        return Verdict("country", None)
    if _hinted(name):
        return Verdict("hint", None)
    if _tie_lead_in(heading):
        return Verdict("lead-in", None)
    if _counter(heading):
        return Verdict(None, COUNTER_EVIDENCE)
    spots = page.occurrences(name, page.line(line) if line is not None else (0, 0))
    if _paired_with_town(name, page, spots) or _head_paired_with_town(name, page):
        return Verdict("pair", None)
    if any(_after_cue(page.folded[max(0, at - _CUE_WINDOW):at]) for at in spots):
        return Verdict("twinning", None)
    if _country_beside(name, page, spots):
        return Verdict("country", None)
    if any(_after_place_preposition(page.folded[max(0, at - 20):at]) for at in spots):
        return Verdict("place", None)
    return Verdict(None, NO_EVIDENCE)


def gate(body: list[Block], starts: list[int]) -> tuple[list[int], dict[int, str]]:
    """The partner headings of ``starts`` (indices into ``body``) the page gives evidence
    for, and why each other one is not published (by its index)."""
    from .read import IntroWords, names_a_place

    items = IntroWords()
    for block in body:
        if block.kind == "list_item" and not block.aside:
            items.add(block.text)
    kept: list[int] = []
    refused: dict[int, str] = {}
    page = PageText([b.text for b in body])
    # the words of its paragraphs (a list's items name places as sloppily as they come:
    # "la ville de tamba (Mali)")
    common = lower_words(" ".join(b.text for b in body if b.kind not in ("heading", "list_item")))
    for i in starts:
        if _common_noun(body[i].text, common):
            refused[i] = COMMON_NOUN  # "Voyage en Hongrie" over "… un voyage prévu à Csurgo"
            continue
        # an intro item naming a heading that opens on a word of the document is a line of
        # the page's own (a bullet "Réunion des associations …" above "Réunion des
        # associations"), no list of partners: only a country beside it makes it sure
        sure = names_a_place(body[i].text, items) and (
            not _counter(body[i].text) or names_a_place(body[i].text, IntroWords()))
        verdict = weigh(body[i].text, sure, page, i)
        if verdict.refused:
            refused[i] = verdict.refused
        else:
            kept.append(i)
    # a heading that names again a partner the page gives evidence for ("Brandenburg (suite)")
    # or a heading beside partners the page gives evidence for, at their level, whose own
    # text names it again ("Aveiro" beside "Augsbourg (Allemagne)": "Aveiro est la capitale …")
    # or tells dated entries (alone on its page, too: "Kobané", then "2010 : accueil …")
    known = {_place_key(body[i].text) for i in kept}
    kept_words = _WordsOf([body[i].text for i in kept if names_a_place(body[i].text, IntroWords())])
    levels = {body[i].level for i in kept}
    listed = _listed_after_colon(body)
    for i in [i for i in refused if refused[i] == NO_EVIDENCE]:
        again = _place_key(body[i].text) in known or kept_words.names_again(body[i].text)
        if i - 1 in kept and i not in listed and not again:
            continue  # a line right under a partner's heading: its photo's caption ("Rue")
        if i in listed or again or (
                (not levels or (body[i].level in levels and _named(body[i].text)))
                and _told_below(body, i) and not _names_another(body, i, kept)
                and not (len(starts) == 1 and _cues_another(body, i))):
            del refused[i]
            kept.append(i)
    # the page's contents list a heading with partners the page gives evidence for: a
    # section of the same kind ("Sommaire :", then "Linz am Rhein", "Scalby & Newby",
    # "Baiona", "Omegna", each a heading further down)
    listed_together = _contents(body)
    if len({key for i in kept if (key := _place_key(body[i].text)) in listed_together}) >= CONTENTS_EVIDENCE:
        for i in [i for i in refused if refused[i] == NO_EVIDENCE]:
            if _place_key(body[i].text) in listed_together and _named(body[i].text):
                del refused[i]
                kept.append(i)
    return sorted(kept), refused


CONTENTS_EVIDENCE = 2  # partners with evidence a contents list names beside a heading
_CONTENTS = frozenset(lexicon("headings")["contents_headings"])


def _contents(body: list[Block]) -> set[str]:
    """The places the page's contents list (the short lines right below a heading of
    contents, ``headings.contents_headings``, up to the first sentence), as
    :func:`_place_key` gives them; a line whose name reads as no place's ("Linz am rhein",
    typed in haste) is listed too, and read again under its heading."""
    from .read import heading_key

    listed: set[str] = set()
    for at, block in enumerate(body):
        if block.kind != "heading" or heading_key(block.text) not in _CONTENTS:
            continue
        for line in body[at + 1:]:
            if line.aside or not _caption(replace(line, kind="paragraph")):
                break
            listed.add(_place_key(line.text))
    return listed


CAPTION_WORDS = 6  # words of a photo's caption set as a line of its own ("Place du marché")


def _caption(block: Block) -> bool:
    """A short line that ends no sentence, right under a heading: its photo's caption."""
    return block.kind != "heading" and len(block.text.split()) <= CAPTION_WORDS \
        and not block.text.rstrip().endswith((".", "!", "?", ":"))


def _opens_on_tie(text: str) -> bool:
    """The text opens on the tie's participle ("Jumelée le 25 mai 1969, cette ville …"), not
    on its noun ("Le jumelage représente un contrat moral …": a definition).

    >>> _opens_on_tie("Jumelée le 25 mai 1969, cette ville est en Allemagne"), _opens_on_tie("Le jumelage")
    (True, False)
    """
    first = re.match(r"\W*(\w+)", fold(text))
    return first is not None and any(re.fullmatch(re.escape(stem) + r"(?:e|ee|es|ees)", first[1])
                                     for stem in _TIE_STEMS)


def _names_another(body: list[Block], heading: int, kept: list[int]) -> bool:
    """The text below a heading names the place of a partner heading above it and not its
    own ("Rue/parc", then "… le parc Saint Joseph est renommé Parc d'Haslach" in Haslach's
    section): a sub-heading of that partner's section, no partner of its own."""
    key = _place_key(body[heading].text)
    others = [_place_key(body[i].text).split()[0] for i in kept if i < heading]
    for block in body[heading + 1:]:
        if block.kind == "heading":
            return False
        folded = fold(block.text)
        if re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", folded):
            return False
        if any(len(other) >= MIN_KEY and re.search(r"(?<![\w-])" + re.escape(other) + r"(?![\w-])", folded)
               for other in others):
            return True
    return False


MIN_KEY = 4  # letters of a partner's first word looked for in another section's text
_CAPITALISED = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]*")


def _cues_another(body: list[Block], heading: int) -> bool:
    """The text below a heading that has no evidence of its own, the page's only one, names
    another place after a cue of twinning ("Avertissement", a site's warning, above "… de
    Fréhel, la ville jumelle de Chambly"): the page's partner is that place, told in its
    story, not the heading (among several headings, a section's text may name another
    partner: "1. Brandebourg", then "… nos amis de Dianguirdé").

    >>> from pipeline.read import Block
    >>> body = [Block("heading", "Avertissement", 1, level=2),
    ...         Block("paragraph", "Des amis de Rye sont venus le 3 mai 2009.", 2)]
    >>> _cues_another(body, 0), _cues_another([body[0], Block("paragraph", "Le 3 mai 2009.", 2)], 0)
    (True, False)
    """
    key = _place_key(body[heading].text)
    for block in body[heading + 1:]:
        if block.kind == "heading":
            return False
        for name in _CAPITALISED.finditer(block.text):
            if not name.group()[:1].isupper() or key in fold(name.group()):
                continue
            if _after_cue(block.text[max(0, name.start() - _CUE_WINDOW):name.start()]):
                return True
    return False


def _common_noun(heading: str, common: frozenset[str]) -> bool:
    """The heading's name is one word that the page's text writes in lower case inside its
    sentences ("Voyage en Hongrie" where the text tells "un voyage prévu à Csurgo"): a
    common noun followed by its country, no place, whatever the country beside it says
    (a partner the town file names stays one).

    >>> common = frozenset({"voyage"})
    >>> _common_noun("Voyage en Hongrie", common), _common_noun("Gao (Mali)", common)
    (True, False)
    """
    key = _place_key(heading)
    return key in common and not re.search(r"[\s-]", key) and not _hinted(key)


def _listed_after_colon(body: list[Block]) -> set[int]:
    """The headings of a list of twins written as lines without bullets: a run of headings
    at one level, one after the other with no text between them, right below a sentence
    that ends with a colon and names a tie ("Notre commune est jumelée avec trois villes :",
    "Nos villes partenaires :", then "Wolfach (depuis 1972)", "Pontremoli", … a line each).
    Each line of the run that reads as a place's name is named by that sentence as a partner,
    as an intro item is; a run under any other sentence ("Au programme :") is no such list.

    >>> from pipeline.read import Block
    >>> body = [Block("paragraph", "Nos villes jumelles :", 1), Block("heading", "Wolfach", 2, level=2),
    ...         Block("heading", "Pontremoli", 3, level=2), Block("paragraph", "Texte.", 4)]
    >>> sorted(_listed_after_colon(body))
    [1, 2]
    >>> body[0] = Block("paragraph", "Au programme :", 1); _listed_after_colon(body)
    set()
    """
    listed: set[int] = set()
    for i, block in enumerate(body[:-1]):
        if block.kind == "heading" or block.aside or not block.text.rstrip().endswith(":"):
            continue
        if not any(w.startswith(_TIE_STEMS) for w in re.findall(r"\w+", fold(block.text))):
            continue
        run = []
        for j in range(i + 1, len(body)):
            if body[j].kind != "heading" or body[j].level != body[i + 1].level:
                break
            run.append(j)
        if len(run) > 1:
            listed.update(j for j in run if _named(body[j].text) and not _counter(body[j].text))
    return listed


def _named(heading: str) -> bool:
    """The heading's place, its lead-in and kind aside, reads as a place's name ("Kobané",
    not "la Fête des Voisins" of "Zoom sur la Fête des Voisins"): only such a heading is a
    partner for the entries told below it; nor is a kind of place and its qualifiers before
    the name ("Les camps sahraouis de Tindouf": :func:`pipeline.places.after_kind`)."""
    from .places import after_kind, split_heading, without_kind
    from .read import _reads_as_name

    name = without_kind(split_heading(heading)[0])
    return _reads_as_name(name) or _reads_as_name(after_kind(name))


def _told_below(body: list[Block], heading: int) -> bool:
    """The text below a heading, up to the next at its level (through its own sub-headings:
    "Temps forts", and a caption right under it), names the heading's place again, or is a
    partner's story: a dated entry ("2011 : forage." below "Kobané", beside "Tamba
    (Mali)"), a fiche's country field ("Pays : Italie" below "Ruffano"), or a first
    paragraph that opens on the tie ("Jumelée le 25 mai 1969, cette ville …")."""
    from .dates import split_any_label
    from .fields import country_field
    from .places import country_code, split_heading

    key = _place_key(body[heading].text)
    level = body[heading].level
    for n, block in enumerate(body[heading + 1:]):
        if block.kind == "heading":
            if block.level <= level:  # its first paragraph may follow a caption right under
                after = body[heading + 2] if n == 0 and heading + 2 < len(body) else None  # it
                return after is not None and after.kind != "heading" and _opens_on_tie(after.text)
            continue
        if (n == 0 or (n == 1 and _caption(body[heading + 1]))) and _opens_on_tie(block.text):
            return True  # "Jumelée le 25 mai 1969, cette ville est située en Allemagne"
        named = re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", fold(block.text))
        if named or (not block.aside and split_any_label(block.text)):
            return True
        if (country := country_field(block.text)) and country_code(split_heading(country)[0]):
            return True  # "Pays : Italie (Pouilles)"
    return False


class _WordsOf:
    """The words of the places of the partner headings the page gives evidence for, to
    know a heading that names one of them again in other words: every word of one name
    among the other's ("Camps de réfugiés sahraouis de Tindouf" below a summary table's
    "Camps de Tindouf (Algérie)"), as :func:`pipeline.parse._continued` joins them. Looked
    up by word, at most ``MAX_NAMES`` names a word, so that the cost stays linear."""

    MAX_NAMES = 20

    def __init__(self, headings: list[str]) -> None:
        self.by_word: dict[str, list[frozenset[str]]] = {}
        for heading in headings:
            words = _name_words(heading)
            for word in words:
                self.by_word.setdefault(word, []).append(words)

    def names_again(self, heading: str) -> bool:
        words = _name_words(heading)
        return any(words <= other or other <= words
                   for word in sorted(words) for other in self.by_word.get(word, ())[-self.MAX_NAMES:])


def _name_words(heading: str) -> frozenset[str]:
    from .places import name_words, place_name, split_heading

    return frozenset(name_words(place_name(split_heading(heading)[0])))


def _place_key(heading: str) -> str:
    from .places import place_name, split_heading

    name = split_heading(heading)[0]
    return fold(place_name(name) or name)


def with_reasons(set_aside: list[SetAside], body: list[Block], refused: dict[int, str]) -> list[SetAside]:
    """The page's set-aside blocks, each heading the gate refused with the gate's reason."""
    why = {id(body[i]): reason for i, reason in refused.items()}
    return [replace(s, reason=why[id(s.block)]) if id(s.block) in why else s for s in set_aside]


_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w]*")
# a file's name as a page shows it under a photo ("condom jumelage (4).jpg", "IMG_4159.jpg"):
# a few words and no stop before a file's type; a name the site wrote in lower case for the
# file system, not a word the page writes in lower case (a town "Condom" is still a name)
_FILE_NAME = re.compile(r"(?:[\w'’()-]+ ){0,3}[\w'’()-]*\.(?:" + "|".join(lexicon("narrative")["image_files"])
                        + r"|pdf|docx?|odt|xlsx?|pptx?|mp[34]|avi|mov)\b", re.IGNORECASE)


def _case_counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """How often the page writes each word (folded) in lower case, and with a capital
    inside a sentence (a sentence's first word takes one whatever it is). Each word is
    counted as written, then each one written folded once (a page writes the same few
    thousand words a hundred thousand times: folding each time was a fifth of a large
    page's parse). The words are counted by ``re`` and ``Counter`` in C, those that open
    a sentence likewise (:data:`_OPENS_SENTENCE`), rather than each word's place looked at
    in Python (most of the time of this count on a large page)."""
    text = _FILE_NAME.sub(" ", text)
    written = Counter(_WORD.findall(text))
    opening = Counter(_OPENS_SENTENCE.findall(text))
    slips = Counter(_AFTER_STOP.findall(text))  # "… kilomètres. jalapa se compose": a slip
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for word, n in written.items():
        if not word[:1].isupper():
            if counted := n - slips[word]:
                lower[fold(word)] += counted
        elif inside := n - opening[word]:
            upper[fold(word)] += inside
    return lower, upper


def lower_words(text: str) -> frozenset[str]:
    """The words the page writes in lower case at least as often as with a capital inside
    a sentence ("Une semaine plus tard"): no proper noun is one (a caption glued to a word,
    "niantjila maliComment", is a slip).

    >>> sorted(lower_words("Une semaine plus tard. Une fois à Rye, une fête à Rye."))
    ['a', 'fete', 'fois', 'plus', 'semaine', 'tard', 'une']
    >>> "rye" in lower_words("Notre ville jumelle de Rye est belle. rye compte mille âmes.")
    False
    """
    lower, upper = _case_counts(text)
    return frozenset(w for w, n in lower.items() if n >= upper[w])


def proper_words(text: str) -> frozenset[str]:
    """The words the page writes with a capital inside a sentence more often than in
    lower case: names of places, people, bodies.

    >>> sorted(proper_words("Une semaine plus tard. Une fois à Rye, une fête à Rye."))
    ['rye']
    """
    lower, upper = _case_counts(text)
    return frozenset(w for w, n in upper.items() if n > lower[w])


# a word that opens a sentence (the group), which takes a capital whatever it is: at the
# text's start, or after a line break, a full stop, a colon, and at most two spaces and
# quotes (a word character or a hyphen never comes before it then)
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?…:\n](?:\s\s|\s[«\"“]|[«\"“]\s|[\s«\"“])?)([^\W\d_]\w*)")


# a word right after a sentence's full stop, which a careless page writes without its
# capital ("… une centaine de villages. jalapa se compose …"): no use in lower case
_AFTER_STOP = re.compile(r"(?<=[.!?…] )([^\W\d_]\w*)")


def of_history(name: str) -> bool:
    """The name holds a word of history's events and eras, a feast, a month or a weekday:
    a time, not a place.

    >>> of_history("Seconde Guerre"), of_history("la Libération"), of_history("Noël"), of_history("Juin")
    (True, True, True, True)
    >>> of_history("Guérande")
    False
    """
    return not _HISTORY.isdisjoint(re.findall(r"\w+", fold(name)))


def sifted(weights: Counter[str], spelling: dict[str, str]) -> Counter[str]:
    """A story's candidate partners (folded name → weight) without the ones the page's
    counter-evidence refutes: a candidate opening on a word of the document ("Merci", "Assemblée
    Générale", "Commission Hildesheim") or of a venue, naming a file or a person, is no place; its weight
    goes to the rest of its name when that reads as a name ("Hildesheim"), its spelling added
    to ``spelling``, unless it opens on an establishment whose own name follows ("Collège
    Jean Rostand": no weight to "Jean Rostand").

    >>> spelling = {"college jean rostand": "Collège Jean Rostand",
    ...             "commission hildesheim": "Commission Hildesheim"}
    >>> sifted(Counter({"college jean rostand": 3, "commission hildesheim": 2}), spelling)
    Counter({'hildesheim': 2})
    """
    kept: Counter[str] = Counter()
    for key, weight in weights.items():
        name = spelling.get(key, key)
        if not _counter(name):
            kept[key] += weight
            continue
        first, _, rest = name.partition(" ")
        if fold(first) in _ESTABLISHMENTS or person(name):
            continue  # "Collège Jean Rostand": the rest is the establishment's own name;
            # "René Deblangy": a person, whose surname is no place either
        if rest[:1].isupper() and not _counter(rest) and fold(rest) not in _QUALIFIERS:
            kept[fold(rest)] += weight
            spelling.setdefault(fold(rest), rest)
    return kept
