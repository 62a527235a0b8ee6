"""HTML renderings of a text snapshot, shaped like municipal CMS pages, for the tests.

Each layout wraps the article in a site's header, menus, breadcrumb, footer and a
"Retour en haut de page" link, and varies what CMS templates vary: where the title is
(inside the article's ``<header>``, an ``<h1>`` outside the article, an ``<h2>`` page
header above ``<h3>`` sections, or no title at all), headings as h2, h3 or h4, entries
as paragraphs, list items or ``<br>``-separated lines, the date label in bold or not;
``ELEMENTOR`` and ``TYPO3`` add a side column and a sub-navigation under headings of their
own. ``render_pieces`` also writes what editors type by hand (``STYLES``).
"""

from dataclasses import dataclass, replace
from html import escape

from pipeline.dates import split_any_label
from pipeline.read import text_blocks

CHROME_TOP = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Jumelages et coopérations - Ville d'Ivry-sur-Seine</title>
<script>window.dataLayer = [];</script><style>.x{}</style></head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header"><div class="logo">Ivry-sur-Seine</div>
<nav class="menu-principal"><ul><li><a href="/">Accueil</a></li><li><a href="/ville">Ma ville</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Accueil</a> &gt; <a href="/international">International</a> &gt; Jumelages</div>
"""
CHROME_BOTTOM = """<p class="to-top"><a href="#top">Retour en haut de page</a></p>
<footer class="site-footer"><p>Hôtel de ville, esplanade Georges-Marrane, 94200 Ivry-sur-Seine</p></footer>
</body></html>
"""


@dataclass(frozen=True)
class Layout:
    """Where a CMS puts the title and the article, and how it writes headings and entries.

    The page is ``before``, ``title`` (with the page's title in place of ``{title}``;
    left out for a page without one), ``open``, the article's blocks, then ``close``."""

    name: str
    before: str
    title: str
    open: str
    close: str
    heading: str = "h2"
    entries: str = "p"  # "p", "li" or "br"
    bold: bool = True


PLAIN = Layout(
    "plain", '<main id="contenu"><article class="page">\n', "<h1>{title}</h1>\n", "",
    '</article>\n<div class="share">Partager : <a href="#">Facebook</a> <a href="#">X</a></div>\n</main>\n')
# WordPress: the title in the article's own <header>, sections in h2, entries as paragraphs.
WORDPRESS = Layout(
    "wordpress",
    '<main id="main" class="site-main"><article id="post-281" class="post-281 page type-page">\n'
    '<header class="entry-header">', '<h1 class="entry-title">{title}</h1>',
    '</header>\n<div class="entry-content">\n',
    '</div>\n<footer class="entry-footer"><span class="edit-link">Modifier</span></footer>\n'
    '</article></main>\n<aside id="secondary" class="widget-area"><section class="widget">'
    '<h2 class="widget-title">Articles récents</h2><ul><li><a href="/a">Fête de la ville</a></li>'
    '</ul></section></aside>\n',
    heading="h2", entries="p", bold=True)
# Drupal (Olivero): the title and the publication date in the node's <header>, sections in
# h3, entries as list items.
DRUPAL = Layout(
    "drupal",
    '<main role="main"><div class="region region-content">\n'
    '<article role="article" class="node node--type-page node--view-mode-full">\n'
    '<header class="node__header">',
    '<h1 class="title page-title"><span class="field--name-title">{title}</span></h1>\n',
    '<div class="node__meta">Publié le 12/03/2024</div></header>\n'
    '<div class="node__content"><div class="text-formatted field field--name-body">\n',
    '</div></div>\n</article></div></main>\n',
    heading="h3", entries="li", bold=False)
# SPIP: the title in a "cartouche" outside the article's text, sections as h3.spip, entries
# as lines of one paragraph cut by <br class="autobr">.
SPIP = Layout(
    "spip",
    '<main class="main"><div class="cartouche">', '<h1 class="titre crayon">{title}</h1>',
    '<p class="info-publi">Mis à jour le 12 mars 2024</p></div>\n'
    '<article class="texte surlignable">\n',
    '</article></main>\n',
    heading="h3", entries="br", bold=False)
# Joomla: the title as an h2 in the "page-header", sections as h4, entries as paragraphs.
JOOMLA = Layout(
    "joomla",
    '<main id="content"><div class="com-content-article item-page">\n',
    '<div class="page-header"><h2 itemprop="headline">{title}</h2></div>\n',
    '<div itemprop="articleBody" class="com-content-article__body">\n',
    '</div></div></main>\n',
    heading="h4", entries="p", bold=True)
