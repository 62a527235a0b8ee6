"""French lives in one package, as data (pipeline/french/lexicon/*.toml), never in the
stage modules' code (issue 20).

(a) **No French word in the stage modules.** Every string constant of the modules of
``FRENCH_FREE`` is looked at (f-strings' literal parts included; docstrings, hence
doctests, are documentation and may keep French examples; comments are not constants).
Regular-expression escapes (``\\b``, ``\\s``…), named groups (``(?P<years>``) and
placeholders (``{participle}``) are taken out first, then the string's words (runs of
letters) are read. A constant fails when it holds

1. a Latin letter that is not ASCII (an accented letter: "é", "à", "ç", "œ"…; a Greek
   "Σ" is no French), or
2. one of the common French function words of ``FUNCTION_WORDS`` ("de", "la", "avec"…),
   as a word of its own (not a piece of a hyphenated or numbered name: "utf-16-le"), or
3. a word of three letters or more that is a word of the lexicon (any string value of any
   data file, read the same way; keys are the code's names, not French), unless it is also an English word the code uses in its own
   messages and codes (``ENGLISH``: "page", "description", "contact"…).

So a French word typed back into a stage module fails the test, whether it is one the
lexicon already has (rule 3), an accented one (rule 1) or a new plain one in a phrase
(rule 2); "sans-date" or "accueil" would fail under rule 3.

(b) **Every data file is read.** Each file's stem is the first argument of some call
``lexicon("<stem>")`` in the pipeline's code (docstrings aside),
and every such stem names a file.

(c) **Every data file parses and has what the code needs**: the keys of ``NEEDS``, each
of its type, and every key the code reads as ``lexicon("<stem>")["<key>"]`` (directly or
through a module-level name bound to ``lexicon("<stem>")``).
"""

from __future__ import annotations

import ast
import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from pipeline.french import lexicon

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
LEXICON = PIPELINE / "french" / "lexicon"
# The stage modules that hold no French word.
FRENCH_FREE = ["read.py", "parse.py", "narrative.py", "extract.py", "places.py", "themes.py", "entities.py",
               "html_page.py", "numbers.py", "fields.py", "partners.py", "list_levels.py",
               "screen_reader.py", "visual_order.py", "tags.py", "text_layout.py", "wiki.py", "asciidoc.py", "csv_page.py",
               "pictograms.py"]
# Not responsive.py: it reads CSS frameworks' class names ("d-md-inline", "hidden-xs"), which
# are English, not French; the check would read their words as French ones.

FUNCTION_WORDS = frozenset("""
    le la les un une des du de au aux et ou est sont été avec pour dans sur par pas ne
    ce cet cette ces qui que il elle ils elles leur leurs nous vous en se sa son ses mais
    donc car puis lors depuis chez sans sous entre vers jusqu très plus aussi
""".split())
# Words of the lexicon that are English too, as the code uses them (messages, the
# schemas' codes such as "association", "community_centre", "amount_eur", "donation"; "eur" is also
# an ending of agent nouns in people.toml; "utf", "html" and "nul", names of encodings, formats
# and bytes in refusals.toml, are the code's names for them too; "key" of a CMS class
# name in furniture.toml, "key-figures", is the code's word for a key too; "item", "entry",
# "next", "links" of a blog's class names, "itemfooter", "prev-next", are the code's words too;
# "week-end", French from English, makes "end" and "week" lexicon words, the code's for a
# range's end; "important", one of AsciiDoc's admonition labels, "IMPORTANT:", as the
# code matches them).
ENGLISH = frozenset("""
    page note notes contact contacts description documents actions sources source union
    club service direction programme office tags international date dates publication
    action web site copyright image illustration photo table head header nav footer menu share social skip cookie sidebar subnav breadcrumb
    document navigation cookies newsletter main site page global top bottom region content its
    article mail template key comment place
    association centre eur donation participants contribution budget destination signature
    utf html nul
    callout button notice alert admonition post parse media
    was were been last updated postponed
    item items entry entries next previous prev link links older newer posts news
    end week code important
""".split())

_ESCAPE = re.compile(r"\\.")
_GROUP_NAME = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_WORD = re.compile(r"[^\W\d_]+")
_OWN_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?![\w-])")


def _words(text: str, word: re.Pattern[str] = _WORD) -> list[str]:
    text = _PLACEHOLDER.sub(" ", _GROUP_NAME.sub(" ", _ESCAPE.sub(" ", text)))
    return [w.lower() for w in word.findall(text)]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]  # keys are the code's names
    return []


def _lexicon_words() -> frozenset[str]:
    found = set()
    for path in LEXICON.glob("*.toml"):
        for text in _strings(tomllib.loads(path.read_text("utf-8"))):
            found.update(w for w in _words(text) if len(w) >= 3)
    return frozenset(found)


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                ids.add(id(body[0].value))
    return ids


