"""Folders and releases that are not what they should be, and commands at the same time.
Each attack is a row: the folder as the test leaves it, the command, and what must hold:
the exit status, the one line on standard error, and every file exactly as it was."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import ReleaseError
from pipeline.layout import locked

from .conftest import ROOT, SNAPSHOT
from .security import (
    HANG, as_unprivileged, cli, error_line, file_size_limit, read_only, tree, writable_again,
)

pytestmark = pytest.mark.slow

PAGE = SNAPSHOT.read_text(encoding="utf-8")
UNTRUSTED = ("la publication de {release} a été modifiée après son écriture (à la main ?), elle "
             "n'est donc pas fiable. À faire : la restaurer (git checkout -- du dossier, ou sa copie "
             "publiée), ou l'écrire à nouveau avec `python -m pipeline run`")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """A release written by this code (with its SHA256SUMS), from the project's snapshot."""
    out = tmp_path_factory.mktemp("made") / "release"
    done = cli("run", "--output", str(out), "--first-release")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def release(made, tmp_path) -> Path:
    copy = tmp_path / "release"
    shutil.copytree(made, copy, symlinks=True)
    return copy


# --- Only a folder this project wrote is ever replaced ----------------------------------------

def _beside(name: str, content: bytes | None = b"mine"):
    def make(release: Path) -> Path:
        path = release / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
        return release
    return make


def _link_inside(release: Path) -> Path:
    (release / "csv" / "extra").symlink_to("/etc")
    return release


def _descriptor_only(release: Path) -> Path:
    folder = release.parent / "documents"
    (folder / "x").mkdir(parents=True)
    (folder / "x" / "datapackage.json").write_text("{}")
    (folder / "letter.txt").write_text("keep me")
    return folder


def _users_files_under_release_names(release: Path) -> Path:
    """A user's folder that only holds names a release writes (a descriptor, a README)."""
    folder = release.parent / "mine"
    (folder / "csv").mkdir(parents=True)
    (folder / "csv" / "datapackage.json").write_text('{"name": "mine", "resources": []}')
    (folder / "README.md").write_text("# My notes")
    return folder


def _symlink(release: Path) -> Path:
    link = release.parent / "link"
    link.symlink_to(release)
    return link


def _a_file(release: Path) -> Path:
    path = release.parent / "file.txt"
    path.write_text("mine")
    return path


REFUSED = " ; il n'est pas remplacé : déplacer cela ailleurs, puis relancer"
# id, the output made from a copy of a release, extra options, the reason after "erreur : <output>: "
FOLDERS = [
    ("a user's file beside the release", _beside("notes.txt"), (),
     "contient notes.txt, qu'aucune publication n'écrit" + REFUSED),
    ("the same with --first-release", _beside("notes.txt"), ("--first-release",),
     "contient notes.txt, qu'aucune publication n'écrit" + REFUSED),
    ("a user's file inside a package", _beside("csv/budget.xlsx"), (),
     "contient csv/budget.xlsx, qu'aucune publication n'écrit" + REFUSED),
    ("a user's folder", _beside("photos", None), (), "contient photos/, qu'aucune publication n'écrit" + REFUSED),
    ("a hidden file", _beside(".DS_Store"), (), "contient .DS_Store, qu'aucune publication n'écrit" + REFUSED),
    ("a symbolic link inside", _link_inside, (), "contient csv/extra (un lien symbolique), qu'aucune publication n'écrit" + REFUSED),
    ("one */datapackage.json among a user's files", _descriptor_only, (),
     "contient letter.txt, x/, qu'aucune publication n'écrit" + REFUSED),
    ("a user's README and descriptor, with --first-release", _users_files_under_release_names,
     ("--first-release",), "existe et n'a pas été écrit par ce programme (ni changelog.json ni "
     "run-report.json à côté de ses paquets) ; il n'est pas remplacé : choisir un autre --output"),
    ("a symbolic link as --output", _symlink, (), "est un lien symbolique (vers {release}) : donner le "
     "dossier lui-même en --output, pour que le lien ne soit ni remplacé ni suivi à moitié ; aucune "
     "publication n'y est écrite : choisir un autre --output"),
    ("a file as --output", _a_file, (), "existe et n'est pas un dossier ; il n'est pas remplacé : choisir un autre --output"),
    ("a folder inside a release", lambda r: r / "csv" / "new", (), "est dans la publication {release} ; "
     "aucune publication n'y est écrite : choisir un autre --output"),
]


