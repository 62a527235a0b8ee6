"""CKAN portals, through the action API (CKAN 2.9 to 2.11; tested against a real 2.11).

``package_show`` finds the dataset by its name, which CKAN keeps as given (the stable
name); ``package_create`` or ``package_patch`` make its metadata right; each file is a
resource, found again by the ``publish_path`` field this publisher stores with it (its
path in the release), created with ``resource_create`` or re-uploaded with
``resource_patch`` (same id, same address) only when the sha256 stored in its ``hash``
differs. CKAN computes no checksum of its own: after an upload, the size it reports must
be the file's. Documentation (descriptors, the dictionary, the page snapshot, the change
log) is marked ``resource_type: documentation``, CKAN's own field for the kind of a
resource; the data and the views are ``data``. ``package_resource_reorder`` puts the
workbook first; ``resource_delete`` removes a resource the release no longer sends. The
dataset's point of contact is CKAN's ``maintainer`` and ``maintainer_email`` (sent only
when the town's configuration gives an e-mail address); its temporal coverage, which
CKAN's core has no field for, the extras ``temporal_start`` and ``temporal_end`` that
ckanext-dcat reads.

ckanapi builds the action calls and reads CKAN's answer envelope (its typed errors:
``NotAuthorized``, ``NotFound``, ``ValidationError``); the calls themselves go through the
pipeline's session, which sends the token (``Authorization``) to the portal's own address
only and checks the answer's status and type before anything is parsed.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ..errors import NetworkError, PortalError
from .base import Dataset, Publisher, Resource, Step
from .bundle import Bundle, LocalFile

if TYPE_CHECKING:
    import requests

# Licence Ouverte 2.0 has no id among CKAN's default licences: it is an attribution
# licence, compatible with CC-BY 2.0, so it maps to "other-at" unless told otherwise.
LICENCES = {"etalab-2.0": "other-at"}
FILE_KEY = "publish_path"  # the file's path in the release, a field of each resource
TEMPORAL = ("temporal_start", "temporal_end")  # the extras of the temporal coverage (ckanext-dcat)
TIMEOUT = (10, 120)


def _pairs(extras: Any) -> list[tuple[str, str]]:
    """CKAN's extras (a list of ``{"key", "value"}``) as sorted pairs."""
    return sorted((str(e.get("key")), str(e.get("value")))
                  for e in extras or [] if isinstance(e, dict))


