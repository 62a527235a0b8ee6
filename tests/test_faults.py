"""Bad input, broken pages and faults: one clear line, nothing lost, the last release intact."""

import json
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.errors import InputError, NetworkError, ReleaseError
from pipeline.dates import MONTHS, SEASONS, parse_label, split_any_label, split_label
from pipeline.entities import organisations, people, programmes
from pipeline.numbers import age_range, amount_eur, duration_days, participants, read_number
from pipeline.themes import themes

from .conftest import ROOT, SNAPSHOT, forget_fingerprint
from .http_server import Server
from .properties import examples

PUBLISHED = ROOT / "output"
PAGE = SNAPSHOT.read_text(encoding="utf-8")


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def release_copy(tmp_path):
    out = tmp_path / "release"
    shutil.copytree(PUBLISHED, out)
    return out


def _unreachable_url():
    with Server() as gone:
        return f"{gone.url}/page.htm"


# name, content (None: not created; a str starting with "http": a URL), expected message
BAD_INPUTS = [
    ("missing.txt", None, "fichier introuvable ; vérifier le chemin"),
    ("empty.txt", b"", "empty.txt : le fichier est vide ; vérifier qu'il a été bien enregistré"),
    ("blank.txt", b"\n\n  \n", "le fichier est vide"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "un fichier binaire, pas une page (un caractère NUL à la ligne 3) ; donner le texte"),
    ("truncated.html", PAGE[:2000].encode(), None),  # filled below: HTML cut in the middle
    ("no-article.html", b"<html><body><nav><a href='/'>Accueil</a></nav><footer>x</footer></body></html>",
     "une page HTML sans texte d'article ; vérifier que c'est bien la page des jumelages"),
    ("flat.txt", b"Jumelages\n\nUn seul paragraphe.\n", "aucun titre de partenaire trouvé"),
]


def _truncated_html():
    from .html_pages import render
    return render(PAGE).encode("utf-8")[:3000]


