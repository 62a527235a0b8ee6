"""Edited versions of the real page, and the facts the pipeline must find in them.

The city edits its page a few times a year. From the published page (the snapshot in
``raw/`` and the reviewed release in ``output/``), :func:`edited_page` makes a version
edited the way an editor would, from a seed: new entries in label forms the page does not
use yet, a new undated entry, entries deleted or reworded, a heading renamed with a
qualifier, a kind of town or an inclusive spelling, an intro bullet lower-cased, extended
or dropped, a new partner with zero, one or two countries or a final full stop, a label
alone on its line (in HTML: two paragraphs, a ``<br>``, a ``<dl>`` or a table row), an
entry above a partner's description, sub-headings inside a section, a heading of no
partner ("En savoir plus") with its text, navigation links and the CMS's fields. The page
is written as a text snapshot and as HTML in the layouts of ``html_pages`` (WordPress,
Drupal, SPIP, Joomla) and their styles (bullets typed by hand, headings in bold or with a
permalink, a table of contents), maybe with decomposed accents or invisible characters,
and comes with what must be read from it: every entry under its partner with its label
and text, every partner with its heading, intro item and description, and the id that
each entry of the published page must keep.

The expected facts come from the published release and from the edits themselves, never
from a run of the code under test. The one id rule restated here is the undated entry's
(``sans-date`` and its first five words), which the published release predates.

``python -m tests.edited_pages N`` reads N edited pages in every format and prints how
many entries were checked and how many were read right.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .html_pages import CMS_LAYOUTS, STYLES, Layout, Piece, render_pieces

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "raw" / "ivry-jumelages.txt"
RELEASE = ROOT / "output" / "json"
NAVIGATION = "Retour en haut de page"

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
SEASONS = ["Printemps", "Été", "Automne", "Hiver"]
# Label forms a page may write: (form, separators it may take). Years are filled from 2023
# on, so that a new label never repeats one of the published page's (that would rank it).
LABEL_FORMS = [
    ("{y}", (" : ", ", ", " :\u00a0")), ("{y}-{z}", (" : ", ", ")), ("{y} – {z}", (" : ",)),
    ("{y}—{z}", (" : ",)), ("{y} -{z}", (" : ",)), ("De {y} à {z}", (", ", " : ")),
    ("Depuis {y}", (" : ",)), ("{Month} {y}", (" : ", ", ")), ("{month} {y}", (" : ",)),
    ("{Season} {y}", (" : ",)), ("{Month} - {month2} {y}", (" : ",)), ("{y}, {z} et {w}", (" : ",)),
    # forms the grammar may not read yet: kept as written, never turned into undated entries
    ("Courant {y}", (" : ",)), ("Fin {y}", (" : ",)), ("Début {y}", (" : ",)),
    ("En {y} et {z}", (" : ",)), ("1er semestre {y}", (" : ",)), ("À l’automne {y}", (" : ",)),
    ("Depuis {month} {y}", (" : ",)), ("Jusqu’en {y}", (" : ",)), ("Le 1er {month} {y}", (" : ",)),
    # labels ended by a dash; school years, to the present, lists, "au mois de", numeric dates
    ("{y}", (" – ", " - ", " — ")), ("{Month} {y}", (" – ", " — ")), ("{y}-{z}", (" – ",)),
    ("Année scolaire {y}-{z}", (" : ",)), ("Saison {y}-{z}", (" : ", " – ")),
    ("De {y} à aujourd’hui", (" : ", ", ")), ("{y} – en cours", (" : ",)),
    ("De {y} à nos jours", (", ", " : ")), ("En {y} et en {z}", (" : ",)), ("En {y}-{z}", (" : ",)),
    ("Au mois de {month} {y}", (" : ",)), ("{Season} {y} et {z}", (" : ",)),
    ("{dd}/{mm}/{y}", (" : ",)), ("{mm}/{y}", (" : ",)),
]
BODIES = [
    "accueil de {n} jeunes de {place} pour un échange sportif et culturel.",
    "réalisation d’un puits et formation de {n} artisan·es à son entretien.",
    "participation de la Ville au festival de musique de {place}.",
    "séjour de {n} lycéen·nes à {place} pour découvrir la vie locale.",
    "remise de matériel scolaire aux écoles de {place}, avec le comité de jumelage.",
    "exposition de photographies sur {place} à la médiathèque municipale.",
]
UNDATED_BODIES = [
    "Partenariat avec le conservatoire de {place} pour des échanges d’élèves.",
    "Soutien de la Ville à la bibliothèque de {place} depuis plusieurs années.",
    "Collaboration avec l’association des femmes de {place} autour du maraîchage.",
]
REWORDINGS = [" Le projet a été salué par les habitant·es.", " Un bilan a été présenté au conseil municipal."]
QUALIFIERS = ["Région Nord", "Haute-Vallée", "Province de l’Est"]
# New partners: heading, expected id, intro bullet naming it (or none)
NEW_PARTNERS = [
    ("Kobané", "kobane", None),
    ("Kobané", "kobane", "La ville de Kobané (Syrie)"),
    ("St. Louis (Sénégal)", "st-louis", "La ville de St. Louis, au nord du pays (Sénégal)"),
    ("Cergy (France, Belgique)", "cergy", None),
    ("Hué (Viêt Nam)", "hue", "La ville de Hué (Vietnam)"),
    ("Tver (Russie)", "tver", "la ville de Tver (Russie)"),
    ("Gaza (Palestine).", "gaza", None),
]
# Headings a partner's section may hold (written one level deeper in HTML), and headings
# of what is no partner's section, with the text under them.
SUB_HEADINGS = [("Historique", "Actions menées"), ("Présentation", "Nos actions")]
OTHER_HEADINGS = [("En savoir plus", "Le site de l’association des amis de Tamba."),
                  ("Documents à télécharger", "Convention de coopération (PDF, 2 Mo)"),
                  ("Contact", "Service des relations internationales, 01 23 45 67 89")]
FURNITURE = ["↑ Haut de page", "Retour en haut"]
FIELDS = ["Étiquettes : Jumelage, Coopération", "Mise à jour : 12 mars 2024"]
# How a label alone on its line is written: the label's ending, and its HTML form.
# Styles whose partner headings are found by what they name alone (a country in brackets
# or an intro item), not by a heading tag.
HEADINGS_BY_CONTENT = {"bold_headings", "class_headings", "div_headings"}
ALONE = [("", "p"), (" :", "p"), (" :", "br"), ("", "dl"), ("", "table"), (":", "p"), ("", "heading"),
         (" :", "heading")]
TOWN_KINDS = ["Commune de", "Ville de", "Village de"]
PLACES = ["Tamba", "Kita", "Sefeto", "Matanzas", "Mbera"]


def restated_slug(text: str) -> str:
    """Lower case, accents dropped, any other character a separator: the id rule's words."""
    ascii_text = unicodedata.normalize("NFKD", re.sub(r"[^\w]+", " ", text))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.encode("ascii", "ignore").decode().lower()).strip("-")


