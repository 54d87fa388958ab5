"""A real headless Chromium (Debian's `chromium`), driven through Playwright, that records what a page asks for.

Playwright's own browser download cannot work here (and must never be tried): it is pointed at the system
binary. Without that binary the tests that need it fail with the way to install it; they never skip.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL = "apt-get install -y chromium (Debian's package; .ci/run installs it when it is missing)"


def find_chromium() -> str:
    """The system Chromium ($GUARANTEES_CHROMIUM, else `chromium` or `chromium-browser` on PATH), or a failure."""
    found = os.environ.get("GUARANTEES_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail(f"headless Chromium is needed for the HTML report tests and was not found: {INSTALL}")
    return found


@contextmanager
def chromium_context(viewport: dict[str, int] | None = None) -> Iterator[Any]:
    """A browser context in a fresh profile directory, removed afterwards."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the `playwright` package is needed for the browser tests: pip install -e '.[test]'")
    executable = find_chromium()
    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="guarantees-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_ARGS, viewport=viewport
        )
        try:
            yield context
        finally:
            context.close()


@dataclass
class Visit:
    """A page opened from a file, with every request it made and every error it logged."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def evaluate(self, script: str) -> Any:
        return self.page.evaluate(script)


def open_page(context: Any, path: Path) -> Visit:
    """Load `path`; any request for anything but the file itself is recorded, then refused, so nothing leaves."""
    url = path.resolve().as_uri()
    page = context.new_page()
    visit = Visit(page)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and visit.errors.append(message.text))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page.goto(url, wait_until="load")
    return visit
