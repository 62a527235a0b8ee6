"""Main content: our walker (``pipeline/html_page.py``) against trafilatura, measured.

Issue 20, item 2: navigation, breadcrumbs, sidebars, share buttons and footers must be set
aside by a main-content step. This script measures, on every CMS layout the tests can
write and on the corpus' HTML pages, for each extractor:

1. **text kept**: the share of the page's headings, dated entries, other paragraphs and list
   items (known from the pieces the page was written from) that come out *whole* inside one
   block; on the corpus pages, the elements holding a gold action's snip and the headings
   that name a gold partner;
2. **furniture left in**: the site's menu, breadcrumb, share, footer, cookie, sidebar and
   related-post lines (a fixed list per page set, below) that come out as text;
3. **structure kept**: of the page's ``<h1>``…``<h6>``, ``<li>``, ``<dt>``, ``<dd>``, ``<td>``,
   ``<summary>`` and ``<br>``-cut lines that hold content, the share that come out as a block
   of their own (headings: a heading block at the tag's level);
4. **time** per page, on a 5 MB page and on hostile pages (each in a fresh process, with
   its peak memory);
5. **determinism**: the same output twice in one process and in two processes with other
   hash seeds.

It is a measurement, not a test: the tests do not import it and trafilatura is no
dependency of the project. To run it, in a venv of its own::

    python3 -m venv /tmp/trafvenv
    /tmp/trafvenv/bin/pip install trafilatura lxml_html_clean   # lxml >= 5.2 split html.clean out
    /tmp/trafvenv/bin/pip install -e .
    /tmp/trafvenv/bin/python -m bench.main_content            # the tables (docs/main-content.md)
    /tmp/trafvenv/bin/python -m bench.main_content --seeds 8  # fewer edited pages
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.html_page import html_blocks  # noqa: E402
from tests import hostile_pages  # noqa: E402
from tests.edited_pages import FURNITURE as EDITED_FURNITURE  # noqa: E402
from tests.edited_pages import NAVIGATION, edited_page  # noqa: E402
from tests.html_pages import (  # noqa: E402
    CMS_LAYOUTS,
    ELEMENTOR,
    PLAIN,
    STYLES,
    TYPO3,
    UNTITLED,
    WORDPRESS,
    Layout,
    Piece,
    pieces_of_text,
    render_pieces,
)

SNAPSHOT = ROOT / "raw" / "ivry-jumelages.txt"
CORPUS = ROOT / "tests" / "corpus" / "edited"
GOLD_OF = {"seed-wp.html": "gold_seed.json", "seed-wp-nointro.html": "gold_seed.json",
           "v1.html": "v1.gold.json", "v1-layout2.html": "v1.gold.json"}
LAYOUTS = (PLAIN, *CMS_LAYOUTS, UNTITLED, ELEMENTOR, TYPO3)

# The furniture of the test layouts (tests/html_pages.py: CHROME_TOP, CHROME_BOTTOM and
# each layout's own), by kind. A line counts as left in when one output block holds it.
LAYOUT_FURNITURE = {
    "skip link": ["Aller au contenu"],
    "menu": ["Ma ville"],
    "breadcrumb": ["Accueil > International"],
    "to top": ["Retour en haut de page"],
    "footer": ["esplanade Georges-Marrane, 94200"],
    "share": ["Partager :"],
    "edit link": ["Modifier"],
    "sidebar": ["Articles récents", "Fête de la ville", "Esplanade de la mairie", "Service des relations "
                "internationales", "Mairie, 01 23 45 67 89", "Contacts"],
    "sub-navigation": ["Voir aussi", "Solidarité"],
    "meta": ["Publié le 12/03/2024", "Mis à jour le 12 mars 2024"],
}
# The furniture of the corpus' hand-written pages (tests/corpus/edited/*.html), by kind.
CORPUS_FURNITURE = {
    "menu": ["Sortir à Ivry", "Démarches"],
    "breadcrumb": ["Accueil > International", "Accueil International", "Vous êtes ici"],
    "share": ["Partager", "LinkedIn"],
    "footer": ["Esplanade Georges-Marrane", "94205"],
    "cookie": ["Ce site utilise des cookies", "Tout accepter", "Tout refuser"],
    "sidebar": ["Dans la même rubrique", "Ivry en fête 2024", "À lire aussi",
                "Semaine de la solidarité internationale", "Service des relations internationales"],
    "meta": ["Publié le 3 février 2015", "Mis à jour le 4 avr", "Catégorie :"],
}
STRUCTURE = ("h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "summary", "br line")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """What both extractors may write differently and means the same: composed accents,
    invisible characters, any run of white space (non-breaking ones included)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip(" ¶#")


