"""What publishing refuses before it sends anything, and where the key may go.

The publishing scenarios run against the real portals (tests/portals/); these need none:
a local server stands for the portal and must receive no request at all.
"""

import json
import shutil

import pytest

from pipeline.cli import main
from pipeline.errors import InputError, ReleaseError
from pipeline.http import KeyedSession
from pipeline.layout import ReleaseFile
from pipeline.publish import PORTALS
from pipeline.publish.base import describe
from pipeline.publish.bundle import LocalFile, verified_copy

from .fake_portals import Recorder, send
from .http_server import Server
from .portals.releases import build

KEY = "test-key-not-a-secret"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return build(tmp_path_factory.mktemp("publish") / "release")


@pytest.fixture
def release(written, tmp_path):
    """A copy of a release the pipeline wrote, to tamper with."""
    return shutil.copytree(written, tmp_path / "release")


@pytest.fixture
def portal(monkeypatch):
    """Stands for a portal: it must be asked nothing."""
    monkeypatch.setenv("DATAGOUV_API_KEY", KEY)
    monkeypatch.setenv("CKAN_API_TOKEN", KEY)
    with Recorder("127.0.0.1") as server:
        yield server


def to_udata(portal, release, *extra):
    return main(["publish", "datagouv", "--api-url", f"{portal.url}/api/1", "--release",
                 str(release), *extra])


def refused(capsys, portal, code, returned, expected):
    err = capsys.readouterr().err
    assert returned == code and "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert expected in line, line
    assert KEY not in err and portal.requests == []
    return line


# --- the key ------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["abc\ndef", "clé-2024", "€uro", "two words", "tab\tkey"])
@pytest.mark.parametrize("portal_name", ["datagouv", "ckan"])
def test_a_key_no_header_can_carry_is_refused_before_any_request(key, portal_name, portal, release,
                                                                   monkeypatch, capsys):
    variable = PORTALS[portal_name].key_variable
    monkeypatch.setenv(variable, key)
    where = ["--api-url", f"{portal.url}/api/1"] if portal_name == "datagouv" else ["--url", portal.url]
    returned = main(["publish", portal_name, *where, "--release", str(release)])
    line = refused(capsys, portal, InputError.exit_code, returned, f"{variable} contient un caractère qu'une clé d'API ne peut avoir")
    assert key not in line


@pytest.mark.parametrize("url, shown", [
    ("http://demo.data.gouv.fr/api/1", "http://demo.data.gouv.fr/api/1 : la clé d'API circulerait en clair ; donner une adresse https://"),
    ("ftp://example.org/api", "ftp://example.org/api : pas une adresse d'API ; donner https://hôte/…"),
    ("https://user:s3cret@example.org/api/1", "https://example.org/api/1 : pas une adresse d'API"),
    ("https://[zz/api/1", "https://[zz/api/1 : pas une adresse d'API"),
    ("https://example.org:99999/api/1", "https://example.org:99999/api/1 : pas une adresse d'API"),
])
def test_an_api_address_the_key_must_not_travel_to(url, shown, portal, release, capsys):
    """Refused before any request, in one line that never shows a password."""
    returned = main(["publish", "datagouv", "--api-url", url, "--release", str(release)])
    line = refused(capsys, portal, InputError.exit_code, returned, shown)
    assert "s3cret" not in line


def test_yes_without_a_key_is_refused_before_any_request(portal, release, monkeypatch, capsys):
    monkeypatch.delenv("DATAGOUV_API_KEY")
    refused(capsys, portal, InputError.exit_code, to_udata(portal, release, "--yes"),
            "clé absente : définir la variable d'environnement DATAGOUV_API_KEY pour publier")


@pytest.mark.parametrize("header", ["X-API-KEY", "Authorization"])
def test_the_key_goes_to_the_api_and_not_along_a_redirect(header):
    """requests drops Authorization on a redirect to another host, not X-API-KEY: the
    session drops both as soon as a redirect leaves the API's scheme, host and port."""
    with Recorder("127.0.0.2") as elsewhere, Server() as api:
        api.fallback = lambda handler, method, path: send(
            handler, 302, b"", headers=[("Location", f"{elsewhere.url}/landing")])
        session = KeyedSession(f"{api.url}/api/1", header, KEY, "KEY")
        session.get(f"{api.url}/api/1/datasets/x/", timeout=10)
        session.get(f"{elsewhere.url}/direct", headers={header: "smuggled"}, timeout=10)
    (_, _, sent), = api.requests
    assert sent.get(header) == KEY
    assert [p for _, p, _ in elsewhere.requests] == ["/landing", "/direct"]
    assert all(header not in headers and "Authorization" not in headers
               for _, _, headers in elsewhere.requests)


# --- the release: a consistent copy of what the pipeline wrote ----------------------------

def test_an_edited_dictionary_is_not_published(portal, release, capsys):
    readme = release / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\n<script>x</script>\n", encoding="utf-8")
    refused(capsys, portal, ReleaseError.exit_code, to_udata(portal, release),
            "README.md : diffère de son sha256 dans SHA256SUMS")


def _edit_csv_keeping_its_hashes(release, name, edit):
    """Edit a CSV file and recompute its descriptor's hash and size and the release's
    SHA256SUMS, as someone covering their tracks would: only the deeper checks remain."""
    import hashlib
    from pipeline.layout import Layout, format_checksums
    csv = release / "csv" / name
    csv.write_text(edit(csv.read_text(encoding="utf-8")), encoding="utf-8")
    descriptor_path = release / "csv" / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["path"] == name)
    content = csv.read_bytes()
    resource["hash"], resource["bytes"] = "sha256:" + hashlib.sha256(content).hexdigest(), len(content)
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    sums = Layout(release).checksums
    sums.write_text(format_checksums({
        p.relative_to(release).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in release.rglob("*") if p.is_file() and p != sums}), encoding="utf-8")


