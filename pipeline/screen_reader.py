"""Text hidden from the eye and written for screen readers, removed before a page is read.

A page written for screen readers (France's RGAA, the DSFR, Bootstrap, WordPress and
Drupal themes) repeats in visually hidden elements what the eye reads from the layout:
"Période de l'action :" before an entry's date, "– Description :" after it, "(nouvelle
fenêtre)" after a link, "Fin de la section …" after a section. Read as text, those words
sit inside the entries (the date is no longer at the start of its paragraph, a second
colon follows it). The reader reads the page as it is shown: :func:`without_hidden_text`
removes each such element and keeps the text that follows it. The classes are the CSS
frameworks' names (no French word), ``SCREEN_READER_CLASSES``.
"""

from __future__ import annotations

import re

from lxml import etree

# Bootstrap's "sr-only" and "visually-hidden", the DSFR's "fr-sr-only", WordPress'
# "screen-reader-text", Drupal's "element-invisible", others' "a11y-hidden"; a short prefix
# of a theme's own may come before ("fr-", "u-").
SCREEN_READER_CLASSES = ("sr-only", "visually-?hidden", "screen-reader-text", "element-invisible",
                         "a11y-hidden", "hidden-accessible")
_HIDDEN = re.compile(rf"(?<![\w-])(?:[a-z]{{1,4}}-)?(?:{'|'.join(SCREEN_READER_CLASSES)})(?!\w)",
                     re.IGNORECASE)


def without_hidden_text(document: etree._Element) -> None:
    """Remove the elements whose class says they are for screen readers only, keeping the
    text after each (its tail) in place.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<p><span class="sr-only">Date : </span><b>2019</b> : '
    ...     'puits<span class="visually-hidden"> (fin)</span>.</p>')
    >>> without_hidden_text(page)
    >>> page.text_content()
    '2019 : puits.'
    """
    hidden = [e for e in document.iter() if isinstance(e.tag, str) and _HIDDEN.search(e.get("class") or "")]
    for element in hidden:
        if element.getparent() is not None:
            dropped(element)


def dropped(element: etree._Element) -> None:
    """Take ``element`` and what it holds out of the page, its tail (the parent's text after
    it) kept in place: as lxml.html's ``drop_tree``, for any element of the tree."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
