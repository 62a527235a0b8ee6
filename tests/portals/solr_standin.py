"""A stand-in for the Solr core CKAN 2.11 talks to, enough for publishing (standard library).

CKAN cannot run without Solr: at start-up it sends a ``select`` and reads the schema, whose
name must be ``ckan-2.X``; its always-on ``synchronous_search`` plugin posts every dataset
change to ``/update``. The publisher never searches, so this answers those three calls
with what Solr would (an empty result, the schema's name, an acknowledgement), on
127.0.0.1 only. Run as ``python solr_standin.py PORT CACHE_DIR`` (the cache folder is
named on the command line so that a later test session recognises this process as its own).
"""

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCHEMA = b'<?xml version="1.0" encoding="UTF-8"?>\n<schema name="ckan-2.11" version="1.6"/>\n'
EMPTY = {"responseHeader": {"status": 0, "QTime": 0},
         "response": {"numFound": 0, "start": 0, "docs": []}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if "/schema" in self.path or "file=schema.xml" in self.path:
            self._send(SCHEMA, "application/xml")
        else:  # select (and ping): nothing indexed, nothing found
            self._send(json.dumps(EMPTY).encode(), "application/json")

    def do_POST(self):  # /update: accept and forget
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._send(json.dumps({"responseHeader": {"status": 0, "QTime": 0}}).encode(),
                   "application/json")


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
