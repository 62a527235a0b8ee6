"""Session fixtures: the real portals, started once for every test that asks for one."""

import os

import pytest

from . import Portal, PortalsUnavailable, running_portals

# run by udata's own Python (and the command line), never imported by the test suite
collect_ignore = ["udata_seed.py", "udata_settings.py", "__main__.py"]


@pytest.fixture(scope="session")
def portals():
    try:
        with running_portals() as started:
            yield started
    except PortalsUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc} (.ci/run must install them)")
        pytest.skip(f"no real portals here: {exc}")


@pytest.fixture(scope="session")
def ckan_portal(portals) -> Portal:
    return portals["ckan"]


@pytest.fixture(scope="session")
def udata_portal(portals) -> Portal:
    return portals["udata"]


@pytest.fixture(scope="session")
def releases(tmp_path_factory):
    """Two consecutive releases: the page as it is, then with one cell changed."""
    from .releases import two_releases
    return two_releases(tmp_path_factory.mktemp("releases"))
