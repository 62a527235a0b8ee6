"""HTML renderings of a text snapshot, shaped like a municipal CMS page, for the tests.

Each layout wraps the article in the site's header, menus, breadcrumb, footer and a
"Retour en haut de page" link, and varies what CMS templates vary: headings as h2 or h3,
entries as paragraphs or list items, the date label in bold or not.
"""

from html import escape

from pipeline.dates import split_label
from pipeline.read import text_blocks

CHROME_TOP = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Jumelages et coopérations - Ville d'Ivry-sur-Seine</title>
<script>window.dataLayer = [];</script><style>.x{}</style></head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header"><div class="logo">Ivry-sur-Seine</div>
<nav class="menu-principal"><ul><li><a href="/">Accueil</a></li><li><a href="/ville">Ma ville</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Accueil</a> &gt; <a href="/international">International</a> &gt; Jumelages</div>
<main id="contenu"><article class="page">
"""
CHROME_BOTTOM = """</article>
<div class="share">Partager : <a href="#">Facebook</a> <a href="#">X</a></div>
</main>
<p class="to-top"><a href="#top">Retour en haut de page</a></p>
<footer class="site-footer"><p>Hôtel de ville, esplanade Georges-Marrane, 94200 Ivry-sur-Seine</p></footer>
</body></html>
"""


def _inline(text: str, bold: bool) -> str:
    text = escape(text, quote=False).replace("\u00a0", "&nbsp;")
    labelled = split_label(text)
    if bold and labelled:
        label = labelled[0]
        return f"<strong>{label}</strong>{text[len(label):]}"
    return text


def render(text: str, heading: str = "h2", entries: str = "p", bold: bool = True) -> str:
    """The snapshot's blocks as an HTML page; the navigation link is left to the chrome."""
    out, open_list = [CHROME_TOP], None

    def close(kind=None):
        nonlocal open_list
        if open_list and open_list != kind:
            out.append("</li></ul>" if open_list == "entries" else "</ul>")
            open_list = None

    for block in text_blocks(text):
        if block.text == "Retour en haut de page":
            continue
        body = _inline(block.text, bold)
        if block.kind == "heading":
            close()
            tag = "h1" if block.level == 1 else heading
            out.append(f"<{tag}>{body}</{tag}>")
        elif block.kind == "list_item":
            if open_list == "entries":  # bullets of an entry: a list inside its item
                out.append(f"<ul><li>{body}</li></ul>")
            else:
                if open_list != "bullets":
                    close()
                    out.append("<ul>")
                    open_list = "bullets"
                out.append(f"<li>{body}</li>")
        elif entries == "li" and split_label(block.text):
            if open_list == "entries":
                out.append("</li>")
            else:
                close()
                out.append('<ul class="entries">')
                open_list = "entries"
            out.append(f"<li>{body}")
        else:
            close()
            out.append(f"<p>{body}</p>")
    close()
    out.append(CHROME_BOTTOM)
    return "\n".join(out)
