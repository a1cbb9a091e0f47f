"""`vnkg serve`: the store as a SPARQL 1.1 Protocol endpoint, with a query UI and the HTML views.

The SPARQL side is the Oxigraph server (PyPI package `oxigraph`, the `server` extra), not code of
ours: it runs on a private loopback port, and a small front on --bind passes every request to it
except /view/…, which renders the vnkg graph views from the same endpoint. Read-only unless
--writable: Oxigraph's own read-only mode refuses updates, so nothing here has to parse SPARQL.
"""
from __future__ import annotations

import gc
import html
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click

from vnkg.clitools import UserError, user_errors

VIEW_KINDS = ("person", "post", "province", "document", "event")
# Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are not passed on.
_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade"}


def oxigraph_binary() -> str | None:
    """The `oxigraph` executable: next to this Python (a venv's bin/) first, then on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location: str | Path, port: int, *, writable: bool = False, timeout_s: int = 60,
                   host: str = "127.0.0.1") -> subprocess.Popen:
    """Start the Oxigraph server on a store folder and wait until it answers.

    --union-default-graph: queries see all graphs, as with the embedded store.
    --timeout-s: an abandoned query is not cancelled otherwise (see TOOLS.md).
    """
    exe = oxigraph_binary()
    if not exe:
        raise UserError("the Oxigraph server is not installed: pip install 'vnkg[server]'")
    mode = "serve" if writable else "serve-read-only"
    cmd = [exe, mode, "--location", str(location), "--bind", f"{host}:{port}", "--union-default-graph",
           "--timeout-s", str(timeout_s)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = (proc.stderr.read() or "").strip().splitlines()
            raise UserError(f"the Oxigraph server stopped at start: {err[-1] if err else f'exit {proc.returncode}'}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    stop_process(proc)
    raise UserError(f"the Oxigraph server did not answer on {host}:{port} within 30 s")


def stop_process(proc: subprocess.Popen, grace: float = 10) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _prepare_store(location: str, writable: bool) -> None:
    """Make sure the folder is a store with the reference graph, then let go of it: the Oxigraph
    server cannot open a folder an open pyoxigraph Store holds."""
    from vnkg.store import EmbeddedStore

    if location.startswith(("http://", "https://")) or location == ":memory:":
        raise UserError(f"serve needs a store folder, not {location!r}")
    if not writable and not Path(location).is_dir():
        raise UserError(f"no store at {location}: load articles into it first (vnkg --store {location} load FILE), "
                        "or pass --writable to start an empty one")
    store = EmbeddedStore(location)  # writable: adds or refreshes the ontology and reference graphs
    store.close()
    del store
    gc.collect()


def _split_bind(bind: str) -> tuple[str, int]:
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise UserError(f"--bind wants HOST:PORT, not {bind!r}")
    return host.strip("[]"), int(port)


def make_handler(upstream: tuple[str, int]):
    up_host, up_port = upstream

    class Handler(BaseHTTPRequestHandler):
        server_version = "vnkg"
        timeout = 600

        def log_message(self, fmt, *args):  # one line per request on stderr, like Oxigraph's log
            sys.stderr.write(f"{self.address_string()} {fmt % args}\n")

        def do_GET(self):
            if self.path.startswith("/view"):
                return self._view()
            self._proxy()

        def do_POST(self):
            self._proxy()

        do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_POST

        def _send_text(self, code: int, body: str, ctype: str = "text/plain; charset=utf-8"):
            data = body.encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _view(self):
            from vnkg import view
            from vnkg.remote import RemoteStore
            from vnkg.store import StoreError

            url = urllib.parse.urlsplit(self.path)
            parts = [urllib.parse.unquote(p) for p in url.path.split("/")[2:] if p]
            q = urllib.parse.parse_qs(url.query)
            kind = parts[0] if parts else (q.get("kind") or [""])[0]
            name = "/".join(parts[1:]) if len(parts) > 1 else (q.get("name") or [""])[0]
            if not kind or not name or kind not in VIEW_KINDS:
                options = "".join(f"<option>{k}</option>" for k in VIEW_KINDS)
                return self._send_text(200 if not kind else 404, (
                    "<!doctype html><meta charset=utf-8><title>vnkg views</title>"
                    "<h1>vnkg graph views</h1><form action=/view>"
                    f"<select name=kind>{options}</select> <input name=name placeholder='label or IRI' size=40>"
                    " <button>view</button></form><p><a href=/>SPARQL query UI</a></p>"),
                    "text/html; charset=utf-8")
            try:
                store = RemoteStore(f"http://{up_host}:{up_port}", read_only=True)
                page = view.view_html(store, kind, name)
            except (StoreError, LookupError, ValueError) as e:
                return self._send_text(404, f"{kind} {html.escape(name)}: {e}")
            self._send_text(200, page, "text/html; charset=utf-8")

        def _proxy(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP and k.lower() != "host"}
            conn = http.client.HTTPConnection(up_host, up_port, timeout=self.timeout)
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                self.send_response(resp.status, resp.reason)
                for k, v in resp.getheaders():
                    if k.lower() not in _HOP and k.lower() not in ("server", "date"):
                        self.send_header(k, v)
                self.end_headers()  # HTTP/1.0: the body runs to the end of the connection
                while chunk := resp.read(65536):
                    self.wfile.write(chunk)
            except (ConnectionError, socket.timeout, http.client.HTTPException) as e:
                try:
                    self._send_text(502, f"the SPARQL server did not answer: {e}")
                except OSError:
                    pass
            finally:
                conn.close()

    return Handler


@click.command()
@click.option("--bind", default="127.0.0.1:7878", show_default=True, metavar="HOST:PORT",
              help="Where to listen. Loopback by default: pass 0.0.0.0:PORT to open it to the network.")
@click.option("--writable", is_flag=True, help="Accept SPARQL Update and Graph Store writes (refused otherwise).")
@click.option("--timeout-s", default=60, show_default=True, type=click.IntRange(1),
              help="Longest a query may run, in seconds.")
@click.pass_context
@user_errors
def serve(ctx, bind, writable, timeout_s):
    """Serve the store as a SPARQL 1.1 endpoint, with a query UI and the graph views.

    \b
    /            the Oxigraph query UI
    /query       SPARQL 1.1 Protocol queries (GET or POST); all graphs form the default graph
    /update      SPARQL Update (only with --writable)
    /store       Graph Store Protocol (writes only with --writable)
    /view/KIND/NAME  a graph view (KIND: person, post, province, document, event)

    The store folder is handed to the Oxigraph server (package `oxigraph`, the `server` extra).
    Read-only, it must not be loaded meanwhile; to load while serving, start with --writable
    and load through the endpoint: vnkg --store http://127.0.0.1:7878 load FILE. Stop with Ctrl-C.

    \b
    Example:
      vnkg --store my-graph serve --bind 127.0.0.1:7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/query
    """
    host, port = _split_bind(bind)
    location = ctx.obj["store"]
    _prepare_store(location, writable)
    internal = free_port()
    proc = start_oxigraph(location, internal, writable=writable, timeout_s=timeout_s)
    try:
        try:
            httpd = ThreadingHTTPServer((host, port), make_handler(("127.0.0.1", internal)))
        except OSError as e:
            raise UserError(f"cannot listen on {bind}: {e.strerror or e}") from None
        httpd.daemon_threads = True
        # SIGTERM stops like Ctrl-C, so the Oxigraph server is always stopped with us.
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=httpd.shutdown, daemon=True).start())
        base = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
        click.echo(f"vnkg: serving {location} ({'writable' if writable else 'read-only'}) at {base}/\n"
                   f"  SPARQL endpoint {base}/query" + (f", updates {base}/update" if writable else "")
                   + f"\n  graph views     {base}/view/province/Tuyên Quang\n  stop with Ctrl-C", err=True)
        try:
            httpd.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            httpd.server_close()
    finally:
        stop_process(proc)
    click.echo("vnkg: server stopped", err=True)
