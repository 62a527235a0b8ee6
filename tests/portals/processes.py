"""Processes of the test portals: each in its own process group, recorded in a PID file.

A test session starts the portals' servers (PostgreSQL, the Solr stand-in, CKAN,
SecantusDB, udata) as children in their own process groups, on ports free at that moment
on 127.0.0.1, and stops every group at the end. What a crashed session leaves behind is
found again through its PID files: a recorded group whose leader still runs a command line
that names this cache folder is stopped before anything new starts, and nothing else is
ever signalled. Children also receive a signal when the session's process dies
(``PR_SET_PDEATHSIG``), so a killed test run does not leave servers behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

PR_SET_PDEATHSIG = 1
STOP_GRACE = 15.0  # seconds a server gets to stop cleanly before SIGKILL


class PortalSetupError(RuntimeError):
    """A portal could not be installed or started; the message says which step and why."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _die_with_parent(death_signal: int) -> Callable[[], None]:
    def preexec() -> None:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, death_signal)
    return preexec


@dataclass
class Service:
    """A server started by this session, leader of its own process group."""

    name: str
    process: subprocess.Popen
    pidfile: Path
    log: Path
    stop_signal: int

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.running():
            _signal_group(self.process.pid, self.stop_signal)
            try:
                self.process.wait(STOP_GRACE)
            except subprocess.TimeoutExpired:
                _signal_group(self.process.pid, signal.SIGKILL)
                self.process.wait(STOP_GRACE)
        # the leader is gone; its group may still hold workers (postgres backends)
        _wait_group_gone(self.process.pid)
        self.pidfile.unlink(missing_ok=True)


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _wait_group_gone(pgid: int, timeout: float = STOP_GRACE) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.1)
    _signal_group(pgid, signal.SIGKILL)


def launch(name: str, argv: list[str], *, run_dir: Path, marker: str, env: dict[str, str] | None = None,
           cwd: Path | None = None, user: str | None = None, stop_signal: int = signal.SIGTERM) -> Service:
    """Start ``argv`` in a new process group, its output in ``run_dir/NAME.log``, its PID in
    ``run_dir/NAME.pid``. ``marker`` (a path of the cache folder) must appear in its command
    line: that is how a later session recognises it as ours."""
    if not any(marker in arg for arg in argv):
        raise PortalSetupError(f"{name}: its command line must name {marker}")
    run_dir.mkdir(parents=True, exist_ok=True)
    pidfile, log = run_dir / f"{name}.pid", run_dir / f"{name}.log"
    stop_stale(pidfile)
    extra: dict = {}
    if user is not None and os.geteuid() == 0:
        extra = {"user": user, "group": user, "extra_groups": []}
    with log.open("wb") as out:
        process = subprocess.Popen(
            argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd,
            env=env, start_new_session=True, preexec_fn=_die_with_parent(stop_signal), **extra)
    pidfile.write_text(json.dumps({"pid": process.pid, "signal": int(stop_signal), "marker": marker}))
    return Service(name, process, pidfile, log, stop_signal)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def stop_stale(pidfile: Path) -> None:
    """Stop the process group a crashed session recorded in ``pidfile``, if its leader is
    still one of ours (its command line names the marker recorded with it), and forget
    the file."""
    try:
        recorded = json.loads(pidfile.read_text())
        pid, sig = int(recorded["pid"]), int(recorded.get("signal", signal.SIGTERM))
        marker = str(recorded["marker"])
    except (OSError, ValueError, KeyError, TypeError):
        pidfile.unlink(missing_ok=True)
        return
    if marker and marker in _cmdline(pid):
        _signal_group(pid, sig)
        deadline = time.monotonic() + STOP_GRACE
        while marker in _cmdline(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        _wait_group_gone(pid, timeout=2)
    pidfile.unlink(missing_ok=True)


def stop_all_stale(run_dir: Path) -> None:
    for pidfile in sorted(run_dir.glob("*.pid")) if run_dir.is_dir() else []:
        stop_stale(pidfile)


def wait_for(check: Callable[[], bool], what: str, service: Service | None = None,
             timeout: float = 90.0) -> None:
    """Poll ``check`` until it holds; fail early, with the server's log, if it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service is not None and not service.running():
            raise PortalSetupError(f"{service.name} stopped while starting ({what}); its log ends:\n"
                                   + tail(service.log))
        if check():
            return
        time.sleep(0.2)
    where = f"; {service.name}'s log ends:\n{tail(service.log)}" if service else ""
    raise PortalSetupError(f"timed out after {timeout:.0f} s waiting for {what}{where}")


def port_open(port: int) -> Callable[[], bool]:
    def check() -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            return s.connect_ex(("127.0.0.1", port)) == 0
    return check


def answers(url: str) -> Callable[[], bool]:
    """True once ``url`` answers 200."""
    def check() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status == 200
        except (OSError, urllib.error.URLError):
            return False
    return check


def run(argv: list[str], what: str, log: Path, *, env: dict[str, str] | None = None,
        cwd: Path | None = None, user: str | None = None, timeout: float = 900) -> str:
    """Run a set-up command to its end; its output goes to ``log`` and is returned."""
    extra: dict = {}
    if user is not None and os.geteuid() == 0:
        extra = {"user": user, "group": user, "extra_groups": []}
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(argv, capture_output=True, env=env, cwd=cwd, timeout=timeout,
                              stdin=subprocess.DEVNULL, **extra)
    except subprocess.TimeoutExpired:
        raise PortalSetupError(f"{what}: no end after {timeout:.0f} s") from None
    output = (done.stdout + done.stderr).decode(errors="replace")
    with log.open("a") as out:
        out.write(f"$ {' '.join(argv)}\n{output}\n")
    if done.returncode != 0:
        last = "\n".join(output.splitlines()[-15:])
        raise PortalSetupError(f"{what} failed (exit {done.returncode}):\n{last}")
    return done.stdout.decode(errors="replace")


@contextlib.contextmanager
def locked(path: Path, timeout: float = 600.0) -> Iterator[None]:
    """An exclusive lock on ``path`` (two test sessions never share the portals)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PortalSetupError(f"{path}: another session holds the portals") from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
