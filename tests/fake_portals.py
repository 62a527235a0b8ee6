"""Faults a real portal cannot be asked for, put between the publisher and a real portal.

``FaultyPortal`` listens on 127.0.0.1, forwards every request to the real portal the
session started, and hands back its answers, except where a test asks for a fault: a given
status on the n-th upload (a 500, a 413), an upload answer whose checksum is not the
file's, an HTML page or JSON without an ``id`` instead of the portal's answer, a checksum
type the publisher does not know, a redirect to another host. ``Recorder`` is that other
host: it answers 200 to anything and keeps the headers it was sent.
"""

import json
import threading
from http.server import ThreadingHTTPServer

import requests

from .http_server import Server

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
              "content-encoding"}
HTML = b"<!doctype html><html><body><h1>Maintenance</h1></body></html>"


def send(handler, code, body, content_type="application/json", headers=()):
    handler.send_response(code)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers:
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


class Recorder(Server):
    """Another host: answers anything with an empty JSON object and records the headers."""

    def __init__(self, host="127.0.0.2"):  # another loopback address: another host
        super().__init__()
        self.httpd.server_close()
        self.httpd = ThreadingHTTPServer((host, 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.fallback = lambda handler, method, path: send(handler, 200, b"{}")


class FaultyPortal(Server):
    """A real portal, seen through a proxy that can be told to misbehave.

    ``fault(method, path, uploads)`` returns None to forward the request as is, or a
    callable ``(handler, answer)`` that answers instead; ``answer()`` forwards the request
    to the portal and returns requests' response, for a fault that alters it.
    """

    def __init__(self, target):
        super().__init__()
        self.target = target.rstrip("/")
        self.uploads = 0  # multipart requests seen (files sent)
        self.fault = lambda method, path, uploads: None
        self.fallback = self._forward

    def _forward(self, handler, method, path):
        if "multipart/form-data" in handler.headers.get("Content-Type", ""):
            self.uploads += 1
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in HOP_BY_HOP}

        def answer():
            return requests.request(method, self.target + path, headers=headers, data=handler.body,
                                    allow_redirects=False, timeout=60)

        fault = self.fault(method, path, self.uploads)
        if fault is not None:
            return fault(handler, answer)
        relay(handler, answer())

    def rewrite(self, response_json, handler, answer):
        """Forward, then hand back the portal's JSON answer as ``response_json`` changes it."""
        response = answer()
        body = json.dumps(response_json(response.json())).encode()
        send(handler, response.status_code, body)


def relay(handler, response):
    body = response.content
    headers = [(k, v) for k, v in response.headers.items()
               if k.lower() not in HOP_BY_HOP and k.lower() != "content-type"]
    send(handler, response.status_code, body, response.headers.get("Content-Type", ""), headers)


def status(code, body=b'{"message": "fault"}'):
    return lambda handler, answer: send(handler, code, body)


def html(handler, answer):
    send(handler, 200, HTML, "text/html; charset=utf-8")


def redirect_to(url):
    return lambda handler, answer: send(handler, 307, b"", headers=[("Location", url)])
