"""A small HTTP server on 127.0.0.1 for the tests, started and stopped by each test.

It serves fixtures by path, keeps what it was asked, and can answer 304, 5xx, slowly,
or with an oversize body. Loopback only: tests never reach the internet.
"""

import contextlib
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Server:
    def __init__(self, tls: tuple[str, str] | None = None):
        self.routes = {}      # path -> callable(handler) that answers
        self.fallback = None  # callable(handler, method, path) for paths not in routes
        self.requests = []    # (method, path, headers) in order
        handler = self._handler_class()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.scheme = "http"
        if tls is not None:  # (certificate file, key file): an https server
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    @property
    def url(self):
        host, port = self.httpd.server_address
        return f"{self.scheme}://{host}:{port}"

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


def _quietly(write):
    """Run ``write``; a client that went away (as a refusing client does) ends the answer."""
    with contextlib.suppress(BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
        write()


def empty(code: int = 200):
    """An answer with headers and no body at all."""
    def route(handler):
        handler.send_response(code)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


def _drip(head: bytes, count: int, interval: float):
    """A route writing ``head`` at once, then ``count`` bytes one every ``interval`` seconds."""
    def route(handler):
        def write():
            handler.wfile.write(head)
            for _ in range(count):
                handler.wfile.flush()
                time.sleep(interval)
                handler.wfile.write(b"x")
        _quietly(write)
        handler.close_connection = True
    return route


def dribble(size: int, interval: float):
    """Headers at once, then a ``size``-byte body one byte every ``interval`` seconds: each
    byte comes well within any read timeout, the whole never within a sane time."""
    return _drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % size,
                 size, interval)


def dribble_headers(count: int, interval: float):
    """A status line, then ``count`` bytes of one header, one byte every ``interval`` seconds."""
    return _drip(b"HTTP/1.1 200 OK\r\nX-Slow: ", count, interval)


def redirect(location: str, code: int = 302):
    def route(handler):
        handler.send_response(code)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


def raw_answer(data: bytes):
    """Bytes written as they are, whatever HTTP says (a huge header, a garbled status line)."""
    def route(handler):
        _quietly(lambda: handler.wfile.write(data))
        handler.close_connection = True
    return route


def with_headers(body: bytes, headers: dict[str, str]):
    """A 200 answer with ``body`` and exactly these headers (a lying Content-Type…)."""
    def route(handler):
        handler.send_response(200)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return route
