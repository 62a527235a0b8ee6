"""A small HTTP server on 127.0.0.1 for the tests, started and stopped by each test.

It serves fixtures by path, keeps what it was asked, and can answer 304, 5xx, slowly,
or with an oversize body. Loopback only: tests never reach the internet.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Server:
    def __init__(self):
        self.routes = {}      # path -> callable(handler) that answers
        self.fallback = None  # callable(handler, method, path) for paths not in routes
        self.requests = []    # (method, path, headers) in order
        handler = self._handler_class()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    @property
    def url(self):
        host, port = self.httpd.server_address
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def hits(self, path):
        return sum(1 for _, p, _ in self.requests if p == path)

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body in one send, and no Nagle delay: otherwise every answer on a
            # kept-alive connection waits ~40 ms for a delayed ACK
            wbufsize = -1
            disable_nagle_algorithm = True

            def log_message(self, *args):  # keep test output clean
                pass

            def _answer(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                self.body = self.rfile.read(length) if length else b""
                server.requests.append((method, self.path.split("?")[0], dict(self.headers)))
                route = server.routes.get(self.path.split("?")[0])
                if route is None and server.fallback is not None:
                    server.fallback(self, method, self.path)
                    return
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route(self)

            def do_GET(self):
                self._answer("GET")

            def do_POST(self):
                self._answer("POST")

            def do_PUT(self):
                self._answer("PUT")

            def do_DELETE(self):
                self._answer("DELETE")

        return Handler


def page(body: bytes, etag: str | None = None, content_type="text/html; charset=utf-8"):
    """A route answering ``body``, or 304 when the client already has ``etag``."""
    def route(handler):
        if etag and handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        if etag:
            handler.send_header("ETag", etag)
        handler.end_headers()
        handler.wfile.write(body)
    return route


def status(code: int):
    def route(handler):
        handler.send_response(code)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


def failing_then(route, failures: int, code: int = 503):
    """``failures`` answers with ``code``, then ``route``."""
    count = {"n": 0}

    def wrapper(handler):
        count["n"] += 1
        if count["n"] <= failures:
            status(code)(handler)
        else:
            route(handler)
    return wrapper


def slow(seconds: float):
    def route(handler):
        time.sleep(seconds)
        status(200)(handler)
    return route


def oversize(size: int, declare: bool):
    def route(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        if declare:
            handler.send_header("Content-Length", str(size))
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(size // 65536 + 1):
                handler.wfile.write(b"x" * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass
        handler.close_connection = True
    return route
