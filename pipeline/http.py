"""One configured requests session for every HTTP call the pipeline makes.

Retries with backoff on connection errors and on 5xx answers come from urllib3's
``Retry`` (mounted on requests' ``HTTPAdapter``), not from a loop of our own.

A portal's API key goes only where the user sent it (:class:`KeyedSession`): to the
scheme, host and port of the API address they named, over https (plain http only to the
loopback, for tests), never along a redirect to anywhere else. requests itself drops
``Authorization`` on a redirect to another host, but not a custom header such as udata's
``X-API-KEY``: the session adds the key to each request whose address is the API's, and
removes it again when a redirect leaves that origin.
"""

from __future__ import annotations

import ipaddress
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .errors import InputError

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


def _configure(s: requests.Session, retries: int, backoff: float,
               methods: frozenset[str]) -> requests.Session:
    policy = Retry(
        total=retries, connect=retries, read=retries, status=retries, other=0,
        backoff_factor=backoff, status_forcelist=RETRY_STATUSES, allowed_methods=methods,
        raise_on_status=False,  # after the last try, hand back the 5xx answer to report it
    )
    adapter = HTTPAdapter(max_retries=policy)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    s.headers["User-Agent"] = user_agent()
    return s


def session(retries: int = 3, backoff: float = 0.5,
            methods: frozenset[str] = frozenset({"GET", "HEAD"})) -> requests.Session:
    """A session that retries ``methods`` on connection errors and 5xx, with backoff."""
    return _configure(requests.Session(), retries, backoff, methods)


Origin = tuple[str, str, int]


def origin(url: str) -> Origin:
    """Scheme, host and port of ``url``: where a request goes.

    >>> origin("https://www.data.gouv.fr/api/1"), origin("http://127.0.0.1:5000/x")
    (('https', 'www.data.gouv.fr', 443), ('http', '127.0.0.1', 5000))
    >>> origin("https://[zz/api"), origin("https://example.org:99999/api")
    (('', '', -1), ('https', 'example.org', -1))
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL at all ("https://[zz"): no host a key may go to
        return "", "", -1
    scheme = parts.scheme.lower()
    try:
        port = parts.port or {"https": 443, "http": 80}.get(scheme, 0)
    except ValueError:  # a port that is not a number, or out of range
        port = -1
    return scheme, (parts.hostname or "").lower(), port


def is_loopback(host: str) -> bool:
    """
    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("[::1]".strip("[]"))
    (True, True, True)
    >>> is_loopback("demo.data.gouv.fr"), is_loopback("10.0.0.1")
    (False, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_api_url(url: str) -> Origin:
    """The origin of an API address a key may be sent to: https, or http to the loopback
    (a test portal on this machine); anything else is refused before any request."""
    scheme, host, port = origin(url)
    from .sources import public_url

    shown = public_url(url)
    if not host or port < 0 or scheme not in ("https", "http") or urlsplit(url).username:
        raise InputError(f"{shown}: not an API address (https://host/…, with no user name or "
                         "password in it)")
    if scheme == "http" and not is_loopback(host):
        raise InputError(f"{shown}: the API key would travel in clear; use https:// (plain "
                         "http is accepted only for 127.0.0.1 and localhost)")
    return scheme, host, port


def check_key(key: str, variable: str) -> str:
    """A key is visible ASCII: a newline would split the request's headers, and a
    character outside Latin-1 cannot be sent in a header at all. The key is never shown.

    >>> check_key("udata_AbC-123", "KEY")
    'udata_AbC-123'
    >>> check_key("abc\\n", "KEY")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipeline.errors.InputError: KEY holds a character an API key cannot have (a space, a newline, ...
    """
    if not key or not all(33 <= ord(c) <= 126 for c in key):
        raise InputError(f"{variable} holds a character an API key cannot have (a space, a "
                         "newline, an accent…): copy the key again")
    return key


class KeyedSession(requests.Session):
    """A session that sends ``header: key`` only to ``api_url``'s origin."""

    def __init__(self, api_url: str, header: str, key: str | None, variable: str,
                 retries: int = 3, backoff: float = 0.5,
                 methods: frozenset[str] = frozenset({"GET", "HEAD"})):
        super().__init__()
        self.api_origin = check_api_url(api_url)
        self.key_header = header
        self._key = check_key(key, variable) if key is not None else None
        _configure(self, retries, backoff, methods)

    def request(self, method: str, url: str,  # type: ignore[override]  # keywords only, see below
                **kwargs: Any) -> requests.Response:
        """Every call: the key on a request to the API's origin, never elsewhere. (Keyword
        arguments only: the type checker calls this a narrower override of requests', whose
        positional ``params``, ``data``… no caller of this session uses.)"""
        headers = dict(kwargs.pop("headers", None) or {})
        headers.pop(self.key_header, None)  # the key comes from here, nowhere else
        if self._key is not None and origin(url) == self.api_origin:
            headers[self.key_header] = self._key
        return super().request(method, url, headers=headers, **kwargs)

    def rebuild_auth(self, prepared_request: requests.PreparedRequest,
                     response: requests.Response) -> None:
        """On a redirect: requests strips ``Authorization`` when the host changes; strip
        the key's header too whenever the redirect leaves the API's origin (another host,
        port, or http instead of https)."""
        super().rebuild_auth(prepared_request, response)
        if origin(prepared_request.url or "") != self.api_origin:
            prepared_request.headers.pop(self.key_header, None)
            prepared_request.headers.pop("Authorization", None)