def undated_id(partner_id: str, text: str) -> str:
    return f"{partner_id}-sans-date-{restated_slug(' '.join(text.split()[:5]))}"


@dataclass
class GenEntry:
    label: str | None
    text: str  # as written: label included, "\n\n" before a continuation, "\n• " before a bullet
    expected_id: str | None  # the id an entry of the published page must keep
    glued: bool = False  # written on the line of the entry above (the page's run-together case)
    alone: str = ""  # a label alone on its line: how HTML writes it (``Piece.form``)


@dataclass
class GenPartner:
    heading: str
    partner_id: str
    bullet: str | None
    description: list[str]
    entries: list[GenEntry]
    entries_above: int = 0  # entries written above the description
    sub_headings: tuple[str, str] | None = None  # above the description and the first entry
    furniture: str | None = None  # a navigation link after the section


@dataclass
class EditedPage:
    seed: int
    title: str
    intro: str
    partners: list[GenPartner]
    # bullets of the intro's list of partners that no section tells of: listed twins with
    # no text of their own, each a partner of its own after the page's sections
    stray_bullets: list[str] = field(default_factory=list)
    # the id each is published with; None: it names a continent, no country, so no partner
    stray_ids: list[str | None] = field(default_factory=list)
    edits: list[str] = field(default_factory=list)
    after: list[Piece] = field(default_factory=list)  # headings of no partner, CMS fields
    style: frozenset[str] = frozenset()  # HTML writing (``html_pages.STYLES``)
    nfd: bool = False  # the page's accents decomposed, as a page pasted from a Mac
    invisible: bool = False  # zero-width spaces and soft hyphens inside words and labels

    def bullets(self) -> list[str]:
        found = [p.bullet for p in self.partners if p.bullet]
        for i, bullet in enumerate(self.stray_bullets):
            found.insert(min(len(found), 2 + i), bullet)
        return found

    def pieces(self) -> list[Piece]:
        """The page's blocks, as an editor lays them out."""
        out = [Piece("title", self.title), Piece("paragraph", self.intro)]
        out += [Piece("list_item", b) for b in self.bullets()]
        for partner in self.partners:
            out.append(Piece("heading", partner.heading))
            above = min(partner.entries_above, len(partner.entries))
            subs = partner.sub_headings or ("", "")
            out += [Piece("subheading", subs[0])] if subs[0] else []
            for n, entry in enumerate(partner.entries):
                if n == above:
                    out += [Piece("paragraph", d) for d in partner.description]
                    out += [Piece("subheading", subs[1])] if subs[1] else []
                out += self._entry_pieces(entry, out)
            if above >= len(partner.entries):
                out += [Piece("paragraph", d) for d in partner.description]
            out += [Piece("paragraph", partner.furniture)] if partner.furniture else []
        out += self.after
        out.append(Piece("paragraph", NAVIGATION))
        return out

    @staticmethod
    def _entry_pieces(entry: GenEntry, out: list[Piece]) -> list[Piece]:
        if entry.alone:
            label, body = entry.text.split("\n", 1)
            return [Piece("paragraph", label, entry.label, form=entry.alone), Piece("paragraph", body)]
        pieces: list[Piece] = []
        for i, paragraph in enumerate(entry.text.split("\n\n")):
            first, *bullets = paragraph.split("\n• ")
            if i == 0 and entry.glued:
                out[-1] = replace(out[-1], text=out[-1].text + first)
            else:
                pieces.append(Piece("paragraph", first, entry.label if i == 0 else None))
            pieces += [Piece("list_item", b, attached=True) for b in bullets]
        return pieces

    def text(self) -> str:
        """The page as a text snapshot: a blank line between blocks, bullets together."""
        lines: list[str] = []
        previous = None
        for piece in self.pieces():
            if lines and not piece.attached and not (piece.kind == "list_item" and previous == "list_item"):
                lines.append("")
            bullet = "• " if piece.attached else "  • "
            lines.append(bullet + piece.text if piece.kind == "list_item" else piece.text)
            previous = piece.kind
        return "\n".join(lines) + "\n"

    def html(self, layout: Layout) -> str:
        return render_pieces(self.pieces(), layout, self.style)

    def written(self, text: str) -> str:
        """The page as its editor's tools write it: decomposed accents, invisible
        characters inside words and ranges (which reading removes)."""
        if self.invisible:
            text = text.replace("-20", "\u200b-20").replace("tion", "ti\u00adon")
        return unicodedata.normalize("NFD", text) if self.nfd else text

    def expected_partners(self) -> list[tuple[str, str, str | None]]:
        return [(p.partner_id, p.heading, p.bullet) for p in self.partners] + [
            (key, b, b) for b, key in zip(self.stray_bullets, self.stray_ids, strict=True) if key]

    def expected_entries(self) -> list[tuple[str, str | None, str]]:
        return [(p.partner_id, e.label, e.text) for p in self.partners for e in p.entries]

    def expected_ids(self) -> list[str | None]:
        return [e.expected_id for p in self.partners for e in p.entries]

    def expected_facts(self) -> dict[str, str | None]:
        """The description of each partner, as written, wherever it sits."""
        return {p.partner_id: "\n\n".join(p.description) or None for p in self.partners} | dict.fromkeys(
            key for key in self.stray_ids if key)


