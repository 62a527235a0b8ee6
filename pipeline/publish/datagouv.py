"""data.gouv.fr, or any udata portal, through the udata API v1.

What udata does, read from its source (udata 17, ``udata/core/dataset/api.py``) and seen
on a real instance in the tests:

- ``GET /datasets/{id or slug}/`` gives a dataset and its resources. udata chooses the slug
  from the title (and changes it with the title), so the dataset this publisher created is
  found again by a stable name it stores in the dataset's ``extras``
  (``publish:dataset``), among the datasets of the organisation (``--organization``) or of
  the key's owner (``GET /datasets/?organization=…|owner=…``); an id or a slug given with
  ``--dataset`` is taken as well.
- ``POST /datasets/`` creates, ``PUT /datasets/{id}/`` updates (the fields sent only; the
  extras are sent back whole, as udata replaces them).
- ``POST /datasets/{id}/upload/`` uploads a file as a new resource (udata puts it first);
  ``POST /datasets/{id}/resources/{rid}/upload/`` replaces a resource's file and keeps its
  id (its ``latest`` address, ``/datasets/r/{rid}``, never changes; the stored file's own
  address gets a new time stamp) but resets its title to the file name, so every upload is
  followed by ``PUT /datasets/{id}/resources/{rid}/`` with the title, description, type
  (``main`` or ``documentation``) and extras (``publish:path``).
- A replacement within the same second as that resource's previous upload is refused with
  a 500: udata stores a file under the dataset's slug, the second and the file name
  (``handle_upload``), and flask-storage will not overwrite (``FileExists``). Replacing is
  idempotent, so that call is retried after a backoff; a new file's upload is not.
- udata computes and owns a file's ``mime``, ``format``, ``filesize`` and ``checksum``
  (sha1) and ignores what a client sends for them: they are neither sent nor compared;
  the checksum tells whether the portal holds the local file. Tags come back slugified and
  sorted: they are compared as sets of slugs.
- ``GET /datasets/extensions/`` lists the file extensions the portal accepts (stock udata
  refuses ``.parquet`` and ``.md``): a Markdown file goes as ``.txt``, a file of another
  refused kind is left out, and the plan says so.
- ``PUT /datasets/{id}/resources/`` with the resources' ids puts them in order;
  ``DELETE /datasets/{id}/resources/{rid}/`` removes one the release no longer sends.
- A dataset's point of contact is a contact point (``udata/core/contact_point``: name,
  e-mail, role ``contact``, owned by an organisation or a user), named by id in the
  dataset's ``contact_points``: the publisher looks for the owner's own with the same
  name, e-mail and role (``GET /organizations/{id}/contacts/``, ``/users/{id}/contacts/``)
  and makes one (``POST /contacts/``) only when there is none; sent only when the town's
  configuration gives an e-mail address.
- udata's checksum types are ``sha1`` (what it computes for an upload), ``sha2``,
  ``sha256``, ``md5`` and ``crc`` (``CHECKSUM_TYPES``, ``udata/core/dataset/models.py``),
  the others set by harvesters: ``sha2`` is told by its length (SHA-224 to SHA-512),
  ``crc`` is CRC-32 (hexadecimal or decimal). A checksum of a type or form the publisher
  cannot compute does not stop ``publish``: the file is sent again, which gives it udata's
  own sha1.

The key goes in the ``X-API-KEY`` header, to the API's own address only.
"""

from __future__ import annotations

import argparse
import hashlib
import zlib
from typing import TYPE_CHECKING, Any

from ..errors import InputError, NetworkError, PortalError
from ..text import slug
from .base import Dataset, Publisher, Resource, Step
from .bundle import Bundle, LocalFile

if TYPE_CHECKING:
    import requests

DEFAULT_API = "https://www.data.gouv.fr/api/1"
LICENCES = {"etalab-2.0": "lov2"}  # Licence Ouverte / Open Licence 2.0 on data.gouv.fr
FREQUENCY = "irregular"  # the city edits the page a few times a year, at no fixed date
DATASET_KEY = "publish:dataset"  # the stable name, in the dataset's extras
FILE_KEY = "publish:path"  # the file's path in the release, in each resource's extras
CONTACT_ROLE = "contact"  # udata's role for the point of contact (CONTACT_ROLES)
CHECKSUMS = {"sha1": "sha1", "sha256": "sha256", "md5": "md5"}  # udata's names -> hashlib's
SHA2_BY_LENGTH = {56: "sha224", 64: "sha256", 96: "sha384", 128: "sha512"}  # hex digits
MAX_PAGES = 50  # of 100 datasets each, when looking for the dataset among an owner's
TIMEOUT = (10, 120)


