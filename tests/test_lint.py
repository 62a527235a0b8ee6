"""Lint and types are part of the test suite (``make test``): ruff with the rules that
``pyproject.toml`` chooses and states, mypy on ``pipeline/`` with its settings there, and no
``type: ignore`` without a reason beside it."""

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.lint

# "# type: ignore[code]" then a comment that says why
_EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[\w,-]+\]\s+#\s*\S")


def _tool(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_ruff_finds_nothing():
    done = _tool("ruff", "check", "--no-cache", "--output-format", "concise", "pipeline", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing():
    done = _tool("mypy", "pipeline")
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_type_ignore_says_why():
    unexplained = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                   for path in sorted((ROOT / "pipeline").rglob("*.py"))
                   for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                   if "type: ignore" in line and not _EXPLAINED.search(line)]
    assert unexplained == []