def published_page() -> EditedPage:
    """The published page, from the snapshot's frame and the reviewed release's records."""
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    partners = json.loads((RELEASE / "partners.json").read_text(encoding="utf-8"))
    actions = json.loads((RELEASE / "actions.json").read_text(encoding="utf-8"))
    result = []
    for partner in partners:
        entries, previous_line = [], None
        for action in (a for a in actions if a["partner_id"] == partner["partner_id"]):
            expected = action["action_id"] if action["date_label"] else undated_id(
                partner["partner_id"], action["text"])
            entries.append(GenEntry(action["date_label"], action["text"], expected,
                                    glued=action["source_line"] == previous_line))
            previous_line = action["source_line"]
        description = partner["description"].split("\n\n") if partner["description"] else []
        result.append(GenPartner(partner["heading"], partner["partner_id"], partner["intro_item"],
                                 description, entries))
    return EditedPage(0, lines[0].strip(), lines[2].strip(), result)


def _key(label: str) -> str:
    return restated_slug(label)


def _new_label(rng: random.Random, taken: set[str]) -> tuple[str, str]:
    while True:
        form, separators = rng.choice(LABEL_FORMS)
        y = rng.randint(2023, 2030)
        month, month2 = sorted(rng.sample(range(12), 2))
        label = form.format(y=y, z=y + rng.randint(1, 3), w=y + 4, Month=MONTHS[month].capitalize(),
                            month=MONTHS[month], month2=MONTHS[month2], Season=rng.choice(SEASONS),
                            dd=f"{rng.randint(1, 28):02d}", mm=f"{month + 1:02d}")
        if _key(label) not in taken:
            return label, rng.choice(separators)