# A page with no title at all.
UNTITLED = Layout("untitled", '<div id="content"><div class="contenu-page">\n', "", "",
                  "</div></div>\n", heading="h2", entries="p", bold=True)
# Elementor: the text in a two-thirds column, a side column with the service's contact
# under its own heading, all inside <main>.
ELEMENTOR = Layout(
    "elementor",
    '<main id="content" class="site-main"><div class="page-content"><div data-elementor-type="wp-page" '
    'class="elementor elementor-281"><section class="elementor-section"><div class="elementor-container">'
    '<div class="elementor-column elementor-col-66"><div class="elementor-widget-wrap">\n',
    '<div class="elementor-widget-heading"><h1 class="elementor-heading-title">{title}</h1></div>\n',
    '<div class="elementor-widget-text-editor"><div class="elementor-widget-container">\n',
    '</div></div></div></div>\n<div class="elementor-column elementor-col-33"><div class="elementor-widget-wrap">'
    '<div class="elementor-widget-heading"><h3 class="elementor-heading-title">Service des relations '
    'internationales</h3></div><div class="elementor-widget-text-editor"><p>Esplanade de la mairie, '
    '01 23 45 67 89</p></div></div></div></div></section></div></div></main>\n',
    heading="h2", entries="p", bold=True)
# Typo3: no <main> nor <article>; a sub-navigation before the content and a right-hand
# column after it, each under its own <h2>.
TYPO3 = Layout(
    "typo3",
    '<div id="page"><div class="subnav-section"><h2>Voir aussi</h2><ul><li><a href="/s">Solidarité'
    '</a></li></ul></div>\n<div class="content-main">', "<h1>{title}</h1>\n",
    '<div class="ce-bodytext">\n',
    '</div></div>\n<div class="colonne-droite"><h2>Contacts</h2><p>Mairie, 01 23 45 67 89</p></div></div>\n',
    heading="h2", entries="p", bold=False)
CMS_LAYOUTS = (WORDPRESS, DRUPAL, SPIP, JOOMLA)


@dataclass(frozen=True)
class Piece:
    """One block of a page to render: ``kind`` is "title", "heading", "paragraph" or
    "list_item"; ``label`` the date label that opens an entry, to set in bold."""

    kind: str
    text: str
    label: str | None = None
    attached: bool = False  # a bullet of an entry: on the line after it, in a text snapshot
    # a label alone on its line, and how HTML writes it with the paragraph after it:
    # "p" (two paragraphs), "br" (one paragraph cut by <br>), "dl" (<dt>, <dd>), "table"
    form: str = ""


# How a page may write what the layouts above write otherwise (``render_pieces``'s style):
# "hand_bullets" (list items typed as "• …" in paragraphs), "bold_headings" (partner
# headings as paragraphs in bold), "permalinks" (a "¶" link in each heading), "toc" (a
# table of contents of links within the page above the intro), and what site builders write
# that is no heading tag: "accordion" (each partner's section in a <details> whose
# <summary> names it), "class_headings" (partner headings as paragraphs styled by a
# class, not bold), "div_headings" (as the loose text of a <div>), "blank_paragraphs" (an
# empty line as a paragraph holding only a zero-width space or a non-breaking space).
STYLES = ("hand_bullets", "bold_headings", "permalinks", "toc", "accordion", "class_headings",
          "div_headings", "blank_paragraphs")


def pieces_of_text(text: str) -> list[Piece]:
    """The pieces of a text snapshot, as the text reader splits it."""
    pieces = []
    for block in text_blocks(text):
        labelled = split_any_label(block.text)
        kind = "title" if block.kind == "heading" and block.level == 1 else block.kind
        pieces.append(Piece(kind, block.text, labelled[0] if labelled else None))
    return pieces


def _inline(piece: Piece, bold: bool) -> str:
    text = escape(piece.text, quote=False).replace("\u00a0", "&nbsp;")
    if bold and piece.label:
        label = escape(piece.label, quote=False).replace("\u00a0", "&nbsp;")
        return f"<strong>{label}</strong>{text[len(label):]}"
    return text


def render(text: str, heading: str = "h2", entries: str = "p", bold: bool = True,
           layout: Layout = PLAIN) -> str:
    """The snapshot's blocks as an HTML page; the navigation link is left to the chrome."""
    if (heading, entries, bold) != ("h2", "p", True):
        layout = replace(layout, heading=heading, entries=entries, bold=bold)
    return render_pieces(pieces_of_text(text), layout)


def _deeper(tag: str) -> str:
    return f"h{min(int(tag[1]) + 1, 6)}"