@pytest.mark.parametrize("name, make, options, reason", FOLDERS, ids=[f[0] for f in FOLDERS])
def test_only_a_folder_this_project_wrote_is_replaced(release, name, make, options, reason):
    output = make(release)
    before = tree(release.parent)
    done = cli("run", "--output", str(output), *options)
    assert done.returncode == ReleaseError.exit_code
    assert error_line(done) == f"erreur : {output} : {reason.format(release=release)}"
    assert tree(release.parent) == before


@pytest.mark.parametrize("output, reason", [
    ("/", "est la racine du système de fichiers"),
    (str(ROOT), "est le dossier du projet lui-même"),
    (str(ROOT.parent), "est le dossier du projet lui-même ou le contient"),
    (str(ROOT / "raw" / "out"), "est dans raw/, où sont gardés les instantanés de la page"),
    (str(ROOT / "raw"), "est dans raw/, où sont gardés les instantanés de la page"),
    (str(Path.home()), "est un dossier personnel"),
])
def test_places_that_are_never_a_release(output, reason):
    before = tree(ROOT / "raw")
    done = cli("run", "--output", output, "--first-release")
    assert done.returncode == ReleaseError.exit_code
    assert error_line(done) == f"erreur : {output} : {reason} ; aucune publication n'y est écrite : choisir un autre --output"
    assert tree(ROOT / "raw") == before


