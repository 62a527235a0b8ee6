"""Forms red team 21's pages showed (a page whose sections are told some in story
paragraphs, some as labelled entries), each written here in sentences of our own."""

from pipeline.extract import extract
from pipeline.numbers import participants
from pipeline.parse import parse
from pipeline.read import text_blocks

MIXED = """Nos amitiés

Podor (Sénégal)

La coopération avec Podor a été signée en 1998.

De 2001 à 2004, la ville a reçu chaque été huit jeunes de Podor. Dans le même temps, entre 2002 et 2003, un atelier de couture a été ouvert au marché.

De 2006 à 2009, le chantier de l’école a réuni plusieurs jeunes bénévoles. En mars 2009, une fête a réuni les deux villes. La même année, trois artisans sont venus à la foire ; quatre ans plus tard, c’est une chorale qui a fait le voyage.

Dès 2014, le comité a envoyé des livres. Six ans plus tard, après les pluies, la ville a envoyé une aide ; c’est aussi cette année-là que le dispensaire a ouvert.

Sibiu (Roumanie)

2011 : envoi d’une ambulance.

2016 : accueil de dix lycéens.
"""


def test_a_section_told_in_story_paragraphs_is_read_so_among_labelled_ones():
    """Issue r21: one partner's section told in paragraphs of several events each (relative
    dates: "La même année", "quatre ans plus tard"), another's as labelled entries: the
    story section is read event by event, its years counted from the one told before
    (years counted first in a sentence, then "cette année-là" theirs, another act of theirs); a year closing a
    range is no head count."""
    data = extract(parse(text_blocks(MIXED)))
    podor = [(a["date_label"], a["period"], a["participants"]) for a in data["actions"] if a["partner_id"] == "podor"]
    assert podor[1:] == [
        ("De 2001 à 2004", "2001/2004", 8), ("entre 2002 et 2003", "2002/2003", None),
        ("De 2006 à 2009", "2006/2009", None), ("En mars 2009", "2009-03", None),
        ("La même année", "2009", 3), ("quatre ans plus tard", "2013", None),
        ("Dès 2014", "2014", None), ("Six ans plus tard", "2020", None),
        # "c'est aussi cette année-là que le dispensaire a ouvert": another act of that year
        ("cette année-là", "2020", None)]
    assert [(a["date_label"], a["period"]) for a in data["actions"] if a["partner_id"] == "sibiu"] == [
        ("2011", "2011"), ("2016", "2016")]


def test_a_section_of_one_story_paragraph_or_with_labels_keeps_its_entries():
    """Issue r21: a section with one paragraph telling several events among labelled
    entries, or labelled entries alone, is not read as a story."""
    one = MIXED.split("De 2006")[0] + "Sibiu (Roumanie)\n\n2011 : envoi d’une ambulance.\n"
    data = extract(parse(text_blocks(one)))
    assert [a["date_label"] for a in data["actions"] if a["partner_id"] == "sibiu"] == ["2011"]


def test_a_year_closing_a_range_or_a_device_is_no_head_count():
    """Issue r21: "de 2010 à 2012 plusieurs jeunes", "2004-2006 jeunes": the second year is
    no count of people; "échographes" are devices."""
    assert participants("Le chantier a réuni de 2010 à 2012 plusieurs jeunes.") is None
    assert participants("Programme 2004-2006 jeunes et familles.") is None
    assert participants("livraison de 4 échographes") is None
    assert participants("en 2012, 14 jeunes sont venus").value == 14


def test_a_heading_with_a_preposition_before_a_place_named_by_its_kind_is_a_partners():
    """Issue r21: "Avec les réfugiés du camp de Smara, en Algérie" (the place named by its
    people or its kind after "Avec les", its country beside it) heads its partner's section,
    as "Avec Podor, au Sénégal" does."""
    from pipeline.html_page import html_blocks

    page = """<html lang="fr"><body><main><h1>Nos amitiés</h1><p>Nous sommes liés à :</p>
<ul><li>Podor (Sénégal)</li><li>Le camp de réfugiés de Smara (Algérie)</li><li>Sibiu (Roumanie)</li></ul>
<h2>Avec Podor, au Sénégal</h2><p><strong>2011</strong> : envoi d’une ambulance.</p>
<h2>Avec les réfugiés du camp de Smara, en Algérie</h2><p><strong>2014</strong> : accueil de six enfants.</p>
<p><strong>2016</strong> : envoi de cahiers.</p>
<h2>Avec Sibiu, en Roumanie</h2><p><strong>2018</strong> : un concert.</p></main></body></html>"""
    data = extract(parse(html_blocks(page)))
    smara = data["partners"][1]
    assert "smara" in smara["partner_id"] and smara["country_code"] == "DZ"
    assert [(a["partner_id"], a["date_label"]) for a in data["actions"]] == [
        ("podor", "2011"), (smara["partner_id"], "2014"), (smara["partner_id"], "2016"), ("sibiu", "2018")]