def _body(rng: random.Random, pool: list[str]) -> str:
    return rng.choice(pool).format(n=rng.randint(3, 40), place=rng.choice(PLACES))


def _insert(entries: list[GenEntry], index: int, entry: GenEntry) -> None:
    if index < len(entries):
        entries[index].glued = False
    entries.insert(index, entry)


def _insert_dated(page: EditedPage, rng: random.Random) -> None:
    partner = rng.choice(page.partners)
    label, separator = _new_label(rng, {_key(e.label) for e in partner.entries if e.label})
    index = rng.randint(0, len(partner.entries))
    _insert(partner.entries, index, GenEntry(label, f"{label}{separator}{_body(rng, BODIES)}", None))
    page.edits.append(f"insert {label!r} in {partner.partner_id} at {index}")


def _insert_undated(page: EditedPage, rng: random.Random) -> None:
    partner = rng.choice([p for p in page.partners if p.entries])
    index = rng.randint(1, len(partner.entries))  # before the first entry, it would describe
    _insert(partner.entries, index, GenEntry(None, _body(rng, UNDATED_BODIES), None))
    page.edits.append(f"insert an undated entry in {partner.partner_id} at {index}")


def _delete(page: EditedPage, rng: random.Random) -> None:
    partner = rng.choice([p for p in page.partners if len(p.entries) > 1])
    index = rng.randrange(len(partner.entries))
    del partner.entries[index]
    if index < len(partner.entries):
        partner.entries[index].glued = False
    page.edits.append(f"delete entry {index} of {partner.partner_id}")


def _reword(page: EditedPage, rng: random.Random) -> None:
    partner = rng.choice([p for p in page.partners if p.entries])
    entry = rng.choice(partner.entries)
    first, newline, rest = entry.text.partition("\n")
    entry.text = first + rng.choice(REWORDINGS) + newline + rest
    page.edits.append(f"reword an entry of {partner.partner_id}")


def _rename(page: EditedPage, rng: random.Random) -> None:
    partner = rng.choice(page.partners)
    name, bracket, country = partner.heading.partition(" (")
    qualifier = rng.choice(QUALIFIERS)
    if not bracket:
        partner.heading = f"{name} – {qualifier}"
    elif rng.random() < 0.5:
        partner.heading = f"{name} – {qualifier} ({country}"
    else:
        partner.heading = f"{name} ({qualifier}, {country.strip()}"
    page.edits.append(f"rename the heading of {partner.partner_id} to {partner.heading!r}")


