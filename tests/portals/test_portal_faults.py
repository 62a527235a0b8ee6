"""Faults a real portal cannot be asked for, injected between the publisher and the real
portals: each gives one clear line and a non-zero exit, never a traceback, and a run cut
short is finished by the same command without duplicating anything."""

import uuid
from collections import Counter

import pytest

from pipeline.schemas import table_names
import requests

from pipeline.cli import main
from pipeline.errors import NetworkError, PortalError

from ..fake_portals import FaultyPortal, Recorder, html, redirect_to, status

pytestmark = pytest.mark.portals


def udata_command(proxy, name, release):
    return ["publish", "datagouv", "--api-url", f"{proxy.url}/api/1", "--dataset", name,
            "--release", str(release)]


def ckan_command(proxy, name, release):
    return ["publish", "ckan", "--url", proxy.url, "--dataset", name, "--release", str(release),
            "--organization", proxy.organization]


@pytest.fixture
def udata(udata_portal, monkeypatch):
    monkeypatch.setenv("DATAGOUV_API_KEY", udata_portal.key)
    with FaultyPortal(udata_portal.url) as proxy:
        yield proxy


@pytest.fixture
def ckan(ckan_portal, monkeypatch):
    monkeypatch.setenv("CKAN_API_TOKEN", ckan_portal.key)
    with FaultyPortal(ckan_portal.url) as proxy:
        proxy.organization = ckan_portal.organization
        yield proxy


def one_line_error(capsys, code, expected):
    err = capsys.readouterr().err
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("erreur : ") and expected in line, line
    return line


def name():
    return f"faults-{uuid.uuid4().hex[:8]}"


def udata_resources(portal, dataset_name):
    api = portal.api
    organization_datasets = requests.get(f"{api}/datasets/", params={"owner": _me(portal)},
                                         timeout=30).json()["data"]
    (found,) = [d for d in organization_datasets if d["extras"].get("publish:dataset") == dataset_name]
    return requests.get(f"{api}/datasets/{found['id']}/", timeout=30).json()["resources"]


def _me(portal):
    return requests.get(f"{portal.api}/me/", headers={"X-API-KEY": portal.key}, timeout=30).json()["id"]


def test_udata_500_on_the_sixth_upload_then_the_same_command_finishes(udata, udata_portal, releases,
                                                                     capsys):
    dataset = name()
    udata.fault = lambda method, path, uploads: status(500) if uploads == 6 else None
    assert main([*udata_command(udata, dataset, releases[0]), "--yes"]) == NetworkError.exit_code
    line = one_line_error(capsys, NetworkError.exit_code, "réponse 500 à POST")
    assert "déjà fait sur le portail : créer le jeu de données : 1, envoyer : 5" in line
    assert len(udata_resources(udata_portal, dataset)) == 5
    udata.fault = lambda method, path, uploads: None
    assert main([*udata_command(udata, dataset, releases[0]), "--yes"]) == 0
    keys = Counter(r["extras"]["publish:path"] for r in udata_resources(udata_portal, dataset))
    # every file once, none twice: the workbook, the CSV of each table but the two empty
    # ones, the four archives, the page's text and the dictionary (stock udata takes no .html)
    assert len(keys) == 1 + len(table_names()) - 2 + 4 + 2 and set(keys.values()) == {1}


def test_ckan_500_on_the_fourth_upload_then_the_same_command_finishes(ckan, ckan_portal, releases,
                                                                     capsys):
    dataset = name()
    ckan.fault = lambda method, path, uploads: status(500) if uploads == 4 else None
    assert main([*ckan_command(ckan, dataset, releases[0]), "--yes"]) == NetworkError.exit_code
    one_line_error(capsys, NetworkError.exit_code, "réponse 500 à resource_create ; publier de nouveau plus tard")
    ckan.fault = lambda method, path, uploads: None
    assert main([*ckan_command(ckan, dataset, releases[0]), "--yes"]) == 0
    package = requests.get(f"{ckan_portal.url}/api/3/action/package_show",
                           params={"id": dataset}, timeout=30).json()["result"]
    keys = Counter(r["publish_path"] for r in package["resources"])
    assert len(keys) == 1 + len(table_names()) - 2 + 4 + 3 and set(keys.values()) == {1}  # the page too


@pytest.mark.parametrize("portal", ["udata", "ckan"])
def test_a_file_too_large_for_the_portal(portal, request, releases, capsys):
    proxy = request.getfixturevalue(portal)
    proxy.fault = lambda method, path, uploads: status(413, b"<html>Too large</html>") \
        if uploads == 1 else None
    command = udata_command if portal == "udata" else ckan_command
    assert main([*command(proxy, name(), releases[0]), "--yes"]) == PortalError.exit_code
    one_line_error(capsys, PortalError.exit_code, "fichier trop gros pour le portail (413) ; demander à son administrateur d'en relever la limite")


