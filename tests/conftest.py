from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.load import read
from pipeline.read import text_blocks

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "raw" / "ivry-jumelages.txt"

# The tiers (registered in pyproject.toml): a test that asks for one of these fixtures
# carries its mark, wherever it is written.
MARKED_BY_FIXTURE = {
    "fresh_release": "slow",  # the pipeline run in another process, once a session
    "browser": "browser",
    "portals": "portals",
}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, mark in MARKED_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(mark)


@pytest.fixture(scope="session")
def page_text() -> str:
    return SNAPSHOT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def page():
    return parse(read(SNAPSHOT).blocks)


@pytest.fixture(scope="session")
def records(page):
    return extract(page)


@pytest.fixture(scope="session")
def actions(records):
    """The page's actions keyed by (partner_id, source_line, date_label)."""
    return {(a["partner_id"], a["source_line"], a["date_label"]): a for a in records["actions"]}


def records_of(text: str):
    return extract(parse(text_blocks(text)))


def forget_fingerprint(release):
    """Make a copied release look made by other code, so that a run does the full work
    instead of stopping at the up-to-date check."""
    import json
    path = release / "run-report.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    report["code"] = "made by other code"
    path.write_text(json.dumps(report), encoding="utf-8")
    sums = release / "SHA256SUMS"  # as that code would have listed it
    if sums.is_file():
        import hashlib
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        sums.write_text("".join(f"{digest}  run-report.json\n" if line.endswith("  run-report.json") else line + "\n"
                                for line in sums.read_text(encoding="utf-8").splitlines()), encoding="utf-8")


@pytest.fixture(scope="session")
def fresh_release(tmp_path_factory):
    """A release made by the current code from the snapshot in raw/ (compared with the
    published output/ for its version), for the tests of what it holds."""
    import subprocess
    import sys
    out = tmp_path_factory.mktemp("fresh") / "output"
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--output", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return out
