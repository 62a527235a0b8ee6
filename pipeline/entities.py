"""Named things in an entry: programmes, organisations, people.

Every rule here is about *kinds* of words, never about this page's answers:

- a programme is a name in « » that follows a word for a project ("projet",
  "programme", "séjour international", "initiative", "festival", "grève de la faim",
  "cartographie"…); "un «trousseau de vêtements»" is not one;
- an organisation starts with a head noun that says what it is (association, fondation,
  institut, réseau, centre…), then takes its adjectives, its complements ("de musique")
  and its proper name, and an acronym in brackets after it; or it is a capitalised name
  right after "en partenariat avec";
- a person is two or three capitalised words in a context that gives their role
  ("citoyen d’honneur de la Ville de …", "présidée par …, maire d’…").

Names met once with guillemets or a head noun are then found again where the page writes
them bare ("le festival Cuivres en fête", "la maison des jeunes"), capitalised or not.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from .french import CAPITAL, lexicon, pattern
from .schemas import vocabulary
from .text import APOSTROPHES, lowercase, slug

# --- Programmes ---------------------------------------------------------------------------

# Words for a project (pipeline/french/lexicon/organisations.toml, as the words of
# organisations' names below).
_ORGANISATIONS = lexicon("organisations")
PROGRAMME_WORDS = tuple(_ORGANISATIONS["programme_words"])
MAX_PROGRAMME = 150  # characters: a name in « » longer than this is a quotation, not a name
_PROGRAMME = re.compile(
    rf"\b(?P<kind>{'|'.join(PROGRAMME_WORDS)})\b[^«».;:!?]{{0,60}}?«\s*(?P<name>[^«»]{{1,{MAX_PROGRAMME}}}?)\s*»",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A named thing found in a text, what the text says it is, and where its name starts
    in the text (so that the caller places it on its line of the page)."""

    name: str
    kind: str | None = None
    acronym: str | None = None
    core: str = ""  # the distinctive part of the name, for matching other spellings
    start: int = 0


def programmes(text: str) -> list[Mention]:
    """Programmes named in guillemets after a word for a project.

    >>> [(m.name, m.kind, m.start) for m in programmes("grâce au festival de jazz « Cuivres en fête ».")]
    [('Cuivres en fête', 'festival', 28)]
    >>> programmes("Les élèves ont reçu un «cartable de rentrée» et des livres")
    []
    """
    return [Mention(m["name"], m["kind"].lower(), core=m["name"], start=m.start("name"))
            for m in _PROGRAMME.finditer(text)]


# --- Organisations ------------------------------------------------------------------------

# Head nouns (singular: "les associations sportives" names no one organisation) and the
# kind of organisation they make.
ORGANISATION_HEADS: dict[str, str] = {word: kind for kind, words in _ORGANISATIONS["heads"].items()
                                      for word in words}
# An adjective that says more than the head noun: "Union européenne", "Union sportive",
# "Centre Municipal de Santé", "Institut français", "Centre Dramatique National".
ADJECTIVE_KINDS: dict[str, str] = {word: kind for kind, words in _ORGANISATIONS["adjectives"].items()
                                   for word in words}
# An adjective that says more only after a head of one kind ("Institut français").
HEAD_ADJECTIVE_KINDS: dict[str, dict[str, str]] = {
    head_kind: {word: kind for kind, words in table.items() for word in words}
    for head_kind, table in _ORGANISATIONS["head_adjectives"].items()}
# The kind of a name read after "en partenariat avec", which says nothing of what it is.
OTHER_ORGANISATION = "other"
ORGANISATION_KINDS = vocabulary("organisations", "kind", [
    *ORGANISATION_HEADS.values(), _ORGANISATIONS["club_kind"], *ADJECTIVE_KINDS.values(),
    *(kind for table in HEAD_ADJECTIVE_KINDS.values() for kind in table.values()), OTHER_ORGANISATION])