def _constants(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module outside docstrings, with their line."""
    tree = ast.parse(path.read_text("utf-8"))
    docs = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def french_in(text: str, lexicon_words: frozenset[str]) -> list[str]:
    """Why a string constant reads as French (empty when it does not).

    >>> words = frozenset(["accueil", "page"])
    >>> french_in("sans-date", frozenset(["sans"])), french_in(r"\\bretour\\s+à\\b", words)
    (['lexicon word: sans'], ['not ASCII: à'])
    >>> french_in(r"\\b{hosted}\\w*", words), french_in("accueil de jeunes", words)
    ([], ['function word: de', 'lexicon word: accueil'])
    >>> french_in("page title", frozenset(["page"]) - ENGLISH)
    []
    """
    reasons = [f"not ASCII: {c}" for c in dict.fromkeys(text)
               if c.isalpha() and not c.isascii() and unicodedata.name(c, "").startswith("LATIN")]
    words = _words(text)
    reasons += [f"function word: {w}" for w in dict.fromkeys(_words(text, _OWN_WORD))
                if w in FUNCTION_WORDS]
    reasons += [f"lexicon word: {w}" for w in dict.fromkeys(words)
                if len(w) >= 3 and w in lexicon_words]
    return reasons


@pytest.mark.parametrize("module", FRENCH_FREE)
def test_no_french_word_in_stage_modules(module: str) -> None:
    lexicon_words = _lexicon_words() - ENGLISH
    found = [f"{module}:{line}: {text!r} ({', '.join(reasons)})"
             for line, text in _constants(PIPELINE / module)
             if (reasons := french_in(text, lexicon_words))]
    assert not found, "French words in a stage module; move them to pipeline/french/lexicon/:\n" + \
        "\n".join(found)


def test_the_rule_catches_french_typed_back() -> None:
    """The words the modules held before issue 20 are caught by the rule."""
    lexicon_words = _lexicon_words() - ENGLISH
    for text in ("sans-date", "accueil", r"\bannul(?:e|é)", "chaque année", "historique",
                 "en lien avec", r"\bsuspendu(?:e|s|es)?\b", "aucune position trouvée"):
        assert french_in(text, lexicon_words), text


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and ((isinstance(node.func, ast.Name) and node.func.id == "lexicon")
                 or (isinstance(node.func, ast.Attribute) and node.func.attr == "lexicon"))
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)]


@cache
def _modules() -> dict[Path, ast.Module]:
    """Every module of pipeline/ parsed, once a session (the tests below only read it)."""
    return {path: ast.parse(path.read_text("utf-8")) for path in PIPELINE.rglob("*.py")}


def test_every_data_file_is_read() -> None:
    read = {call.args[0].value for tree in _modules().values() for call in _calls(tree)}  # type: ignore[attr-defined]  # _calls keeps str first arguments
    files = {path.stem for path in LEXICON.glob("*.toml")}
    assert files - read == set(), f"data files no module reads: {sorted(files - read)}"
    assert read - files == set(), f"lexicons the code reads that have no file: {sorted(read - files)}"


# What each data file must hold for the code: key -> its type ("words": a list of strings;
# "pattern": a string or a list of strings; "table": a table).
NEEDS: dict[str, dict[str, str]] = {
    "headings": dict.fromkeys(("sub_headings", "group_headings", "other_headings",
                               "sub_openings", "other_openings", "institutions"), "words"),
    "furniture": {"navigation": "pattern", "cms_fields": "pattern"},
    "connectives": {"anaphora": "words", "connectives": "words"},
    "places": {"elided_particles": "words", "before_name": "words", "particles": "words",
               "place_kinds": "table", "patterns": "table", "inclusive": "table",
               "kinds_of_pairs": "table", "relationships": "table", "country_variants": "table"},
    "statuses": {"participle": "pattern", "some_years": "pattern", "not_held": "pattern",
                 "been": "pattern", "phrases": "table", "held": "table", "negation": "table"},
    "directions": {"hosted": "pattern", "hosted_by_partner": "pattern", "hosting": "pattern",
                   "trip": "pattern", "both_ways": "pattern"},
    "records": {"undated_id": "pattern", "no_location": "pattern"},
    "recurrences": {},
    "organisations": {"programme_words": "words", "connectors": "words", "complement_openers": "words",
                      "adjective_endings": "words", "plural": "pattern", "partnership": "pattern",
                      "heads": "table", "adjectives": "table"},
    "people_roles": {"about": "pattern", "contexts": "contexts"},
    "themes": {"youth": "pattern", "mobility": "pattern", "keywords": "table"},
}


def _is(kind: str, value: object) -> bool:
    words = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return {"words": words, "pattern": isinstance(value, str) or words,
            "table": isinstance(value, dict),
            "contexts": isinstance(value, list) and all(
                isinstance(v, dict) and isinstance(v.get("role"), str) and isinstance(v.get("pattern"), str)
                for v in value)}[kind]


@pytest.mark.parametrize("path", sorted(LEXICON.glob("*.toml")), ids=lambda p: p.name)
def test_data_file_parses_and_has_what_the_code_needs(path: Path) -> None:
    data = tomllib.loads(path.read_text("utf-8"))
    assert data == lexicon(path.stem)
    for key, kind in NEEDS.get(path.stem, {}).items():
        assert key in data, f"{path.name}: no {key!r}"
        assert _is(kind, data[key]), f"{path.name}: {key!r} is not {kind}"
    for key in _keys_read().get(path.stem, set()):
        assert key in data, f"{path.name}: no {key!r}, which the code reads"


@cache
def _keys_read() -> dict[str, set[str]]:
    """The keys the code reads of each lexicon: ``lexicon("x")["k"]``, or ``NAME["k"]`` where
    a module binds ``NAME = lexicon("x")``. Computed once a session: every data file's test
    reads it, and walking every module's tree is half a second."""
    keys: dict[str, set[str]] = {}
    for tree in _modules().values():
        bound = {target.id: node.value.args[0].value  # type: ignore[attr-defined]  # _calls keeps str first arguments
                 for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                 and isinstance(node.value, ast.Call) and node.value in _calls(node)
                 for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                 if isinstance(target, ast.Name)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
                    and isinstance(node.slice.value, str)):
                continue
            value = node.value
            if isinstance(value, ast.Call) and value in _calls(value):
                stem = value.args[0].value  # type: ignore[attr-defined]  # _calls keeps str first arguments
            elif isinstance(value, ast.Name) and value.id in bound:
                stem = bound[value.id]
            else:
                continue
            keys.setdefault(stem, set()).add(node.slice.value)
    return keys


def test_keys_read_are_found() -> None:
    """The key scan of (c) sees the code's reads (else it would check nothing)."""
    keys = _keys_read()
    assert {"sub_headings", "institutions"} <= keys["headings"]
    assert {"phrases", "held", "negation"} <= keys["statuses"]


def test_months_and_weekdays_are_cldr_s():
    """calendar.toml's month and weekday names are the Unicode CLDR's French names (Babel),
    and its abbreviations include CLDR's, without their full stop: none is typed wrong."""
    from babel.dates import get_day_names, get_month_names

    calendar = lexicon("calendar")
    assert calendar["months"] == [get_month_names("wide", locale="fr")[n] for n in range(1, 13)]
    assert calendar["weekdays"] == [get_day_names("wide", locale="fr")[n] for n in range(7)]
    cldr = {name.rstrip("."): n for n, name in get_month_names("abbreviated", locale="fr").items()}
    abbreviations = calendar["abbreviations"] | {m: n for n, m in enumerate(calendar["months"], start=1)}
    assert {name: abbreviations.get(name) for name in cldr} == cldr


def test_one_normaliser():
    """Issue 20: every reader sees French through pipeline/french/normalise.py (NFC, the
    plain form of a word, the folded form of a text, apostrophes, invisible characters):
    no other module of pipeline/ normalises Unicode itself, but for the ASCII of ids
    (text.slug), which is no reading."""
    calls = []
    for path in sorted(PIPELINE.rglob("*.py")):
        if path.name == "normalise.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("normalize", "is_normalized") \
                    and isinstance(node.value, ast.Name) and node.value.id == "unicodedata":
                calls.append(f"{path.relative_to(PIPELINE)}:{node.lineno}")
    assert calls == ["text.py:26"]  # slug: an id's ASCII
    from pipeline.numbers import fold as numbers_fold
    from pipeline.french.normalise import fold
    assert numbers_fold is fold and fold("12 lyceens") == fold("12 Lycéens")


def test_folding_takes_off_accents_and_apostrophes_as_the_tables_say_for_every_character():
    """The folded form replaces only the characters of its tables (an accented Latin letter
    by its bare letter, a typed inclusive dot by "·", a typographic apostrophe by the
    typewriter's one), each by one character, whatever else a text holds: checked on
    every character of the Basic Multilingual Plane, alone and among words."""
    from pipeline.french import normalise

    table = normalise._DEACCENT | normalise._APOSTROPHES
    every = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
    assert normalise.deaccented(every) == every.translate(normalise._DEACCENT)
    low = normalise.nfc(every).replace("İ", "i").lower()
    assert normalise.fold(every) == low.translate(table)
    mixed = "Ça s’est passé à Łódź, l‘Œuvre des élèves‧es — ʼ 12 lycéen•nes"
    assert normalise.fold(mixed) == "ca s'est passe a łodz, l'œuvre des eleves·es — ' 12 lyceen·nes"
