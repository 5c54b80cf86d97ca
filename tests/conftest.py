"""Shared fixtures: the project root, small valid data, and one strict build of the real site."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from buildfork import Builds
from kb.settings import Language, Languages
from kb_browser import CHROMIUM, CHROMIUM_FLAGS, serve

ROOT = Path(__file__).resolve().parent.parent
# axe-core (npm, scripts/setup --browser), served beside the site under a folder the site
# cannot have, so that the browser loads it like a page's own script.
AXE = ROOT / "node_modules/axe-core/axe.min.js"
AXE_ADDRESS = "/__tests__/axe.min.js"

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The site's languages as mkdocs.yml configures them (for tests that call the core).
LANGUAGES = Languages(
    (
        Language("fi", "Suomi", "Hankinta-Suomi – tulokset"),
        Language("sv", "Svenska", "Hankinta-Suomi – resultat"),
    ),
    "fi",
)
FEEDBACK_ENV = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "org/hankinta-suomi",
}


# A test that needs one of these runs `mkdocs build` (the real site, the hostile site or a
# copy of the project with the small data): it is marked `build` and left out of the quick
# loop (`pytest -m "not browser and not build"`); the whole suite runs it.
BUILD_FIXTURES = {
    "built_site",
    "batched_site",
    "hostile_site",
    "project",
    "built_project",
    "_built_once",
    "good_project",  # tests/test_guard.py
}


def _browser_modules(folder: Path) -> frozenset[str]:
    """The test modules marked `browser` as a whole (`pytestmark = pytest.mark.browser`), as
    pytest-xdist names them ("tests/test_reader.py"). Read from the source, because the
    process that hands out the tests under pytest-xdist collects none itself."""
    marked = re.compile(r"^pytestmark = pytest\.mark\.browser$", re.M)
    return frozenset(
        f"{folder.name}/{path.name}"
        for path in sorted(folder.glob("test_*.py"))
        if marked.search(path.read_text(encoding="utf-8"))
    )


BROWSER_MODULES = _browser_modules(Path(__file__).resolve().parent)


def work_unit(nodeid: str) -> str:
    """The unit of work pytest-xdist hands to one process: all browser tests together, any
    other test on its own."""
    return "browser" if nodeid.split("::", 1)[0] in BROWSER_MODULES else nodeid


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that build; stop when a browser test is outside BROWSER_MODULES (it
    would run beside the browser tests) or a test there is not marked `browser` (the quick
    loop would run it)."""
    for item in items:
        marked = item.get_closest_marker("browser") is not None
        if marked != (work_unit(item.nodeid) == "browser"):
            raise pytest.UsageError(
                f"{item.nodeid}: a browser test belongs in a module that starts with"
                " `pytestmark = pytest.mark.browser`, and only browser tests belong there"
            )
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Under `--dist loadgroup` (scripts/test), one process runs every browser test one after
    the other while the other runs the rest: two browsers at once on this machine's two cores
    take longer than one after the other.

    pytest-xdist 3.8 groups by a suffix it writes into each test's node id, which pytest 9.2
    no longer reads (`Node.nodeid` comes from `_id`), so its `xdist_group` mark groups nothing
    there; this scheduler groups by module instead (pytest_collection_modifyitems checks that
    the browser tests are exactly the tests of BROWSER_MODULES)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class BrowserGroup(LoadGroupScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return BrowserGroup(config, log)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def small_yaml() -> str:
    return (FIXTURES / "small.yaml").read_text(encoding="utf-8")


_RECORD_LINK = re.compile(r"records/([a-z0-9][a-z0-9-]*)\.md")


def with_linked_records(small_yaml: str, project: Path) -> str:
    """The small data plus a minimal record for each record the project's pages and settings name.

    Test projects build the real pages in `docs/` and the real mkdocs.yml with the small data;
    a page that links a real record, or a key result in `extra.kb.key_results`, would otherwise
    stop every such build.
    """
    present = set(re.findall(r"^  - id: ([a-z0-9-]+)$", small_yaml, flags=re.MULTILINE))
    pages = [page.read_text("utf-8") for page in (project / "docs").rglob("*.md")]
    named = {name for text in pages for name in _RECORD_LINK.findall(text)}
    config = (project / "mkdocs.yml").read_text("utf-8")
    block = re.search(r"^    key_results:\n((?:      - .+\n)+)", config, flags=re.MULTILINE)
    if block:
        named |= set(re.findall(r"- ([a-z0-9-]+)", block.group(1)))
    linked = sorted(named - present)
    stubs = "".join(
        f"""  - id: {name}
    kind: report
    origin: related
    title: {{fi: "Testiaineisto {number}", sv: "Testmaterial {number}"}}
    summary:
      fi: Hankintojen testiaineisto, johon ohjeet ja ohjelmasivu linkittävät.
      sv: Testmaterial om upphandling som anvisningarna och programsidan länkar till.
    areas: [strategic-leadership]
    period: {{start: "2021-06-09", end: "2021-06-09"}}
    status: completed
    organisations: {{responsible: [vm]}}
    sources: ["https://vm.fi/julkiset-hankinnat"]
"""
        for number, name in enumerate(linked, start=1)
    )
    return small_yaml.rstrip("\n") + "\n" + stubs


def build_real_site(out: Path, **extra: str) -> None:
    """`mkdocs build --strict` of the real mkdocs.yml and data into `out` (`extra`: more
    environment); fail on warnings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KB_FEEDBACK", "GITHUB_"))}
    # As GitHub Actions builds it when no feedback channel is configured (the issue form).
    env |= {"NO_MKDOCS_2_WARNING": "1", **FEEDBACK_ENV, **extra}
    result = mkdocs(["build", "--strict", "--site-dir", str(out)], ROOT, env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr


# One build server per test process (tests/buildfork.py), ended with the session.
_BUILDS = Builds()


def pytest_unconfigure(config: pytest.Config) -> None:
    _BUILDS.close()


def mkdocs(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs <args>` in `cwd` with exactly the environment `env`, as a new
    interpreter would run it, in a process forked from one that has the libraries imported
    (tests/buildfork.py; tests/test_buildfork.py checks that nothing a build sees differs)."""
    return _BUILDS.run(args, cwd, env)


def once_per_run(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """A folder that `make(folder)` filled, made once per test run. Under pytest-xdist the
    processes share it: the first one makes it in their common temporary folder while holding a
    lock, the others wait for the lock and use what it made (the recipe of xdist's docs)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = factory.mktemp(name)
        make(folder)
        return folder
    folder = factory.getbasetemp().parent / name
    with open(folder.with_name(name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder.with_name(name + ".made")  # beside it: the folder holds only what was made
        if not done.exists():  # the first here, or the first one failed: make it (again)
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


PROJECT_COPY = ("mkdocs.yml", "hooks", "overrides", "schema", "docs")


def copy_project(root: Path, target: Path, small_yaml: str) -> Path:
    """A copy of the project in `target` (settings, hooks, templates, schema, pages) with
    the small data."""
    for name in PROJECT_COPY:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    (target / "data").mkdir()
    data = with_linked_records(small_yaml, target)
    (target / "data/measures.yaml").write_text(data, encoding="utf-8")
    return target


@pytest.fixture()
def project(root: Path, tmp_path: Path, small_yaml: str) -> Path:
    """A fresh copy of the project with the small data, never built."""
    return copy_project(root, tmp_path, small_yaml)


@pytest.fixture(scope="session")
def _built_once(root: Path, tmp_path_factory: pytest.TempPathFactory, small_yaml: str) -> Path:
    def make(path: Path) -> None:
        copy_project(root, path, small_yaml)
        result = build(path)
        assert result.returncode == 0, result.stderr
        assert (path / "site/index.html").is_file() and (path / "site/sv/index.html").is_file()

    return once_per_run(tmp_path_factory, "built-project", make)


@pytest.fixture()
def built_project(_built_once: Path, tmp_path: Path) -> Path:
    """A copy of the project with the small data and its good build in `site/` (as
    `build(project)` leaves it, without the environment variables); built once per session."""
    shutil.copytree(_built_once, tmp_path, symlinks=True, dirs_exist_ok=True)
    return tmp_path


def build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("KB_FEEDBACK", "GITHUB_"))}
    return mkdocs(["build", "--strict"], project, {**clean, "NO_MKDOCS_2_WARNING": "1", **env})


def site_files(site: Path) -> dict[Path, bytes]:
    """Every file of a built site by its path in the site, with its bytes."""
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run; the tests only read it."""
    return once_per_run(tmp_path_factory, "site", build_real_site)


# The batched site's search index: at most this many pages per bundle, so that each
# language has several bundles, as a large site's has.
BATCHED_PER_BUNDLE = 25


@pytest.fixture(scope="session")
def batched_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with its search index made in bundles of at most BATCHED_PER_BUNDLE
    pages, once per run. Made by whichever process asks first: a test outside the browser
    group (test_search_index) asks for it early, so that the browser's process, the suite's
    longest, mostly finds it made."""
    from kb.search.index import build_index
    from kb.search.prep import all_page_infos
    from kb.state import read_state

    def make(folder: Path) -> None:
        site = folder / "site"
        shutil.copytree(built_site, site)
        data = read_state(ROOT / "data/measures.yaml", "data/measures.yaml").site
        infos = all_page_infos(data, LANGUAGES.codes)
        build_index(site, LANGUAGES.codes, infos, per_bundle=BATCHED_PER_BUNDLE)

    return once_per_run(tmp_path_factory, "batched", make) / "site"


@pytest.fixture(scope="session")
def hostile_site(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built with hostile values in every field (tests/hostile.py), once per
    run; the tests only read it."""
    from hostile import build_hostile_site

    folder = once_per_run(tmp_path_factory, "hostile", lambda path: build_hostile_site(root, path))
    return folder / "site"


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """The built site on 127.0.0.1 (plain static files)."""
    httpd, url = serve(built_site, files={AXE_ADDRESS: AXE})
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
