"""The command line under bad input: one line, the right status, never a traceback. Each
attack is a row: what the user gives, the command, the status and the line."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import InputError, ReleaseError

from .conftest import ROOT, SNAPSHOT
from .security import cli, error_line, tree


@pytest.fixture
def city(tmp_path):
    """A town file the test writes, given with --town."""
    return tmp_path / "city.toml"


GOOD_CITY = (ROOT / "city.toml").read_text(encoding="utf-8")
CITIES = [
    ("not TOML", "[town\nname = ", "fichier de commune invalide (Expected ']' at the end of a table declaration"),
    ("no town", GOOD_CITY.replace("[town]", "[village]"), "fichier de commune invalide (unknown key 'village')"),
    ("a name that is a number", GOOD_CITY.replace('name = "Ivry-sur-Seine"', "name = 3"),
     "fichier de commune invalide (town.name: 3 is not a string)"),
    ("short names that are not a list", GOOD_CITY.replace('short_names = ["Ivry"]', 'short_names = "Ivry"'),
     "fichier de commune invalide (town.short_names: 'Ivry' is not a list)"),
    ("a stem that is a path", GOOD_CITY.replace('stem = "ivry-jumelages"', 'stem = "../../tmp/x"'),
     "fichier de commune invalide (release.stem: '../../tmp/x' is not of the form it must have (The stem"),
    ("not UTF-8", None, "fichier de commune invalide ("),
]


@pytest.mark.parametrize("name, text, message", CITIES, ids=[c[0] for c in CITIES])
@pytest.mark.parametrize("command", [["run", "--output", "{tmp}/out"], ["fetch", "--raw", "{tmp}/raw"],
                                     ["validate", "{tmp}"], ["diff", "{tmp}", "{tmp}"]])
def test_a_malformed_town_file_is_one_line(city, tmp_path, capsys, name, text, message, command):
    if text is None:
        city.write_bytes(GOOD_CITY.encode("utf-8").replace(b"Ivry-sur-Seine", b"Ivry-sur-Seine\xff"))
    else:
        city.write_text(text, encoding="utf-8")
    assert main([*(part.format(tmp=tmp_path) for part in command), "--town", str(city)]) == InputError.exit_code
    err = capsys.readouterr().err
    assert err.startswith(f"erreur : {city} : {message}") and err.count("\n") == 1, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.toml"]


def test_a_missing_town_file(city, tmp_path, capsys):
    assert main(["run", "--output", str(tmp_path / "out"), "--town", str(city)]) == InputError.exit_code
    assert capsys.readouterr().err == f"erreur : {city} : fichier introuvable (le fichier de la commune) ; vérifier --town\n"


@pytest.fixture
def big_page(tmp_path) -> Path:
    page = tmp_path / "big.txt"
    with page.open("wb") as out:  # a real page, then 6 MB of one more paragraph
        out.write(SNAPSHOT.read_bytes())
        out.write(b"x" * 6_000_000)
    return page


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    os.mkfifo(path)
    return path


# id, the source, extra options, the status, the line after "erreur : <source>: "
SOURCES = [
    ("a page over the default limit", "big", (), 1,
     "{size:,} octets, au-delà de la limite de 5,000,000 octets pour une page (--max-bytes) ; rien n'a été lu : vérifier le fichier, ou relever --max-bytes"),
    ("a page over --max-bytes", "snapshot", ("--max-bytes", "1000"), 1,
     "{size:,} octets, au-delà de la limite de 1,000 octets pour une page (--max-bytes) ; rien n'a été lu : vérifier le fichier, ou relever --max-bytes"),
    ("a device", "/dev/zero", (), 1, "pas un fichier ordinaire (un périphérique, un tube ?) ; donner le fichier d'un instantané de la page"),
    ("a named pipe nobody writes", "fifo", (), 1,
     "pas un fichier ordinaire (un périphérique, un tube ?) ; donner le fichier d'un instantané de la page"),
]


@pytest.mark.slow
@pytest.mark.parametrize("name, source, options, code, message", SOURCES, ids=[s[0] for s in SOURCES])
def test_a_source_that_is_no_page_is_refused_before_it_is_read(tmp_path, big_page, name, source, options,
                                                              code, message):
    path = {"big": big_page, "snapshot": SNAPSHOT, "fifo": _fifo(tmp_path) if source == "fifo" else None
            }.get(source) or Path(source)
    done = cli("run", "--source", str(path), "--output", str(tmp_path / "out"), *options)
    assert done.returncode == code
    size = path.stat().st_size if path.is_file() else 0
    expected = message.format(size=size)
    assert error_line(done) == f"erreur : {path} : {expected}"
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_run_max_bytes_lets_a_larger_page_through(tmp_path):
    done = cli("run", "--output", str(tmp_path / "out"), "--max-bytes", str(SNAPSHOT.stat().st_size),
               "--first-release")
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("args, code, message", [
    (["diff", "{tmp}/nowhere", "{tmp}/nowhere"], 3, "erreur : {tmp}/nowhere : pas un dossier de publication (aucun */datapackage.json) ; donner deux dossiers écrits par `python -m pipeline run`"),
    (["validate", "{tmp}/nowhere"], 3, "erreur : {tmp}/nowhere : aucun datapackage.json, ni dedans ni dans ses sous-dossiers ; donner un dossier écrit par `python -m pipeline run`"),
    (["run", "--previous", "{tmp}/nowhere", "--output", "{tmp}/out"], 3,
     "erreur : {tmp}/nowhere : pas un dossier de publication (aucun */datapackage.json) ; --previous nomme un dossier écrit par `python -m pipeline run`"),
    (["run", "--max-bytes", "-3"], 2, "python -m pipeline run: error: argument --max-bytes: -3 n'est pas un nombre d'octets positif"),
])
def test_bad_folders_and_options(tmp_path, args, code, message):
    done = cli(*[a.format(tmp=tmp_path) for a in args])
    assert done.returncode == code
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == message.format(tmp=tmp_path)


@pytest.mark.slow
def test_validate_a_broken_descriptor(tmp_path):
    release = tmp_path / "release"
    shutil.copytree(ROOT / "output", release)
    (release / "csv" / "datapackage.json").write_text("{broken", encoding="utf-8")
    before = tree(release)
    done = cli("validate", str(release))
    assert done.returncode == ReleaseError.exit_code
    assert error_line(done) == (f"erreur : {release / 'csv' / 'datapackage.json'} : JSON invalide (Expecting "
                                "property name enclosed in double quotes: line 1 column 2 (char 1))")
    assert tree(release) == before


@pytest.mark.parametrize("error, line", [
    (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/data/out/x.csv"), "erreur : /data/out/x.csv : No space left on device"),
    (PermissionError(errno.EACCES, os.strerror(errno.EACCES)), "erreur : Permission denied"),
    (OSError("something odd"), "erreur : something odd"),
])
def test_any_other_system_error_is_one_line(monkeypatch, capsys, error, line):
    """The last guard of the command line, for what no stage foresaw."""
    import pipeline.cli

    def failing(args):
        raise error
    monkeypatch.setattr(pipeline.cli, "_validate", failing)
    assert main(["validate", "."]) == 1
    assert capsys.readouterr().err == line + "\n"


def test_a_fault_of_the_program_is_one_line_without_the_pages_words(monkeypatch, capsys):
    """A bug that some page brings out (a KeyError on a name read from it) ends in one line
    naming the fault and the program's line, not the page's words; the traceback on request."""
    import pipeline.cli

    def failing(args):
        return {}["Brandebourg\x1b[2J"]
    monkeypatch.setattr(pipeline.cli, "_validate", failing)
    monkeypatch.delenv("PIPELINE_TRACEBACK", raising=False)
    assert main(["validate", "."]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("erreur interne : KeyError à pipeline/cli.py:")
    assert "Brandebourg" not in err and "PIPELINE_TRACEBACK=1" in err
    monkeypatch.setenv("PIPELINE_TRACEBACK", "1")
    with pytest.raises(KeyError):
        main(["validate", "."])