def test_a_csv_cell_edited_with_its_hashes_recomputed_is_not_published(portal, release, capsys):
    """The descriptor and the checksums agree with the edited file, but the packages no
    longer agree."""
    _edit_csv_keeping_its_hashes(release, "partners.csv", lambda t: t.replace("Allemagne", "Autriche", 1))
    refused(capsys, portal, ReleaseError.exit_code, to_udata(portal, release),
            "la table partners ne contient pas les mêmes enregistrements que le paquet csv ; la publication a été modifiée après son écriture : l'écrire à nouveau avec `python -m pipeline run`")


def test_a_file_that_does_not_validate_is_not_published(portal, release, capsys):
    _edit_csv_keeping_its_hashes(release, "actions.csv", lambda t: "action_id\nx\n")
    refused(capsys, portal, ReleaseError.exit_code, to_udata(portal, release), "n'est pas valide (")


def test_a_symbolic_link_in_the_release_is_refused(portal, release, capsys, tmp_path):
    (tmp_path / "elsewhere.txt").write_text("not the release's", encoding="utf-8")
    (release / "source" / "ivry-jumelages.txt").unlink()
    (release / "source" / "ivry-jumelages.txt").symlink_to(tmp_path / "elsewhere.txt")
    refused(capsys, portal, ReleaseError.exit_code, to_udata(portal, release), "un lien symbolique dans la publication ; seul un dossier écrit par le programme est publié")


def test_a_release_whose_run_recorded_no_hashes_is_not_published(portal, release, capsys):
    (release / "SHA256SUMS").unlink()
    refused(capsys, portal, ReleaseError.exit_code, to_udata(portal, release),
            "SHA256SUMS : absent (une publication écrite par une version plus ancienne du programme, ou modifiée) : l'écrire à nouveau avec `python -m pipeline run`")


def test_an_unknown_format(portal, release, capsys):
    refused(capsys, portal, ReleaseError.exit_code, to_udata(portal, release, "--formats", "csv,xml"),
            "format(s) inconnu(s) : xml ; choisir parmi")


def test_only_the_chosen_packages_and_every_view(release):
    """--formats parquet: no CSV table, only the Parquet package's archive; the workbook,
    the database's archive and the documentation whatever the formats."""
    with verified_copy(release, ("parquet",)) as bundle:
        keys = [f.key for f in bundle.files]
    assert keys == ["xlsx/ivry-jumelages.xlsx", "zip/ivry-jumelages-parquet.zip",
                    "zip/ivry-jumelages-sqlite.zip", "source/ivry-jumelages.txt", "README.md",
                    "index.html"]


# --- what the description names -----------------------------------------------------------

def test_the_description_names_the_files_on_the_portal_and_only_them(release):
    with verified_copy(release, ("csv", "parquet", "json")) as bundle:
        shown = [f for f in bundle.files if "parquet" not in f.key and f.key != "index.html"]
        text = describe(bundle, shown)
    assert "- **Tables en CSV** : Partenaires, Actions, Programmes, Actions et programmes, " \
           "Organisations," in text
    # the empty tables are said once, as what the complete packages alone hold
    assert "Sans ligne dans cette version, donc seulement dans les paquets complets : " \
           "Partenaires et programmes, Partenaires et personnes." in text
    assert "- **Paquet CSV complet (zip)** :" in text and "- **Paquet JSON complet (zip)** :" in text
    assert "Parquet" not in text and "index.html" not in text and "Présentation" not in text
    assert "- **Classeur (tableur)** :" in text and "- **Dictionnaire des données** :" in text
    assert text.index("Classeur") < text.index("Base de données SQLite (zip)") \
        < text.index("Tables en CSV") < text.index("Paquet CSV complet") < text.index("Dictionnaire")
    assert "- **Version** : 1.0.0." in text and "instantané du 20" in text
    assert "Contact" not in text  # city.toml gives no e-mail address


def test_the_description_holds_no_text_of_the_page(release):
    """The page's words (escaped or not) never reach a portal's Markdown description."""
    page = (release / "source" / "ivry-jumelages.txt").read_text(encoding="utf-8")
    with verified_copy(release, ("csv",)) as bundle:
        text = describe(bundle, bundle.files)
    sentences = [line for line in page.splitlines() if len(line) > 60]
    assert sentences and not any(sentence in text for sentence in sentences)


def test_a_file_of_a_kind_a_portal_refuses_is_left_out_or_sent_as_text():
    from pathlib import Path

    from pipeline.publish.datagouv import DataGouv
    portal = DataGouv("http://127.0.0.1:9/api/1")
    file = lambda path: LocalFile(ReleaseFile(path, "documentation", "", "", "", ""), Path(path))  # noqa: E731
    accepted = {"csv", "txt", "json"}
    assert portal._upload_name(file("README.md"), "README.md", accepted) == ("README.txt", "")
    assert portal._upload_name(file("p/a.parquet"), "a.parquet", accepted) == \
        ("a.parquet", "le portail n'accepte pas les fichiers .parquet")
    assert portal._upload_name(file("p/a.parquet"), "a.parquet", None) == ("a.parquet", "")