def test_a_release_this_code_wrote_is_replaced_and_holds_only_its_files(release, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("chiffré à 300 000€", "chiffré à 350 000€"), encoding="utf-8")
    done = cli("run", "--source", str(page), "--output", str(release))
    assert done.returncode == 0, done.stderr
    sums = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {line.split("  ", 1)[1] for line in sums}
    assert listed == {p.relative_to(release).as_posix() for p in release.rglob("*")
                      if p.is_file() and p.name != "SHA256SUMS"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock-release", "page.txt", "release"]


# --- A previous release edited by hand ----------------------------------------------------

def _edit(name: str, old: str | None, new: str):
    def make(release: Path) -> Path:
        path = release / name
        if old is None:
            path.write_text(new, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path
    return make


def _remove(name: str):
    def make(release: Path) -> Path:
        (release / name).unlink()
        return release / name
    return make


def _legacy(edit):
    """A release made before SHA256SUMS existed, then edited."""
    def make(release: Path) -> Path:
        (release / "SHA256SUMS").unlink()
        return edit(release)
    return make


# id, the edit (returns the file named in the message), the problem after "erreur : <file>: "
EDITED = [
    ("a CSV cell", _edit("csv/actions.csv", "300 000", "900 000"), "diffère de son sha256 dans SHA256SUMS"),
    ("CHANGELOG.md", _edit("CHANGELOG.md", "Première publication.", "Rien."), "diffère de son sha256 dans SHA256SUMS"),
    ("changelog.json", _edit("changelog.json", '"1.0.0"', '"7.0.0"'), "diffère de son sha256 dans SHA256SUMS"),
    ("run-report.json", _edit("run-report.json", '"warnings"', '"warnings_"'), "diffère de son sha256 dans SHA256SUMS"),
    ("a version field", _edit("json/datapackage.json", '"version": "1.0.0"', '"version": "9.9.9"'),
     "diffère de son sha256 dans SHA256SUMS"),
    ("a missing file", _remove("parquet/actions.parquet"), "absent"),
    ("a broken changelog.json", _edit("changelog.json", None, "{oops"), "diffère de son sha256 dans SHA256SUMS"),
    ("a broken SHA256SUMS", _edit("SHA256SUMS", None, "deadbeef  csv/actions.csv\n"),
     'la ligne 1 n\'est pas "<sha256>  <chemin dans la publication>" ; cette publication a été modifiée '
     "à la main et n'est pas fiable : la restaurer (git checkout -- du dossier, ou sa copie publiée), ou "
     "l'écrire à nouveau avec `python -m pipeline run`"),
    ("SHA256SUMS naming ../", _edit("SHA256SUMS", None, "0" * 64 + "  ../../etc/passwd\n"),
     'la ligne 1 n\'est pas "<sha256>  <chemin dans la publication>" ; cette publication a été modifiée '
     "à la main et n'est pas fiable : la restaurer (git checkout -- du dossier, ou sa copie publiée), ou "
     "l'écrire à nouveau avec `python -m pipeline run`"),
    ("older release: a CSV cell", _legacy(_edit("csv/actions.csv", "300 000", "900 000")),
     "sha256 differs from the descriptor's"),
    ("older release: a broken changelog.json", _legacy(_edit("changelog.json", None, "{oops")),
     "JSON invalide (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
    ("older release: a broken run-report.json", _legacy(_edit("run-report.json", None, "[]")),
     "ne dit aucune version"),
    ("older release: no changelog.json", _legacy(_remove("changelog.json")), "absent"),
    ("older release: a changelog.json of another shape", _legacy(_edit("changelog.json", None, '{"releases": [{}]}')),
     "pas un journal des changements de ce programme"),
    ("older release: a version that is not x.y.z", _legacy(_edit("csv/datapackage.json", '"version": "1.0.0"', '"version": "1.0.x"')),
     "la version '1.0.x' n'est pas x.y.z"),
    ("older release: one version edited", _legacy(_edit("csv/datapackage.json", '"version": "1.0.0"', '"version": "1.0.7"'))),
]
EDITED[-1] = (*EDITED[-1], "ses fichiers ne disent pas la même version (csv/datapackage.json 1.0.7, "
              "json/datapackage.json 1.0.0, parquet/datapackage.json 1.0.0, changelog.json 1.0.0, "
              "run-report.json 1.0.0)")


@pytest.mark.parametrize("name, edit, problem", EDITED, ids=[e[0] for e in EDITED])
@pytest.mark.parametrize("command", ["run", "run --previous", "diff"])
def test_an_edited_release_is_not_trusted_and_is_left_as_it_was(release, tmp_path, name, edit, problem, command):
    named = edit(release)
    if name == "older release: one version edited":
        named = release
    before = tree(release)
    if command == "run":
        done = cli("run", "--output", str(release))
    elif command == "run --previous":
        done = cli("run", "--output", str(tmp_path / "new"), "--previous", str(release))
    else:
        done = cli("diff", str(release), str(release))
    assert done.returncode == ReleaseError.exit_code
    line = error_line(done)
    if "modifiée à la main et n'est pas fiable" in problem:
        assert line == f"erreur : {named} : {problem}"
    else:
        assert line == f"erreur : {named} : {problem} : " + UNTRUSTED.format(release=release)
    assert tree(release) == before
    assert not (tmp_path / "new").exists()


def test_a_descriptor_pointing_outside_its_package_is_refused(release):
    (release / "SHA256SUMS").unlink()
    descriptor = release / "json" / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["resources"][0]["path"] = "../../../../etc/passwd"
    descriptor.write_text(json.dumps(data), encoding="utf-8")
    before = tree(release)
    for args in (("run", "--output", str(release)), ("diff", str(release), str(release)),
                 ("validate", str(release))):
        done = cli(*args)
        assert done.returncode == ReleaseError.exit_code
        assert error_line(done).startswith(f"erreur : {descriptor}: resource 'partners' has path "
                                           "'../../../../etc/passwd', not a file of the package's folder")
    assert tree(release) == before


def test_validate_finds_an_edited_view(release):
    (release / "index.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    done = cli("validate", str(release))
    assert done.returncode == ReleaseError.exit_code
    assert error_line(done).startswith(f"erreur : {release / 'index.html'} : diffère de son sha256 dans SHA256SUMS. "
                                       "À faire : restaurer la publication")


# --- The disk ---------------------------------------------------------------------------------

ENOSPC_AT_THE_LAST_WRITE = """
import errno, os, pathlib, sys
real = pathlib.Path.write_text
def full(self, *args, **kwargs):
    if self.name == "SHA256SUMS":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
    return real(self, *args, **kwargs)
pathlib.Path.write_text = full
from pipeline.cli import main
sys.exit(main({args!r}))
"""


@pytest.mark.parametrize("fault, where", [
    ("a file over 20 kB fails", "(File too large"),
    ("only the database fails (SQLite's own error)", "(SQLite: "),
    ("the disk is full at the last file", "No space left on device : SHA256SUMS"),
])
def test_a_full_disk_leaves_the_previous_release(release, tmp_path, fault, where):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("chiffré à 300 000€", "chiffré à 350 000€"), encoding="utf-8")
    before = tree(release)
    args = ["run", "--source", str(page), "--output", str(release)]
    if fault.startswith("a file"):
        done = cli(*args, preexec=file_size_limit(20_000))
    elif fault.startswith("only"):
        done = cli(*args, preexec=file_size_limit(200_000))  # past every file but the database (about 350 kB)
    else:
        done = cli(script=ENOSPC_AT_THE_LAST_WRITE.format(args=args))
    assert done.returncode == ReleaseError.exit_code
    line = error_line(done)
    assert line.startswith(f"erreur : {release} : la nouvelle publication n'a pas pu être écrite (") and where in line
    assert line.endswith(") ; la précédente est inchangée : corriger la cause (place, droits), puis relancer")
    assert tree(release) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock-release", "page.txt", "release"]


@pytest.mark.parametrize("which, reason", [
    ("output", "est en lecture seule"), ("parent", "est dans un dossier en lecture seule"),
])
def test_a_read_only_output(release, tmp_path, which, reason):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("chiffré à 300 000€", "chiffré à 350 000€"), encoding="utf-8")
    (tmp_path / ".lock-release").touch()  # a lock file left by an earlier command
    if which == "output":
        read_only(release)
    else:
        tmp_path.chmod(0o555)
    before = tree(tmp_path)
    try:
        done = cli("run", "--source", str(page), "--output", str(release), **as_unprivileged())
        after = tree(tmp_path)
    finally:
        writable_again(tmp_path)
    assert done.returncode == ReleaseError.exit_code
    assert error_line(done) == f"erreur : {release} : {reason} ; la publication est laissée telle quelle : donner le droit d'écrire, ou choisir un autre --output"
    assert after == before


# --- Two commands at once ---------------------------------------------------------------------

SLOW_RUN = """
import pathlib, sys, time
import pipeline.validate as validate
real = validate.validate_staged
def slow(*args, **kwargs):
    pathlib.Path({marker!r}).write_text("inside")  # the lock is held from here on
    time.sleep({seconds})
    return real(*args, **kwargs)
validate.validate_staged = slow  # the run imports it when it starts the stage
from pipeline.cli import main
sys.exit(main({args!r}))
"""


def _start_slow_run(args: list[str], marker: Path, seconds: float) -> subprocess.Popen:
    script = SLOW_RUN.format(marker=str(marker), seconds=seconds, args=args)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    for _ in range(HANG * 10):
        if marker.exists() or process.poll() is not None:
            break
        time.sleep(0.1)
    assert marker.exists(), process.communicate()
    return process


def _page(tmp_path: Path, name: str, amount: str) -> Path:
    page = tmp_path / name
    page.write_text(PAGE.replace("chiffré à 300 000€", f"chiffré à {amount}€"), encoding="utf-8")
    return page


def test_two_runs_at_once_both_reach_the_history(release, tmp_path):
    first = _start_slow_run(["run", "--source", str(_page(tmp_path, "a.txt", "350 000")),
                             "--output", str(release)], tmp_path / "marker", 3)
    try:
        second = cli("run", "--source", str(_page(tmp_path, "b.txt", "360 000")), "--output", str(release))
        _out, err = first.communicate(timeout=HANG)
    finally:
        first.kill()
    assert first.returncode == 0, err
    assert second.returncode == 0, second.stderr
    assert "attente de la fin d'une autre commande sur" in second.stderr
    history = json.loads((release / "changelog.json").read_text(encoding="utf-8"))["releases"]
    assert [r["version"] for r in history] == ["1.0.2", "1.0.1", "1.0.0"]
    changed = [next(iter(r["changes"]["tables"]["actions"]["changed"].values()))["amount_eur"]
               for r in history[:2]]
    assert changed == [[350000, 360000], [300000, 350000]]


def test_a_reader_waits_for_the_run_and_sees_one_release(release, tmp_path):
    """publish takes the same lock (pipeline.layout.locked); validate and diff do too."""
    first = _start_slow_run(["run", "--source", str(_page(tmp_path, "a.txt", "350 000")),
                             "--output", str(release)], tmp_path / "marker", 3)
    try:
        with pytest.raises(ReleaseError, match=r"une autre commande tient encore son verrou .* après 0.5 s ; rien n'a été fait : relancer quand elle aura fini"), \
                locked(release, wait=0.5, writing=False):
            pass
        checked = cli("validate", str(release))
        first.communicate(timeout=HANG)
    finally:
        first.kill()
    assert checked.returncode == 0, checked.stderr
    assert first.returncode == 0
    assert json.loads((release / "json" / "datapackage.json").read_text())["version"] == "1.0.1"


def test_a_killed_run_leaves_no_lock_behind(release, tmp_path):
    first = _start_slow_run(["run", "--source", str(_page(tmp_path, "a.txt", "350 000")),
                             "--output", str(release)], tmp_path / "marker", 60)
    before = tree(release)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=HANG)
    assert tree(release) == before
    with locked(release, wait=0.5):
        pass
    done = cli("run", "--source", str(tmp_path / "a.txt"), "--output", str(release))
    assert done.returncode == 0, done.stderr and "waiting" not in done.stderr