@pytest.mark.parametrize("name, content, message", BAD_INPUTS)
def test_bad_input_gives_one_line_and_exit_1(tmp_path, capsys, release_copy, name, content, message):
    before = files_of(release_copy)
    source = tmp_path / name
    if name == "truncated.html":
        content, message = _truncated_html(), "semble tronquée"
    if content is not None:
        source.write_bytes(content)
    assert main(["run", "--source", str(source), "--output", str(release_copy)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert files_of(release_copy) == before


def test_a_directory_as_source(tmp_path, capsys, release_copy):
    assert main(["run", "--source", str(tmp_path), "--output", str(release_copy)]) == 1
    assert f"{tmp_path} : est un dossier ; donner le fichier d'un instantané de la page" in capsys.readouterr().err


def test_an_unreachable_url(tmp_path, capsys, monkeypatch, release_copy):
    import dataclasses

    import pipeline.config
    import pipeline.fetch
    town = dataclasses.replace(pipeline.config.config(), raw=tmp_path / "raw")  # the town's raw folder
    monkeypatch.setattr(pipeline.config, "_default", lambda: town)
    monkeypatch.setattr(pipeline.fetch, "TIMEOUT", (1.0, 1.0))
    real_session = pipeline.fetch.session  # the run's retries, without their 3.5 s of waiting
    monkeypatch.setattr(pipeline.fetch, "session", lambda retries, backoff: real_session(retries, 0.0))
    assert main(["run", "--source", _unreachable_url(), "--output", str(release_copy)]) == NetworkError.exit_code
    err = capsys.readouterr().err
    assert " : injoignable après " in err and "vérifier l'adresse et la connexion, puis relancer plus tard" in err and err.count("\n") == 1


@pytest.mark.slow
def test_no_traceback_from_a_real_process(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--source", str(tmp_path / "nope.txt"),
                           "--output", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1
    assert done.stderr == f"erreur : {tmp_path / 'nope.txt'} : fichier introuvable ; vérifier le chemin, ou en prendre un avec `python -m pipeline fetch`\n"


# --- Unknown labels are kept, never guessed -------------------------------------------------

def test_a_date_not_understood_in_an_undated_entry_is_reported(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("2011 : Fourniture", "Un séjour du 10 au 3 juillet 2023 a permis la fourniture"),
                    encoding="utf-8")
    assert main(["run", "--source", str(page), "--output", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "ligne 48 : date not understood in an undated entry, dates left empty: 'du 10 au 3 juillet 2023'" in out


def test_an_unknown_date_label_is_kept_with_empty_dates_and_reported(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("2011 : Fourniture", "Vers 2019 : Fourniture").replace(
        "2010-2011 : accompagnement", "Depuis les années 2000 : accompagnement"), encoding="utf-8")
    assert main(["run", "--source", str(page), "--output", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "ligne 48 : date label not understood, dates left empty: 'Vers 2019'" in out
    assert "ligne 46 : date label not understood, dates left empty: 'Depuis les années 2000'" in out
    actions = json.loads((tmp_path / "out" / "json" / "actions.json").read_text(encoding="utf-8"))
    kept = next(a for a in actions if a["date_label"] == "Vers 2019")
    # the entry is the published "2011 : Fourniture…" with its label reworded: it keeps its id
    assert (kept["action_id"], kept["period"], kept["start_year"], kept["end_year"]) == (
        "dianguirde-2011", None, None, None)
    assert kept["text"].startswith("Vers 2019 : Fourniture d’un panneau solaire")
    assert len(actions) == 46
    report = json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))
    assert {w["line"] for w in report["warnings"] if "not understood" in w["message"]} == {46, 48}


# --- Coverage -------------------------------------------------------------------------------

STRAY = PAGE.replace("  • Camps de réfugiés", "  • La ville d’Atlantide (Océanie)\n  • Camps de réfugiés")


def test_an_intro_item_naming_no_partner_is_set_aside_and_reported(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(STRAY, encoding="utf-8")
    assert main(["run", "--source", str(page), "--output", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert ("mis de côté, ligne 9 (intro list item naming no partner section) : "
            "La ville d’Atlantide (Océanie)") in out
    assert "the intro lists 7 partners, the page has 6 partner sections" in out
    report = json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))
    assert report["unassigned"] == [] and report["rows"]["actions"] == 46
    assert [p["intro_line"] for p in json.loads(
        (tmp_path / "out" / "json" / "partners.json").read_text(encoding="utf-8"))] == [5, 6, 7, 8, 10, 11]


def _losing_an_entry(monkeypatch):
    """A parser that loses the first entry of the second section: the coverage check must
    find its text in no record, whatever the parser claims."""
    import pipeline.parse  # run imports the stage when it runs it: it gets this one
    real = pipeline.parse.parse

    def losing(blocks, about=None, workers=None):
        page = real(blocks, about, workers)
        del page.sections[1].entries[0]
        return page
    monkeypatch.setattr(pipeline.parse, "parse", losing)


def test_text_that_goes_into_no_record_fails_the_run(tmp_path, capsys, release_copy, monkeypatch):
    forget_fingerprint(release_copy)  # so that the run parses the page again
    before = files_of(release_copy)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    _losing_an_entry(monkeypatch)
    assert main(["run", "--source", str(page), "--output", str(release_copy)]) == 1
    err = capsys.readouterr().err
    assert ("1 passage(s) de la page dans aucun enregistrement (le premier : ligne 40, text in no "
            "record, « 2006 – 2008 : projet de formation d’élèves infirmier·ères m… ») ; rien n'a été "
            "écrit. À faire : regarder ce passage de la page, ou relancer avec --allow-unassigned "
            "pour publier sans lui") in err
    assert files_of(release_copy) == before


def test_allow_unassigned_publishes_and_lists_it(tmp_path, capsys, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    _losing_an_entry(monkeypatch)
    assert main(["run", "--source", str(page), "--output", str(tmp_path / "out"), "--allow-unassigned"]) == 0
    assert "NON ATTRIBUÉ, ligne 40 (publié sans lui) : 2006 – 2008 : projet" in capsys.readouterr().out
    report = json.loads((tmp_path / "out" / "run-report.json").read_text(encoding="utf-8"))
    assert [(u["line"], u["reason"]) for u in report["unassigned"]] == [(40, "text in no record")]


def test_dated_entries_under_a_heading_not_recognised_stop_the_run(tmp_path, capsys, release_copy):
    before = files_of(release_copy)
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("Brandenburg-sur-la-Havel (Allemagne)\n",
                                 "Voici nos échanges avec la ville allemande.\n"), encoding="utf-8")
    assert main(["run", "--source", str(page), "--output", str(release_copy)]) == 1
    err = capsys.readouterr().err
    assert "10 passage(s) de la page dans aucun enregistrement (le premier : ligne 16, dated entry " \
           "before the first partner heading, « 2003-2014 : accueil" in err
    assert files_of(release_copy) == before


def test_the_published_run_report(capsys):
    report = json.loads((PUBLISHED / "run-report.json").read_text(encoding="utf-8"))
    assert report["unassigned"] == [] and report["rows"]["actions"] == 46
    assert [s["line"] for s in report["set_aside"]] == [1, 3, 134]
    assert report["source"] == {"path": "raw/ivry-jumelages.txt", "sha256": json.loads(
        (ROOT / "raw" / "manifest.json").read_text())["snapshots"][0]["sha256"], "format": "text",
        "encoding": "utf-8"}
    assert set(report["versions"]) >= {"python", "frictionless", "pyarrow", "pandas", "lxml"}


def test_far_fewer_actions_than_the_last_release_stops_the_run(tmp_path, capsys, release_copy):
    before = files_of(release_copy)
    page = tmp_path / "page.txt"
    cut = PAGE.index("\nLa commune de Jifna et le camp de Jalazone en Cisjordanie (Palestine)\n")
    page.write_text(PAGE[:cut], encoding="utf-8")
    assert main(["run", "--source", str(page), "--output", str(release_copy)]) == 1
    assert ("20 actions lues, environ 46 attendues (la publication précédente en a 46) : la structure de la page a "
            "sans doute changé ; rien n'a été écrit. À faire : regarder la page ; si elle a vraiment perdu ces "
            "actions, relancer avec --min-actions-ratio 0") in capsys.readouterr().err
    assert files_of(release_copy) == before
    # the intro still names the partners whose sections were cut: that text is unassigned
    assert main(["run", "--source", str(page), "--output", str(release_copy), "--min-actions-ratio", "0",
                 "--allow-unassigned"]) == 0


# --- Properties of the grammar --------------------------------------------------------------

years = st.integers(min_value=1900, max_value=2098)  # the list form adds one year; 2099 is the last
month_words = st.sampled_from(sorted(MONTHS))
season_words = st.sampled_from(sorted(SEASONS))
dash = st.sampled_from(["-", " - ", "–", " – ", "—"])


@st.composite
def labels(draw):
    form = draw(st.integers(0, 7))
    y1, y2 = draw(years), draw(years)
    m1, m2 = draw(month_words), draw(month_words)
    return [
        f"{y1}", f"{y1}{draw(dash)}{y2}", f"De {y1} à {y2}", f"Depuis {y1}",
        f"{m1.capitalize()} {y1}", f"{m1.capitalize()}{draw(dash)}{m2} {y1}",
        f"{draw(season_words).capitalize()} {y1}", f"{y1}, {y2} et {max(y1, y2) + 1}",
    ][form]


@settings(max_examples=examples(300), deadline=None)
@given(labels())
def test_any_label_of_the_grammar_is_an_interval_that_does_not_run_backwards(label):
    period = parse_label(label)
    assert split_label(label + " : texte") == (label, "texte")
    if period is None:  # only a range written backwards is refused
        return
    assert period.start_year is not None
    if period.end_year is not None:
        assert (period.start_year, period.start_month or 0) <= (period.end_year, period.end_month or 13)
    else:
        assert period.is_ongoing


@settings(max_examples=examples(300), deadline=None)
@given(years, years)
def test_ranges_in_order_are_always_read(y1, y2):
    low, high = sorted((y1, y2))
    assert parse_label(f"{low}-{high}").edtf == f"{low}/{high}"


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    parse_label(text)
    split_any_label(text)
    for reader in (participants, amount_eur, age_range, duration_days, themes, organisations,
                   people, programmes):
        reader(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(["jeunes", "enfants", "élèves"]))
def test_a_count_in_digits_is_read_back(n, who):
    assert participants(f"accueil de {n} {who}").value == n
    assert read_number(str(n)) == n


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
def test_an_amount_with_french_thousands_is_read_back(n):
    written = f"{n:,}".replace(",", "\u00a0")
    assert amount_eur(f"à hauteur de {written}€ pour").value == n


# --- A fuzz of mutated pages ----------------------------------------------------------------

def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        kind = rng.choice(["delete", "duplicate", "swap", "chars"])
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(j, lines[i])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif lines[i]:
            chars = list(lines[i])
            for _ in range(rng.randint(1, 5)):
                chars[rng.randrange(len(chars))] = rng.choice("a:(),.•-0123456789 «»é\u00a0")
            lines[i] = "".join(chars)
    return "\n".join(lines) + "\n"


@pytest.mark.slow  # sixteen whole runs, each writing and validating a release (6 s)
@pytest.mark.parametrize("seed", range(16))
def test_a_mutated_page_succeeds_with_full_coverage_or_fails_cleanly(tmp_path, capsys, release_copy, seed):
    before = files_of(release_copy)
    page = tmp_path / "page.txt"
    page.write_text(mutate(PAGE, random.Random(seed)), encoding="utf-8")
    code = main(["run", "--source", str(page), "--output", str(release_copy)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if code == 0:
        report = json.loads((release_copy / "run-report.json").read_text(encoding="utf-8"))
        assert report["unassigned"] == [] or files_of(release_copy) == before
    else:
        assert code in (InputError.exit_code, ReleaseError.exit_code) and captured.err.startswith("erreur : ") and captured.err.count("\n") >= 1
        assert files_of(release_copy) == before


# --- Killed or interrupted runs leave the release as it was ----------------------------------

KILL_AT = {
    # stage -> the function to replace with a self-kill, in the module that defines it (the
    # run imports its stages when it starts them)
    "writing": "pipeline.emit.write_packages",
    "before-swap": "pipeline.release._swap",
}


@pytest.mark.slow
@pytest.mark.parametrize("stage", sorted(KILL_AT))
def test_a_run_killed_midway_leaves_the_release_unchanged(tmp_path, release_copy, stage):
    before = files_of(release_copy)
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("300 000€", "350 000€"), encoding="utf-8")  # a real change
    module, name = KILL_AT[stage].rsplit(".", 1)
    script = (
        "import os, signal, importlib\n"
        f"m = importlib.import_module({module!r})\n"
        f"real = m.{name}\n"
        "def killed(*a, **k):\n"
        "    if 'write' in real.__name__:\n"
        "        real(*a, **k)  # write everything, then die before anything else\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"m.{name} = killed\n"
        "from pipeline.cli import main\n"
        f"main(['run', '--source', {str(page)!r}, '--output', {str(release_copy)!r}])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert files_of(release_copy) == before


def test_ctrl_c_midway_leaves_the_release_unchanged_and_says_so(tmp_path, release_copy, capsys, monkeypatch):
    import pipeline.validate
    before = files_of(release_copy)
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("300 000€", "350 000€"), encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline.validate, "validate_staged", interrupted)
    assert main(["run", "--source", str(page), "--output", str(release_copy)]) == 130
    assert "interrompu : la publication précédente est inchangée" in capsys.readouterr().err
    assert files_of(release_copy) == before
    assert not [p for p in release_copy.parent.iterdir() if p.name.startswith(".release")]