def _change_bullet(page: EditedPage, rng: random.Random) -> None:
    partner = rng.choice([p for p in page.partners if p.bullet])
    how = rng.choice(["lower", "within", "drop"])
    bullet = partner.bullet or ""
    if how == "lower":
        partner.bullet = bullet[0].lower() + bullet[1:]
    elif how == "within":
        name, bracket, rest = bullet.rpartition("(")
        partner.bullet = f"{name.rstrip()} au sein de la {rng.choice(QUALIFIERS)} {bracket}{rest}"
    else:
        partner.bullet = None
    page.edits.append(f"bullet of {partner.partner_id}: {how}")


def _new_partner(page: EditedPage, rng: random.Random) -> None:
    taken = {p.partner_id for p in page.partners}
    choices = [n for n in NEW_PARTNERS if n[1] not in taken]
    if not choices:
        return
    heading, partner_id, bullet = rng.choice(choices)
    entries: list[GenEntry] = []
    for _ in range(rng.randint(1, 3)):
        label, separator = _new_label(rng, {_key(e.label) for e in entries if e.label})
        entries.append(GenEntry(label, f"{label}{separator}{_body(rng, BODIES)}", None))
    description = ["Les premiers liens avec la Ville datent de 2019."] if rng.random() < 0.5 else []
    index = rng.randint(0, len(page.partners))
    page.partners.insert(index, GenPartner(heading, partner_id, bullet, description, entries))
    page.edits.append(f"new partner {heading!r} at {index}")


def _stray_bullet(page: EditedPage, rng: random.Random) -> None:
    where = rng.choice(["Océanie", "Grèce"])
    page.stray_bullets.append(f"La ville d’Atlantide ({where})")
    page.stray_ids.append("atlantide" if where == "Grèce" else None)
    page.edits.append("a bullet naming a partner with no section")


def _insert_alone(page: EditedPage, rng: random.Random) -> None:
    """A new entry whose label stands alone on its line, the text on the next one."""
    partner = rng.choice(page.partners)
    label, _ = _new_label(rng, {_key(e.label) for e in partner.entries if e.label})
    ending, form = rng.choice(ALONE)
    index = rng.randint(0, len(partner.entries))
    body = _body(rng, BODIES)
    _insert(partner.entries, index, GenEntry(label, f"{label}{ending}\n{body[0].upper()}{body[1:]}",
                                             None, alone=form))
    page.edits.append(f"insert {label!r} alone on its line ({form}) in {partner.partner_id} at {index}")


def speaks_of_itself(partner: GenPartner) -> bool:
    """The description opens with the partner's name (after an article or a kind of place),
    so that it reads as the description wherever it sits."""
    words = [w for w in restated_slug(partner.description[0]).split("-")
             if w not in {"la", "le", "l", "de", "camp", "commune"}] if partner.description else []
    return len(partner.description) == 1 and bool(words) and words[0] in partner.partner_id.split("-")


def _entry_above_description(page: EditedPage, rng: random.Random) -> None:
    partners = [p for p in page.partners if speaks_of_itself(p) and not p.entries_above]
    if not partners:
        return
    partner = rng.choice(partners)
    label, separator = _new_label(rng, {_key(e.label) for e in partner.entries if e.label})
    _insert(partner.entries, 0, GenEntry(label, f"{label}{separator}{_body(rng, BODIES)}", None))
    partner.entries_above = 1
    page.edits.append(f"insert {label!r} above the description of {partner.partner_id}")


def _sub_headings(page: EditedPage, rng: random.Random) -> None:
    partner = rng.choice([p for p in page.partners if p.entries])
    partner.sub_headings = rng.choice(SUB_HEADINGS)
    page.edits.append(f"sub-headings in {partner.partner_id}")


def _other_heading(page: EditedPage, rng: random.Random) -> None:
    heading, text = rng.choice(OTHER_HEADINGS)
    page.after += [Piece("heading", heading), Piece("paragraph", text)]
    page.edits.append(f"a heading of no partner: {heading!r}")


def _furniture(page: EditedPage, rng: random.Random) -> None:
    link = rng.choice(FURNITURE)
    for partner in page.partners:
        partner.furniture = link
    page.after += [Piece("paragraph", field) for field in FIELDS]
    page.edits.append(f"navigation links {link!r} and the CMS's fields")


