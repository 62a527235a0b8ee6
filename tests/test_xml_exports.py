"""XML documents saved as the page (pipeline/xml_exports.py): a site's feed, a tagged PDF's
structure exported by Acrobat, an XHTML page with its XML declaration. Each page here is
written for the test (not copied from the corpus); each was refused before ("la page HTML
semble tronquée", or lxml's "Unicode strings with encoding declaration")."""

from __future__ import annotations

import pytest

from pipeline.errors import PipelineError
from pipeline.load import read_bytes
from tests.corpus.score import _records_of


def _tables(tmp_path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _records_of(path)


def _partners(data: dict) -> dict[str, str]:
    return {row["name"]: row["country_code"] for row in data["partners"]}


def _periods(data: dict) -> set[tuple]:
    return {(a["start_year"], a["start_month"], a["end_year"], a["end_month"]) for a in data["actions"]}


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="/flux.xsl"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Jumelages de la ville</title>
  <updated>2025-01-07T10:00:00+01:00</updated>
  <entry>
    <title>Kitta (Mali)</title>
    <category term="kita" label="Kita (Mali)"/>
    <content type="html"><![CDATA[<p>Kita est une ville de la région de Kayes.</p>]]></content>
  </entry>
  <entry>
    <title>Kita – 2019</title>
    <published>2025-01-07T10:00:00+01:00</published>
    <category term="kita" label="Kita (Mali)"/>
    <category term="rubrique" label="Solidarité internationale"/>
    <summary type="html">&lt;p&gt;&lt;strong&gt;2019&lt;/strong&gt; : construction d’une école
    de trois classes à Kita avec le comité de jumelage.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Kita – 2014</title>
    <published>2025-01-07T10:00:00+01:00</published>
    <category term="kita" label="Kita (Mali)"/>
    <content type="html"><![CDATA[<p><strong>Mars 2014</strong> : accueil de 8 élus de Kita
    pour un séminaire sur l’eau.</p>]]></content>
  </entry>
  <entry>
    <title>Wesel – 2021</title>
    <published>2025-01-07T10:00:00+01:00</published>
    <category term="wesel" label="Wesel (Allemagne)"/>
    <summary type="html">&lt;p&gt;&lt;strong&gt;Juin 2021&lt;/strong&gt; : rencontre sportive
    de 40 jeunes à Wesel.&lt;/p&gt;</summary>
  </entry>
</feed>
"""


def test_an_atom_feed_is_read_entry_by_entry_under_each_partners_category(tmp_path):
    """A feed's entries name their partner only in a category ("Kita (Mali)"), their text
    escaped HTML (or CDATA); the entries' publication times are the site's, no action's;
    an entry titled with its partner spelt otherwise ("Kitta (Mali)") is under that partner."""
    data = _tables(tmp_path, "flux.txt", ATOM)
    assert _partners(data) == {"Kita": "ML", "Wesel": "DE"}
    assert _periods(data) == {(2019, None, 2019, None), (2014, 3, 2014, 3), (2021, 6, 2021, 6)}
    assert {a["participants"] for a in data["actions"]} == {None, 8, 40}


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Actualités des jumelages</title>
  <description>Les échanges de la ville avec ses partenaires.</description>
  <item>
    <title>Tombouctou</title>
    <category>Tombouctou (Mali)</category>
    <pubDate>Tue, 07 Jan 2025 10:00:00 +0100</pubDate>
    <description>&lt;p&gt;2016 : forage d’un puits à Tombouctou.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Tombouctou</title>
    <category>Tombouctou (Mali)</category>
    <description>&lt;p&gt;2018 : envoi de livres à la bibliothèque.&lt;/p&gt;</description>
  </item>
</channel></rss>
"""


def test_an_rss_feed_is_read_as_an_atom_feed_is(tmp_path):
    data = _tables(tmp_path, "flux.xml.txt", RSS)
    assert _partners(data) == {"Tombouctou": "ML"}
    assert _periods(data) == {(2016, None, 2016, None), (2018, None, 2018, None)}


TAGGED_PDF = """<?xml version="1.0" encoding="UTF-8" ?>
<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Bilan 2024</dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end='r'?>
<TaggedPDF-doc>
<bookmark-tree><bookmark title="2.1 Kita (Mali)"><destination structID="L1"/></bookmark></bookmark-tree>
<Part><Sect>
<H1>2. Nos partenaires</H1>
<H2>2.1 Kita (Mali)</H2>
<P>Kita est une ville de la région de Kayes. </P>
<L>
<LI><Lbl>2019 </Lbl><LBody><P>construction d’une école de trois classes. </P></LBody></LI>
<LI><Lbl>Mai 2021 </Lbl><LBody><P>mission de 5 élus sur le maraîchage. </P></LBody></LI>
</L>
<H2>2.2 Wesel (Allemagne)</H2>
<Table><TR><TH>Date </TH><TH>Action </TH></TR>
<TR><TD>2022 </TD><TD>échange de 30 collégiens. </TD></TR></Table>
</Sect></Part>
</TaggedPDF-doc>
"""


def test_a_tagged_pdf_is_read_by_its_structure_types_with_its_section_numbers_off(tmp_path):
    """Headings (H2) numbered as a report numbers its sections, list items whose label
    (Lbl) is the entry's date and whose body holds a paragraph, a table; the document's
    metadata (XMP) and bookmarks are no text of the page."""
    data = _tables(tmp_path, "rapport.txt", TAGGED_PDF)
    assert _partners(data) == {"Kita": "ML", "Wesel": "DE"}
    assert _periods(data) == {(2019, None, 2019, None), (2021, 5, 2021, 5), (2022, None, 2022, None)}
    assert {a["participants"] for a in data["actions"]} == {None, 5, 30}


def test_an_export_cut_short_stops_with_one_line_naming_its_root():
    with pytest.raises(PipelineError, match=r"export XML semble tronqué .*</feed>") as stopped:
        read_bytes(ATOM[:-len("</feed>\n")].encode(), "flux.txt")
    assert "\n" not in str(stopped.value)


def test_an_xhtml_page_with_its_xml_declaration_is_read():
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            '<body><main><h2>Kita (Mali)</h2><p>2019 : construction d’une école.</p></main></body></html>')
    blocks = read_bytes(page.encode(), "page.html").blocks
    assert [(b.kind, b.text) for b in blocks] == [("heading", "Kita (Mali)"),
                                                 ("paragraph", "2019 : construction d’une école.")]


def test_an_html_page_naming_a_feed_is_no_feed():
    """A page's own markup is read as HTML even when it links or embeds a feed's words."""
    page = ('<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head>'
            '<body><main><h2>Kita (Mali)</h2><p>2019 : école.</p><pre>&lt;feed&gt;</pre></main></body></html>')
    assert [b.text for b in read_bytes(page.encode(), "page.html").blocks][:2] == ["Kita (Mali)", "2019 : école."]
