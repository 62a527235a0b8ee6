"""Second round of hostile inputs (issue 22), each a family tried with several members:
secrets in the page's address (path parameters, query parameters nobody listed), and the
address's public form wherever it is written or shown. Servers listen on 127.0.0.1 only."""

from __future__ import annotations

import json

import pytest

from pipeline.escape import web_address
from pipeline.sources import public_url

from .conftest import ROOT, SNAPSHOT
from .html_pages import render
from .http_server import Server, page, status
from .security import cli, error_line, in_process, tree

HTML = render(SNAPSHOT.read_text(encoding="utf-8")).encode("utf-8")
QUICK = ("--timeout", "2", "--retries", "0")

# A secret under a name no deny-list would know, or in a path parameter: each value is
# unique so that it can be looked for in every byte written and shown.
SECRET_QUERIES = {
    "pass": "Pq1xSecretPass", "PHPSESSID": "Pq2xPhpSessid", "sessid": "Pq3xSessid",
    "code": "Pq4xOauthCode", "s": "Pq5xVbulletinS", "sid": "Pq6xSid", "state": "Pq7xState",
    "X-Amz-Credential": "Pq8xAmzCred", "ticket": "Pq9xCasTicket", "otp": "Pq10xOtp",
    "access_token": "Pq11xToken", "hash": "Pq12xHash", "u": "Pq13xUser",
}
SECRET_PATHS = {";jsessionid=": "Pp1xJsession", ";PHPSESSID=": "Pp2xPhp", "%3Bsid=": "Pp3xSid"}
SECRETS = [*SECRET_QUERIES.values(), *SECRET_PATHS.values(), "Pp4xPassword"]
LONG_ID = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJQcTE0eEp3dElkIn0.Pq14xJwtId"


def _secret_address(base: str) -> str:
    path = "".join(f"/a{marker}{value}" for marker, value in SECRET_PATHS.items())
    query = "&".join(f"{name}={value}" for name, value in SECRET_QUERIES.items())
    user = base.replace("://", "://ana:Pp4xPassword@")
    return f"{user}{path}/page.htm;x=1?page=2&{query}&id={LONG_ID}#frag"


def _clean(text: str | bytes | None) -> bool:
    if text is None:
        return True
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return not any(s in text for s in [*SECRETS, "Pq14xJwtId", "frag"])


@pytest.mark.parametrize("name", [*SECRET_QUERIES, "PhpSessId", "SESSION", "oauth_verifier",
                                  "sig", "apikey", "jwt", "key", "sso", "auth"])
def test_a_query_parameter_not_known_to_be_harmless_is_dropped(name):
    shown = public_url(f"https://h.example/p.htm?{name}=Secret123&lang=fr")
    assert shown == "https://h.example/p.htm?lang=fr"
    assert web_address(f"https://h.example/p.htm?lang=fr&{name}=Secret123") == shown


@pytest.mark.parametrize("address, shown", [
    ("https://h.example/p.htm;jsessionid=AB12", "https://h.example/p.htm"),
    ("https://h.example/a;s=1/b;PHPSESSID=x/p.htm", "https://h.example/a/b/p.htm"),
    ("https://h.example/p.htm%3bjsessionid=AB12?id=3", "https://h.example/p.htm?id=3"),
    ("https://h.example/p.htm;?page=2&page=3", "https://h.example/p.htm?page=2&page=3"),
    # a harmless name keeps only a short plain value
    ("https://h.example/p?id=" + "a" * 41, "https://h.example/p"),
    ("https://h.example/p?id=a%2Fb&lang=fr", "https://h.example/p?lang=fr"),
    ("https://u:pw@h.example:8443/p?Page=2#x", "https://h.example:8443/p?Page=2"),
])
def test_path_parameters_and_unknown_values_are_dropped(address, shown):
    assert public_url(address) == shown