def _alone(label: Piece, body: str, form: str) -> str:
    if form == "dl":
        return f"<dl><dt>{label.text}</dt><dd>{body}</dd></dl>"
    if form == "table":
        return f"<table><tr><td>{label.text}</td><td>{body}</td></tr></table>"
    if form == "br":
        return f"<p><strong>{label.text}</strong><br>{body}</p>"
    if form == "heading":  # the date as a small heading of its own above its paragraph
        return f"<h5>{label.text}</h5>\n<p>{body}</p>"
    return f"<p><strong>{label.text}</strong></p>\n<p>{body}</p>"


def render_pieces(pieces: list[Piece], layout: Layout, style: frozenset[str] = frozenset()) -> str:
    """A page's pieces as the CMS of ``layout`` would write them, in ``style`` (``STYLES``)."""
    out: list[str] = [CHROME_TOP]
    open_list: str | None = None
    lines: list[str] = []  # paragraphs of a <br> layout waiting to be written

    def close(kind=None):
        nonlocal open_list
        if lines:
            out.append("<p>" + '<br class="autobr">\n'.join(lines) + "</p>")
            lines.clear()
        if open_list and open_list != kind:
            out.append("</li></ul>" if open_list == "entries" else "</ul>")
            open_list = None

    title = pieces[0].text if pieces and pieces[0].kind == "title" else None
    out.append(layout.before)
    out.append(layout.title.format(title=escape(title or "")) if title and layout.title else "")
    out.append(layout.open)
    rest = pieces[1 if title else 0:]
    if "toc" in style:
        out.append("<ul>" + "".join(f'<li><a href="#s{n}">{escape(p.text, quote=False)}</a></li>'
                                    for n, p in enumerate(rest) if p.kind == "heading") + "</ul>")
    body_of_label = False
    in_details = False
    blank = iter(["<p>\u200b</p>", "<p>&nbsp;</p>", "<p> \u200b </p>"] * len(rest))
    for n, piece in enumerate(rest):
        if piece.text == "Retour en haut de page" or body_of_label:
            body_of_label = False
            continue
        if "blank_paragraphs" in style and n % 3 == 1 and not lines and not open_list:
            out.append(next(blank))
        body = _inline(piece, layout.bold)
        if piece.kind == "heading" and "accordion" in style:
            close()
            out.append(("</details>" if in_details else "") + f"<details><summary>{body}</summary>")
            in_details = True
            continue
        if piece.form:
            close()
            out.append(_alone(piece, escape(rest[n + 1].text, quote=False), piece.form))
            body_of_label = True
        elif piece.kind == "heading" and "bold_headings" in style:
            close()
            out.append(f"<p><strong>{body}</strong></p>")
        elif piece.kind == "heading" and "class_headings" in style:
            close()
            out.append(f'<p class="titre-partenaire">{body}</p>')
        elif piece.kind == "heading" and "div_headings" in style:
            close()
            out.append(f'<div class="h3 titre">{body}</div>')
        elif piece.kind == "heading":
            close()
            link = f'<a class="headerlink" href="#s{n}">¶</a>' if "permalinks" in style else ""
            out.append(f"<{layout.heading}>{body}{link}</{layout.heading}>")
        elif piece.kind == "subheading":
            close()
            out.append(f"<{_deeper(layout.heading)}>{body}</{_deeper(layout.heading)}>")
        elif piece.kind == "list_item" and "hand_bullets" in style and not piece.attached:
            close()
            out.append(f"<p>• {body}</p>")
        elif piece.kind == "list_item" and "hand_bullets" in style and lines:
            lines.append(f"&bull; {body}")
        elif piece.kind == "list_item" and "hand_bullets" in style and out[-1].endswith("</p>"):
            out[-1] = out[-1][:-len("</p>")] + f"<br>&bull; {body}</p>"
        elif piece.kind == "list_item":
            if open_list == "entries":  # bullets of an entry: a list inside its item
                out.append(f"<ul><li>{body}</li></ul>")
            else:
                if open_list != "bullets":
                    close()
                    out.append("<ul>")
                    open_list = "bullets"
                out.append(f"<li>{body}</li>")
        elif layout.entries == "li" and piece.label:
            if open_list == "entries":
                out.append("</li>")
            else:
                close()
                out.append('<ul class="entries">')
                open_list = "entries"
            out.append(f"<li>{body}")
        elif layout.entries == "br":
            if open_list:
                close()
            lines.append(body)
        else:
            close()
            out.append(f"<p>{body}</p>")
    close()
    out += ["</details>"] if in_details else []
    out += [layout.close, CHROME_BOTTOM]
    return "\n".join(out)