@dataclass
class Out:
    """One block an extractor gives: "heading" (with its level), "paragraph", "list_item"
    or "cell"; ``aside`` when the extractor sets it apart while listing it."""

    kind: str
    text: str
    level: int = 0
    aside: bool = False


# --- The extractors ----------------------------------------------------------------------

def walker(html: str) -> list[Out]:
    return [Out(b.kind, norm(b.text), b.level, bool(b.aside)) for b in html_blocks(html)]


_XML_BLOCKS = {"head", "p", "item", "cell", "quote", "code"}
_XML_NESTED = {"list", "table", "row", "p", "head", "quote", "code", "item", "cell", "div"}


def _xml_blocks(element: etree._Element, out: list[Out]) -> None:
    """trafilatura's XML (``<head rend="h2">``, ``<p>``, ``<list><item>``, ``<table><row>
    <cell>``, ``<lb/>``) as blocks: one per ``<lb/>``-cut line of a block element."""
    for child in element:
        if isinstance(child.tag, str):
            _xml_block(child, out)


def _xml_block(child: etree._Element, out: list[Out]) -> None:
    if child.tag not in _XML_BLOCKS:
        _xml_blocks(child, out)
        return
    kind = {"head": "heading", "item": "list_item", "cell": "cell"}.get(child.tag, "paragraph")
    rend = child.get("rend", "")
    level = int(rend[1]) if kind == "heading" and re.fullmatch(r"h[1-6]", rend) else 0
    lines: list[str] = [child.text or ""]

    def cut() -> None:
        if text := norm("".join(lines)):
            out.append(Out(kind, text, level))
        lines.clear()

    for inner in child:
        if not isinstance(inner.tag, str):
            lines.append(inner.tail or "")
        elif inner.tag == "lb":
            cut()
            lines.append(inner.tail or "")
        elif inner.tag in _XML_NESTED:
            cut()
            _xml_block(inner, out)
            lines.append(inner.tail or "")
        else:
            lines.append("".join(inner.itertext()) + (inner.tail or ""))
    cut()


def trafilatura_extractor(**options: object) -> Callable[[str], list[Out]]:
    import trafilatura

    def extract(html: str) -> list[Out]:
        xml = trafilatura.extract(html, output_format="xml", include_formatting=True,
                                  include_tables=True, include_comments=False, include_images=False,
                                  deduplicate=False, with_metadata=True, **options)
        if not xml:
            return []
        doc = etree.fromstring(xml.encode())
        # the page's title is in the metadata, not in the text: put it first, as the walker does
        out = [Out("heading", norm(doc.get("title", "")), 1)] if doc.get("title") else []
        main = doc.find("main")
        if main is not None:
            _xml_blocks(main, out)
        return out
    return extract


