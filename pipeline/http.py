"""One configured requests session for every HTTP call the pipeline makes.

Retries with backoff on connection errors and on 5xx answers come from urllib3's
``Retry`` (mounted on requests' ``HTTPAdapter``), not from a loop of our own.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, packages_distributions, version

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

RETRY_STATUSES = (500, 502, 503, 504)


def user_agent() -> str:
    """Who is asking: the project, its version, whose page it reads, and requests'."""
    from .config import config

    settings = config()
    try:
        ours = version(packages_distributions()[__package__][0])
    except (PackageNotFoundError, KeyError):  # running from a checkout that was not installed
        ours = "dev"
    return (f"{settings.stem}/{ours} (open-data pipeline of the page of {settings.publisher} "
            f"on twinning; python-requests/{requests.__version__})")


def session(retries: int = 3, backoff: float = 0.5,
            methods: frozenset[str] = frozenset({"GET", "HEAD"})) -> requests.Session:
    """A session that retries ``methods`` on connection errors and 5xx, with backoff."""
    policy = Retry(
        total=retries, connect=retries, read=retries, status=retries, other=0,
        backoff_factor=backoff, status_forcelist=RETRY_STATUSES, allowed_methods=methods,
        raise_on_status=False,  # after the last try, hand back the 5xx answer to report it
    )
    s = requests.Session()
    adapter = HTTPAdapter(max_retries=policy)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    s.headers["User-Agent"] = user_agent()
    return s