_REFINED_KINDS = {"association", "community_centre", "school"}
# Words that join a name's words, and those that open a complement.
CONNECTORS = set(_ORGANISATIONS["connectors"])
_COMPLEMENT_OPENERS = set(_ORGANISATIONS["complement_openers"])
_CONJUNCTIONS = set(_ORGANISATIONS["conjunctions"])
_ARTICLES = set(_ORGANISATIONS["name_starters"])
_ADJECTIVE = re.compile(f"(?:{'|'.join(_ORGANISATIONS['adjective_endings'])}){_ORGANISATIONS['plural']}?$")
# Tokens an organisation's name may span from its head noun (the page's longest has 10): a
# bound, so that "Association Amis Association Amis …" costs linear time, not a scan of the
# rest of the text from every head noun.
MAX_NAME_TOKENS = 16
_ELIDED = "".join(lexicon("places")["elided_particles"])  # "d’", "l’"
_TOKEN = re.compile(rf"(?P<elided>\b[{_ELIDED}{_ELIDED.upper()}]{APOSTROPHES})|(?P<word>[\w·-]+)"
                    r"|(?P<punct>[^\w\s])")
# A capitalised name with an inner capital (CartONG, SADEV) after "en partenariat avec".
_PARTNERSHIP = re.compile(pattern(_ORGANISATIONS["partnership"], apostrophes=APOSTROPHES, capital=CAPITAL))


# A sports club by its initials in capitals and its proper name ("US Ivry Futsal"): case
# matters.
_INITIALS = "|".join(sorted(_ORGANISATIONS["club_initials"], key=len, reverse=True))
_CLUB = re.compile(rf"(?<![\w·-])(?P<name>(?:{_INITIALS})\s+{CAPITAL}[\w-]*(?:\s+{CAPITAL}[\w-]*){{0,3}})")
CLUB_KIND: str = _ORGANISATIONS["club_kind"]


class Token(NamedTuple):
    """A word, an elision ("d’") or a punctuation mark of a text, where it is, and the
    word in lowercase (read once: the rules look at it again and again)."""

    kind: str  # "word", "elided" or "punct"
    text: str
    start: int
    end: int
    low: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def connector(self) -> bool:
        return self.kind == "elided" or (self.kind == "word" and self.low in CONNECTORS)


def _tokens(text: str) -> list[Token]:
    """Words, elisions ("d’") and punctuation, in order."""
    return [Token(m.lastgroup or "punct", m.group(), m.start(), m.end(), m.group().lower())
            for m in _TOKEN.finditer(text)]


# A text names an organisation only if one of its words is a head noun: a word in the
# tokens' sense, a whole run of word characters (in the lowercased text, see ``lowercase``).
_HEAD_WORD = re.compile(
    r"(?<![\w·-])(?:" + "|".join(map(re.escape, ORGANISATION_HEADS)) + r")(?![\w·-])")


@dataclass
class _Reading:
    """An organisation's name being read from its head noun, token by token: ``end`` is
    the first token not read yet, ``kind`` what the words read so far make it."""

    tokens: list[Token]
    head: int
    kind: str
    end: int
    stop: int  # the bound on the name's tokens

    def word(self, j: int) -> Token | None:
        """The token at ``j`` when it is a word within the bound."""
        return self.tokens[j] if j < self.stop and self.tokens[j].kind == "word" else None

    def refine(self, word: Token) -> None:
        """An adjective or a proper name may say more than the head noun."""
        if self.kind in _REFINED_KINDS:
            self.kind = HEAD_ADJECTIVE_KINDS.get(self.kind, {}).get(word.low) or ADJECTIVE_KINDS.get(
                word.low, self.kind)

    def adjectives(self, refine: bool) -> None:
        """Lowercase adjectives: "Union européenne", "centre socio-culturel"."""
        while (w := self.word(self.end)) and not w.capitalised and w.low not in CONNECTORS \
                and _ADJECTIVE.search(w.low):
            if refine:
                self.refine(w)
            self.end += 1

    def complements(self) -> None:
        """Lowercase complements: "école de musique", "Institut de formation en soins"."""
        tokens = self.tokens
        while self.end + 1 < self.stop and tokens[self.end].low.rstrip("'’") in _COMPLEMENT_OPENERS:
            article = 1 if tokens[self.end + 1].kind == "elided" else 0  # "de l’hôpital"
            w = self.word(self.end + 1 + article)
            if not w or w.capitalised or w.low in CONNECTORS:
                break
            self.end += 2 + article
            self.adjectives(refine=False)

    def proper_name(self) -> int:
        """Connectors then a capitalised word, as long as they come: where the name ends."""
        j = last = self.end
        while j < self.stop:
            k = j
            while k < self.stop and self.tokens[k].connector:
                k += 1
            if _another_name(self.tokens[j:k]):
                break
            w = self.word(k)
            if not (w and w.capitalised) or w.low in CONNECTORS:
                break
            self.refine(w)
            j = last = k + 1
        return last