def combined_extractor() -> Callable[[str], list[Out]]:
    """The combination the issue asks about: trafilatura's boilerplate decision used only
    to choose the article element (the smallest element holding every block of the page
    whose text trafilatura kept), then the walker's own widening and reading."""
    import trafilatura

    from pipeline.html_page import _Tree, _article, _title, _walk, _widen, parse_html
    from pipeline.read import lay_out

    def extract(html: str) -> list[Out]:
        document = parse_html(html)
        tree = _Tree(document)
        xml = trafilatura.extract(html, output_format="xml", include_formatting=True,
                                  include_tables=True, include_comments=False, deduplicate=False)
        kept: list[Out] = []
        if xml:
            _xml_blocks(etree.fromstring(xml.encode()), kept)
        texts = {b.text for b in kept}
        chosen = [e for e in document.iter(*UNIT_TAGS) if norm(e.text_content()) in texts]
        if chosen:
            shared = list(chosen[0].iterancestors())
            for element in chosen[1:]:
                above = set(element.iterancestors())
                shared = [a for a in shared if a in above]
            article = shared[0] if shared else _article(tree)
        else:
            article = _article(tree)
        article = _widen(article, tree)
        blocks: list = []
        _walk(article, blocks, tree)
        return [Out(b.kind, norm(b.text), b.level, bool(b.aside))
                for b in lay_out(_title(blocks, article, tree))[0]]
    return extract


UNIT_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "dd", "dt", "summary")
EXTRACTORS: dict[str, Callable[[], Callable[[str], list[Out]]]] = {
    "walker": lambda: walker,
    "trafilatura": trafilatura_extractor,
    "trafilatura favor_recall": lambda: trafilatura_extractor(favor_recall=True),
    "walker in trafilatura's element": combined_extractor,
}


def extractors() -> dict[str, Callable[[str], list[Out]]]:
    return {name: make() for name, make in EXTRACTORS.items()}


# --- The pages, and what each must give --------------------------------------------------

@dataclass
class Page:
    name: str
    group: str
    html: str
    # what must come out whole, by category: normalised texts
    expected: dict[str, list[str]] = field(default_factory=dict)
    furniture: dict[str, list[str]] = field(default_factory=dict)
    # texts of content elements by structure kind (see ``structure_of``)
    content: Callable[[str], bool] = lambda text: False


def _expected_of_pieces(pieces: list[Piece]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"headings": [], "dated entries": [], "other paragraphs": [],
                                   "list items": []}
    skip = {NAVIGATION, *EDITED_FURNITURE}
    for piece in pieces:
        text = norm(piece.text)
        if not text or piece.text in skip:
            continue
        if piece.kind == "title":
            found["title"] = [text]
        elif piece.kind in ("heading", "subheading"):
            found["headings"].append(text)
        elif piece.kind == "list_item":
            found["list items"].append(text)
        elif piece.label:
            found["dated entries"].append(text)
        else:
            found["other paragraphs"].append(text)
    return found


def _content_of_pieces(pieces: list[Piece]) -> Callable[[str], bool]:
    texts = {norm(p.text) for p in pieces} | {norm(p.label) for p in pieces if p.label}
    texts.discard(norm(NAVIGATION))
    return lambda text: text in texts


def layout_pages() -> list[Page]:
    """The real page in every layout, then in WordPress in each style alone."""
    pieces = pieces_of_text(SNAPSHOT.read_text(encoding="utf-8"))
    pages = []
    for layout in LAYOUTS:
        expected = _expected_of_pieces(pieces)
        if not layout.title:  # a page without a title (UNTITLED) shows none
            del expected["title"]
        pages.append(Page(layout.name, "real page, layouts", render_pieces(pieces, layout),
                          expected, LAYOUT_FURNITURE, _content_of_pieces(pieces)))
    for style in STYLES:
        layout = DRUPAL_LI if style == "hand_bullets" else WORDPRESS
        pages.append(Page(f"{layout.name} + {style}", "real page, styles",
                          render_pieces(pieces, layout, frozenset({style})),
                          _expected_of_pieces(pieces), LAYOUT_FURNITURE, _content_of_pieces(pieces)))
    return pages


DRUPAL_LI: Layout = CMS_LAYOUTS[1]