def test_an_address_with_secrets_everywhere_reaches_no_file_and_no_message(tmp_path):
    """Fetch, run, a failed fetch and the refusal of a redirect: the request is made with
    the address as given, but no byte written nor line printed holds any of its secrets."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    with Server() as server:
        server.fallback = lambda handler, method, path: page(HTML)(handler)
        asked = _secret_address(server.url)
        done = cli("fetch", "--url", asked, "--raw", str(raw), *QUICK)
        assert done.returncode == 0, done.stderr
        # the request itself carried the whole address (the server needs its session)
        assert "Pp1xJsession" in server.requests[0][1]
        public = f"{server.url}/a/a/a/page.htm?page=2"
        assert done.stdout.startswith(f"Page {public} : nouvel instantané")
        (entry,) = json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["snapshots"]
        assert entry["url"] == public
        script = ("import sys, dataclasses, pipeline.config as c\n"  # the town's raw folder: raw
                  f"town = dataclasses.replace(c.config(), raw=__import__('pathlib').Path({str(raw)!r}))\n"
                  "c._default = lambda: town\n"
                  "from pipeline.cli import main\n"
                  f"sys.exit(main(['run', '--source', {asked!r}, '--output', {str(out)!r}, "
                  "'--first-release']))\n")
        ran = cli(script=script)
        assert ran.returncode == 0, ran.stderr
        server.fallback = lambda handler, method, path: status(404)(handler)
        failed = cli("fetch", "--url", asked, "--raw", str(tmp_path / "raw2"), *QUICK)
        assert failed.returncode == 4 and error_line(failed).startswith(f"erreur : {public} : le serveur a répondu 404 ")
    for folder in (raw, out):
        written = tree(folder)
        assert written
        for name, content in written.items():
            assert _clean(content), name
    for text in (done.stdout, done.stderr, ran.stdout, ran.stderr, failed.stdout, failed.stderr):
        assert _clean(text), text
    descriptors = list(out.glob("*/datapackage.json"))
    assert len(descriptors) == 3
    for descriptor in descriptors:
        assert json.loads(descriptor.read_text(encoding="utf-8"))["sources"][0]["path"] == public
    assert f'href="{public}"' in (out / "index.html").read_text(encoding="utf-8")
    assert f"<{public}>" in (out / "README.md").read_text(encoding="utf-8")


def test_a_hand_written_manifest_with_session_parameters_is_cited_without_them(tmp_path):
    import hashlib

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "page.txt").write_bytes(SNAPSHOT.read_bytes())
    url = "https://www.example.org/p.htm;jsessionid=Pp1xJsession?sessid=Pq3xSessid&code=Pq4xOauthCode"
    (raw / "manifest.json").write_text(json.dumps({"description": "x", "snapshots": [{
        "file": "page.txt", "url": url, "retrieved": "2024-05-01T10:00:00Z",
        "sha256": hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()}]}), encoding="utf-8")
    done = in_process("run", "--source", str(raw / "page.txt"), "--output", str(out), "--first-release")
    assert done.returncode == 0, done.stderr
    assert _clean(done.stdout) and _clean(done.stderr)
    for name, content in tree(out).items():
        assert _clean(content), name
    descriptor = json.loads((out / "json" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["sources"][0]["path"] == "https://www.example.org/p.htm"


# --- Text direction controls ------------------------------------------------------------

DIRECTION = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
             "\u2069", "\u200e", "\u200f", "\u061c"]


def _with_direction_controls() -> str:
    """The page with direction controls in a partner's heading, in entries and in a
    partner's description: every control of the family, several places each."""
    text = SNAPSHOT.read_text(encoding="utf-8")
    text = text.replace("Brandenburg-sur-la-Havel (Allemagne)",
                        "Brandenburg\u202eLEVAH-al-rus\u200f (Allemagne)", 1)
    text = text.replace("\nDianguirdé (Mali)", "\nDiang\u2067uirdé (Mali)", 1)  # placed on the map
    entry = "2012 : accueil à Ivry-sur-Seine de six jeunes musicien"
    assert entry in text
    text = text.replace(entry, "2012 : accueil \u2067à Ivry\u2069 \u200ede six\u061c jeunes "
                               "\u202d\u202a\u202bmusicien\u202c", 1)
    text = text.replace("Juin 2012 : organisation", "Juin 2012 : \u2066\u2068organisation", 1)
    return text