class Ckan(Publisher):
    name = "ckan"
    label = "CKAN"
    key_variable = "CKAN_API_TOKEN"
    help = "a CKAN portal (action API); token in CKAN_API_TOKEN"
    description = ("Publish to a CKAN portal. The API token is read from the CKAN_API_TOKEN "
                   "environment variable and sent to the portal's own address only, over "
                   "https; it is never printed.")

    def __init__(self, url: str, key: str | None = None, organization: str | None = None,
                 license_id: str | None = None, retries: int = 3, backoff: float = 0.5):
        from ..http import KeyedSession

        self.url = url.rstrip("/")
        self.organization = organization
        self.license_id = license_id
        # reads go by GET and are retried; writes go by POST, once
        self.http = KeyedSession(self.url, "Authorization", key, self.key_variable, retries,
                                 backoff)
        self.http.where = self.where

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--url", required=True, metavar="URL", help="the portal's root URL")
        parser.add_argument("--license-id", metavar="ID",
                            help="CKAN licence id (default: other-at, for Licence Ouverte 2.0)")

    @classmethod
    def from_arguments(cls, args: argparse.Namespace, key: str | None) -> Ckan:
        return cls(args.url, key, args.organization, args.license_id)

    @property
    def where(self) -> str:
        from ..sources import public_url

        return f"{self.label} ({public_url(self.url)})"

    # --- the action API -----------------------------------------------------------------

    def _call(self, action: str, data: dict[str, Any], files: dict[str, Any] | None = None,
              read: bool = False) -> Any:
        """Call ``action``; its result, or None when CKAN says the object is not found."""
        import requests
        from ckanapi.common import prepare_action, reverse_apicontroller_action
        from ckanapi.errors import CKANAPIError, NotAuthorized, NotFound, ValidationError

        path, body, headers = prepare_action(action, data, None, files, base_url="api/3/action/")
        url = f"{self.url}/{path}"
        try:
            if read:
                response = self.http.get(url, params=data, timeout=TIMEOUT)
            else:  # a redirected POST would lose its body: never follow one
                response = self.http.post(url, data=body, headers=headers, files=files,
                                          timeout=TIMEOUT, allow_redirects=False)
        except requests.exceptions.RequestException as exc:
            raise NetworkError(f"{self.where} : injoignable ({type(exc).__name__}) ; vérifier --url "
                               "et le réseau, puis publier de nouveau") from None
        self._check(response, action)
        try:
            return reverse_apicontroller_action(url, response.status_code, response.text)
        except (ValueError, RecursionError):  # not JSON, or nested past what Python parses
            raise PortalError(f"{self.where} : la réponse à {action} n'est pas du JSON lisible ; "
                              "--url doit être l'adresse racine d'un portail CKAN") from None
        except NotFound:
            return None
        except NotAuthorized:
            raise PortalError(f"{self.where} : requête {action} refusée ; {self.key_variable} "
                              "manque, est fausse ou n'a pas ce droit : en donner une qui "
                              "peut modifier ce jeu de données") from None
        except ValidationError as exc:
            errors = exc.error_dict if isinstance(exc.error_dict, dict) else {}
            fields = ", ".join(f"{k}: {v}" for k, v in errors.items() if k != "__type")
            raise PortalError(f"{self.where} : {action} rejeté ({fields[:300]}) ; corriger ces "
                              "champs (fichier de la commune, options), puis publier de "
                              "nouveau") from None
        except CKANAPIError:
            raise PortalError(f"{self.where} : erreur non expliquée en réponse à {action} "
                              f"({response.status_code}) ; publier de nouveau plus tard, ou "
                              "voir les journaux du portail") from None

    def _check(self, response: requests.Response, action: str) -> None:
        from ..http import origin

        if origin(response.url) != self.http.api_origin:
            raise PortalError(f"{self.where} : {action} renvoyé vers une autre adresse "
                              f"({origin(response.url)[1]}), non suivie, le jeton n'y a pas "
                              "été envoyé ; donner l'adresse du portail lui-même (--url)")
        if response.is_redirect:  # a write: a redirected POST would lose its body
            raise PortalError(f"{self.where} : {action} redirigé vers "
                              f"{origin(response.headers.get('Location', ''))[1] or 'ailleurs'}, "
                              "non suivi ; --url doit être l'adresse du portail lui-même")
        status = response.status_code
        if status == 413:
            raise PortalError(f"{self.where} : fichier trop gros pour le portail (413) ; demander "
                              "à son administrateur d'en relever la limite")
        if status >= 500:
            raise NetworkError(f"{self.where} : réponse {status} à {action} ; publier de nouveau "
                               "plus tard")
        if "json" not in response.headers.get("Content-Type", ""):
            kind = "une page web" if "html" in response.headers.get("Content-Type", "") else \
                "autre chose que du JSON"
            raise PortalError(f"{self.where} : la réponse à {action} est {kind} ({status}) ; "
                              "--url doit être l'adresse racine d'un portail CKAN")

    @staticmethod
    def _with_id(value: Any, what: str, where: str) -> dict[str, Any]:
        """A JSON object with an ``id`` that is a plain token, or one clear error."""
        from ..http import plain_id

        if not isinstance(value, dict) or not isinstance(value.get("id"), str) or not value["id"]:
            raise PortalError(f"{where} : {what} sans id, pas une réponse de CKAN ; --url doit "
                              "être l'adresse racine d'un portail CKAN")
        plain_id(value["id"], what, where)
        return value

    # --- reads --------------------------------------------------------------------------

    def find_dataset(self, name: str) -> Dataset | None:
        found = self._call("package_show", {"id": name}, read=True)
        return None if found is None else self._with_id(found, "le jeu de données", self.where)

    def resources(self, dataset: Dataset) -> list[Resource]:
        listed = dataset.get("resources") or []
        if not isinstance(listed, list):
            raise PortalError(f"{self.where} : les ressources du jeu de données, de type "
                              f"{type(listed).__name__} et non une liste, pas une réponse de "
                              "CKAN ; --url doit être l'adresse racine d'un portail CKAN")
        return [self._with_id(r, "une ressource", self.where) for r in listed]

    def resource_key(self, resource: Resource) -> str | None:
        key = resource.get(FILE_KEY)
        return key if isinstance(key, str) else None

    def resource_title(self, resource: Resource) -> str:
        return str(resource.get("name", ""))

    def same_content(self, resource: Resource, file: LocalFile) -> bool:
        return resource.get("hash") == "sha256:" + file.digest("sha256")

    # --- what the portal should hold ----------------------------------------------------

    def dataset_metadata(self, bundle: Bundle, name: str, description: str,
                         current: Dataset | None) -> dict[str, Any]:
        licence = bundle.licence.get("name", "")
        metadata: dict[str, Any] = {
            "name": name,
            "title": bundle.title,
            "notes": description,
            "license_id": self.license_id or LICENCES.get(licence, licence),
            "version": bundle.version,
            "tags": [{"name": k} for k in sorted(set(bundle.keywords))],
        }
        if self.organization:
            metadata["owner_org"] = self.organization
        contact = bundle.contact
        if contact is not None and contact.email:
            # CKAN's point of contact for a dataset (its page shows it; ckanext-dcat exports
            # it as dcat:contactPoint); the author is who made the data, the same publisher
            metadata["maintainer"], metadata["maintainer_email"] = contact.name, contact.email
        if bundle.temporal:
            # no temporal field in CKAN's core: the extras ckanext-dcat reads, the others kept
            first, last = bundle.temporal
            kept = [e for e in (current or {}).get("extras") or []
                    if isinstance(e, dict) and e.get("key") not in TEMPORAL]
            metadata["extras"] = [*kept, {"key": TEMPORAL[0], "value": first},
                                  {"key": TEMPORAL[1], "value": last}]
        return metadata

    def dataset_differences(self, wanted: dict[str, Any], current: Dataset) -> list[str]:
        def held(key: str) -> Any:
            have = current.get(key)
            if key == "tags":
                return [{"name": n} for n in sorted({t.get("name") for t in have or []})]
            if key == "extras":  # the same pairs, in any order
                return wanted[key] if _pairs(have) == _pairs(wanted[key]) else have
            if key == "owner_org":
                org = current.get("organization") or {}
                return wanted[key] if wanted[key] in (have, org.get("id"), org.get("name")) else have
            return have
        return [key for key, value in wanted.items() if held(key) != value]

    def resource_metadata(self, file: LocalFile, current: Resource | None) -> dict[str, Any]:
        return {"name": file.title, "description": file.file.description,
                "format": file.file.format.upper(), "mimetype": file.file.mediatype,
                "resource_type": "documentation" if file.file.kind == "documentation" else "data",
                FILE_KEY: file.key}

    def resource_differences(self, wanted: dict[str, Any], current: Resource) -> list[str]:
        return [key for key, value in wanted.items() if current.get(key) != value]

    # --- writes -------------------------------------------------------------------------

    def create_dataset(self, metadata: dict[str, Any]) -> Dataset:
        return self._with_id(self._call("package_create", metadata), "le nouveau jeu de données", self.where)

    def update_dataset(self, dataset: Dataset, metadata: dict[str, Any]) -> None:
        self._call("package_patch", {**metadata, "id": dataset["id"]})

    def upload(self, dataset: Dataset, step: Step) -> Resource:
        assert step.file is not None
        data = {**self.resource_metadata(step.file, step.resource),
                "hash": "sha256:" + step.file.digest("sha256")}
        if step.resource is None:
            data["package_id"], action = dataset["id"], "resource_create"
        else:
            data["id"], action = step.resource["id"], "resource_patch"
        with step.file.path.open("rb") as handle:
            resource = self._with_id(
                self._call(action, data, files={"upload": (step.upload_name, handle)}),
                "un envoi", self.where)
        size = step.file.path.stat().st_size
        if resource.get("hash") != data["hash"] or resource.get("size") not in (None, size):
            raise PortalError(f"{self.where} : {step.upload_name} n'a pas été gardé tel qu'envoyé "
                              f"(taille {resource.get('size')}, attendue {size}) ; publier de "
                              "nouveau")
        return resource

    def update_resource(self, dataset: Dataset, resource: Resource, metadata: dict[str, Any]) -> None:
        self._call("resource_patch", {**metadata, "id": resource["id"]})

    def remove(self, dataset: Dataset, resource: Resource) -> None:
        self._call("resource_delete", {"id": resource["id"]})  # None when gone already

    def reorder(self, dataset: Dataset, resource_ids: list[str]) -> None:
        current = self.find_dataset(str(dataset["id"])) or dataset
        others = [r["id"] for r in self.resources(current) if r["id"] not in resource_ids]
        self._call("package_resource_reorder", {"id": dataset["id"], "order": [*resource_ids, *others]})

    def page(self, dataset: Dataset) -> str | None:
        from ..sources import public_url

        from urllib.parse import quote

        return public_url(f"{self.url}/dataset/{quote(str(dataset.get('name') or dataset['id']), safe='')}")