def edited_pages(seeds: int) -> list[Page]:
    pages = []
    for seed in range(seeds):
        page = edited_page(seed)
        pieces = page.pieces()
        for layout in CMS_LAYOUTS:
            pages.append(Page(f"seed {seed} {layout.name}", "edited pages", page.written(page.html(layout)),
                              _expected_of_pieces(pieces), LAYOUT_FURNITURE, _content_of_pieces(pieces)))
    return pages


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def corpus_pages() -> list[Page]:
    """The corpus' HTML pages: the elements holding a gold action's snip must come out
    whole, and the headings (``<h*>``, ``<summary>``, ``<dt>``, a short paragraph) that name a
    gold partner."""
    pages = []
    for path in sorted(CORPUS.glob("*.html")):
        gold = json.loads((CORPUS / GOLD_OF.get(path.name, path.with_suffix(".gold.json").name))
                          .read_text(encoding="utf-8"))
        snips = [norm(a["snip"]) for a in gold["actions"] if a.get("snip")]
        matches = [_fold(m) for p in gold["partners"] for m in p["match"]]
        html = path.read_text(encoding="utf-8")
        title = norm(lxml.html.document_fromstring(html).findtext(".//h1") or "")
        headings, entries = [], []
        for unit, text in units(html):
            if unit in ("h2", "h3", "h4", "h5", "h6", "summary", "dt", "p") and len(text) < 90 \
                    and any(m in _fold(text) for m in matches) and not any(s in text for s in snips):
                headings.append(text)
            elif any(s in text for s in snips):
                entries.append(text)
        content_texts = set(headings) | set(entries)
        pages.append(Page(path.stem, "corpus pages", html,
                          {"title": [title], "headings": headings, "dated entries": entries},
                          CORPUS_FURNITURE, lambda text, c=content_texts | {title}: text in c))
    return pages


# --- What the page holds, read apart from either extractor -------------------------------

_SKIP = {"script", "style", "template", "noscript"}


def _own_text(element: etree._Element, lists: bool) -> str:
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in _SKIP or (not lists and tag in ("ul", "ol")):
            parts.append(child.tail or "")
            continue
        parts.append(_own_text(child, lists) + (child.tail or ""))
    return "".join(parts)


def _br_lines(element: etree._Element) -> list[str]:
    lines, current = [], [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() == "br":
            lines.append("".join(current))
            current = [child.tail or ""]
        elif isinstance(child.tag, str):
            current.append(_own_text(child, True) + (child.tail or ""))
        else:
            current.append(child.tail or "")
    lines.append("".join(current))
    return [t for line in lines if (t := norm(line))]


def units(html: str) -> Iterable[tuple[str, str]]:
    """(kind, text) of the page's structural elements: headings, list items, ``<dt>``,
    ``<dd>``, table cells, summaries, paragraphs, and each line of a ``<br>``-cut paragraph."""
    document = lxml.html.document_fromstring(html)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "summary"):
            yield tag if tag != "th" else "td", norm(_own_text(element, True))
        elif tag == "li":
            yield "li", norm(_own_text(element, False))
        elif tag == "p":
            lines = _br_lines(element)
            if len(lines) > 1:
                yield from (("br line", line) for line in lines)
            elif lines:
                yield "p", lines[0]


# --- The measures ------------------------------------------------------------------------

@dataclass
class Score:
    kept: dict[str, list[int]] = field(default_factory=dict)  # category -> [whole, expected]
    furniture: dict[str, list[int]] = field(default_factory=dict)  # kind -> [left in, on the page]
    structure: dict[str, list[int]] = field(default_factory=dict)  # unit -> [separate, expected]
    seconds: list[float] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    left_in: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for mine, theirs in ((self.kept, other.kept), (self.furniture, other.furniture),
                             (self.structure, other.structure)):
            for key, (a, b) in theirs.items():
                mine.setdefault(key, [0, 0])
                mine[key][0] += a
                mine[key][1] += b
        self.seconds += other.seconds
        self.missed += other.missed
        self.left_in += other.left_in