def _another_name(connectors: list[Token]) -> bool:
    """True when the connectors between two capitalised words are a conjunction then an
    article ("… de développement et la Région"): the next word starts another name."""
    words = [t.low.rstrip("'’") for t in connectors]
    return any(a in _CONJUNCTIONS and b in _ARTICLES for a, b in pairwise(words))


def _acronym(tokens: list[Token], last: int, stop: int) -> str | None:
    """An acronym in brackets right after a name: "(FFCT)"."""
    if last + 2 < len(tokens) and tokens[last].text == "(" and tokens[last + 2].text == ")" \
            and last + 1 < stop and tokens[last + 1].kind == "word":
        word = tokens[last + 1].text
        return word if word.isupper() and len(word) >= 2 else None
    return None


def _organisation_at(text: str, tokens: list[Token], i: int) -> Mention | None:
    """Read an organisation whose head noun is ``tokens[i]``: its adjectives, complements
    and proper name; a lowercase head names one only with a proper name."""
    head = tokens[i]
    reading = _Reading(tokens, i, ORGANISATION_HEADS[head.low], i + 1,
                       min(len(tokens), i + MAX_NAME_TOKENS))
    reading.adjectives(refine=True)
    reading.complements()
    proper_start = reading.end
    last = reading.proper_name()
    if not (head.capitalised or last > proper_start):
        return None
    end_char = tokens[last - 1].end
    name = text[head.start:end_char]
    first_capital = next((k for k in range(proper_start, last)
                          if tokens[k].kind == "word" and tokens[k].capitalised), None)
    core = text[tokens[first_capital].start:end_char] if first_capital is not None else name
    acronym = _acronym(tokens, last, reading.stop)
    # "l’association Terre des Jeunes" is called Terre des Jeunes; a lowercase head is not
    # part of the name unless nothing else is.
    if not head.capitalised and reading.kind == "association" and first_capital is not None:
        return Mention(core, reading.kind, acronym, core, tokens[first_capital].start)
    return Mention(name, reading.kind, acronym, core, head.start)


def organisations(text: str) -> list[Mention]:
    """Organisations named in ``text``.

    >>> found = organisations("en partenariat avec l’association Terre des Jeunes.")
    >>> [(m.name, m.kind, m.start) for m in found]
    [('Terre des Jeunes', 'association', 34)]
    >>> [(m.name, m.acronym) for m in organisations(
    ...     "avec le soutien de la Fédération Française de Cyclotourisme (FFCT), les jeunes")]
    [('Fédération Française de Cyclotourisme', 'FFCT')]
    >>> [(m.name, m.kind) for m in organisations("un tournoi organisé avec l’US Ivry Futsal au gymnase")]
    [('US Ivry Futsal', 'sports_club')]
    """
    low = lowercase(text)
    found = []
    if low is None or _HEAD_WORD.search(low):
        tokens = _tokens(text)
        found = [m for i, token in enumerate(tokens)
                 if token.kind == "word" and token.low in ORGANISATION_HEADS
                 and (m := _organisation_at(text, tokens, i))]
    names = {m.name for m in found}
    found += [Mention(m["name"], CLUB_KIND, core=m["name"], start=m.start("name"))
              for m in _CLUB.finditer(text) if not any(m["name"] in n for n in names)]
    names = {m.name for m in found}
    found += [Mention(m["name"], OTHER_ORGANISATION, core=m["name"], start=m.start("name"))
              for m in _PARTNERSHIP.finditer(text)
              if m["name"].lower() not in ORGANISATION_HEADS and m["name"] not in names
              and not any(m["name"] in n for n in names)]
    return found


# --- People -------------------------------------------------------------------------------

