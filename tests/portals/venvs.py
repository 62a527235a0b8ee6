"""The portals' own virtual environments, installed once into the cache folder.

Each portal lives in a venv of its own (its pins would fight the project's), made with a
Python 3.11 interpreter and filled by pip from the package index. A venv is reused while
its recorded requirements are the ones asked for; otherwise it is made again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .processes import PortalSetupError, run

PORTAL_PYTHON = (3, 11)  # what CKAN 2.11 and udata 17 are known to run on here


def portal_python() -> str:
    """A Python 3.11 interpreter with its headers (psycopg2 builds from source): the one
    that runs the tests when it is 3.11, else ``python3.11`` from the PATH."""
    if sys.version_info[:2] == PORTAL_PYTHON:
        return getattr(sys, "_base_executable", sys.executable)
    found = shutil.which("python{}.{}".format(*PORTAL_PYTHON))
    if found is None:
        raise PortalSetupError("the test portals need Python 3.11 (python3.11 on the PATH)")
    return found


def ensure_venv(folder: Path, requirements: tuple[str, ...], log: Path) -> Path:
    """The venv in ``folder`` with ``requirements`` installed; its Python's path."""
    python = folder / "bin" / "python"
    marker = folder / ".installed"
    wanted = "\n".join(requirements)
    if python.exists() and marker.is_file() and marker.read_text() == wanted:
        return python
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    log.unlink(missing_ok=True)
    try:
        subprocess.run([portal_python(), "-m", "venv", str(folder)], check=True,
                       capture_output=True, timeout=120)
    except subprocess.CalledProcessError as exc:
        raise PortalSetupError(f"cannot make a venv in {folder}: {exc.stderr.decode()[-300:]}") from None
    run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
         "--quiet", *requirements], f"pip install {' '.join(requirements)}", log)
    marker.write_text(wanted)
    return python