def _holds(block: str, line: str) -> bool:
    if len(line) >= 12:
        return line in block
    return re.search(rf"(?<!\w){re.escape(line)}(?!\w)", block) is not None


def score(page: Page, blocks: list[Out], seconds: float) -> Score:
    result = Score(seconds=[seconds])
    texts = [b.text for b in blocks]
    for category, expected in page.expected.items():
        whole = [t for t in expected if any(t in b for b in texts)]
        result.kept[category] = [len(whole), len(expected)]
        result.missed += [f"{page.name}: {category}: {t[:70]}" for t in expected if t not in whole]
    # the page's text with a space between its elements' texts ("Voir aussi" then "Solidarité"
    # must not read as one word "Voir aussiSolidarité")
    page_text = norm(" ".join(lxml.html.document_fromstring(page.html).itertext()))
    content = " ".join(t for ts in page.expected.values() for t in ts)
    for kind, lines in page.furniture.items():
        present = [line for line in lines if _holds(page_text, line) and not _holds(content, line)]
        left = [line for line in present if any(_holds(b.text, line) for b in blocks if not b.aside)]
        result.furniture[kind] = [len(left), len(present)]
        result.left_in += [f"{page.name}: {kind}: {line}" for line in left]
    for unit, text in units(page.html):
        if unit not in STRUCTURE or not text or not page.content(text):
            continue
        if unit.startswith("h"):
            # the page's title may come out at level 1 whatever its tag (a Joomla <h2>)
            levels = {int(unit[1])} | ({1} if text in page.expected.get("title", ()) else set())
            ok = any(b.kind == "heading" and b.text == text and b.level in levels for b in blocks)
        else:
            ok = text in texts
        if not ok:
            result.missed.append(f"{page.name}: structure: <{unit}> {text[:60]}")
        counts = result.structure.setdefault(unit, [0, 0])
        counts[0] += ok
        counts[1] += 1
    return result


def measure(pages: list[Page], extract: Callable[[str], list[Out]]) -> dict[str, Score]:
    by_group: dict[str, Score] = {}
    for page in pages:
        start = time.perf_counter()
        blocks = extract(page.html)
        seconds = time.perf_counter() - start
        by_group.setdefault(page.group, Score()).add(score(page, blocks, seconds))
        by_group.setdefault(page.name, Score()).add(score(page, blocks, seconds))
    return by_group


# --- Time, memory, determinism: each run in a fresh process --------------------------------