def _town_kind(page: EditedPage, rng: random.Random) -> None:
    """A heading that names its place alone gets a kind of place ("Commune de …")."""
    partners = [p for p in page.partners if p.heading[:1].isupper() and not p.heading.startswith(
        ("La ", "Le ", "Les ", "Camp", "Commune", "Ville", "Village"))]
    if not partners:
        return
    partner = rng.choice(partners)
    partner.heading = f"{rng.choice(TOWN_KINDS)} {partner.heading}"
    page.edits.append(f"kind of place in the heading of {partner.partner_id}")


def _inclusive(page: EditedPage, rng: random.Random) -> None:
    """A heading in inclusive writing ("réfugié·es")."""
    partners = [p for p in page.partners if re.search(r"\w(?:és|is)\b", p.heading.split("(")[0])]
    if not partners:
        return
    partner = rng.choice(partners)
    name, bracket, rest = partner.heading.partition("(")
    partner.heading = re.sub(r"(\w)(é|i)s\b", r"\1\2·es", name) + bracket + rest
    page.edits.append(f"inclusive writing in the heading of {partner.partner_id}")


EDITS = [(_insert_dated, 5), (_insert_undated, 2), (_delete, 3), (_reword, 3), (_rename, 2),
         (_change_bullet, 2), (_new_partner, 2), (_stray_bullet, 1), (_insert_alone, 3),
         (_entry_above_description, 2), (_sub_headings, 2), (_other_heading, 1), (_furniture, 1),
         (_town_kind, 1), (_inclusive, 1)]


def edited_page(seed: int) -> EditedPage:
    """The published page with two to seven edits drawn from ``seed``."""
    rng = random.Random(seed)
    page = published_page()
    page.seed = seed
    edits, weights = zip(*EDITS, strict=True)
    for edit in rng.choices(edits, weights, k=rng.randint(2, 7)):
        edit(page, rng)
    page.style = frozenset(style for style in STYLES if rng.random() < 0.25 and (
        style not in HEADINGS_BY_CONTENT or all("(" in p.heading or p.bullet for p in page.partners)))
    page.nfd, page.invisible = rng.random() < 0.2, rng.random() < 0.2
    return page


FORMATS = ("txt", *(layout.name for layout in CMS_LAYOUTS))


def source(page: EditedPage, fmt: str) -> tuple[bytes, str]:
    """The page's bytes in a format, and a file name that says it."""
    if fmt == "txt":
        return page.written(page.text()).encode("utf-8"), "page.txt"
    layout = next(layout for layout in CMS_LAYOUTS if layout.name == fmt)
    return page.written(page.html(layout)).encode("utf-8"), "page.html"


def score(records: dict, page: EditedPage) -> tuple[int, int]:
    """(entries checked, entries read right): an entry is right when an action has its
    partner, label and text, in the page's order, and the id it must keep."""
    got = [(a["partner_id"], a["date_label"], a["text"], a["action_id"]) for a in records["actions"]]
    right = 0
    for (partner, label, text), expected_id in zip(page.expected_entries(), page.expected_ids(), strict=True):
        if any(g[:3] == (partner, label, text) and (expected_id is None or g[3] == expected_id)
               for g in got):
            right += 1
    return len(page.expected_entries()), right


def main(argv: list[str] | None = None) -> None:
    import sys

    from pipeline.extract import extract
    from pipeline.parse import parse
    from pipeline.load import read_bytes

    count = int((argv or sys.argv[1:] or ["200"])[0])
    checked = right = pages = 0
    for seed in range(count):
        page = edited_page(seed)
        for fmt in FORMATS:
            data, name = source(page, fmt)
            records = extract(parse(read_bytes(data, name).blocks))
            n, ok = score(records, page)
            checked, right, pages = checked + n, right + ok, pages + 1
            if ok < n:
                print(f"seed {seed} {fmt}: {n - ok} of {n} wrong; edits: {page.edits}")
    print(f"{pages} pages ({count} seeds x {len(FORMATS)} formats), {checked} entries checked, "
          f"{right} right ({right / checked:.2%})")


if __name__ == "__main__":
    main()
