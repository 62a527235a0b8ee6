"""Hostile pages for the tests: pages built to make a stage slow, lose text or crash.

Each builder takes a size (about the number of characters of the hostile part) and
returns the bytes of a page. The page around the attack is small and valid: a title, an
intro, one partner section with its description and one entry, so that a run that
survives the attack writes a release. ``python -m tests.hostile_pages`` times a fresh
``python -m pipeline run`` on each page at growing sizes: a doubling of the size that
quadruples the time is the tell of a quadratic stage (see the README's "Security").
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import zip_longest
from pathlib import Path

TITLE = "Jumelages et coopérations décentralisées"
INTRO = "La ville mène avec différentes villes des projets de solidarité :"
ITEM = "La commune de Tombouctou (Mali)"
HEADING = "Tombouctou (Mali)"
DESCRIPTION = "Un protocole de jumelage a été signé en 1990 avec la commune."
ENTRY = "2016 : accueil de six jeunes musicien·nes pour un concert."

# Fragments that each make one regular expression of the pipeline try hard: direction
# (an "accueil de … d'Ivry … par"), entities (a project word before « », a head noun
# before capitalised words, a role before a name), themes, places and agreements, date
# labels, numbers and status, run-together entries, intro items.
FRAGMENTS = [
    "accueil de jeunes d’Ivry ", "délégation ivryenne à ", "ivryens à Tamba ", "invitée à ",
    "projet « ", "le projet artistique Mehr Licht ", "« ", "» ",
    "association Terre ", "Association Des Amis De ", "en partenariat avec CartONG ",
    "présidée par Ana Bela, ", "citoyen d’honneur de la Ville de Ana Bela ",
    "son mari Ana Bela ", "oeuvres d’Ana Bela ", "Ana Bela ",
    "jeunes accueil ", "école ", "eau ", "protocole de jumelage ", "accord-cadre ",
    "en 1990 ", "années 1980 ", "liens ", "la commune de ", "le camp de ", " en Cisjordanie ",
    "au sein de ", " – ", ", ", "(Mali) ", "2019 : ", "x.2019, ", "a. 2019 : ", "Depuis 2016, ",
    "Du 3 au ", "12 000 ", "près de ", "12 jeunes et ", "six ", "millions ", "€ ",
    "annulés en 2020, ", "n’a pas pu avoir lieu ", "reporté ", "chaque année ",
    "de 13 à 15 ans ", "trois semaines ", "Ce séjour ", "Par ailleurs ", "• ",
    "Brandebourg-sur-la-Havel ", "Brandenburg ", "\u00a0", "\u202f", "’", "é", ".", " ",
]


def text_page(*, intro: list[str] | None = None, sections: str | None = None,
              description: str = DESCRIPTION, entry: str = ENTRY) -> str:
    items = intro if intro is not None else [ITEM]
    body = sections if sections is not None else f"{HEADING}\n\n{description}\n\n{entry}\n"
    return f"{TITLE}\n\n{INTRO}\n\n" + "".join(f"  • {i}\n" for i in items) + "\n" + body


def html_page(article: str, head: str = '<meta charset="utf-8">') -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"fr\"><head>{head}<title>{TITLE}</title></head>\n"
            f"<body><nav><a href=\"/\">Accueil</a></nav>\n<main><article>\n{article}\n"
            "</article></main>\n<footer>© La ville</footer>\n</body></html>\n")


def html_article(*, entry: str = html.escape(ENTRY), heading: str = html.escape(HEADING)) -> str:
    return (f"<h1>{TITLE}</h1>\n<p>{html.escape(INTRO)}</p>\n<ul><li>{html.escape(ITEM)}</li></ul>\n"
            f"<h2>{heading}</h2>\n<p>{html.escape(DESCRIPTION)}</p>\n<p>{entry}</p>\n")


def _repeat(fragments: list[str], size: int) -> str:
    """``size`` characters or so of the fragments, each repeated in turn."""
    each = max(1, size // len(fragments))
    return "".join(f * max(1, each // len(f)) for f in fragments)


# --- The attacks on time: name -> (file suffix, builder) ---------------------------------

def paragraph(size: int) -> bytes:
    """One paragraph of every fragment in turn, as the description and as an entry."""
    text = _repeat(FRAGMENTS, size)
    return text_page(description=text, entry="2016 : " + text).encode()


def each_fragment(fragment: str) -> Callable[[int], bytes]:
    def build(size: int) -> bytes:
        text = fragment * max(1, size // len(fragment))
        return text_page(description=text, entry="2016 : " + text).encode()
    return build


def headings(size: int) -> bytes:
    """``size // 30`` partner sections (one heading and one entry each), the names all
    starting alike so that the spelling and intro indexes share one bucket."""
    n = max(1, size // 30)
    sections = "".join(f"Tamba{i:06d} (Mali)\n\n2016 : accueil.\n\n" for i in range(n))
    return text_page(sections=sections).encode()


def bare_headings(count: int) -> bytes:
    """``count`` partner headings with nothing under them, named alike."""
    return text_page(sections="".join(f"Tamba{i:06d} (Mali)\n\n" for i in range(count))).encode()


def headings_not_partners(size: int) -> bytes:
    """Headings that do not read as a partner's, above the partner sections, with as many
    intro items: each heading is compared with every item before it."""
    n = max(1, size // 60)
    items = [f"Le village numéro {i} de la brousse" for i in range(n)]
    lines = "".join(f"Nos villages vraiment partenaires {i}\n" for i in range(n))
    return text_page(intro=items, sections=lines + f"\n{HEADING}\n\n{ENTRY}\n").encode()


def intro_bullets(size: int) -> bytes:
    n = max(1, size // 30)
    return text_page(intro=[f"La commune de Tamba{i:06d} (Mali)" for i in range(n)]).encode()


def huge_heading(size: int) -> bytes:
    name = ("Saint " * (size // 6)) + "(Mali)"
    return html_page(html_article(heading=name)).encode()


def same_labels(size: int) -> bytes:
    n = max(1, size // 20)
    return text_page(entry="".join("2016 : accueil.\n\n" for _ in range(n))).encode()


def nested_lists(size: int) -> bytes:
    depth = min(1000, max(1, size // 20))  # a <ul> and an <li> a level: 2,000 elements deep
    deep = "<ul><li>2016 : accueil " * depth + "</li></ul>" * depth
    return html_page(html_article(entry=html.escape(ENTRY) + "</p>" + deep + "<p>Fin.")).encode()


def nested_divs(size: int) -> bytes:
    depth = min(2000, max(1, size // 10))
    deep = "<div>" * depth + "<p>2017 : un séjour.</p>" + "</div>" * depth
    return html_page(html_article() + deep).encode()


def guillemets(size: int) -> bytes:
    line = "projet " + "«" * size
    return text_page(description=line, entry="2016 : " + line).encode()


def capitalised(size: int) -> bytes:
    words = "".join(f"Association Amis{i % 997} " for i in range(size // 20))
    return text_page(description=words, entry="2016 : " + words).encode()


def programme_name(size: int) -> bytes:
    line = "le projet « " + "mot " * (size // 4) + "»"
    return text_page(description=line, entry="2016 : " + line).encode()


def organisations_alike(size: int) -> bytes:
    """Entries naming thousands of organisations that start alike, each then looked for
    in every entry."""
    n = max(1, size // 50)
    entries = "".join(f"2016 : avec l’association Amis de Tamba {i:06d} du Mali.\n\n" for i in range(n))
    return text_page(entry=entries).encode()


def entry_bullets(size: int) -> bytes:
    """One entry continued by a list of ``size // 20`` items: one action of as many lines."""
    n = max(1, size // 20)
    return text_page(entry=ENTRY + "\n" + "".join(f"  • visite numéro {i}\n" for i in range(n))).encode()


def continuations(size: int) -> bytes:
    """One entry continued by ``size // 30`` paragraphs in lower case."""
    n = max(1, size // 30)
    return text_page(entry=ENTRY + "\n\n" + "".join(f"puis la visite {i}.\n\n" for i in range(n))).encode()


def br_paragraph(size: int) -> bytes:
    lines = "<br>".join(f"2016 : accueil numéro {i}" for i in range(size // 25))
    return html_page(html_article(entry=lines)).encode()


MARKDOWN_MARKS = "**a *a ![a [^a [a]( _a "  # each mark opened and never closed


def markdown_marks(size: int) -> bytes:
    """A text page written in Markdown whose entry is a line of unclosed marks: each
    span the reader looks for is bounded, or the line costs its square."""
    marks = (MARKDOWN_MARKS * (size // len(MARKDOWN_MARKS) + 1))[:size]
    return (f"# {TITLE}\n\n## {HEADING}\n\n2016 : {marks}\n").encode()


def grid_cell(size: int) -> bytes:
    """A table drawn with borders whose one row's text cell runs over ``size // 60``
    lines: the row is its cells joined across its lines, once."""
    n = max(2, size // 60)
    rule = "+------+" + "-" * 50 + "+"
    cell = "".join(f"|      | {f'visite numéro {i} à Tombouctou':<48} |\n" for i in range(n))
    table = f"{rule}\n| 2016 | {'accueil de six jeunes':<48} |\n{cell}{rule}\n"
    return text_page(entry=table).encode()


def column_paragraph(size: int) -> bytes:
    """A page in two columns (``pdftotext -layout``) whose columns are one paragraph of
    ``size // 90`` lines each: the paragraph is joined once, not copied a line at a time."""
    n = max(8, size // 90)
    left = [TITLE, "", HEADING, "", ENTRY.removesuffix(".")] + ["et la visite des écoles de la ville"] * n
    right = ["puis celle des familles du quartier"] * n + ["jusqu'au départ."]
    rows = [f"{a:<44}{b}".rstrip() for a, b in zip_longest(left, right, fillvalue="")]
    return ("\n".join(rows) + "\n\f").encode()


def table_lines(size: int) -> bytes:
    """``size // 30`` lines of cells between "|" and no rule: no table, each line looked
    at once."""
    lines = "".join(f"| cellule {i} | autre |\n" for i in range(max(1, size // 30)))
    return text_page(entry=ENTRY + "\n\n" + lines).encode()


# A spreadsheet's formulas or a script pasted as a paragraph: numbers and years on every
# other token, few full stops, so that each of its numbers may open a date.
FORMULA = "=SOMME(B2:C9)*14/3 ; y = 2018 - 7 + g(11, 2021) ; si (n < 40) { t = 1987 ; } d = Date(2015, 5, 30) ; "
# a paragraph of plain words as long, to compare with
PROSE = "Les choristes du conservatoire ont chanté avec leurs hôtes sous le préau de la mairie "


def formulas(size: int) -> bytes:
    """A partner's description made of ``size`` characters of formulas (``FORMULA``)."""
    return text_page(description=(FORMULA * (size // len(FORMULA) + 1))[:size]).encode()


def prose(size: int) -> bytes:
    """The same page with ``size`` characters of plain words instead."""
    return text_page(description=(PROSE * (size // len(PROSE) + 1))[:size]).encode()


TIME_ATTACKS: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "formulas": (".txt", formulas),
    "paragraph": (".txt", paragraph),
    "headings": (".txt", headings),
    "headings-not-partners": (".txt", headings_not_partners),
    "intro-bullets": (".txt", intro_bullets),
    "huge-heading": (".html", huge_heading),
    "same-labels": (".txt", same_labels),
    "nested-lists": (".html", nested_lists),
    "nested-divs": (".html", nested_divs),
    "guillemets": (".txt", guillemets),
    "capitalised": (".txt", capitalised),
    "br-paragraph": (".html", br_paragraph),
    "programme-name": (".txt", programme_name),
    "entry-bullets": (".txt", entry_bullets),
    "continuations": (".txt", continuations),
    "organisations-alike": (".txt", organisations_alike),
}


# The proof of linear time (tests/test_hostile_pages.py): the attacks, each with its
# full size, at which ``python -m tests.hostile_pages linear`` times a fresh
# ``python -m pipeline run``; the test runs each at a sixteenth and a quarter of it.
LINEAR_TIME: dict[str, tuple[str, Callable[[int], bytes], int]] = {
    "a 1 MB paragraph of every fragment": (".txt", paragraph, 1_000_000),
    "100,000 headings": (".txt", bare_headings, 100_000),
    "100,000 intro bullets": (".txt", intro_bullets, 3_000_000),
    "a 1 MB heading": (".html", huge_heading, 1_000_000),
    "10,000 entries with one label": (".txt", same_labels, 200_000),
    "lists nested 1,000 deep": (".html", nested_lists, 20_000),
    "a 1 MB line of «": (".txt", guillemets, 1_000_000),
    "a 1 MB line of capitalised words": (".txt", capitalised, 1_000_000),
    "an entry continued by 50,000 list items": (".txt", entry_bullets, 1_000_000),
    "a 250 kB <br>-separated paragraph": (".html", br_paragraph, 250_000),
    "5,000 organisations named alike": (".txt", organisations_alike, 250_000),
    "a 1 MB name in « »": (".txt", programme_name, 1_000_000),
    "a 1 MB line of unclosed Markdown marks": (".txt", markdown_marks, 1_000_000),
    "a table cell of 16,000 lines": (".txt", grid_cell, 1_000_000),
    "a paragraph of two columns of 11,000 lines": (".txt", column_paragraph, 1_000_000),
    "30,000 lines of cells with no rule": (".txt", table_lines, 1_000_000),
    "a 1.4 MB paragraph of formulas": (".txt", formulas, 1_400_000),
}


def run_page(data: bytes, suffix: str, timeout: float, folder: Path) -> tuple[float, subprocess.CompletedProcess]:
    """Time ``python -m pipeline run`` on a page, in a fresh process."""
    source = folder / f"page{suffix}"
    source.write_bytes(data)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--source", str(source), "--output",
         str(folder / "out"), "--first-release", "--max-bytes", str(len(data) + 1)],
        capture_output=True, text=True, timeout=timeout, cwd=Path(__file__).resolve().parent.parent)
    return time.perf_counter() - start, done


def main(argv: list[str]) -> None:
    if argv == ["linear"]:
        for name, (suffix, build, size) in LINEAR_TIME.items():
            with tempfile.TemporaryDirectory() as folder:
                data = build(size)
                seconds, done = run_page(data, suffix, 600, Path(folder))
                print(f"{name:42} {len(data):>9} B {seconds:7.2f} s  exit {done.returncode}", flush=True)
        return
    named = bool(argv) and not argv[0].isdigit()
    sizes = [int(s) for s in argv[named:]] or [10_000, 100_000, 1_000_000]
    names = [argv[0]] if named and argv[0] in TIME_ATTACKS else list(TIME_ATTACKS)
    if named and argv[0] == "fragments":
        attacks = {repr(f): (".txt", each_fragment(f)) for f in FRAGMENTS}
    else:
        attacks = {n: TIME_ATTACKS[n] for n in names}
    timeout = float(os.environ.get("HOSTILE_TIMEOUT", 600))
    for name, (suffix, build) in attacks.items():
        for size in sizes:
            with tempfile.TemporaryDirectory() as folder:
                data = build(size)
                try:
                    seconds, done = run_page(data, suffix, timeout, Path(folder))
                    last = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
                    print(f"{name:24} {size:>9} {len(data):>9} B {seconds:7.2f} s  "
                          f"exit {done.returncode}  {last[0][:100]}", flush=True)
                except subprocess.TimeoutExpired:
                    print(f"{name:24} {size:>9} {len(data):>9} B  > {timeout:.0f} s", flush=True)
                    break


if __name__ == "__main__":
    main(sys.argv[1:])
