"""Helpers of the security tests (tests/test_security_*.py): the command line in a real
process, a folder's exact bytes, and a folder the test can make read-only for the process
even when the tests run as root (who ignores permissions: the process then runs without
the capabilities that let root write anywhere).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Literal

from .conftest import ROOT

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
# generous: a command that hangs fails the test instead of holding the suite forever
HANG = 120


def cli(*args: str, env: dict | None = None, preexec=None,
        script: str | None = None) -> subprocess.CompletedProcess:
    """``python -m pipeline ARGS`` in a fresh process from the project's folder (or the
    Python ``script`` given, which ends by calling the command line itself)."""
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "pipeline", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=HANG,
                          env={**os.environ, **(env or {})}, preexec_fn=preexec)


# Python's own warning filters (what a fresh ``python -m pipeline`` shows on stderr), for
# :func:`in_process`, which must not see pytest's.
PYTHON_WARNINGS: list[tuple[Literal["default", "ignore"], type[Warning], str | None]] = [("default", DeprecationWarning, "__main__"), ("ignore", DeprecationWarning, None),
                   ("ignore", PendingDeprecationWarning, None), ("ignore", ImportWarning, None),
                   ("ignore", ResourceWarning, None)]


def in_process(*args: str) -> subprocess.CompletedProcess:
    """``python -m pipeline ARGS`` called in this process: :func:`pipeline.cli.main` from the
    project's folder, what it prints captured, its warnings shown on its stderr as Python
    shows them. The same command line, exit code and lines as :func:`cli`, without starting
    Python and importing the pipeline again (most of a second per command, most of a small
    run). An exception escaping ``main`` fails the test with its traceback, as a traceback
    on :func:`cli`'s stderr does. Each command keeps an end-to-end test in a real process
    (tests/test_security_round2.py's secrets, tests/test_security_*.py, the slow tier)."""
    import contextlib
    import io
    import warnings

    from pipeline.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            warnings.catch_warnings(record=True) as shown:
        warnings.resetwarnings()
        for action, category, module in reversed(PYTHON_WARNINGS):
            warnings.filterwarnings(action, category=category, module=module or "")
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's refusal of a command line
            code = exc.code if isinstance(exc.code, int) else 1
    for warning in shown:
        err.write(warnings.formatwarning(warning.message, warning.category, warning.filename,
                                         warning.lineno, warning.line))
    return subprocess.CompletedProcess(["python", "-m", "pipeline", *args], code,
                                       out.getvalue(), err.getvalue())


def error_line(done: subprocess.CompletedProcess) -> str:
    """The one line a failed command printed on standard error (asserting it is one)."""
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every entry under ``folder`` (hidden ones too) with its bytes (None for a folder)."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def read_only(path: Path) -> None:
    """Make ``path`` (and the folders in it) a folder the command's process cannot write
    when it runs with :func:`as_unprivileged`."""
    for p in [path, *path.rglob("*")]:
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o555)


def writable_again(path: Path) -> None:
    for p in [path, *path.rglob("*")]:
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)


def file_size_limit(limit: int):
    """A ``preexec`` for :func:`cli`: the process cannot write a file past ``limit`` bytes
    (the write fails with EFBIG, as a full disk fails with ENOSPC), with no privilege."""
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _without_override() -> None:
    """In the child, before exec: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the
    bounding set, so that root's process obeys permissions like anyone's."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_unprivileged() -> dict:
    """Keyword arguments of :func:`cli` that run it subject to file permissions."""
    return {"preexec": _without_override} if ROOT_USER else {}