_NAME = rf"(?P<name>{CAPITAL}[\w’'-]+(?:\s+{CAPITAL}[\w’'-]+){{1,2}})"
_TWO_WORD_NAME = rf"(?P<name>{CAPITAL}[\w’'-]+\s+{CAPITAL}[\w’'-]+)"
_ROLES = lexicon("people_roles")
_ABOUT = _ROLES["about"]
# (context, role): the role is what the page says the person is in that entry
# (pipeline/french/lexicon/people_roles.toml).
PEOPLE_CONTEXTS = [
    (pattern(context["pattern"], name=_NAME, two_word_name=_TWO_WORD_NAME, about=_ABOUT,
             apostrophes=APOSTROPHES), context["role"])
    for context in _ROLES["contexts"]]
# The roles are the schema's vocabulary, the same for actions and partners' descriptions.
ROLES = vocabulary("action_people", "role", [role for _, role in PEOPLE_CONTEXTS]) \
    & vocabulary("partner_people", "role", [role for _, role in PEOPLE_CONTEXTS])
_PEOPLE = [(re.compile(context), role) for context, role in PEOPLE_CONTEXTS]


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    about: str | None
    start: int  # where the name starts in the text


def people(text: str) -> list[Person]:
    """People named in ``text`` with their role in it.

    >>> people("2021 : nomination comme citoyenne d’honneur de la Ville de Rosa Lemaire, "
    ...        "journaliste chilienne.")
    [Person(name='Rosa Lemaire', role='honorary_citizen', about='journaliste chilienne', start=59)]
    >>> people("après le passage des tempêtes Ciara et Denis.")
    []
    """
    found = []
    for context, role in _PEOPLE:
        for m in context.finditer(text):
            about = m.groupdict().get("about")
            found.append(Person(m["name"], role, about.strip() if about else None, m.start("name")))
    return found


# --- One row per thing, however spelt -----------------------------------------------------

