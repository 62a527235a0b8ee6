"""The package installs anywhere: a wheel built from the checkout carries its schemas, the
town's file, the reference data and the templates, and, installed into a fresh virtual
environment outside the checkout, runs the snapshot from a folder that holds no checkout.

No network: the wheel is built with the project's own setuptools (no build isolation) and
installed without its dependencies, which the new environment takes from the project's
virtual environment (a ``.pth`` line naming its site-packages, read after the new
environment's own, so that the package imported is the wheel's)."""

import filecmp
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

# What a build needs from the checkout (pipeline/data/ links into schemas/, raw/ and city.toml)
BUILT_FROM = ("pyproject.toml", "README.md", "city.toml", "schemas", "raw", "pipeline")


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=environment)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source, dist = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("dist")
    for name in BUILT_FROM:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", dist, source, cwd=dist)
    [built] = dist.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed; its python."""
    env = tmp_path_factory.mktemp("env")
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=env).stdout.strip())
    (site / "project-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel,
         cwd=env)
    return python


def test_the_wheel_holds_the_packages_data(wheel):
    import zipfile
    names = set(zipfile.ZipFile(wheel).namelist())
    schemas = {f"pipeline/data/schemas/{p.name}" for p in (ROOT / "schemas").glob("*.json")}
    assert len(schemas) >= 14 and schemas <= names  # 13 tables and the package's metadata
    lexicon = {f"pipeline/french/lexicon/{p.name}" for p in (ROOT / "pipeline" / "french" / "lexicon").glob("*.toml")}
    assert "pipeline/french/lexicon/calendar.toml" in lexicon and lexicon <= names
    assert "pipeline/french/corpus/dates.toml" in names
    assert {"pipeline/data/city.toml", "pipeline/data/reference/places.csv",
            "pipeline/data/reference/countries-110m.json", "pipeline/templates/index.html.j2",
            "pipeline/templates/README.md.j2"} <= names


def test_the_installed_package_runs_the_snapshot_from_a_folder_with_no_checkout(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"  # a folder of the user's: the snapshot and nothing else
    shutil.copytree(ROOT / "raw", elsewhere / "raw", ignore=shutil.ignore_patterns("reference", ".lock-*"))
    where = _run(installed, "-c", "import pipeline.paths as p; print(p.PACKAGE); print(p.PROJECT)",
                 cwd=elsewhere).stdout.split()
    assert Path(where[0]).is_relative_to(installed.parent.parent)  # the wheel's, not the checkout's
    assert Path(where[1]) == elsewhere.resolve()
    _run(installed.parent / "jumelages", "run", cwd=elsewhere)
    out = elsewhere / "output"
    _run(installed.parent / "jumelages", "validate", "output", cwd=elsewhere)
    # the same records as the published release, whose version it does not know of
    tables = sorted(p.name for p in (ROOT / "output" / "csv").glob("*.csv"))
    assert len(tables) == len(list((ROOT / "schemas").glob("*.schema.json")))  # every table, labels too
    assert filecmp.cmpfiles(ROOT / "output" / "csv", out / "csv", tables, shallow=False)[0] == tables
    descriptor = json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == "1.0.0"
    assert descriptor["spatial"]["insee"] == "94041"  # from the wheel's city.toml
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    assert report["source"]["path"] == "raw/ivry-jumelages.txt"
