"""A blog post that tells a trip day by day under the places visited (smaller headings),
then recalls the partnership under a heading of its own: the places above it head their
own sections, and a place that was named with another goes on with their section. Pages
written here, in words of their own, read as HTML through the read and parse stages."""

from pipeline.load import read_bytes
from pipeline.parse import parse

DIARY = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Carnet</title></head>
<body><article>
<h1>Notre voyage au Sénégal</h1>
<p>Publié le 12 mai 2021 par le comité de jumelage</p>
<p>Six membres du comité sont partis rencontrer nos amis. Voici leur récit.</p>
<h3>Ndiaganiao et Sessène</h3>
<p>Lundi 3 mai. Visite du dispensaire de Ndiaganiao, puis rencontre des élèves de Sessène.</p>
<h3>Fissel</h3>
<p>Le jour suivant, à Fissel, inauguration du puits du quartier Mbafaye.</p>
<h2>Rappel : notre coopération au Sénégal</h2>
<p>Le village de Sessène est situé au Sénégal, à 20 km de Mbour. Une convention a été signée en 2009 entre notre ville, Ndiaganiao et Sessène.</p>
<ul>
<li><strong>2010</strong> — envoi de fournitures scolaires à Sessène.</li>
<li><strong>2015</strong> — construction d’une salle de classe à Ndiaganiao.</li>
</ul>
</article></body></html>
"""


def _sections(page: str) -> list[tuple[str, list[str | None]]]:
    parsed = parse(read_bytes(page.encode("utf-8"), "page.html").blocks)
    return [(s.heading.text, [e.label for e in s.entries]) for s in parsed.sections]


def test_the_days_under_a_smaller_place_heading_above_the_recall_are_that_places() -> None:
    sections = _sections(DIARY)
    headings = [heading for heading, _ in sections]
    assert headings[0] == "Ndiaganiao et Sessène"
    assert "Fissel" in headings
    # the recall's entries go on with the section of the two places named together
    first = dict(sections)["Ndiaganiao et Sessène"]
    assert "2010" in first and "2015" in first
    assert not any(h.startswith(("Sessène", "Ndiaganiao (")) for h in headings)


def test_a_place_heading_above_every_other_heading_with_no_day_below_stays_inside() -> None:
    page = DIARY.replace("<p>Lundi 3 mai. Visite du dispensaire de Ndiaganiao, puis rencontre "
                         "des élèves de Sessène.</p>", "<p>Nous y avons été très bien reçus.</p>")
    page = page.replace("<h3>Fissel</h3>\n<p>Le jour suivant, à Fissel, inauguration du puits "
                        "du quartier Mbafaye.</p>\n", "")
    headings = [heading for heading, _ in _sections(page)]
    assert "Ndiaganiao et Sessène" not in headings


def test_a_blogs_related_posts_and_comment_box_are_no_entries() -> None:
    for heading in ("Vous aimerez peut-être aussi", "À découvrir aussi", "Articles liés"):
        page = DIARY.replace("</article>", f"""<h4>{heading}</h4>
<ul><li><a href="/2018/03/tartu.html">Mars 2018 : la chorale chante à Sessène</a></li></ul>
<h4>Laisser un commentaire</h4><p>Bravo pour ce beau voyage !</p></article>""")
        labels = [label for _, labels in _sections(page) for label in labels]
        assert "Mars 2018" not in labels, heading
        assert "2015" in labels


def _periods(page: str) -> dict[str | None, str | None]:
    from pipeline.extract import extract

    parsed = parse(read_bytes(page.encode("utf-8"), "page.html").blocks)
    return {a["date_label"]: a["period"] for a in extract(parsed)["actions"]}


def test_a_diary_day_with_its_weekday_takes_the_year_of_the_posts_meta_line() -> None:
    by = "Publié le 12 mai 2021 par le service des relations internationales de la ville"
    for meta in (f"{by} · 4 commentaires", f"{by} | 4 commentaires"):
        page = DIARY.replace("<p>Publié le 12 mai 2021 par le comité de jumelage</p>", f"<p>{meta}</p>")
        assert _periods(page)["Lundi 3 mai"] == "2021-05-03", meta

