"""What every browser tool of the project shares: Debian's Chromium with the flags this
machine needs, and a quiet local static server (optionally gzip, as production hosts serve).
Used by tests/conftest.py, bench/run.py and scripts/lighthouse.py."""

from __future__ import annotations

import functools
import gzip
import threading
from collections.abc import Mapping
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, no request log; `files` adds files from elsewhere at addresses of their
    own (a test tool such as axe-core, under a folder the site cannot have)."""

    def __init__(self, *args: Any, files: Mapping[str, Path] | None = None, **kwargs: Any) -> None:
        self.files = files or {}
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        extra = self.files.get(path.split("?", 1)[0])
        return str(extra) if extra is not None else super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class GzipHandler(QuietHandler):
    """Static files with gzip for text, as GitHub Pages and most hosts serve them."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(
    directory: Path, *, compress: bool = False, files: Mapping[str, Path] | None = None
) -> tuple[ThreadingHTTPServer, str]:
    """Serve `directory` on 127.0.0.1 in a background thread, and each of `files` at its
    address ("/__tests__/axe.min.js"); return the server and its URL."""
    handler = functools.partial(
        GzipHandler if compress else QuietHandler, directory=str(directory), files=files
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"