@pytest.fixture(scope="module")
def direction_release(tmp_path_factory):
    folder = tmp_path_factory.mktemp("direction")
    source = folder / "page.txt"
    source.write_text(_with_direction_controls(), encoding="utf-8")
    first, out = folder / "first", folder / "out"
    made = in_process("run", "--source", str(SNAPSHOT), "--output", str(first), "--first-release")
    assert made.returncode == 0, made.stderr
    done = in_process("run", "--source", str(source), "--output", str(out), "--previous", str(first))
    assert done.returncode == 0, done.stderr
    diffed = in_process("diff", str(first), str(out))
    assert diffed.returncode == 0, diffed.stderr
    return out, done, diffed


def test_direction_controls_are_visible_in_markdown_and_text(direction_release):
    out, done, diffed = direction_release
    changelog = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    readme = (out / "README.md").read_text(encoding="utf-8")
    for text in (changelog, readme, done.stdout, done.stderr, diffed.stdout):
        assert not any(c in text for c in DIRECTION), text[:200]
    for control in DIRECTION:  # each shown where it was, in the officer's change log
        assert f"⟨U+{ord(control):04X}⟩" in changelog, control
    assert "Brandenburg⟨U+202E⟩LEVAH-al-rus⟨U+200F⟩" in changelog
    assert "Brandenburg⟨U+202E⟩LEVAH-al-rus⟨U+200F⟩" in readme  # the dictionary's example
    assert "Brandenburg\\u202eLEVAH-al-rus\\u200f" in diffed.stdout
    # the data files keep the page's text as written
    partners = (out / "csv" / "partners.csv").read_text(encoding="utf-8")
    assert "Brandenburg\u202eLEVAH-al-rus\u200f" in partners


def test_direction_controls_are_isolated_in_the_html_page(direction_release):
    from lxml import html

    out, _, _ = direction_release
    tree = html.parse(str(out / "index.html"))
    holders = 0
    for element in tree.iter():
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            if not isinstance(element.tag, str) or not text or not any(c in text for c in DIRECTION):
                continue
            holders += 1
            isolated = [e for e in (holder, *holder.iterancestors())
                        if e.tag == "bdi" or "map-label" in (e.get("class") or "")]
            assert isolated, (holder.tag, text[:80])
    assert holders >= 8  # the heading, the legend, the entries, the dictionary, the page's lines
    # text without a control is written as before: an ordinary page does not change
    assert "<bdi>" not in (ROOT / "output" / "index.html").read_text(encoding="utf-8")


def test_direction_controls_are_reported_with_their_record_and_column(direction_release):
    out, done, _ = direction_release
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    messages = [w["message"] for w in report["warnings"] if w["message"].startswith("text direction")]
    assert any("partners.name of brandenburglevah-al-rus (U+202E RIGHT-TO-LEFT OVERRIDE, "
               "U+200F RIGHT-TO-LEFT MARK)" in m for m in messages), messages
    assert any("actions.text of" in m and "U+061C ARABIC LETTER MARK" in m for m in messages)
    for control in DIRECTION:
        assert any(f"U+{ord(control):04X}" in m for m in messages), control
    assert "text direction control in partners.name" in done.stdout


# --- Numbers past every limit -------------------------------------------------------------

def _number_columns():
    from pipeline.schemas import table_names
    from pipeline.tables import number_ranges

    return [(table, column, *spec) for table in table_names()
            for column, spec in number_ranges(table).items()]


def test_every_number_column_has_its_range_in_the_schema_and_its_description():
    from pipeline.schemas import table_schema
    from pipeline.tables import EXACT_INTEGER

    columns = _number_columns()
    assert len(columns) >= 20
    for table, column, _kind, low, high, _ in columns:
        field = next(f for f in table_schema(table)["fields"] if f["name"] == column)
        assert low < high <= EXACT_INTEGER, (table, column)
        assert "Valeurs de " in field["description"] and "Values from " in field["description_en"]