def _refusal(body: Any) -> str:
    """What a refusal says: its ``message``, else its field ``errors`` (udata's answer to
    an invalid object may carry an empty message and the errors by field).

    >>> _refusal({"message": "", "errors": {"organization": "Invalid ObjectId"}})
    'organization : Invalid ObjectId'
    >>> _refusal({"message": "Not found"}), _refusal(["odd"])
    ('Not found', '')
    """
    if not isinstance(body, dict):
        return ""
    errors = body.get("errors")
    if body.get("message") or not isinstance(errors, dict):
        return str(body.get("message") or "")
    return ", ".join(f"{field} : {error}" for field, error in errors.items())


def _object(value: Any, what: str, where: str) -> dict[str, Any]:
    """A JSON object with an ``id`` that is a plain token (it goes into addresses), or one
    clear error."""
    from ..http import plain_id

    if not isinstance(value, dict) or not isinstance(value.get("id"), str) or not value["id"]:
        raise PortalError(f"{where} : {what} sans id, pas une réponse de l'API udata ; --url "
                          "doit être l'adresse d'une API udata (…/api/1)")
    plain_id(value["id"], what, where)
    return value


def _mapping(value: Any, what: str, where: str) -> dict[str, Any]:
    """A JSON object the portal gives (extras, a checksum, permissions), or {} when it gives
    none; anything else is one clear error, not a traceback further on."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PortalError(f"{where} : {what}, de type {type(value).__name__} et non un objet, "
                          "pas une réponse de l'API udata ; --url doit être l'adresse d'une "
                          "API udata (…/api/1)")
    return value


def _contact(point: dict[str, Any]) -> tuple[str, str, str]:
    """What tells two contact points apart for the publisher: name, e-mail, role."""
    name, email, role = (str(point.get(k) or "") for k in ("name", "email", "role"))
    return name, email, role


def checksum_matches(kind: str, value: str, data: bytes) -> bool | None:
    """Whether a udata checksum of type ``kind`` is that of ``data``; None when the
    publisher cannot tell (a type it does not know, a value of no length of its type).

    >>> checksum_matches("sha1", hashlib.sha1(b"abc").hexdigest(), b"abc")
    True
    >>> checksum_matches("sha2", hashlib.sha512(b"abc").hexdigest(), b"abc")
    True
    >>> checksum_matches("crc", "352441C2", b"abc"), checksum_matches("crc", "891568578", b"abc")
    (True, True)
    >>> checksum_matches("blake3", "00", b"abc"), checksum_matches("sha2", "abc", b"abc")
    (None, None)
    """
    kind, value = kind.lower(), value.strip().lower()
    if kind in CHECKSUMS:
        return value == hashlib.new(CHECKSUMS[kind], data).hexdigest()
    if kind == "sha2":
        algorithm = SHA2_BY_LENGTH.get(len(value))
        return None if algorithm is None else value == hashlib.new(algorithm, data).hexdigest()
    if kind == "crc":
        crc = zlib.crc32(data)
        return value.removeprefix("0x") in (f"{crc:08x}", f"{crc:x}") or value == str(crc)
    return None


class DataGouv(Publisher):
    name = "datagouv"
    label = "data.gouv.fr"
    key_variable = "DATAGOUV_API_KEY"
    help = "data.gouv.fr or another udata portal (API v1); key in DATAGOUV_API_KEY"
    description = ("Publish to data.gouv.fr or another udata portal. The API key is read from "
                   "the DATAGOUV_API_KEY environment variable and sent as X-API-KEY to the "
                   "API's own address only, over https; it is never printed.")

    def __init__(self, api_url: str = DEFAULT_API, key: str | None = None,
                 organization: str | None = None, retries: int = 3, backoff: float = 0.5):
        from ..http import KeyedSession

        self.api = api_url.rstrip("/")
        # Only idempotent calls are retried: a repeated upload of a new file could make a
        # duplicate. Replacing a resource's file is idempotent (the same resource gets the
        # same file), and udata refuses it with a 500 when it comes within the same second as
        # that resource's previous upload (both are stored under one time-stamped name:
        # ``handle_upload`` in udata/core/dataset/api.py, then ``FileExists``), which a
        # publication of a few changed files meets: those go through a session that retries
        # POST, after urllib3's backoff (the second retry waits a second).
        self.http = KeyedSession(self.api, "X-API-KEY", key, self.key_variable, retries, backoff,
                                 methods=frozenset({"GET", "HEAD", "PUT"}))
        self.replacing = KeyedSession(self.api, "X-API-KEY", key, self.key_variable, retries,
                                      backoff, methods=frozenset({"POST"}))
        self.http.where = self.replacing.where = self.where
        self.has_key = key is not None
        self.organization = organization
        self._organization_id: str | None = None

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--api-url", default=DEFAULT_API, metavar="URL",
                            help=f"API root (default: {DEFAULT_API}; try "
                            "https://demo.data.gouv.fr/api/1 first)")

    @classmethod
    def from_arguments(cls, args: argparse.Namespace, key: str | None) -> DataGouv:
        return cls(args.api_url, key, args.organization)

    @property
    def where(self) -> str:
        from ..sources import public_url

        return f"{self.label} ({public_url(self.api)})"

    # --- HTTP ---------------------------------------------------------------------------

    def _call(self, method: str, path: str, *, idempotent: bool = False,
              **kwargs: Any) -> requests.Response:
        """One call; ``idempotent`` sends a POST through the session that retries it."""
        import requests

        from ..http import origin

        url = f"{self.api}{path}"
        session = self.replacing if idempotent else self.http
        try:
            response = session.request(method, url, timeout=TIMEOUT, **kwargs)
        except requests.exceptions.RequestException as exc:
            raise NetworkError(f"{self.where} : injoignable ({type(exc).__name__}) ; vérifier --url "
                               "et le réseau, puis publier de nouveau") from None
        if origin(response.url) != self.http.api_origin:
            raise PortalError(f"{self.where} : {method} {path} renvoyé vers une autre adresse "
                              f"({origin(response.url)[1]}), non suivie, la clé n'y a pas été "
                              "envoyée ; donner l'adresse de l'API du portail lui-même (--url)")
        status = response.status_code
        if status in (401, 403):
            raise PortalError(f"{self.where} : clé refusée ({status}) ; {self.key_variable} manque, "
                              "est fausse ou ne peut pas modifier ce jeu de données : en "
                              "donner une qui le peut")
        if status == 413:
            raise PortalError(f"{self.where} : fichier trop gros pour le portail (413) ; demander "
                              "à son administrateur d'en relever la limite")
        if status >= 500:
            retried = " après de nouveaux essais" if idempotent or method in ("GET", "PUT") else ""
            raise NetworkError(f"{self.where} : réponse {status} à {method} {path}{retried} ; "
                               "publier de nouveau plus tard")
        return response

    def _json(self, response: requests.Response, what: str) -> Any:
        try:
            return response.json()
        except (ValueError, RecursionError):  # not JSON, or nested past what Python parses
            kind = "une page web" if "html" in response.headers.get("Content-Type", "") else \
                "autre chose que du JSON"
            raise PortalError(f"{self.where} : la réponse pour {what} est {kind} "
                              f"({response.status_code}) ; --url doit être l'adresse d'une API "
                              "udata (…/api/1)") from None

    def _ok(self, method: str, path: str, what: str, *, idempotent: bool = False,
            **kwargs: Any) -> Any:
        response = self._call(method, path, idempotent=idempotent, **kwargs)
        if response.status_code >= 400:
            message = _refusal(self._json(response, what))
            raise PortalError(f"{self.where} : refus ({response.status_code}) pour {what} : "
                              f"{self.http.without_key(str(message))[:200]} ; corriger ce que "
                              "dit le portail, puis publier de nouveau")
        return self._json(response, what)

    def _dataset(self, id_or_slug: str) -> Dataset | None:
        from ..http import path_segment

        response = self._call("GET", f"/datasets/{path_segment(id_or_slug, '--dataset')}/")
        if response.status_code in (404, 410):
            return None
        if response.status_code >= 400:
            raise PortalError(f"{self.where} : réponse {response.status_code} pour le jeu de "
                              "données ; vérifier --dataset, ou publier de nouveau plus tard")
        return _object(self._json(response, "le jeu de données"), "le jeu de données", self.where)

    # --- reads --------------------------------------------------------------------------

    def _organization(self) -> str | None:
        """The id of the organisation named by ``--organization`` (an id or a slug)."""
        if self.organization and self._organization_id is None:
            from ..http import path_segment

            segment = path_segment(self.organization, "--organization")
            response = self._call("GET", f"/organizations/{segment}/")
            if response.status_code in (404, 410):
                raise InputError(f"{self.where} : pas d'organisation {self.organization!r} ; "
                                 "donner à --organization son id ou son slug")
            if response.status_code >= 400:
                raise PortalError(f"{self.where} : réponse {response.status_code} pour "
                                  "l'organisation ; vérifier --organization, ou publier de "
                                  "nouveau plus tard")
            found = _object(self._json(response, "l'organisation"), "l'organisation", self.where)
            self._organization_id = found["id"]
        return self._organization_id

    def _candidates(self) -> list[dict[str, Any]]:
        """The datasets of the organisation, else of the key's owner, that may be ours."""
        if self._organization():
            where = {"organization": self._organization()}
        elif self.has_key:
            where = {"owner": _object(self._ok("GET", "/me/", "le propriétaire de la clé"),
                                      "le propriétaire de la clé", self.where)["id"]}
        else:
            return []  # a dry run without key or organisation: only --dataset ID_OR_SLUG helps
        found: list[dict[str, Any]] = []
        for page in range(1, MAX_PAGES + 1):
            answer = self._ok("GET", "/datasets/", "la liste des jeux de données",
                              params={**where, "page": page, "page_size": 100})
            data = answer.get("data") if isinstance(answer, dict) else None
            if not isinstance(data, list):
                raise PortalError(f"{self.where} : la liste des jeux de données sans ses données, "
                                  "pas une réponse de l'API udata ; --url doit être "
                                  "l'adresse d'une API udata (…/api/1)")
            total = answer.get("total")
            if total is not None and (not isinstance(total, int) or isinstance(total, bool)
                                      or total < 0):
                raise PortalError(f"{self.where} : la liste des jeux de données avec un total qui "
                                  f"n'est pas un nombre ({str(total)[:40]!r}), pas une réponse "
                                  "de l'API udata ; --url doit être l'adresse d'une API udata "
                                  "(…/api/1)")
            found += [d for d in data if isinstance(d, dict)]
            if not data or len(found) >= (total or 0):
                break
        return found

    def find_dataset(self, name: str) -> Dataset | None:
        for candidate in self._candidates():
            extras = _mapping(candidate.get("extras"), "les extras d'un jeu de données", self.where)
            if extras.get(DATASET_KEY) == name:
                return self._dataset(str(_object(candidate, "un jeu de données", self.where)["id"]))
        dataset = self._dataset(name)  # an id or a slug given by the user
        if dataset is not None and self.has_key and not _mapping(
                dataset.get("permissions"), "les permissions du jeu de données",
                self.where).get("edit", True):
            raise PortalError(f"{self.where} : le jeu de données {name!r} existe mais cette clé ne "
                              "peut pas le modifier (celui de quelqu'un d'autre ?) ; choisir "
                              "un autre --dataset")
        return dataset

    def resources(self, dataset: Dataset) -> list[Resource]:
        listed = dataset.get("resources") or []
        if not isinstance(listed, list):
            raise PortalError(f"{self.where} : les ressources du jeu de données, de type "
                              f"{type(listed).__name__} et non une liste, pas une réponse de "
                              "l'API udata ; --url doit être l'adresse d'une API udata "
                              "(…/api/1)")
        return [_object(r, "une ressource", self.where) for r in listed]

    def resource_key(self, resource: Resource) -> str | None:
        key = _mapping(resource.get("extras"), "les extras d'une ressource", self.where).get(FILE_KEY)
        return key if isinstance(key, str) else None

    def resource_title(self, resource: Resource) -> str:
        return str(resource.get("title", ""))

    def _matches(self, resource: Resource, file: LocalFile) -> bool | None:
        """Whether the portal's checksum of ``resource`` is ``file``'s; None when there is
        none, or of a type or form the publisher cannot compute."""
        checksum = _mapping(resource.get("checksum"), "la somme de contrôle d'une ressource", self.where)
        value, kind = checksum.get("value"), checksum.get("type") or "sha1"
        if not value or not isinstance(value, str) or not isinstance(kind, str):
            return None
        return checksum_matches(kind, value, file.path.read_bytes())

    def same_content(self, resource: Resource, file: LocalFile) -> bool:
        # no checksum, or one the publisher cannot compute: the file is sent again (udata
        # then computes its own sha1)
        return bool(self._matches(resource, file))

    def accepted_extensions(self) -> set[str] | None:
        response = self._call("GET", "/datasets/extensions/")
        if response.status_code == 404:
            return None  # an older udata that does not say: let it refuse
        listed = self._json(response, "les extensions de fichier acceptées")
        if not isinstance(listed, list):
            raise PortalError(f"{self.where} : les extensions de fichier acceptées sans liste, pas "
                              "une réponse de l'API udata ; --url doit être l'adresse d'une "
                              "API udata (…/api/1)")
        return {str(e).lower() for e in listed}

    # --- what the portal should hold ----------------------------------------------------

    def dataset_metadata(self, bundle: Bundle, name: str, description: str,
                         current: Dataset | None) -> dict[str, Any]:
        from ..config import config

        metadata: dict[str, Any] = {
            "title": bundle.title,
            "description": description,
            "license": LICENCES.get(bundle.licence.get("name", ""), bundle.licence.get("name", "")),
            "frequency": FREQUENCY,
            "spatial": {"zones": [config().town.zone]},
            "tags": sorted({slug(k) for k in bundle.keywords}),
            "extras": {**((current or {}).get("extras") or {}), DATASET_KEY: name},
        }
        if bundle.temporal:
            first, last = bundle.temporal
            metadata["temporal_coverage"] = {"start": first, "end": last}
        if self._organization():
            metadata["organization"] = self._organization()
        contact = bundle.contact
        if contact is not None and contact.email:
            # udata's contact point (role "contact"): what it shows as "Contact" and exports
            # as dcat:contactPoint; its id is found or made when the dataset is written
            metadata["contact_points"] = [{"name": contact.name, "email": contact.email,
                                           "role": CONTACT_ROLE}]
        return metadata

    def _contact_ids(self, metadata: dict[str, Any]) -> dict[str, Any]:
        """``metadata`` with each contact point given by its id, as udata takes it: an
        existing one of the dataset's owner with the same name, e-mail and role, else a new
        one (``POST /contacts/``, which udata 17 also answers with the existing one)."""
        wanted = metadata.get("contact_points")
        if not wanted:
            return metadata
        organization = self._organization()
        if organization:
            listed = self._ok("GET", f"/organizations/{organization}/contacts/",
                              "les points de contact de l'organisation", params={"page_size": 100})
        else:
            me = _object(self._ok("GET", "/me/", "le propriétaire de la clé"), "le propriétaire de la clé",
                         self.where)["id"]
            listed = self._ok("GET", f"/users/{me}/contacts/", "les points de contact",
                              params={"page_size": 100})
        known = listed.get("data") if isinstance(listed, dict) else listed
        ids = []
        for point in wanted:
            found = next((c for c in known or [] if isinstance(c, dict)
                          and _contact(c) == _contact(point)), None)
            if found is None:
                body = {**point, **({"organization": organization} if organization else {})}
                found = self._ok("POST", "/contacts/", "le nouveau point de contact", json=body)
            ids.append(_object(found, "un point de contact", self.where)["id"])
        return {**metadata, "contact_points": ids}

    def dataset_differences(self, wanted: dict[str, Any], current: Dataset) -> list[str]:
        def held(key: str) -> Any:
            have = current.get(key)
            if key == "tags":
                return sorted(set(have or []))
            if key == "spatial":
                zones = (have or {}).get("zones") or []
                return {"zones": [z if isinstance(z, str) else z.get("id") for z in zones]}
            if key == "organization":
                return (have or {}).get("id") if isinstance(have, dict) else have
            if key == "temporal_coverage" and isinstance(have, dict):
                return {k: str(have.get(k) or "")[:10] for k in ("start", "end")}
            if key == "extras":
                return {**(have or {}), DATASET_KEY: (have or {}).get(DATASET_KEY)}
            if key == "contact_points":
                held = [_contact(c) for c in have or [] if isinstance(c, dict)]
                return wanted[key] if held == [_contact(c) for c in wanted[key]] else have
            return have
        return [key for key, value in wanted.items() if held(key) != value]

    def resource_metadata(self, file: LocalFile, current: Resource | None) -> dict[str, Any]:
        return {"title": file.title, "description": file.file.description,
                "type": "documentation" if file.file.kind == "documentation" else "main",
                "extras": {**((current or {}).get("extras") or {}), FILE_KEY: file.key}}

    def resource_differences(self, wanted: dict[str, Any], current: Resource) -> list[str]:
        return [key for key, value in wanted.items()
                if (self.resource_key(current) if key == "extras" else current.get(key))
                != (value[FILE_KEY] if key == "extras" else value)]

    # --- writes -------------------------------------------------------------------------

    def create_dataset(self, metadata: dict[str, Any]) -> Dataset:
        return _object(self._ok("POST", "/datasets/", "le nouveau jeu de données",
                                json=self._contact_ids(metadata)),
                       "le nouveau jeu de données", self.where)

    def update_dataset(self, dataset: Dataset, metadata: dict[str, Any]) -> None:
        self._ok("PUT", f"/datasets/{dataset['id']}/", "la mise à jour du jeu de données",
                 json=self._contact_ids(metadata))

    def remove(self, dataset: Dataset, resource: Resource) -> None:
        response = self._call("DELETE", f"/datasets/{dataset['id']}/resources/{resource['id']}/")
        if response.status_code >= 400 and response.status_code not in (404, 410):  # gone already
            raise PortalError(f"{self.where} : refus de retirer {self.resource_title(resource)!r} "
                              f"({response.status_code}) ; la retirer à la main sur le "
                              "portail, ou publier de nouveau")

    def upload(self, dataset: Dataset, step: Step) -> Resource:
        assert step.file is not None
        path = (f"/datasets/{dataset['id']}/upload/" if step.resource is None else
                f"/datasets/{dataset['id']}/resources/{step.resource['id']}/upload/")
        with step.file.path.open("rb") as handle:
            upload = {"file": (step.upload_name, handle, step.file.file.mediatype)}
            resource = _object(self._ok("POST", path, f"l'envoi de {step.upload_name}",
                                        idempotent=step.resource is not None, files=upload),
                               "un envoi", self.where)
        matches = self._matches(resource, step.file)
        if matches is None:
            raise PortalError(f"{self.where} : {step.upload_name}, envoyé, revient sans somme de "
                              "contrôle que la publication sache calculer ; publier de nouveau")
        if not matches:
            raise PortalError(f"{self.where} : {step.upload_name}, envoyé, diffère du fichier "
                              "local (somme de contrôle) ; publier de nouveau")
        self.update_resource(dataset, resource, self.resource_metadata(step.file, resource))
        return resource

    def update_resource(self, dataset: Dataset, resource: Resource, metadata: dict[str, Any]) -> None:
        self._ok("PUT", f"/datasets/{dataset['id']}/resources/{resource['id']}/",
                 "la mise à jour d'une ressource", json=metadata)

    def reorder(self, dataset: Dataset, resource_ids: list[str]) -> None:
        current = self._dataset(str(dataset["id"])) or dataset
        others = [str(r["id"]) for r in self.resources(current) if str(r["id"]) not in resource_ids]
        self._ok("PUT", f"/datasets/{dataset['id']}/resources/", "l'ordre des ressources",
                 json=[{"id": rid} for rid in [*resource_ids, *others]])

    def page(self, dataset: Dataset) -> str | None:
        from ..sources import public_url

        page = dataset.get("page")
        return public_url(page) if isinstance(page, str) else None
