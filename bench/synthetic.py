"""Synthetic pages in the style of Ivry's page, at any size, from a fixed seed.

Many partner sections; entries with every date-label form of the grammar, amounts, head
counts in digits and in words, approximate counts, ages and durations, programmes in « »,
organisations, honorary citizens, bullet lists, continuation paragraphs and run-together
lines. Used by ``bench/bench.py``; not a test fixture.
"""

from __future__ import annotations

import random

COUNTRIES = ["Allemagne", "Mali", "Palestine", "Algérie", "Cuba", "Sénégal", "Maroc", "Tunisie",
             "Italie", "Espagne", "Portugal", "Brésil", "Burkina Faso", "Niger", "Liban", "Japon"]
KINDS = ["La ville de", "La commune rurale de", "La commune de", "La municipalité de"]
SYLLABLES = ["ba", "ko", "ri", "na", "de", "lu", "ma", "so", "ti", "ga", "ve", "zo", "al", "mi"]
MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre",
          "Octobre", "Novembre", "Décembre"]
SEASONS = ["Printemps", "Été", "Automne", "Hiver"]
WORDS = ["six", "huit", "quatre", "dix", "douze", "quinze", "vingt"]
PEOPLE = ["jeunes", "enfants", "élèves", "lycéen·nes", "musicien·nes"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _label(rng: random.Random) -> tuple[str, str]:
    """A date label and the separator it takes."""
    y = rng.randint(1990, 2022)
    form = rng.randrange(10)
    if form == 0:
        return f"{y}", " : "
    if form == 1:
        return f"{y}-{y + rng.randint(1, 6)}", " : "
    if form == 2:
        return f"{y} – {y + rng.randint(1, 6)}", " : "
    if form == 3:
        return f"{rng.choice(MONTHS)} {y}", " : "
    if form == 4:
        return f"{rng.choice(SEASONS)} {y}", " : "
    if form == 5:
        first = rng.randint(0, 9)
        return f"{MONTHS[first]} - {MONTHS[first + rng.randint(1, 2)].lower()} {y}", " : "
    if form == 6:
        return f"Depuis {y}", " : "
    if form == 7:
        return f"{y}, {y + 1} et {y + 2}", " : "
    if form == 8:
        return f"{y}", ", "
    return f"De {y} à {y + rng.randint(1, 8)}", ", "


def _body(rng: random.Random, partner: str) -> str:
    parts = [rng.choice([
        f"accueil à Ivry-sur-Seine de {rng.choice(WORDS)} {rng.choice(PEOPLE)} de {rng.randint(6, 12)} "
        f"à {rng.randint(13, 17)} ans pendant {rng.choice(['deux', 'trois'])} semaines",
        f"séjour d’une quinzaine de jeunes ivryen·nes à {partner}",
        f"réalisation de {rng.randint(2, 12)} forages d’eau en partenariat avec l’association "
        f"{_name(rng)} {_name(rng)}",
        f"participation financière de la Ville à hauteur de {rng.randint(1, 400)} 000€ "
        "pour un jardin d’enfant",
        f"mise en place du projet « {_name(rng)} {_name(rng)} » avec la Fondation {_name(rng).upper()}",
        f"nomination comme citoyen d’honneur de la Ville de {_name(rng)} {_name(rng)}, "
        "militant des droits humains",
        f"délégation ivryenne à {partner} pour célébrer le jumelage, près de {rng.randint(20, 90)} personnes",
        f"programme de rénovation urbaine du quartier {_name(rng)}, avec le Centre Municipal de Santé",
    ])]
    if rng.random() < 0.15:
        parts.append("Le projet a été annulé en raison de la crise sanitaire")
    elif rng.random() < 0.1:
        parts.append(f"Ces séjours ont été annulés en {rng.randint(2019, 2020)} et 2021")
    return ". ".join(parts) + "."


def page(entries: int, seed: int = 2026) -> str:
    """A page of about ``entries`` entries (dated or not), in the real page's text layout."""
    rng = random.Random(seed)
    partners = max(6, entries // 100)
    names: list[str] = []
    while len(names) < partners:
        candidate = _name(rng) + "-" + _name(rng)
        if candidate not in names:
            names.append(candidate)
    countries = [rng.choice(COUNTRIES) for _ in names]
    lines = ["Jumelages et coopérations décentralisées", "",
             "Ivry mène avec différentes villes à travers le monde des projets de solidarité :", ""]
    lines += [f"  • {rng.choice(KINDS)} {n} ({c})" for n, c in zip(names, countries, strict=True)] + [""]
    per_partner = [entries // partners + (1 if i < entries % partners else 0) for i in range(partners)]
    for name, country, count in zip(names, countries, per_partner, strict=True):
        lines += [f"{name} ({country})", "",
                  f"Un accord de jumelage entre Ivry-sur-Seine et {name} a été signé en "
                  f"{rng.randint(1960, 2015)}. Les premiers liens datent des années 1990.", ""]
        written = 0
        while written < count:
            label, separator = _label(rng)
            entry = f"{label}{separator}{_body(rng, name)}"
            roll = rng.random()
            if roll < 0.04 and written + 1 < count:  # two entries run together on one line
                other, other_sep = _label(rng)
                lines += [entry + f"{other}{other_sep}{_body(rng, name)}", ""]
                written += 2
                continue
            lines += [entry]
            if roll < 0.08:
                lines += [f"• Des formations à destination d’animateurs {_name(rng)}.",
                          "• Une campagne de sensibilisation.", "• La participation à un camp d’été."]
            elif roll < 0.12:
                lines += ["", "Ce séjour a permis de découvrir la réalité de la vie sur place."]
            elif roll < 0.13:
                lines += ["", f"Collaboration avec le Théâtre {_name(rng)} depuis plusieurs années."]
                written += 1
            lines += [""]
            written += 1
    lines += ["Retour en haut de page", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys
    sys.stdout.write(page(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
