"""Red team 25's classes (helper r25a), in pages of our own: a tab widget whose buttons name
its panels written elsewhere (the partners only in the buttons, a tab widget nested in a
panel by theme or by status); a sub-heading deeper than its partner's heading ("Historique"
in a partner's tab) keeps its entries with that partner even when they name another."""

from pipeline.extract import extract
from pipeline.html_page import html_blocks
from pipeline.parse import parse
from pipeline.tables import tables

TABS = """<html><body><main><h1>Nos villes amies</h1>
<div role="tablist">
<button role="tab" id="b1" aria-controls="c1">Accueil</button>
<button role="tab" id="b2" aria-controls="c2">Tabarka</button>
<button role="tab" id="b3" aria-controls="c3">Huy (2)</button>
</div>
<div id="c1" role="tabpanel" aria-labelledby="b1"><p>Deux villes amies, en Tunisie et en Belgique.</p></div>
<div id="c2" role="tabpanel" aria-labelledby="b2"><h3>Tunisie · amitié depuis 1994</h3>
<div role="tablist"><button role="tab" id="s1" aria-controls="d1">Fait</button>
<button role="tab" id="s2" aria-controls="d2">Abandonné</button></div>
<div id="d1" role="tabpanel"><p><strong>2016 :</strong> classes de mer pour vingt écoliers.</p></div>
<div id="d2" role="tabpanel"><p><strong>2019 :</strong> chantier de jeunes au port.</p></div>
</div>
<div id="c3" role="tabpanel" aria-labelledby="b3"><h3>Belgique · jumelée depuis 1971</h3>
<h4>Historique</h4>
<p><strong>2008 :</strong> fête de la musique avec Tabarka.</p>
<p><strong>2012 :</strong> échange de chorales.</p></div>
</main></body></html>"""


def _read(page: str) -> dict:
    return tables(extract(parse(html_blocks(page))))


def test_a_tab_widgets_buttons_name_the_panels_written_elsewhere() -> None:
    data = _read(TABS)
    partners = {p["partner_id"]: p for p in data["partners"]}
    assert sorted(partners) == ["huy", "tabarka"]  # "Accueil" is no partner, "(2)" no part of a name
    assert (partners["tabarka"]["country_code"], partners["huy"]["country_code"]) == ("TN", "BE")
    by_partner = sorted((a["partner_id"], a["date_label"]) for a in data["actions"])
    # the nested tabs ("Fait", "Abandonné") are the partner's sub-headings, not partners
    assert ("tabarka", "2016") in by_partner and ("tabarka", "2019") in by_partner


def test_a_sub_heading_deeper_than_its_partner_keeps_its_entries() -> None:
    data = _read(TABS)
    # "Historique" in Huy's tab: the entry naming Tabarka stays Huy's
    assert ("huy", "2008") in [(a["partner_id"], a["date_label"]) for a in data["actions"]]
