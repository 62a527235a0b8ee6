"""Where things are, found in one place: the package's data, the project folder, its
snapshots and its published release.

The package carries its data, read with :mod:`importlib.resources`: the Table Schemas, the
default town's file ``city.toml`` and the JSON Schema of a town file, the reference files
(places, the map's country outlines) under ``pipeline/data/``, the templates under
``pipeline/templates/``. In the repository,
``pipeline/data/`` holds symbolic links to the top-level ``schemas/``, ``city.toml`` and
``raw/reference/`` (one copy of each, where the project's layout wants them); a wheel holds
them as files, so an installed package finds them wherever it is installed.

The project folder is where ``raw/`` (the page snapshots and their manifest) and
``output/`` (the published release) are: the checkout that holds the package, when it
runs from one, else the current folder (an installed package run from anywhere).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package() -> Path:
    """The ``pipeline`` package's folder (a wheel is installed as files, never zipped)."""
    found = files("pipeline")
    if not isinstance(found, Path):
        raise RuntimeError(f"the pipeline package must be installed as files, not in {found}")
    return found.resolve()


PACKAGE = _package()
DATA = PACKAGE / "data"
TEMPLATES = PACKAGE / "templates"
SCHEMAS = DATA / "schemas"
CITY = DATA / "city.toml"
REFERENCE = DATA / "reference"


def _project() -> Path:
    checkout = PACKAGE.parent
    return checkout if (checkout / "pyproject.toml").is_file() else Path.cwd().resolve()


PROJECT = _project()
RAW = PROJECT / "raw"
# The default town's release folder, as its city.toml says (``release.folder``): a command
# takes the current town's from :func:`pipeline.config.config` (``.release``, ``.raw``).
OUTPUT = PROJECT / "output"