@pytest.mark.parametrize("bad", [10**30, -1, "high+1", "low-1", 2**63, 2**64 + 1, 1.5,
                                 float("nan"), float("inf"), "12"], ids=str)
def test_a_number_outside_its_column_is_made_empty_with_a_warning(records, bad):
    """Every number column of every table, each with values past each end of its range,
    past int64, of the wrong type: empty in the row, one warning each, never a crash."""
    import copy

    from pipeline.errors import PipelineError
    from pipeline.tables import tables

    tried = 0
    for table, column, kind, low, high, required in _number_columns():
        rows = copy.deepcopy(records)
        if not rows.get(table):
            continue
        value = {"high+1": high + 1, "low-1": low - 1}.get(bad, bad) if isinstance(bad, str) else bad
        if bad == "12":
            value = "12"
        if (kind == "number" and bad == 1.5) or (
                isinstance(value, int) and low <= value <= high):
            continue  # a decimal is a number's own kind; -1 is a latitude
        rows[table][0][column] = value
        warnings: list = []
        if required:
            with pytest.raises(PipelineError, match=f"{table}.{column} of .*; nothing was written"):
                tables(rows, warnings)
            continue
        made = tables(rows, warnings)
        assert made[table][0][column] is None, (table, column)
        (warning,) = warnings
        assert warning["message"].startswith(f"{table}.{column} of ")
        assert warning["message"].endswith("; left empty")
        tried += 1
    assert tried >= 12


def test_a_value_at_the_ends_of_its_range_is_kept(records):
    import copy

    from pipeline.tables import tables

    for table, column, _kind, low, high, _ in _number_columns():
        for value in (low, high):
            rows = copy.deepcopy(records)
            if not rows.get(table):
                continue
            rows[table][0][column] = value
            warnings: list = []
            assert tables(rows, warnings)[table][0][column] == value and warnings == []