SIMILAR = 0.85
# Names of one block compared with a new one for the spelling check: a page names a few
# organisations that start alike, and one naming thousands must not cost a million
# comparisons (the first ones registered are compared).
MAX_COMPARED = 20
MIN_ACRONYM = 3  # letters of an acronym found alone in a text
_WORD = re.compile(r"[\w·]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _WORD.finditer(text))


def _words_lowercase(text: str) -> str | None:
    """``text`` lowercased, when its words are the lowercased words of ``text``: not when a
    capital sigma, whose lowercase depends on what follows, may end one (or see
    :func:`lowercase`)."""
    return None if "Σ" in text else lowercase(text)


@dataclass
class Registry:
    """Things met across the page, one entry per thing even when spelt two ways.

    Indexed so that a page of 100,000 entries costs no more per entry than a page of 50: by
    exact name, by word prefix (a longer form of a known name is the same thing), and by the
    first letters of the distinctive part for the spelling check, which only compares names
    within such a block.
    """

    entries: dict[str, dict] = field(default_factory=dict)
    _by_name: dict[tuple[str, ...], str] = field(default_factory=dict)
    _by_prefix: dict[tuple[str, ...], str] = field(default_factory=dict)
    _by_block: dict[tuple[str | None, str], list[str]] = field(default_factory=dict)
    _cores: dict[str, str] = field(default_factory=dict)  # each entry's core, lowercase
    # names by their first two words ("fondation sadev"; many names share a first word), then
    # by their length in words, each with its order of registration: a place in a text is
    # compared with one name of each length, however many names start alike
    _by_start: dict[tuple[str, ...], dict[int, dict[tuple[str, ...], tuple[int, str]]]] = field(
        default_factory=dict)
    _first_words: set[str] = field(default_factory=set)  # a text's other words start no name

    @staticmethod
    def _block(kind: str | None, core: str) -> tuple[str | None, str]:
        return kind, core.lower()[:4]

    def _index_name(self, name: str, key: str) -> None:
        words = _words(name)
        if not words or words in self._by_name:
            return
        self._by_name[words] = key
        for n in range(1, len(words)):
            self._by_prefix.setdefault(words[:n], key)
        self._by_start.setdefault(words[:2], {}).setdefault(len(words), {})[words] = (
            len(self._by_name), key)
        self._first_words.add(words[0])

    def _index_acronym(self, acronym: str | None, key: str) -> None:
        """An acronym given in brackets once ("Fédération … du Travail (FSGT)") is the
        thing's name too: a passage that writes it alone ("des éducateurs de la FSGT")
        names the thing. Two letters are too few to be told from a word."""
        if acronym and len(acronym) >= MIN_ACRONYM:
            self._index_name(acronym, key)

    def _match(self, mention: Mention) -> str | None:
        words = _words(mention.name)
        if words in self._by_name:
            return self._by_name[words]
        for n in range(len(words) - 1, 0, -1):  # a known name is the start of this one
            if words[:n] in self._by_name:
                return self._by_name[words[:n]]
        if words in self._by_prefix:  # this one is the start of a known name
            return self._by_prefix[words]
        return self._spelt_alike(mention.kind, (mention.core or mention.name).lower())

    def _spelt_alike(self, kind: str | None, core: str) -> str | None:
        """The first of the block's names spelt like ``core`` (lowercase), if any: the
        first whose difflib ratio with it reaches ``SIMILAR``.

        difflib's ratio counts the characters of its matching blocks, which make a common
        subsequence: twice the longest one over both lengths bounds the ratio from above.
        rapidfuzz computes that length in compiled code, so that difflib (Python) only
        reads the few names the bound lets through. One matcher serves them all: difflib
        indexes its second sequence, the new name, once."""
        candidates = self._by_block.get(self._block(kind, core))
        if not candidates:
            return None
        from rapidfuzz.distance import LCSseq  # a page that names things alike needs it

        matcher = None
        for key in candidates[:MAX_COMPARED]:
            known = self._cores[key]
            length = len(known) + len(core)
            if (2.0 * LCSseq.similarity(known, core) / length if length else 1.0) < SIMILAR:
                continue
            matcher = matcher or difflib.SequenceMatcher(None, "", core)
            matcher.set_seq1(known)
            if matcher.ratio() >= SIMILAR:
                return key
        return None

    def add(self, mention: Mention) -> str:
        """The id of the thing ``mention`` names, registering it when new."""
        key = self._match(mention)
        if key is not None:
            entry = self.entries[key]
            if mention.name != entry["name"] and mention.name not in entry["variants"]:
                entry["variants"].add(mention.name)
                self._index_name(mention.name, key)
            entry["acronym"] = entry["acronym"] or mention.acronym
            self._index_acronym(mention.acronym, key)
            return key
        key = slug(mention.name)
        while key in self.entries:  # two different things with the same slug
            key += "-2"
        core = mention.core or mention.name
        self.entries[key] = {"name": mention.name, "kind": mention.kind, "acronym": mention.acronym,
                             "variants": set()}
        self._index_name(mention.name, key)
        self._index_acronym(mention.acronym, key)
        self._cores[key] = core.lower()
        self._by_block.setdefault(self._block(mention.kind, core), []).append(key)
        return key

    def bare_mentions(self, text: str) -> dict[str, int]:
        """Registered things that ``text`` names, with or without their marker, each with
        where it is first named in ``text``.

        >>> registry = Registry()
        >>> registry.add(Mention("Maison des Jeunes", "community_centre"))
        'maison-des-jeunes'
        >>> registry.bare_mentions("avec la maison des jeunes du quartier")
        {'maison-des-jeunes': 8}
        """
        # every passage of the page is read here, for programmes and for organisations: its
        # words are listed in C (findall), and where they are only once one is found
        low = _words_lowercase(text)
        words = tuple(_WORD.findall(low)) if low else tuple(w.lower() for w in _WORD.findall(text))
        found: dict[str, int] = {}
        if self._first_words.isdisjoint(words):
            return found
        starts: list[int] | None = None
        for i, word in enumerate(words):
            if word not in self._first_words:
                continue
            for start in (words[i:i + 2], (word,)):
                # the names of each length that start here, in their order of registration
                hits = [hit for length, names in self._by_start.get(start, {}).items()
                        if (hit := names.get(words[i:i + length]))]
                for _, key in sorted(hits) if len(hits) > 1 else hits:
                    if key not in found:
                        starts = starts or [m.start() for m in _WORD.finditer(low or text)]
                        found[key] = starts[i]
        return found
