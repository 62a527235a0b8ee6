"""One configured requests session for every HTTP call the pipeline makes.

Retries with backoff on connection errors and on 5xx answers come from urllib3's
``Retry`` (mounted on requests' ``HTTPAdapter``), not from a loop of our own.

A portal's API key goes only where the user sent it (:class:`KeyedSession`): to the
scheme, host and port of the API address they named, over https (plain http only to the
loopback, for tests), never along a redirect to anywhere else. requests itself drops
``Authorization`` on a redirect to another host, but not a custom header such as udata's
``X-API-KEY``: the session adds the key to each request whose address is the API's, and
removes it again when a redirect leaves that origin.

A server is not trusted to be reasonable either: a ``Retry-After`` is obeyed up to
:data:`MAX_RETRY_AFTER` seconds (a portal answering ``Retry-After: 86400`` does not put a
command to sleep for a day); :func:`deadline` bounds a whole command (``fetch``'s
download, ``publish``'s conversation with the portal); a portal's answer is read in
chunks and refused past :data:`MAX_ANSWER_BYTES`; an id a portal gives is used in an
address only when it is a plain token (:func:`plain_id`).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .errors import InputError, PortalError

RETRY_STATUSES = (429, 500, 502, 503, 504)
# The longest a Retry-After is obeyed, in seconds; a longer one is waited this long.
MAX_RETRY_AFTER = 60.0
# The largest answer a portal may give, read in chunks; an API answer of this project's
# calls is a few kilobytes (a dataset with its 32 resources: about 60 kB).
MAX_ANSWER_BYTES = 16 * 1024 * 1024
# An id a portal gives, used in an address: a plain token, never a path.
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.-]{1,200}\Z")


# What urllib3 logs (at DEBUG every request's path and query, at WARNING a retry with the
# path) may hold a session or a token: its records lose path parameters, queries and
# fragments before any handler a user configures sees them.
_ADDRESS_SECRETS = re.compile(r"(?:;|%3[Bb]|\?|#)[^\s'\"]*")


class _ScrubAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _ADDRESS_SECRETS.sub("", record.getMessage())
        record.args = ()
        return True


for _name in ("urllib3.connectionpool", "urllib3.util.retry", "urllib3.connection",
              "urllib3.response", "urllib3.poolmanager"):
    logging.getLogger(_name).addFilter(_ScrubAddresses())


class CappedRetry(Retry):
    """urllib3's retry policy, with a server's ``Retry-After`` obeyed up to
    :data:`MAX_RETRY_AFTER` seconds (and ignored when it is not a number or a date)."""

    def get_retry_after(self, response: Any) -> float | None:
        try:
            seconds = super().get_retry_after(response)
        except Exception:  # an unreadable header: the ordinary backoff applies
            return None
        return None if seconds is None else min(max(seconds, 0.0), MAX_RETRY_AFTER)


class Expired(BaseException):
    """An overall deadline passed. A BaseException, so that no ``except Exception`` of the
    HTTP libraries swallows it on its way out."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Expired` in the block once ``seconds`` have passed, even inside a
    blocking read or a sleep (a timer signal interrupts it). Signals reach the main thread
    only; elsewhere the block runs without this bound."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    armed = True

    def expire(signum: int, frame: object) -> None:
        if armed:
            raise Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def plain_id(value: Any, what: str, where: str) -> str:
    """``value`` when it is an id that may go into an address as it is: letters, digits,
    ``_``, ``.`` and ``-``, and no ``..``; one line otherwise (a portal that answers an id
    such as ``../../me`` would send the next call, and the key, to another endpoint).

    >>> plain_id("5f0c7a2e9b1d", "le jeu de données", "P")
    '5f0c7a2e9b1d'
    >>> plain_id("../../me", "une ressource", "P")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipeline.errors.PortalError: P : une ressource avec un id qui n'est pas un simple jeton ...
    """
    if not isinstance(value, str) or not _PLAIN_ID.match(value) or ".." in value:
        raise PortalError(f"{where} : {what} avec un id qui n'est pas un simple jeton "
                          f"({str(value)[:40]!r}), refusé ; --url doit être l'adresse de "
                          "l'API du portail")
    return value