def test_numbers_past_every_limit_make_no_traceback_and_no_truncated_value(tmp_path):
    """Amounts in thirty digits and in milliards past 2**63, a head count and a duration
    past their columns' ranges: each published empty, with a warning, in every format."""
    text = SNAPSHOT.read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line[:4].isdigit() and " : " in line]
    hostile = [
        "une subvention de 20000000000 milliards d'euros",
        "un budget de 999999999999 milliards d'euros",
        "un coût de 123 456 789 012 milliards d'euros",
        "avec 999999999999 jeunes",
        "pendant 9999 semaines",
        "une dépense de 123 456 789 012 345 678 901 234 567 890 €",  # thirty digits
    ]
    for entry, phrase in zip(entries[1:], hostile, strict=False):
        label, _, rest = entry.partition(" : ")
        text = text.replace(entry, f"{label} : {phrase}, {rest}", 1)
    source = tmp_path / "page.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = in_process("run", "--source", str(source), "--output", str(out), "--first-release")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    dropped = [w["message"] for w in report["warnings"] if w["message"].endswith("; left empty")]
    assert sum("actions.amount_eur" in m for m in dropped) == 4, dropped
    assert any("actions.participants" in m and "999999999999" in m for m in dropped), dropped
    assert any("actions.duration_days" in m and "69993" in m for m in dropped), dropped
    assert any("20000000000000000000 is outside its range, 0 to 1000000000000" in m for m in dropped)
    import pyarrow.parquet as pq

    amounts = pq.read_table(out / "parquet" / "actions.parquet").column("amount_eur").to_pylist()
    assert max(a for a in amounts if a is not None) <= 10**12
    import csv

    with (out / "csv" / "actions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    listed = json.loads((out / "json" / "actions.json").read_text(encoding="utf-8"))
    listed = listed if isinstance(listed, list) else next(iter(listed.values()))
    assert not any(r["amount_eur"] == "678901234567890" for r in rows)  # never fifteen of thirty digits
    for column, limit in (("amount_eur", 10**12), ("participants", 10**9), ("duration_days", 36_600)):
        assert all(not r[column] or int(r[column]) <= limit for r in rows), column
        assert all((r.get(column) or 0) <= limit for r in listed), column


# --- A missing output folder --------------------------------------------------------------

def test_a_run_into_a_folder_that_does_not_exist_says_what_it_wrote_there(tmp_path):
    """A new folder continues the published history (the default --previous is output/):
    unchanged data give it a copy of the published release, and the line says so."""
    out = tmp_path / "new" / "deeper"
    done = in_process("run", "--output", str(out))
    assert done.returncode == 0, done.stderr
    published = json.loads((ROOT / "output" / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    version = published["version"]
    assert f"aucun changement depuis la publication {version} de output : {out} en contient maintenant une copie" \
        in done.stdout
    assert "laissé tel quel" not in done.stdout
    copy = json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert copy["version"] == version
    assert (out / "index.html").read_bytes() == (ROOT / "output" / "index.html").read_bytes()
    again = in_process("run", "--output", str(out))
    assert again.returncode == 0, again.stderr
    assert (f"aucun changement depuis la publication {version} : {out} laissé tel quel" in again.stdout
            or f"{out} en est déjà la publication {version}, faite par ce code : rien à faire" in again.stdout)


def test_a_run_into_a_new_folder_with_changes_or_a_first_release(tmp_path):
    text = SNAPSHOT.read_text(encoding="utf-8").replace("300 000€", "310 000€", 1)
    source = tmp_path / "page.txt"
    source.write_text(text, encoding="utf-8")
    changed = in_process("run", "--source", str(source), "--output", str(tmp_path / "changed"))
    assert changed.returncode == 0, changed.stderr
    assert "(version corrective) écrite dans" in changed.stdout and "(comparée à output)" in changed.stdout
    first = in_process("run", "--output", str(tmp_path / "first"), "--first-release")
    assert first.returncode == 0, first.stderr
    assert f"publication 1.0.0 (première publication) écrite dans {tmp_path / 'first'}\n" in first.stdout


# --- Real formats: the snapshot's kind follows its bytes ------------------------------------

TEXT = SNAPSHOT.read_bytes()


SLOW = pytest.mark.slow  # a fetch and a whole run each: two of them stay in the fast tier


@pytest.mark.parametrize("body, content_type, suffix", [
    (TEXT, "application/json", ".txt"),
    pytest.param(TEXT, "text/html; charset=utf-8", ".txt", marks=SLOW),
    pytest.param(TEXT, "application/octet-stream", ".txt", marks=SLOW),
    pytest.param(TEXT, "", ".txt", marks=SLOW),
    (HTML, "application/json", ".html"),
    pytest.param(HTML, "text/plain; charset=utf-8", ".html", marks=SLOW),
    pytest.param(b"\xef\xbb\xbf\n  " + HTML, "application/json", ".html", marks=SLOW),
], ids=["text as json", "text as html", "text as octet-stream", "text without type", "html as json",
        "html as text", "html with a bom as json"])
def test_a_page_is_kept_as_what_its_bytes_are_and_read(tmp_path, body, content_type, suffix):
    raw, out = tmp_path / "raw", tmp_path / "out"
    with Server() as server:
        server.routes["/page"] = page(body, content_type=content_type)
        done = in_process("fetch", "--url", f"{server.url}/page", "--raw", str(raw), *QUICK)
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["snapshots"]
    assert entry["file"].endswith(suffix) and entry["media_type"] == content_type
    ran = in_process("run", "--source", str(raw / entry["file"]), "--output", str(out), "--first-release")
    assert ran.returncode == 0, ran.stderr
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    assert report["rows"]["partners"] == 6 and report["rows"]["actions"] == 46


# --- Attacks of our own (issue 22, last step) ---------------------------------------------

@pytest.mark.parametrize("address", [
    "https://h.example/p?a=1;token=Sx1Secret",  # a ";" separator the parser does not split on
    "https://h.example/p?page=2;sid=Sx1Secret",
    "https://h.example/p?%74oken=Sx1Secret",  # a name written percent-encoded
    "https://h.example/p?id=Sx1Secret%00",  # a value with a control character
    "https://h.example/p?lang=fr&lang=Sx1Secret" + "x" * 40,  # a harmless name, a long value
    "https://h.example/p/%3bjsessionid=Sx1Secret/q",
    "https://h.example/p;Sx1Secret",  # a path parameter without a name
    "https://Sx1Secret@h.example/p",  # a token as the user name
    "https://:Sx1Secret@h.example/p",
    "https://h.example/p#access_token=Sx1Secret",  # an OAuth implicit-flow fragment
])
def test_other_hiding_places_of_a_secret_in_an_address(address):
    shown = public_url(address)
    assert "Sx1Secret" not in shown and shown.startswith("https://h.example/p")


@pytest.mark.parametrize("character", ["\U000e0041", "\U000e007f", "\u2060", "\u2063", "\ufeff",
                                       "\u206a", "\u180e", *DIRECTION])
def test_invisible_characters_are_shown_in_markdown(character):
    from pipeline.escape import markdown, markdown_code

    for text in (markdown(f"Ko{character}bané"), markdown_code(f"ko{character}bane")):
        assert character not in text and f"⟨U+{ord(character):04X}⟩" in text


def test_a_portal_cannot_write_control_sequences_on_the_terminal():
    from pipeline.publish.base import Done, Step, render_done

    done = Done("udata", "d1\x1b]0;owned\x07", "https://h.example/d\x1b[2J\u202e", [Step("upload", "x")])
    shown = render_done(done)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown


def test_a_redirect_with_a_huge_body_is_not_read_whole(release_for_portals, capsys, monkeypatch):
    """requests reads a redirect's own body whole before following it: the session reads it
    first, under the same 16 MiB limit, for both portals."""
    from pipeline.cli import main

    from .test_portal_lies import BIG, KEY, Scripted, command, declared_redirect, first_call

    monkeypatch.setenv("DATAGOUV_API_KEY", KEY)
    monkeypatch.setenv("CKAN_API_TOKEN", KEY)
    for kind in ("udata", "ckan"):
        with Scripted(kind) as portal:
            method, path = first_call(portal)
            portal.answers[(method, path)] = declared_redirect(f"{path}again", BIG)
            returned = main(command(portal, release_for_portals))
            err = capsys.readouterr().err
            assert returned == 5 and "Traceback" not in err, err
            (line,) = err.strip().splitlines()
            assert "dépasse 16 777 216 octets, non lue au-delà" in line
            assert portal.hits(f"{path}again") == 0


@pytest.fixture(scope="module")
def release_for_portals(tmp_path_factory):
    import contextlib
    import io

    from .portals.releases import build

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return build(tmp_path_factory.mktemp("redirect") / "release")


def test_a_period_outside_its_range_empties_its_years_and_dates_together(records):
    import copy
    from datetime import date

    from pipeline.tables import tables

    rows = copy.deepcopy(records)
    action = rows["actions"][0]
    action.update(start_year=1850, end_year=1850, start_date=date(1850, 1, 1),
                  end_date=date(1850, 12, 31))
    warnings: list = []
    made = tables(rows, warnings)["actions"][0]
    assert [made[c] for c in ("start_year", "end_year", "start_date", "end_date")] == [None] * 4
    assert sorted(w["message"].split(":")[0] for w in warnings) == sorted(
        f"actions.{c} of {action['action_id']}" for c in ("start_date", "end_date", "start_year", "end_year"))
    assert any("1850-01-01 is outside its range, 1900-01-01 to 2100-12-31" in w["message"] for w in warnings)


def test_a_manifest_written_by_an_older_version_loses_its_secrets_when_rewritten(tmp_path):
    import hashlib

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "old.txt").write_bytes(SNAPSHOT.read_bytes())
    (raw / "manifest.json").write_text(json.dumps({"description": "x", "snapshots": [{
        "file": "old.txt", "url": "https://old.example/p.htm;jsessionid=Pp1xJsession?PHPSESSID=Pq2xPhpSessid",
        "redirected_to": "https://old.example/q?sessid=Pq3xSessid",
        "sha256": hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()}]}), encoding="utf-8")
    with Server() as server:
        server.routes["/page"] = page(HTML)
        done = in_process("fetch", "--url", f"{server.url}/page", "--raw", str(raw), *QUICK)
    assert done.returncode == 0, done.stderr
    manifest = (raw / "manifest.json").read_text(encoding="utf-8")
    assert _clean(manifest)
    first, second = json.loads(manifest)["snapshots"]
    assert first["url"] == "https://old.example/p.htm" and first["redirected_to"] == "https://old.example/q"
    assert second["url"] == f"{server.url}/page"


def test_what_urllib3_logs_holds_no_secret_of_the_address(tmp_path, caplog):
    """The pipeline logs nothing itself; urllib3 logs each request (DEBUG) and each retry
    (WARNING) with its path and query: a user who turns logging on sees no secret."""
    import logging

    from pipeline.fetch import fetch

    caplog.set_level(logging.DEBUG)
    with Server() as server:
        server.fallback = lambda handler, method, path: status(500)(handler)
        with pytest.raises(Exception, match="le serveur a répondu 500 Internal Server Error après 1 nouvel essai"):
            fetch(f"{server.url}/p.htm;jsessionid=Pp1xJsession?sessid=Pq3xSessid#frag",
                  tmp_path / "raw", retries=1, backoff=0, timeout=(2, 2))
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("urllib3"))
    assert "/p.htm" in logged  # urllib3 did log the request
    assert _clean(logged), logged


def test_an_address_with_direction_controls_is_written_percent_encoded(tmp_path):
    import hashlib

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "page.txt").write_bytes(SNAPSHOT.read_bytes())
    url = "https://www.example.org/\u202egnp\u2066.exe\U000e0041/p.htm"
    (raw / "manifest.json").write_text(json.dumps({"description": "x", "snapshots": [{
        "file": "page.txt", "url": url, "retrieved": "2024-05-01T10:00:00Z",
        "sha256": hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()}]}), encoding="utf-8")
    done = in_process("run", "--source", str(raw / "page.txt"), "--output", str(out), "--first-release")
    assert done.returncode == 0, done.stderr
    encoded = "https://www.example.org/%E2%80%AEgnp%E2%81%A6.exe%F3%A0%81%81/p.htm"
    for name in ("README.md", "index.html", "csv/datapackage.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert encoded in text and not any(c in text for c in ("\u202e", "\u2066", "\U000e0041")), name


@pytest.mark.parametrize("text, value", [
    ("un budget de 123 456 789 012 345 678 901 234 567 890 € pour tout", 123456789012345678901234567890),
    ("1 000 000 000 000 001 €", 1000000000000001),
])
def test_every_digit_of_a_long_amount_is_read(text, value):
    """The grammar never reads a long grouped number from its last groups: the range check
    then sees the whole value (and empties it)."""
    from pipeline.numbers import amount_eur
    assert amount_eur(text).value == value


@pytest.mark.parametrize("written", ["https:/ana:SECRET@h.org/p", "http:ana:SECRET@h.org/p",
                                     "https:///ana:SECRET@h.org/p"])
def test_a_password_in_an_address_without_its_slashes_is_never_shown(written):
    """A fresh attacker's finding (issue 22): an address typed without "//" keeps its user
    name and password in its path; they go all the same."""
    from pipeline.sources import public_url
    assert "SECRET" not in public_url(written) and "ana" not in public_url(written)


@pytest.mark.parametrize("text, days", [("pendant 12 500 jours", 12500), ("durant trois semaines", 21)])
def test_a_duration_is_read_with_every_digit(text, days):
    from pipeline.numbers import duration_days
    assert duration_days(text) == days


@pytest.mark.parametrize("text", ["Coût 1e30 €", "10^30 €", "un coût de 2E12 €"])
def test_an_exponent_is_no_amount(text):
    from pipeline.numbers import amount_eur
    assert amount_eur(text) is None


def test_a_portal_that_repeats_the_key_in_its_message_shows_stars():
    from pipeline.http import KeyedSession
    session = KeyedSession("https://portal.example/api/1", "X-API-KEY", "k" * 40, "DATAGOUV_API_KEY", 0, 0)
    assert session.without_key(f"bad key {'k' * 40}!") == "bad key ***!"