def big_page(size: int = 5_000_000) -> str:
    """The real page's sections repeated in WordPress' layout up to ``size`` bytes."""
    pieces = pieces_of_text(SNAPSHOT.read_text(encoding="utf-8"))
    title, body = pieces[:1], pieces[1:]
    one = len(render_pieces(pieces, WORDPRESS).encode())
    return render_pieces(title + body * max(1, size // one), WORDPRESS)


HOSTILE: dict[str, Callable[[], str]] = {
    "5 MB page (real page repeated, WordPress)": big_page,
    "a 1 MB heading": lambda: hostile_pages.huge_heading(1_000_000).decode(),
    "lists nested 1,000 deep": lambda: hostile_pages.nested_lists(20_000).decode(),
    "divisions nested 2,000 deep": lambda: hostile_pages.nested_divs(20_000).decode(),
    "a 250 kB <br>-cut paragraph": lambda: hostile_pages.br_paragraph(250_000).decode(),
}
# What each hostile page must still give (the entry after the attack, or inside it)
HOSTILE_KEPT = {"lists nested 1,000 deep": "Fin.", "divisions nested 2,000 deep": "2017 : un séjour.",
                "a 250 kB <br>-cut paragraph": "2016 : accueil numéro 9999",
                "a 1 MB heading": hostile_pages.DESCRIPTION,
                "5 MB page (real page repeated, WordPress)": "La Lisa (Cuba)"}


def one(extractor: str, page: str) -> dict[str, object]:
    html = HOSTILE[page]()
    extract = EXTRACTORS[extractor]()  # only its own imports: the walker's memory without trafilatura
    start = time.perf_counter()
    try:
        blocks = extract(html)
        error = ""
    except Exception as exc:  # a page an extractor refuses is a result too
        blocks, error = [], f"{type(exc).__name__}: {str(exc)[:80]}"
    seconds = time.perf_counter() - start
    kept = HOSTILE_KEPT[page]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {"seconds": round(seconds, 3), "peak_mb": peak,
            "bytes": len(html.encode()), "blocks": len(blocks), "error": error,
            "kept": any(kept in b.text for b in blocks)}


def digest(pages: list[Page]) -> dict[str, list[str]]:
    """A hash of each extractor's output on every page, computed twice in this process
    (the second time after the first: caches warm)."""
    found: dict[str, list[str]] = {}
    for name, extract in extractors().items():
        for _ in range(2):
            h = hashlib.sha256()
            for page in pages:
                h.update(repr([(b.kind, b.text, b.level, b.aside) for b in extract(page.html)]).encode())
            found.setdefault(name, []).append(h.hexdigest()[:16])
    return found


def import_seconds(module: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _installed_size(names: list[str]) -> float:
    from importlib import metadata
    total = 0
    for name in names:
        dist = metadata.distribution(name)
        for file in dist.files or []:
            path = Path(dist.locate_file(file))
            if path.is_file():
                total += path.stat().st_size
    return total / 1e6


# Packages trafilatura 2.x brings that the project does not already depend on (lxml,
# babel, requests' urllib3, certifi and charset-normalizer, pandas' python-dateutil,
# pytz and tzdata are there already).
NEW_DEPENDENCIES = ["trafilatura", "courlan", "htmldate", "jusText", "lxml_html_clean", "dateparser",
                    "regex", "tld", "tzlocal"]


# --- The report --------------------------------------------------------------------------

def _pct(pair: list[int] | None) -> str:
    if not pair or not pair[1]:
        return "–"
    return f"{pair[0] / pair[1]:.1%} ({pair[0]}/{pair[1]})"


def _sum(d: dict[str, list[int]]) -> list[int]:
    return [sum(a for a, _ in d.values()), sum(b for _, b in d.values())]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=24, help="edited pages (x 4 layouts)")
    parser.add_argument("--one", nargs=2, metavar=("EXTRACTOR", "PAGE"), help=argparse.SUPPRESS)
    parser.add_argument("--digest", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-processes", action="store_true", help="skip the fresh-process runs")
    parser.add_argument("--verbose", "-v", action="store_true", help="each miss and each line left in")
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(*args.one)))
        return
    determinism_pages = layout_pages() + corpus_pages()
    if args.digest:
        print(json.dumps(digest(determinism_pages)))
        return

    pages = layout_pages() + edited_pages(args.seeds) + corpus_pages()
    names = list(extractors())
    results = {name: measure(pages, extract) for name, extract in extractors().items()}
    groups = ["real page, layouts", "real page, styles", "edited pages", "corpus pages"]

    print(f"## Summary ({len(pages)} pages: the real page in {len(LAYOUTS)} layouts and in "
          f"{len(STYLES)} styles, {args.seeds} edited pages x {len(CMS_LAYOUTS)} layouts, "
          f"{len(list(CORPUS.glob('*.html')))} corpus pages)\n")
    print("| page set | extractor | text kept whole | furniture lines left in | structure kept "
          "| ms per page (median) |")
    print("|---|---|---|---|---|---|")
    for group in groups:
        for name in names:
            s = results[name][group]
            print(f"| {group} | {name} | {_pct(_sum(s.kept))} | {_pct(_sum(s.furniture))} | "
                  f"{_pct(_sum(s.structure))} | {statistics.median(s.seconds) * 1000:.1f} |")

    print("\n## Text kept, by category (all pages)\n")
    total = {name: Score() for name in names}
    for name in names:
        for group in groups:
            total[name].add(results[name][group])
    categories = sorted({c for s in total.values() for c in s.kept})
    print("| extractor | " + " | ".join(categories) + " |")
    print("|---|" + "---|" * len(categories))
    for name in names:
        print(f"| {name} | " + " | ".join(_pct(total[name].kept.get(c)) for c in categories) + " |")

    print("\n## Furniture left in, by kind (all pages)\n")
    kinds = sorted({k for s in total.values() for k in s.furniture})
    print("| extractor | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for name in names:
        print(f"| {name} | " + " | ".join(_pct(total[name].furniture.get(k)) for k in kinds) + " |")

    print("\n## Structure kept, by element (all pages): a block of its own, a heading at its level\n")
    present = [u for u in STRUCTURE if any(u in s.structure for s in total.values())]
    print("| extractor | " + " | ".join(f"`{u}`" for u in present) + " |")
    print("|---|" + "---|" * len(present))
    for name in names:
        print(f"| {name} | " + " | ".join(_pct(total[name].structure.get(u)) for u in present) + " |")

    print("\n## Each layout, style and corpus page: text kept / furniture left in / structure kept\n")
    print("| page | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for page in pages:
        if page.group == "edited pages":
            continue
        cells = []
        for name in names:
            s = results[name][page.name]
            k, f, st = _sum(s.kept), _sum(s.furniture), _sum(s.structure)
            cells.append(f"{k[0]}/{k[1]} · {f[0]}/{f[1]} · {st[0]}/{st[1]}")
        print(f"| {page.name} | " + " | ".join(cells) + " |")

    if args.verbose:
        for name in names:
            print(f"\n### {name}: misses and furniture left in\n")
            for line in total[name].missed + total[name].left_in:
                print(f"- {line}")

    if args.no_processes:
        return
    print("\n## Time and peak memory, each page in a fresh process\n")
    print("| page | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for page_name in HOSTILE:
        cells = []
        for name in names:
            done = subprocess.run([sys.executable, "-m", "bench.main_content", "--one", name, page_name],
                                  capture_output=True, text=True, cwd=ROOT, timeout=900)
            if done.returncode:
                cells.append(f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1][:60]}")
                continue
            r = json.loads(done.stdout)
            cells.append(f"{r['seconds']:.2f} s, {r['peak_mb']} MB, {r['blocks']} blocks, "
                         f"{'kept' if r['kept'] else 'LOST'}{' ' + r['error'] if r['error'] else ''}")
        size = len(HOSTILE[page_name]().encode())
        print(f"| {page_name} ({size / 1e6:.2f} MB) | " + " | ".join(cells) + " |")

    print("\n## Determinism\n")
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "bench.main_content", "--digest"], capture_output=True,
                              text=True, cwd=ROOT, env=env, check=True)
        runs.append(json.loads(done.stdout))
    for name in names:
        hashes = [h for run in runs for h in run[name]]
        print(f"- {name}: {len(set(hashes))} distinct output(s) over {len(hashes)} runs "
              f"(2 processes x 2 runs, {len(determinism_pages)} pages)")

    print("\n## Cost of the dependency\n")
    floor = import_seconds("lxml.html")
    traf = import_seconds("trafilatura")
    print(f"- `import trafilatura`: {traf:.3f} s in a fresh process (median of 5), against "
          f"{floor:.3f} s for `import lxml.html`, which the walker needs")
    print(f"- installed size of what it adds ({', '.join(NEW_DEPENDENCIES)}): "
          f"{_installed_size(NEW_DEPENDENCIES):.1f} MB")


if __name__ == "__main__":
    main()