def path_segment(value: str, what: str) -> str:
    """A name the user gave (a dataset, an organisation), as one segment of an address.

    >>> path_segment("ivry/jumelages", "--dataset")
    'ivry%2Fjumelages'
    """
    if value in (".", "..") or not value:
        raise InputError(f"{what} {value!r} : pas un nom ; en donner un autre")
    return quote(value, safe="")


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
    policy = CappedRetry(
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
        raise InputError(f"{shown} : pas une adresse d'API ; donner https://hôte/…, sans nom "
                         "d'utilisateur ni mot de passe")
    if scheme == "http" and not is_loopback(host):
        raise InputError(f"{shown} : la clé d'API circulerait en clair ; donner une adresse "
                         "https:// (http n'est accepté que pour 127.0.0.1 et localhost)")
    return scheme, host, port


def check_key(key: str, variable: str) -> str:
    """A key is visible ASCII: a newline would split the request's headers, and a
    character outside Latin-1 cannot be sent in a header at all. The key is never shown.

    >>> check_key("udata_AbC-123", "KEY")
    'udata_AbC-123'
    >>> check_key("abc\\n", "KEY")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipeline.errors.InputError: KEY contient un caractère qu'une clé d'API ne peut avoir (une espace, ...
    """
    if not key or not all(33 <= ord(c) <= 126 for c in key):
        raise InputError(f"{variable} contient un caractère qu'une clé d'API ne peut avoir (une "
                         "espace, un saut de ligne, un accent…) : recopier la clé")
    return key


class KeyedSession(requests.Session):
    """A session that sends ``header: key`` only to ``api_url``'s origin."""

    def __init__(self, api_url: str, header: str, key: str | None, variable: str,
                 retries: int = 3, backoff: float = 0.5,
                 methods: frozenset[str] = frozenset({"GET", "HEAD"})):
        super().__init__()
        from .sources import public_url

        self.api_origin = check_api_url(api_url)
        self.where = public_url(api_url)  # how messages name the portal
        self.key_header = header
        self._key = check_key(key, variable) if key is not None else None
        _configure(self, retries, backoff, methods)

    def without_key(self, text: str) -> str:
        """``text`` from the portal (an error message) as it may be shown: the key, should
        the portal repeat it, replaced by the name of the variable that holds it."""
        return text.replace(self._key, "***") if self._key else text

    def request(self, method: str, url: str,  # type: ignore[override]  # keywords only, see below
                **kwargs: Any) -> requests.Response:
        """Every call: the key on a request to the API's origin, never elsewhere. (Keyword
        arguments only: the type checker calls this a narrower override of requests', whose
        positional ``params``, ``data``… no caller of this session uses.)"""
        headers = dict(kwargs.pop("headers", None) or {})
        headers.pop(self.key_header, None)  # the key comes from here, nowhere else
        if self._key is not None and origin(url) == self.api_origin:
            headers[self.key_header] = self._key
        kwargs.pop("stream", None)
        response = super().request(method, url, headers=headers, stream=True, **kwargs)
        self._read(response, method)
        return response

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        """A redirect's target; requests then reads the redirect's own body whole before
        following it, so it is read here first, under the same limit."""
        target = super().get_redirect_target(resp)
        if target is not None and resp._content is False:
            self._read(resp, str(resp.request.method))
        return target

    def _read(self, response: requests.Response, method: str) -> None:
        """Read the answer's body in chunks, refusing it past :data:`MAX_ANSWER_BYTES`
        (a 40 MB answer is not held in memory, let alone parsed)."""
        limit = MAX_ANSWER_BYTES
        declared = response.headers.get("Content-Length", "")
        from .sources import public_url

        path = urlsplit(public_url(response.url)).path[:80]
        shown = f"{limit:,}".replace(",", " ")  # 16 777 216, as French writes it
        too_large = PortalError(f"{self.where} : la réponse à {method} {path} dépasse "
                                f"{shown} octets, non lue au-delà ; --url doit être "
                                "l'adresse de l'API du portail")
        if declared.isdigit() and int(declared) > limit:
            response.close()
            raise too_large
        body = bytearray()
        for chunk in response.iter_content(chunk_size=65536):
            body += chunk
            if len(body) > limit:
                response.close()
                raise too_large
        response._content = bytes(body)

    def rebuild_auth(self, prepared_request: requests.PreparedRequest,
                     response: requests.Response) -> None:
        """On a redirect: requests strips ``Authorization`` when the host changes; strip
        the key's header too whenever the redirect leaves the API's origin (another host,
        port, or http instead of https)."""
        super().rebuild_auth(prepared_request, response)
        if origin(prepared_request.url or "") != self.api_origin:
            prepared_request.headers.pop(self.key_header, None)
            prepared_request.headers.pop("Authorization", None)
