"""A social network's post embedded among the page's own entries (an Instagram, X or
Facebook embed) illustrates them: its caption, its date and its likes are no action and
count nobody. Pages written here, with places, posts and markup of their own."""

import pytest

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse

TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main><article><h1>Jumelages</h1>"
BOTTOM = "</article></main></body></html>"
ENTRIES = ("<h2>Tamba (Mali)</h2><p><strong>2015</strong> : envoi de livres à l’école de Tamba.</p>"
           "<p><strong>Depuis 2017</strong> : chantiers de jeunes chaque été au village.</p>")
LATER = "<h2>Quargnento (Italie)</h2><p><strong>2019</strong> : accueil d’une chorale de Quargnento.</p>"

EMBEDS = {
    "instagram": ("<figure class='wp-block-embed is-provider-instagram'><blockquote class='instagram-media'>"
                  "<p>Retour du chantier 🌍 Bravo à nos 11 bénévoles ! #Tamba</p>"
                  "<p>Une publication partagée par la Ville · 87 J’aime · le 3 septembre 2022</p></blockquote></figure>"),
    "x": ("<blockquote class='twitter-tweet'><p>Nos 9 jeunes sont bien arrivés à Tamba !</p>"
          "— Ville (@ville) <a href='https://x.com/ville/status/1'>July 12, 2021</a></blockquote>"),
    "facebook": ("<div class='fb-post'><blockquote class='fb-xfbml-parse-ignore'><p>Soirée de soutien : "
                 "merci aux 120 personnes venues le 4 mars 2023 !</p></blockquote></div>"),
}


def _actions(body):
    document = read_bytes(f"{TOP}{body}{BOTTOM}".encode(), "page.html")
    return [(a["date_label"], a["participants"]) for a in extract(parse(document.blocks))["actions"]]


@pytest.mark.parametrize("network", sorted(EMBEDS))
def test_a_post_embedded_among_the_entries_is_no_action_and_counts_nobody(network):
    assert _actions(ENTRIES + EMBEDS[network] + LATER) == [("2015", None), ("Depuis 2017", None), ("2019", None)]


def test_a_whole_thread_embedded_is_the_pages_text():
    posts = "".join(f"<p>{n}/ {year} : accueil de jeunes de Tamba au centre de loisirs, séjour de deux "
                    f"semaines avec des ateliers de musique, de cuisine et de théâtre, et une fête de "
                    f"clôture dans le parc de la ville.</p>" for n, year in enumerate(range(2005, 2020), 2))
    thread = f"<blockquote class='bluesky-embed'><p>1/ Tamba (Mali) 👇</p>{posts}</blockquote>"
    assert len(_actions(thread)) == 15
