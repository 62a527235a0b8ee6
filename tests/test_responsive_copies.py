"""A responsive page that prints its entries twice, a copy for wide screens and one for
narrow screens, is read once, as a desktop browser shows it. Pages written here, in the
classes of several CSS frameworks; each is read through the read, parse and extract stages."""

import pytest

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.responsive import NARROW_COPY

ROWS = [("2015", "plantation de quarante manguiers au collège de Kandi.", "2 000 €"),
        ("2018-2019", "envoi de deux ordinateurs et d'une imprimante au lycée.", "—"),
        ("2022", "séjour de neuf collégiens hébergés par des familles.", "")]


def _page(wide: str, narrow: str, extra: str = "") -> bytes:
    table = "".join(f"<tr><td>{d}</td><td>{t}</td><td>{b}</td></tr>" for d, t, b in ROWS)
    folded = "".join(
        f'<div class="item"><button>{d[:4]} · {t[:22].capitalize()}…</button><div class="body"><p>{t}</p>'
        + (f'<p class="small">Budget : {b}</p>' if b and b != "—" else "") + "</div></div>"
        for d, t, b in ROWS)
    return (f"<html><body><main><h1>Nos villes amies</h1><section><h2>Kandi (Bénin)</h2>"
            f'<div class="{wide}"><table><thead><tr><th>Période</th><th>Action</th><th>Budget</th></tr>'
            f'</thead><tbody>{table}</tbody></table></div><div class="{narrow}">{folded}</div>{extra}'
            f"</section></main></body></html>").encode()


def _actions(page: bytes) -> list[tuple]:
    document = read_bytes(page, "page.html")
    return [(a["date_label"], a["amount_eur"], a["text"]) for a in extract(parse(document.blocks))["actions"]]


@pytest.mark.parametrize("wide, narrow", [
    ("table-responsive d-none d-md-block", "accordion d-md-none"),  # Bootstrap 4-5
    ("hidden-xs hidden-sm", "visible-xs visible-sm"),  # Bootstrap 3
    ("show-for-medium", "show-for-small-only"),  # Foundation
    ("hidden md:block", "md:hidden"),  # Tailwind
    ("uk-visible@m", "uk-hidden@m"),  # UIkit
    ("desktop-only", "mobile-only"),  # a theme's own
])
def test_each_entry_comes_out_once_from_the_wide_copy(wide: str, narrow: str) -> None:
    got = _actions(_page(wide, narrow))
    assert [(label, amount) for label, amount, _ in got] == [("2015", 2000), ("2018-2019", None), ("2022", None)]
    assert got[2][2].endswith("séjour de neuf collégiens hébergés par des familles.")
    aside = [text for why, text in read_bytes(_page(wide, narrow), "page.html").left_out if why == NARROW_COPY]
    assert len(aside) == 1 and "2015 · Plantation" in aside[0]


def test_what_only_the_narrow_screen_shows_is_still_read() -> None:
    extra = '<p class="d-md-none">2023 : concert des deux chorales au marché de Kandi.</p>'
    got = _actions(_page("d-none d-lg-block", "d-lg-none", extra))
    assert [label for label, _, _ in got] == ["2015", "2018-2019", "2022", "2023"]


def test_a_narrow_copy_without_a_wide_one_is_read() -> None:
    page = (b'<html><body><main><h1>Amis</h1><h2>Kandi (B\xc3\xa9nin)</h2><div class="d-md-none">'
            b"<p>2015 : plantation de manguiers.</p></div></main></body></html>")
    assert [label for label, _, _ in _actions(page)] == ["2015"]