def test_an_upload_the_portal_did_not_store_as_sent(udata, releases, capsys):
    def wrong_checksum(method, path, uploads):
        if not path.endswith("/upload/"):
            return None
        return lambda handler, answer: udata.rewrite(
            lambda body: {**body, "checksum": {"type": "sha1", "value": "0" * 40}}, handler, answer)
    udata.fault = wrong_checksum
    assert main([*udata_command(udata, name(), releases[0]), "--yes"]) == PortalError.exit_code
    one_line_error(capsys, PortalError.exit_code,
                   "ivry-jumelages.xlsx, envoyé, diffère du fichier local (somme de contrôle) ; publier de nouveau")


@pytest.mark.parametrize("portal", ["udata", "ckan"])
def test_a_web_page_instead_of_json(portal, request, releases, capsys):
    proxy = request.getfixturevalue(portal)
    proxy.fault = lambda method, path, uploads: html
    command = udata_command if portal == "udata" else ckan_command
    assert main(command(proxy, name(), releases[0])) == PortalError.exit_code
    one_line_error(capsys, PortalError.exit_code, "est une page web")


def test_udata_json_without_an_id(udata, udata_portal, releases, capsys, monkeypatch):
    dataset = name()
    assert main([*udata_command(udata, dataset, releases[0]), "--yes"]) == 0
    capsys.readouterr()

    def no_id(method, path, uploads):
        if method == "GET" and path.startswith("/api/1/datasets/") and "extensions" not in path \
                and "?" not in path:
            return lambda handler, answer: udata.rewrite(
                lambda body: {k: v for k, v in body.items() if k != "id"}, handler, answer)
        return None
    udata.fault = no_id
    assert main(udata_command(udata, dataset, releases[0])) == PortalError.exit_code
    one_line_error(capsys, PortalError.exit_code, "le jeu de données sans id")


def test_ckan_json_without_an_id(ckan, releases, capsys):
    ckan.fault = lambda method, path, uploads: (lambda handler, answer: ckan.rewrite(
        lambda body: {"success": True, "result": {"name": "x"}}, handler, answer))
    assert main(ckan_command(ckan, name(), releases[0])) == PortalError.exit_code
    one_line_error(capsys, PortalError.exit_code, "le jeu de données sans id")


@pytest.mark.parametrize("checksum, replaced", [
    ({"type": "crc", "value": "1234"}, True),  # udata's crc, not this file's
    ({"type": "sha2", "value": "ab" * 64}, True),  # udata's sha2 (SHA-512 here), not this file's
    ({"type": "whirlpool", "value": "00"}, True),  # a type udata does not have
])
def test_a_checksum_of_udatas_other_types_does_not_stop_publish(udata, releases, capsys, checksum,
                                                                 replaced):
    """udata's CHECKSUM_TYPES include sha2 and crc: a resource carrying one (or a type the
    publisher cannot compute) is compared when it can be, else sent again; never refused."""
    dataset = name()
    assert main([*udata_command(udata, dataset, releases[0]), "--yes"]) == 0
    capsys.readouterr()

    def rewrite(body):
        for resource in body.get("resources", []) if isinstance(body, dict) else []:
            resource["checksum"] = dict(checksum)
        return body
    udata.fault = lambda method, path, uploads: (
        (lambda handler, answer: udata.rewrite(rewrite, handler, answer))
        if method == "GET" and "/datasets/" in path and "?" not in path else None)
    assert main(udata_command(udata, dataset, releases[0])) == 0
    out = capsys.readouterr().out
    assert ("remplacer le fichier" in out) is replaced, out
    udata.fault = lambda method, path, uploads: None
    assert main([*udata_command(udata, dataset, releases[0]), "--yes"]) == 0  # the real sha1s again


@pytest.mark.parametrize("portal, header", [("udata", "X-API-KEY"), ("ckan", "Authorization")])
@pytest.mark.parametrize("yes", [False, True])
def test_a_redirect_to_another_host_never_carries_the_key(portal, header, yes, request, releases,
                                                          capsys):
    proxy = request.getfixturevalue(portal)
    with Recorder() as elsewhere:
        proxy.fault = lambda method, path, uploads: redirect_to(f"{elsewhere.url}{path}")
        command = udata_command if portal == "udata" else ckan_command
        code = main([*command(proxy, name(), releases[0]), *(["--yes"] if yes else [])])
        assert code == PortalError.exit_code
        one_line_error(capsys, code, "renvoyé vers une autre adresse")
        assert elsewhere.requests  # the redirect was followed, without the key
        assert all(header.lower() not in {k.lower() for k in headers}
                   for _, _, headers in elsewhere.requests)
