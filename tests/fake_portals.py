"""Stateful stand-ins for data.gouv.fr (udata API v1) and CKAN's action API, on 127.0.0.1.

They answer the endpoints the publishers use the way the real portals do (status codes,
field names, udata's sha1 checksum of an upload, CKAN's success/error envelope), keep
their state between calls, count uploads, and can be told to fail a given call.
"""

import hashlib
import itertools
import json
import re
import uuid
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qs, urlparse

from .http_server import Server

API_KEY = "test-key-not-a-secret"


def send_json(handler, code, body):
    data = json.dumps(body).encode()
    handler.send_response(code)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def multipart(handler):
    """Fields and files of a multipart/form-data body: {name: (filename or None, bytes)}."""
    header = f"Content-Type: {handler.headers['Content-Type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(header + handler.body)
    return {part.get_param("name", header="content-disposition"):
            (part.get_filename(), part.get_payload(decode=True)) for part in message.iter_parts()}


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class FakeUdata(Server):
    def __init__(self):
        super().__init__()
        self.datasets = {}          # id -> dataset
        self.uploads = 0            # files received
        self.fail_upload_number = None  # answer 500 to that upload (1-based)
        self.fail_status = 500
        self.corrupt_checksums = False  # store (and report) something other than what was sent
        self.fallback = self.answer

    def _find(self, key):
        return next((d for d in self.datasets.values() if key in (d["id"], d["slug"])), None)

    def answer(self, handler, method, path):
        path = urlparse(path).path
        writes = method in ("POST", "PUT", "DELETE")
        if writes and handler.headers.get("X-API-KEY") != API_KEY:
            return send_json(handler, 401, {"message": "Invalid API Key"})
        m = re.fullmatch(r"/api/1/datasets/(?:([^/]+)/)?(?:(upload)/|resources/([^/]+)/(upload/)?)?", path)
        if not m:
            return send_json(handler, 404, {"message": "Not found"})
        key, upload_new, rid, reupload = m.groups()
        if key is None and method == "POST":
            body = json.loads(handler.body)
            dataset = {"id": uuid.uuid4().hex[:24], "slug": slugify(body["title"]), "resources": [],
                       **{k: v for k, v in body.items() if k != "organization"},
                       "organization": {"id": body["organization"], "slug": body["organization"]}
                       if body.get("organization") else None}
            self.datasets[dataset["id"]] = dataset
            return send_json(handler, 201, dataset)
        dataset = self._find(key)
        if dataset is None:
            return send_json(handler, 404, {"message": "Dataset not found"})
        if method == "GET" and not (upload_new or rid):
            return send_json(handler, 200, dataset)
        if method == "PUT" and not (upload_new or rid):
            dataset.update(json.loads(handler.body))
            return send_json(handler, 200, dataset)
        if method == "POST" and (upload_new or reupload):
            self.uploads += 1
            if self.uploads == self.fail_upload_number:
                return send_json(handler, self.fail_status, {"message": "Upload refused"})
            filename, content = multipart(handler)["file"]
            if self.corrupt_checksums:
                content = content[:-1]
            infos = {"title": filename, "format": filename.rsplit(".", 1)[-1],
                     "mime": "application/octet-stream", "filesize": len(content),
                     "checksum": {"type": "sha1", "value": hashlib.sha1(content).hexdigest()},
                     "filetype": "file", "url": f"{self.url}/files/{filename}"}
            if upload_new:
                resource = {"id": str(uuid.uuid4()), "description": None, "type": "main", **infos}
                dataset["resources"].append(resource)
                return send_json(handler, 201, resource)
            resource = next((r for r in dataset["resources"] if r["id"] == rid), None)
            if resource is None:
                return send_json(handler, 404, {"message": "Resource does not exist"})
            resource.update({k: v for k, v in infos.items() if k != "title"} | {"title": filename})
            return send_json(handler, 200, resource)
        if method == "PUT" and rid:
            resource = next((r for r in dataset["resources"] if r["id"] == rid), None)
            if resource is None:
                return send_json(handler, 404, {"message": "Resource does not exist"})
            resource.update(json.loads(handler.body))
            return send_json(handler, 200, resource)
        return send_json(handler, 405, {"message": "Method not allowed"})


class FakeCkan(Server):
    def __init__(self):
        super().__init__()
        self.packages = {}   # name -> package
        self.uploads = 0
        self.fail_upload_number = None
        self.ids = itertools.count(1)
        self.fallback = self.answer

    def _error(self, handler, code, kind, message):
        return send_json(handler, code, {"success": False, "error": {"__type": kind, "message": message}})

    def answer(self, handler, method, path):
        url = urlparse(path)
        action = url.path.rsplit("/", 1)[-1]
        if method == "GET":
            data = {k: v[0] for k, v in parse_qs(url.query).items()}
            files = {}
        elif handler.headers.get("Content-Type", "").startswith("multipart/"):
            parts = multipart(handler)
            data = {k: v[1].decode() for k, v in parts.items() if v[0] is None}
            files = {k: v for k, v in parts.items() if v[0] is not None}
        else:
            data, files = json.loads(handler.body or b"{}"), {}
        if action != "package_show" and handler.headers.get("Authorization") != API_KEY:
            return self._error(handler, 403, "Authorization Error", "Access denied")
        if action == "package_show":
            package = self.packages.get(data.get("id")) or next(
                (p for p in self.packages.values() if p["id"] == data.get("id")), None)
            if package is None:
                return self._error(handler, 404, "Not Found Error", "Not found")
            return send_json(handler, 200, {"success": True, "result": package})
        if action == "package_create":
            package = {"id": f"pkg-{next(self.ids)}", "resources": [], **data}
            if data.get("owner_org"):
                package["organization"] = {"id": data["owner_org"], "name": data["owner_org"]}
            self.packages[data["name"]] = package
            return send_json(handler, 200, {"success": True, "result": package})
        if action == "package_patch":
            package = next(p for p in self.packages.values() if p["id"] == data["id"] or p["name"] == data["id"])
            package.update({k: v for k, v in data.items() if k != "id"})
            return send_json(handler, 200, {"success": True, "result": package})
        if action in ("resource_create", "resource_patch"):
            if files:
                self.uploads += 1
                if self.uploads == self.fail_upload_number:
                    return send_json(handler, 500, {"success": False})
            if action == "resource_create":
                package = next(p for p in self.packages.values() if p["id"] == data["package_id"])
                resource = {"id": f"res-{next(self.ids)}", "package_id": package["id"]}
                package["resources"].append(resource)
            else:
                resource = next(r for p in self.packages.values() for r in p["resources"]
                                if r["id"] == data["id"])
            resource.update({k: v for k, v in data.items() if k not in ("id", "package_id")})
            if files:
                resource["size"] = len(files["upload"][1])
                resource["url"] = f"{self.url}/files/{files['upload'][0]}"
            return send_json(handler, 200, {"success": True, "result": resource})
        return self._error(handler, 400, "Bad Request", f"unknown action {action}")
