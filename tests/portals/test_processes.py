"""The portals' process handling: stale PID files after a crash, whole groups stopped."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from .processes import free_port, launch, port_open, stop_all_stale, stop_stale

pytestmark = pytest.mark.portals

SLEEPER = "import sys, time; time.sleep(600)"


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (dead, not yet reaped by us) counts as gone
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


def gone_soon(pid, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.05)
    return not alive(pid)


def sleeper(*args):
    """A process in a group of its own, as a crashed session would have left it."""
    return subprocess.Popen([sys.executable, "-c", SLEEPER, *args], start_new_session=True)


def test_a_stale_pid_file_of_ours_stops_its_whole_group(tmp_path):
    marker = str(tmp_path / "cache")
    leader = subprocess.Popen(
        [sys.executable, "-c",
         f"import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', {SLEEPER!r}]);"
         "print(flush=True); time.sleep(600)", marker],
        start_new_session=True, stdout=subprocess.PIPE)
    leader.stdout.readline()  # its child is started
    (child,) = [int(p) for p in os.listdir("/proc") if p.isdigit()
                and _ppid(int(p)) == leader.pid]
    pidfile = tmp_path / "run" / "server.pid"
    pidfile.parent.mkdir()
    pidfile.write_text(json.dumps({"pid": leader.pid, "signal": int(signal.SIGTERM), "marker": marker}))
    stop_all_stale(tmp_path / "run")
    leader.wait(10)
    assert gone_soon(child) and not pidfile.exists()


def _ppid(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().split(")")[-1].split()[1])
    except OSError:
        return None


def test_a_pid_file_naming_someone_elses_process_leaves_it_alone(tmp_path):
    other = sleeper("not-the-cache")
    try:
        pidfile = tmp_path / "server.pid"
        pidfile.write_text(json.dumps({"pid": other.pid, "signal": 15, "marker": str(tmp_path)}))
        stop_stale(pidfile)
        assert alive(other.pid) and not pidfile.exists()
    finally:
        other.kill()
        other.wait()


def test_a_broken_pid_file_is_forgotten(tmp_path):
    pidfile = tmp_path / "server.pid"
    pidfile.write_text("12")
    stop_stale(pidfile)
    assert not pidfile.exists()


def test_a_launched_server_is_recorded_then_stopped_with_its_group(tmp_path):
    port = free_port()
    service = launch("web", [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
                             "--directory", str(tmp_path)],
                     run_dir=tmp_path / "run", marker=str(tmp_path))
    try:
        deadline = time.monotonic() + 10
        while not port_open(port)() and time.monotonic() < deadline:
            time.sleep(0.05)
        recorded = json.loads((tmp_path / "run" / "web.pid").read_text())
        assert recorded["pid"] == service.process.pid and port_open(port)()
    finally:
        service.stop()
    assert not service.running() and not port_open(port)() and not (tmp_path / "run" / "web.pid").exists()
