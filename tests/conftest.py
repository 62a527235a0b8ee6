from pathlib import Path

import pyparsing
import pytest

from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.load import read
from pipeline.read import text_blocks

# python-edtf, the tests' second reader of the EDTF strings, parses with pyparsing's packrat
# cache of 128 entries, which its grammar outgrows within one string; unbounded (pyparsing
# empties it at each parse) it reads the same strings the same way in half the time.
pyparsing.ParserElement.enable_packrat(cache_size_limit=None, force=True)

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "raw" / "ivry-jumelages.txt"

# The tiers (registered in pyproject.toml): a test that asks for one of these fixtures
# carries its mark, wherever it is written.
MARKED_BY_FIXTURE = {
    "fresh_release": "slow",  # the pipeline run in another process, once a session
    "browser": "browser",
    "portals": "portals",
}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's, which reads the groups to send them
def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, mark in MARKED_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(mark)
        # `make check` spreads the tests over two workers (--dist loadgroup): the tests of a
        # module that share a fixture built once a module (a release, a national run) go to
        # the same worker, which builds it once, instead of each worker building it
        info = getattr(item, "_fixtureinfo", None)
        if info is not None and any(d.scope == "module" for defs in info.name2fixturedefs.values()
                                    for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


def _package_digest(descriptor: Path) -> str:
    """The SHA-256 of every file of a package's folder, with its name."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(descriptor.parent.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(descriptor.parent).as_posix()}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session", autouse=True)
def each_package_validated_once():
    """frictionless on a whole package (pipeline.validate._validate_package, a second for a
    release) runs once a session for the same bytes: the publishing tests each publish or
    check a copy of the same few releases, and validated all of each again. A package whose
    folder holds other bytes (an edited cell, a lost hash, another release) is validated
    in full; a failure is never remembered, so a refusal is always the real one."""
    import pipeline.validate

    real = pipeline.validate._validate_package
    valid: set[str] = set()

    def once(path: Path) -> None:
        digest = _package_digest(path)
        if digest not in valid:
            real(path)
            valid.add(digest)

    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline.validate, "_validate_package", once)
    yield
    patch.undo()


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
