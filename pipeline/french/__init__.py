"""French as data: the word classes the pipeline reads a page with.

Each word class is written once, in a TOML file of ``lexicon/`` with a comment saying what
it is for; the stage modules build their sets, tuples and patterns from it and hold no
French word themselves (``tests/test_french_lexicon.py`` checks it). A file is read once
per process. Regular expressions a file holds are TOML literal strings, often written in
pieces with placeholders that :func:`pattern` joins and fills in.

The files: ``headings`` (headings that are no partner's, lead-ins before a partner's place,
institution words), ``countries`` (country adjectives and their feminine and plural
endings, territories, how a country is written after a place), ``furniture``
(navigation links, CMS fields), ``connectives`` (anaphora, connectives), ``places``
(particles, kinds of place, qualifiers, inclusive endings, country variants, kinds of tie),
``statuses``, ``recurrences``, ``directions``, ``records`` (the words the release writes),
``organisations`` (programme words, organisation heads and adjectives), ``people_roles``,
``given_names`` (a run of capitals opening on one names a person, no place),
``themes``, ``calendar`` (the words of time of ``dates.py``), ``numbers`` (number words,
collectives, approximations, ages, durations), ``people`` (nouns for people by their
form, populations, how groups are joined) and ``money`` (the euro, multipliers, kinds of
amounts), the last three read by ``numbers.py``; ``refusals`` holds the French lines of the
reader's refusals of a page (``pipeline.errors.Refusal``), keyed by the code it raises.

``corpus/`` holds the forms the grammars read, as examples with what they mean
(``corpus/dates.toml``): the tests check every example against the grammar, and
:mod:`pipeline.french.forms` writes the README's tables of forms from it.

>>> "historique" in lexicon("headings")["sub_headings"]
True
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


def _capitals() -> str:
    """The capital letters of the Latin script's first blocks (Latin-1, Extended-A and B,
    Extended Additional) as a character class: a partner's name may open on "Ł", "Ś",
    "Č" or "Ő" ("Łuków", "Świdnica", "České Budějovice"), not only on French capitals."""
    letters = [chr(c) for c in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
               if chr(c).isupper()]
    return "[" + "".join(letters) + "]"


# A capital letter of a name in a page's text ("É", "À", "Ç", "Ł"…), in a regular expression.
CAPITAL = _capitals()


@cache
def lexicon(name: str) -> dict[str, Any]:
    """The data of ``lexicon/<name>.toml``, read once per process (callers must not change
    what it returns: build a set, a tuple or a pattern from it).

    What TOML's parser makes of a file is kept from one run to the next under the sha256
    of its bytes (``pipeline/derived.py``, in Python's own serialisation, ``marshal``):
    parsing the lexicon's files took 15 ms of each run's processor time, reading them back
    takes one; the same data."""
    import contextlib
    import marshal

    from .. import derived

    data = resources.files(__name__).joinpath("lexicon", f"{name}.toml").read_bytes()
    digest = derived.key(data)
    if (kept := derived.kept("lexicon", digest)) is not None:
        try:
            found: dict[str, Any] = marshal.loads(kept)
            return found
        except (EOFError, ValueError, TypeError):
            pass  # cut short, or written by another Python: parsed again
    parsed = tomllib.loads(data.decode("utf-8"))
    with contextlib.suppress(ValueError):  # a value marshal cannot write (a TOML date): not kept
        derived.keep("lexicon", digest, marshal.dumps(parsed))
    return parsed


def pattern(pieces: str | list[str], **parts: str) -> str:
    r"""A regular expression a lexicon writes as one string or as pieces joined end to end,
    its placeholders (``{name}``: lower-case letters and underscores, which no regular
    expression's repetition ``{2}``, ``{0,20}`` can be) replaced by ``parts``.

    >>> pattern(["\\bannul", "{participle}"], participle="(?:e|é)s?")
    '\\bannul(?:e|é)s?'
    >>> pattern("\\d{4}{unknown}")
    Traceback (most recent call last):
    ...
    KeyError: "a lexicon's pattern names {unknown}, which the code does not fill in"
    """
    text = pieces if isinstance(pieces, str) else "".join(pieces)

    def part(found: re.Match[str]) -> str:
        if found[1] not in parts:
            raise KeyError(f"a lexicon's pattern names {found[0]}, which the code does not fill in")
        return parts[found[1]]

    return _PLACEHOLDER.sub(part, text)


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
