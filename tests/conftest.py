"""Shared fixtures: the project root, small valid data, and one strict build of the real site."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kb_browser import CHROMIUM, CHROMIUM_FLAGS, serve

ROOT = Path(__file__).resolve().parent.parent

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FEEDBACK_ENV = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "org/hankinta-suomi",
}


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def small_yaml() -> str:
    return (FIXTURES / "small.yaml").read_text(encoding="utf-8")


def build_real_site(out: Path) -> None:
    """`mkdocs build --strict` of the real mkdocs.yml and data into `out`; fail on warnings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KB_FEEDBACK", "GITHUB_"))}
    # As GitHub Actions builds it when no feedback channel is configured (the issue form).
    env |= {"NO_MKDOCS_2_WARNING": "1", **FEEDBACK_ENV}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    out = tmp_path_factory.mktemp("site")
    build_real_site(out)
    return out


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """The built site on 127.0.0.1 (plain static files)."""
    httpd, url = serve(built_site)
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's Chromium, headless, with a fresh profile, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run scripts/setup --browser (Debian package 'chromium')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
        )
        yield context
        context.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A new tab; Material's remembered palette choice is cleared so that each test sees the
    palette its colour-scheme emulation asks for."""
    tab = browser.new_page()
    tab.add_init_script("try { window.localStorage.clear() } catch (error) {}")
    yield tab
    tab.close()
