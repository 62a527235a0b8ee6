"""A captions file (WebVTT or SubRip) published as a page's transcript: its cues' words
read as prose, their numbers and timecodes neither dates nor counts. Pages written here,
in words of their own; each test reads the page through the read, parse and extract
stages (or the read stage alone)."""

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse

VTT = """WEBVTT
Kind: captions
Language: fr

NOTE
Vidéo « Nos amis de Kandi », mise en ligne le 02/05/2022.

1
00:00:00.000 --> 00:00:03.500
Direction Kandi, au Bénin : les deux villes se lient

2
00:00:03.700 --> 00:00:07.100
par une charte signée en 1998.

3
00:00:07.300 --> 00:00:11.900
En mars 2015, douze collégiens partent

4
00:00:12.100 --> 00:00:15.000 align:start
planter <i>des manguiers</i> à l’école de Kandi.

5
00:00:15.200 --> 00:00:17.000
[Musique]

6
00:00:17.200 --> 00:00:21.000
En juillet 2019, la ville de Kandi reçoit

7
00:00:21.200 --> 00:00:24.000
un camion de pompiers offert par la commune.
"""

SRT = VTT.split("\n\n", 2)[2].replace(".000 -->", ",000 -->").replace(" align:start", "")


def _actions(page: str) -> list[dict[str, object]]:
    document = read_bytes(page.encode("utf-8"), "page.txt")
    return list(extract(parse(document.blocks))["actions"])


def test_a_sentence_cut_over_two_cues_is_one_sentence_and_the_timecodes_are_no_dates() -> None:
    document = read_bytes(VTT.encode("utf-8"), "page.txt")
    text = " ".join(block.text for block in document.blocks)
    assert "les deux villes se lient par une charte signée en 1998." in text
    assert "00:00" not in text and "-->" not in text and "Musique" not in text
    assert "<i>" not in text and "align:start" not in text
    actions = _actions(VTT)
    labels = {a["date_label"] for a in actions}
    assert {"En mars 2015", "En juillet 2019"} <= {str(label) for label in labels}
    assert all(a["partner_id"] for a in actions)
    assert any("planter des manguiers" in str(a["text"]) for a in actions)


def test_subrip_cues_without_a_header_are_read_the_same_way() -> None:
    assert not SRT.startswith("WEBVTT")
    actions = _actions(SRT)
    assert any("camion de pompiers" in str(a["text"]) for a in actions)
    assert not any("00:00" in str(a["text"]) for a in actions)


def test_a_text_page_with_numbered_lines_is_no_captions_file() -> None:
    page = "Jumelages\n\n1\nKandi (Bénin)\n\n2\nTartu (Estonie)\n"
    document = read_bytes(page.encode("utf-8"), "page.txt")
    assert "Kandi (Bénin)" in " ".join(block.text for block in document.blocks)


def test_a_cue_opening_on_a_place_and_its_country_is_the_title_card_of_what_follows() -> None:
    page = VTT.replace("Direction Kandi, au Bénin : les", "Kandi, au Bénin. Les")
    page = page.replace("[Musique]", "Et maintenant, une autre amitié.").replace(
        "En juillet 2019, la ville de Kandi reçoit", "Tartu, en Estonie. En juillet 2019, la ville")
    page = page.replace("un camion de pompiers offert par la commune.", "reçoit un orchestre d’élèves.")
    document = read_bytes(page.encode("utf-8"), "page.txt")
    headings = [block.text for block in document.blocks if block.kind == "heading"]
    assert headings[:2] == ["Kandi, au Bénin.", "Tartu, en Estonie."]
    actions = _actions(page)
    assert {a["partner_id"] for a in actions} == {"kandi", "tartu"}
    assert [a["partner_id"] for a in actions if a["date_label"] == "En juillet 2019"] == ["tartu"]


def test_a_place_and_its_country_inside_a_sentence_is_no_title_card() -> None:
    page = VTT.replace("En mars 2015, douze collégiens partent", "En mars 2015, douze collégiens de")
    page = page.replace("planter <i>des manguiers</i> à l’école de Kandi.",
                        "Tartu, en Estonie. partent planter des manguiers à Kandi.")
    document = read_bytes(page.encode("utf-8"), "page.txt")
    assert "Tartu, en Estonie." not in [block.text for block in document.blocks if block.kind == "heading"]
