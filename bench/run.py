"""Scale and speed benchmark of the site generator (not part of the test suite).

    .venv/bin/python bench/run.py [--sizes 30,1000,10000] [--timeout 900] [--json out.json]

For each size: generate synthetic data (bench/gen_data.py), validate it with the real
validator, build a temporary copy of the project with `mkdocs build --strict`, measure it,
build the FLOOR (the same pages as plain Markdown, same theme and i18n plugin, no hooks),
and compare. Then `mkdocs serve` on the real project. See bench/README.md.

Exit status: 0 when every target is met, 1 when one is missed, 2 when the benchmark itself
could not run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html.parser
import importlib
import importlib.util
import inspect
import json
import os
import posixpath
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in bench/ from importing gen_data
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from kb_browser import CHROMIUM, CHROMIUM_FLAGS, serve  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hugo_ref  # noqa: E402  (beside this file)

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PY = str(ROOT / ".venv/bin/python") if (ROOT / ".venv/bin/python").exists() else sys.executable
COPY = ("mkdocs.yml", "hooks", "overrides", "schema", "docs")
DATA_FILE = "data/measures.yaml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
KB = 1024
MB = 1024 * 1024

# Targets (issues "Scale and speed" and 17). Time targets are ratios against references
# measured in the same run on the same machine (Hugo, a plain YAML load, the plain-MkDocs
# floor), so that they mean the same on a fast and a slow machine; byte budgets stay bytes.
T_FLOOR_RATIO = 1.05  # generator build ÷ (floor MkDocs build + floor Pagefind)
T_HUGO_RATIO = 5.0  # generator build ÷ Hugo building the same records, at 10,000 records
T_VALIDATE_RATIO = 3.0  # kb.state.read_state ÷ plain yaml.load(CSafeLoader), at 10,000
T_RSS_10K_MB = 1024.0  # 1 GB
T_TPP_GROWTH = 1.2
T_PAGE_LOAD_KB = 100.0
T_FIRST_QUERY_KB = 400.0
T_PAGE_KB = 500.0
# The editors' preview: a human waiting for a page, not a throughput, so it stays seconds.
T_SERVE_S = 1.0
HUGO_RUNS = 3  # Hugo is quick: its best of three is the reference


def log(message: str = "") -> None:
    print(message, flush=True)


# --- Child wrapper: one build per fresh process chain ----------------------------------------


def child_main(argv: list[str]) -> int:
    """`run.py --child OUT.json TIMEOUT LOG CWD -- CMD...`: run CMD, then report its wall time
    and RUSAGE_CHILDREN (peak RSS of the largest process in CMD's tree, CPU times)."""
    out, timeout, logfile, cwd = argv[0], float(argv[1]), argv[2], argv[3]
    command = argv[argv.index("--") + 1 :]
    timed_out = False
    with open(logfile, "wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT, env=ENV, start_new_session=True
        )
        hwm_kb = 0  # peak RSS of the direct child alone (MkDocs), polled from /proc
        status = Path(f"/proc/{proc.pid}/status")
        while True:
            try:
                rc = proc.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                pass
            try:
                m = re.search(r"^VmHWM:\s+(\d+) kB", status.read_text(), re.M)
                hwm_kb = max(hwm_kb, int(m.group(1))) if m else hwm_kb
            except OSError:
                pass
            if time.perf_counter() - start > timeout:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                rc = proc.wait()
                break
        wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "rc": rc,
        "timed_out": timed_out,
        "wall": wall,
        "maxrss_mb": usage.ru_maxrss / 1024,  # Linux: KiB
        "main_hwm_mb": hwm_kb / 1024,
        "user": usage.ru_utime,
        "sys": usage.ru_stime,
    }
    Path(out).write_text(json.dumps(result), encoding="utf-8")
    return 0


def measured(command: list[str], cwd: Path, logfile: Path, timeout: float) -> dict[str, Any]:
    """Run `command` under the child wrapper; return its measurements."""
    out = logfile.with_suffix(".json")
    wrapper = [
        PY,
        str(Path(__file__).resolve()),
        "--child",
        str(out),
        str(timeout),
        str(logfile),
        str(cwd),
        "--",
        *command,
    ]
    subprocess.run(wrapper, check=True, timeout=timeout + 120, env=ENV)
    result = json.loads(out.read_text(encoding="utf-8"))
    result["log"] = logfile.read_text(encoding="utf-8", errors="replace")
    return result


# --- Project copies ---------------------------------------------------------------------------


def copy_project(source: Path, target: Path, data_text: str | None) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        src = source / name
        if src.is_dir():
            shutil.copytree(
                src, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        elif src.exists():
            shutil.copy(src, target / name)
    if data_text is not None:
        (target / "data").mkdir(exist_ok=True)
        (target / DATA_FILE).write_text(data_text, encoding="utf-8")


def load_mkdocs_yml(path: Path) -> dict[str, Any]:
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    return yaml.load(path.read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506


_STUB = {
    "fi": "# {title}\n\nTämä sivu on vertailuajon paikkamerkki: projektissa ei ollut tätä sivua.\n",
    "sv": "# {title}\n\nDen här sidan är en platshållare för prestandamätningen: "
    "sidan saknades i projektet.\n",
}


def kb_setting(config: dict[str, Any], name: str) -> Any:
    """A setting of mkdocs.yml `extra.kb` (`extra.kb_<name>` in older project copies)."""
    extra = config.get("extra") or {}
    return (extra.get("kb") or {}).get(name, extra.get(f"kb_{name}"))


def i18n_languages(config: dict[str, Any]) -> list[tuple[str, str, bool, str]]:
    """The i18n plugin's languages in mkdocs.yml: (locale, name, default, site_name)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [
                (lang["locale"], lang.get("name", ""), bool(lang.get("default")), "")
                for lang in plugin["i18n"].get("languages") or []
            ]
    return []


def add_missing_handwritten(project: Path) -> list[str]:
    """Write placeholder pages for hand-written pages that mkdocs.yml needs but docs/ lacks
    (home page, extra.kb.nav pages), so that an incomplete working tree still builds.
    Returns what was added."""
    config = load_mkdocs_yml(project / "mkdocs.yml")
    needed = ["index.md", *(kb_setting(config, "nav") or [])]
    added = []
    for name in needed:
        fi = project / "docs/fi" / name
        if fi.exists():
            continue
        stem = Path(name).stem.replace("-", " ").capitalize()
        front = "---\ntemplate: kb-home.html\n---\n\n" if name == "index.md" else ""
        for lang in ("fi", "sv"):
            page = project / "docs" / lang / name
            if not page.exists():
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(front + _STUB[lang].format(title=stem), encoding="utf-8")
                added.append(f"docs/{lang}/{name}")
    return added


_RECORD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:\.\./)*records/[a-z0-9][a-z0-9-]*\.md\)")


def unlink_records(project: Path) -> int:
    """Turn the hand-written pages' links to record pages into their plain text.

    The synthetic data has none of the real records, so such a link would stop every
    strict build; the few links on a handful of pages do not change what is measured.
    Returns how many links were turned into text."""
    count = 0
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        new, found = _RECORD_LINK.subn(r"\1", text)
        if found:
            page.write_text(new, encoding="utf-8")
            count += found
    return count


def stub_docs(project: Path) -> None:
    """Replace docs/ by placeholders: home page and the extra.kb.nav pages, same file name in
    both languages (the search page with its template)."""
    shutil.rmtree(project / "docs")
    config = load_mkdocs_yml(project / "mkdocs.yml")
    for lang in ("fi", "sv"):
        (project / "docs" / lang).mkdir(parents=True)
    add_missing_handwritten(project)
    search = kb_setting(config, "search_page")
    if search:
        for lang in ("fi", "sv"):
            page = project / "docs" / lang / search
            page.write_text(
                "---\ntemplate: kb-search.html\n---\n\n" + page.read_text(encoding="utf-8"),
                encoding="utf-8",
            )


def docs_problems(project: Path, hooks: Hooks) -> list[str]:
    """Why the hand-written pages of the working tree would stop any build (empty if fine)."""
    found, unreadable = hooks.handwritten(project / "docs")
    _, problems = hooks.build_pairs(found, [])
    return [*unreadable, *problems]


def lift_size_limit(project: Path) -> bool:
    """In a temporary copy only: raise kb.load.read.MAX_BYTES so that a data file over the limit
    can still be built and measured."""
    path = project / "hooks/kb/load/read.py"
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(
        r"^MAX_BYTES\s*=.*$",
        "MAX_BYTES = 4 * 1024 * 1024 * 1024  # lifted by bench/run.py",
        text,
        flags=re.M,
    )
    path.write_text(new, encoding="utf-8")
    return count == 1


class Hooks:
    """The kb modules of a project copy, imported in this process."""

    def __init__(self, project: Path) -> None:
        sys.path.insert(0, str(project / "hooks"))
        for name in [m for m in sys.modules if m == "kb" or m.startswith(("kb.", "kb_"))]:
            del sys.modules[name]
        self.state = importlib.import_module("kb.state")
        self.load = importlib.import_module("kb.load.read")
        self.errors = importlib.import_module("kb.errors")
        self.pages = importlib.import_module("kb.pages")
        self.pairs = importlib.import_module("kb.pairs")
        self.strings = importlib.import_module("kb.strings")
        self.links = importlib.import_module("kb.links")
        self.urls = importlib.import_module("kb.urls")
        self.model = importlib.import_module("kb.model")
        self.real_limit = self.load.MAX_BYTES
        self.languages: Any = None  # kb.settings.Languages, where the copy has them
        if importlib.util.find_spec("kb.settings") is not None:
            settings = importlib.import_module("kb.settings")
            config = load_mkdocs_yml(project / "mkdocs.yml")
            root = getattr(self.urls, "ROOT_LANG", "fi")
            self.languages = settings.read_languages(i18n_languages(config), "", root)[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return self.languages.codes if self.languages else tuple(self.model.LANGS)

    @property
    def default(self) -> str:
        return self.languages.default if self.languages else str(self.model.DEFAULT_LANG)

    def handwritten(self, docs: Path) -> Any:
        extra = (self.languages,) if self.languages else ()
        return self.pairs.handwritten(docs, *extra)

    def build_pairs(self, found: Any, generated: list[str]) -> Any:
        extra = (self.languages,) if self.languages else ()
        return self.pairs.build_pairs(found, generated, *extra)

    def read(self, path: Path, lifted: bool = False) -> Any:
        self.load.MAX_BYTES = 1 << 40 if lifted else self.real_limit
        try:
            return self.state.read_state(path, DATA_FILE)
        finally:
            self.load.MAX_BYTES = self.real_limit

    def specs(self, site: Any, lang: str) -> list[Any]:
        table = self.strings.strings(lang)
        params = inspect.signature(self.pages.page_specs).parameters
        if "listings" in params and hasattr(self.pages, "build_listings"):
            return list(
                self.pages.page_specs(site, lang, table, self.pages.build_listings(site, lang))
            )
        return list(self.pages.page_specs(site, lang, table))


_LINK = re.compile(r"\]\(([^)\s]+)|href=\"([^\"]+)\"")


def _linked_files(docs: Path) -> set[str]:
    """Non-page files that hand-written pages link to (e.g. the generated open-data files),
    as paths relative to docs/."""
    found = set()
    for page in docs.rglob("*.md"):
        folder = page.parent.relative_to(docs).as_posix()
        for m in _LINK.finditer(page.read_text(encoding="utf-8")):
            link = (m.group(1) or m.group(2)).split("#")[0].split("?")[0]
            if not link or ":" in link or link.startswith("/") or link.endswith((".md", "/")):
                continue
            target = posixpath.normpath(posixpath.join(folder, link))
            if target.startswith(".."):
                continue
            found.add(target)
            lang = folder.split("/")[0]
            if lang != "fi" and not target.startswith(lang + "/"):
                # mkdocs-static-i18n looks a link of a Swedish page up under sv/ first
                found.add(f"{lang}/{target}")
    return {t for t in found if not (docs / t).exists()}


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>')
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def _with_generated_content(markdown: str, page: Path) -> str:
    """The floor page with the content the generator's templates gave the same page: the
    front matter of `markdown`, then the article of the generator's HTML file `page` written
    as plain Markdown (bench/floor_md.py). So the floor renders and indexes the generator's
    pages as if an editor had written them by hand, and the difference in time is what the
    hooks and the kb_* templates cost."""
    html_text = page.read_text(encoding="utf-8")
    opening = _ARTICLE.search(html_text)
    end = html_text.rfind("</article>")
    if opening is None or end < opening.end():
        raise SystemExit(f"bench: no article in {page}")
    front = _FRONT.match(markdown)
    head = front.group(0) if front else ""
    import floor_md  # beside this file, like gen_data

    body = floor_md.to_markdown(html_text[opening.end() : end])
    if "data-pagefind-body" in html_text:  # index the same part of the page as the generator
        body = f'<div data-pagefind-body markdown="1">\n\n{body}\n</div>\n'
    return f"{head}\n{body}"


def write_floor(
    snapshot: Path,
    target: Path,
    hooks: Hooks,
    site: Any,
    data_text: str,
    gen_site: Path | None,
    with_content: bool = True,
) -> int:
    """The FLOOR project: the generator's pages as plain Markdown files in docs/fi and docs/sv
    (with the content the generator rendered for them, when its site is given and
    `with_content`), the same theme (overrides without the kb_* templates) and the i18n
    plugin, no hooks. Returns the number of Markdown pages."""
    copy_project(snapshot, target, data_text)
    shutil.rmtree(target / "hooks")
    for name in ["404.html", "sitemap.xml", *(p.name for p in (target / "overrides").glob("kb-*"))]:
        (target / "overrides" / name).unlink(missing_ok=True)
    template = re.compile(r"^template:.*\n", re.M)
    count = 0
    for page in (target / "docs").rglob("*.md"):
        page.write_text(
            template.sub("", page.read_text(encoding="utf-8"), count=1), encoding="utf-8"
        )
        count += 1
    # Files the generator adds besides pages (open data, feeds) that hand-written pages link
    # to: copied from the generator's output, so that the floor's links resolve too.
    for rel in sorted(_linked_files(target / "docs")):
        dest = target / "docs" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        source = gen_site / rel if gen_site else None
        if gen_site and not (source and source.is_file()):
            source = gen_site / rel.split("/", 1)[-1]
        if source and source.is_file():
            shutil.copy(source, dest)
        else:
            dest.write_text("", encoding="utf-8")
    config = load_mkdocs_yml(target / "mkdocs.yml")
    handwritten = hooks.handwritten(target / "docs")[0]
    langs = hooks.codes
    default = hooks.default
    navs = {}
    for lang in langs:
        specs = hooks.specs(site, lang)
        for spec in specs:
            file = target / "docs" / lang / spec.path
            file.parent.mkdir(parents=True, exist_ok=True)
            markdown = template.sub("", spec.markdown(), count=1)
            if gen_site is not None and with_content:
                url = hooks.urls.lang_prefix(lang) + hooks.urls.source_url(spec.path)
                markdown = _with_generated_content(markdown, gen_site / url / "index.html")
            file.write_text(markdown, encoding="utf-8")
        count += len(specs)
        pairs, _ = hooks.build_pairs(handwritten, [s.path for s in specs])
        table = hooks.strings.strings(lang)
        areas = [f"{lang}/areas/index.md", *(f"{lang}/areas/{a.id}.md" for a in site.areas)]
        nav: list[Any] = [
            f"{lang}/index.md",
            {table["areas_title"]: areas},
            f"{lang}/browse/index.md",
        ]
        for path in kb_setting(config, "nav") or []:
            other = path if lang == default else pairs.counterpart(default, path, lang)
            nav.append(f"{lang}/{other}")
        navs[lang] = nav
    config.pop("hooks", None)
    config.pop("watch", None)
    # The generated content links by URL ('../other-record/'), as the generator's pages do;
    # MkDocs leaves such links as they are, and they resolve, but would warn about each one.
    # Links to the files the generator writes beside a record page (its citation and open
    # data, '../../data/records/x.json') are URL-relative too: MkDocs reads them relative to
    # the Markdown file and would report each as not found.
    config.setdefault("validation", {})["unrecognized_links"] = "info"
    config["validation"]["not_found"] = "info"
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                language["nav"] = navs[language["locale"]]
    patterns = [config.get("not_in_nav") or ""]
    for lang in langs:
        # The generated pages that kb_hooks keeps out of the navigation (PageSpec.in_nav).
        patterns += [
            f"/{lang}/records/",
            f"/{lang}/browse/*/",
            f"/{lang}/browse/[0-9]*.md",
            f"/{lang}/matrix/",
        ]
    config["not_in_nav"] = "\n".join(p for p in patterns if p)
    import yaml

    (target / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return count


# --- Site measurements ------------------------------------------------------------------------


class _Assets(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("href"):
            self.urls.append(("css", a["href"]))
        elif tag == "script" and a.get("src"):
            self.urls.append(("js", a["src"]))


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def site_stats(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and not p.is_relative_to(site / "pagefind")]
    sizes = sorted(((p.stat().st_size, p) for p in pages), reverse=True)
    over = [(s, str(p.relative_to(site))) for s, p in sizes if s > T_PAGE_KB * KB]
    return {
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "pagefind_bytes": sum(
            p.stat().st_size for p in files if p.is_relative_to(site / "pagefind")
        ),
        "pages": len(pages),
        "largest": [(s, str(p.relative_to(site))) for s, p in sizes[:3]],
        "over_limit": len(over),
        "over_examples": over[:5],
    }


def page_load_static(site: Path, page_path: str) -> dict[str, Any]:
    """The HTML of a page and every same-site stylesheet and script it references."""
    file = site / page_path / "index.html"
    raw = file.read_bytes()
    parser = _Assets()
    parser.feed(raw.decode("utf-8"))
    base = "http://site.invalid/" + page_path
    items = [("html", page_path, len(raw), _gz(raw))]
    for kind, url in parser.urls:
        absolute = urljoin(base, url)
        parts = urlsplit(absolute)
        if parts.netloc != "site.invalid":
            continue
        asset = site / parts.path.lstrip("/")
        if asset.is_file():
            data = asset.read_bytes()
            items.append((kind, parts.path.lstrip("/"), len(data), _gz(data)))
    return {
        "bytes": sum(i[2] for i in items),
        "gzip": sum(i[3] for i in items),
        "items": items,
    }


def _collect(into: list[Any], response: Any) -> None:
    into.append(response)


def browser_stats(site: Path, record_path: str, search_path: str) -> dict[str, Any]:
    """Headless Chromium, a fresh profile per visit: bytes of a record page load, and bytes
    under /pagefind/ for the first query on the search page."""
    from playwright.sync_api import sync_playwright

    httpd, base = serve(site)
    out: dict[str, Any] = {}
    try:
        with sync_playwright() as p:
            for name, path in (("record", record_path), ("search", search_path)):
                with tempfile.TemporaryDirectory(prefix="kb-bench-chromium-") as profile:
                    ctx = p.chromium.launch_persistent_context(
                        profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
                    )
                    try:
                        page = ctx.pages[0] if ctx.pages else ctx.new_page()
                        responses: list[Any] = []
                        page.on("response", functools.partial(_collect, responses))
                        page.goto(base + path, wait_until="load", timeout=120_000)
                        status = ""
                        if name == "search":
                            page.wait_for_function(
                                "() => { const s = document.getElementById('kb-search-status');"
                                " return s && s.textContent && !s.textContent.endsWith('…'); }",
                                timeout=120_000,
                            )
                            status = page.locator("#kb-search-status").inner_text()
                        page.wait_for_load_state("networkidle", timeout=120_000)
                        rows = []
                        for r in responses:
                            if not r.url.startswith(base):
                                continue
                            try:
                                body = r.body()
                            except Exception:  # redirects and aborted requests have no body
                                continue
                            rows.append((r.url[len(base) - 1 :], len(body), _gz(body)))
                    finally:
                        ctx.close()
                if name == "record":
                    out["record"] = {
                        "bytes": sum(r[1] for r in rows),
                        "gzip": sum(r[2] for r in rows),
                        "requests": len(rows),
                        "pagefind": sum(r[1] for r in rows if r[0].startswith("/pagefind/")),
                    }
                else:
                    pf = [r for r in rows if r[0].startswith("/pagefind/")]
                    groups: dict[str, list[int]] = {}
                    for url, size, _ in pf:
                        path_ = urlsplit(url).path
                        name_ = path_.rsplit("/", 1)[-1]
                        key = (
                            name_
                            if name_.endswith((".js", ".json"))
                            else "wasm"
                            if "wasm" in name_
                            else path_.split("/")[2]
                            if path_.count("/") > 2
                            else name_.split(".")[-1]
                        )
                        groups.setdefault(key, [0, 0])
                        groups[key][0] += 1
                        groups[key][1] += size
                    out["search"] = {
                        "bytes": sum(r[1] for r in pf),
                        "gzip": sum(r[2] for r in pf),
                        "requests": len(pf),
                        "groups": groups,
                        "status": status,
                    }
    finally:
        httpd.shutdown()
        httpd.server_close()
    return out


# --- One size ---------------------------------------------------------------------------------


def run_size(
    n: int, snapshot: Path, hooks: Hooks, args: argparse.Namespace, work: Path
) -> dict[str, Any]:
    sys.path.insert(0, str(BENCH))
    import gen_data

    res: dict[str, Any] = {"size": n, "load_before": os.getloadavg()[0]}
    t = time.perf_counter()
    data = gen_data.generate(n)
    data_text = gen_data.to_yaml(data)
    res["generate_s"] = time.perf_counter() - t
    res["data_bytes"] = len(data_text.encode("utf-8"))
    data_path = work / f"measures-{n}.yaml"
    data_path.write_text(data_text, encoding="utf-8")
    log(
        f"\n=== {n:,} records: data file {res['data_bytes'] / MB:.1f} MB "
        f"(generated in {res['generate_s']:.1f} s)"
    )

    # The real validator, as is.
    DataErrors = hooks.errors.DataErrors
    res["size_limited"] = False
    try:
        state = hooks.read(data_path)
        res["valid_real"] = True
    except DataErrors as exc:
        res["valid_real"] = False
        res["validator_report"] = exc.report()
        only_size = all("the limit is" in e.message for e in exc.errors)
        if not only_size:
            log(
                "The generated data does not pass the real validator (benchmark bug?):\n"
                + exc.report()[:4000]
            )
            raise SystemExit(2) from None
        res["size_limited"] = True
        log(f"  the real validator REJECTS it: {exc.errors[0].message}")
        log("  (measuring on with kb.load.read.MAX_BYTES lifted in the temporary copy only)")
        state = hooks.read(data_path, lifted=True)  # must be otherwise valid
    # Validation time, in process, best of 3.
    times = []
    for _ in range(3):
        t = time.perf_counter()
        hooks.read(data_path, lifted=res["size_limited"])
        times.append(time.perf_counter() - t)
    res["validate_s"] = min(times)
    res["plain_load_s"] = plain_load(data_path)
    log(
        f"  validation (kb.state.read_state, best of 3): {res['validate_s']:.2f} s; "
        f"plain yaml.load with CSafeLoader (best of 3): {res['plain_load_s']:.2f} s"
    )
    site = state.site
    record = next(
        (r for r in site.records if r.related and r.figures and r.documents), site.records[0]
    )
    record_path = hooks.urls.record_path(record.id)
    config = load_mkdocs_yml(snapshot / "mkdocs.yml")
    search_md = kb_setting(config, "search_page") or "haku.md"
    search_path = hooks.urls.source_url(search_md) + "?q=hankinta"

    # Generator build.
    gen = work / f"gen-{n}"
    copy_project(snapshot, gen, data_text)
    if res["size_limited"] and not lift_size_limit(gen):
        log("  could not lift MAX_BYTES in the copy; the build will fail")
    log("  generator: mkdocs build --strict ...")
    b = measured(
        [PY, "-m", "mkdocs", "build", "--strict"], gen, work / f"gen-{n}.log", args.timeout
    )
    res["gen"] = _summarise_build(b)
    if b["rc"] == 0:
        res["gen"].update(site_stats(gen / "site"))
        res["gen"]["record_pages"] = hugo_ref.record_pages(gen / "site")
        res["gen"]["load"] = page_load_static(gen / "site", record_path)
        log(
            f"    {res['gen']['wall']:.1f} s, {res['gen']['maxrss_mb']:.0f} MB peak, "
            f"{res['gen']['pages']:,} pages"
        )
        # Pagefind's share: the same command as kb_search, run again on the finished site.
        pf = measured(
            [
                PY,
                "-c",
                "import sys; from pathlib import Path; sys.path.insert(0, 'hooks');"
                " from kb.search.index import build_index;"
                " from kb.search.prep import all_page_infos; from kb.state import read_state;"
                " build_index(Path('site'), ('fi', 'sv'), all_page_infos("
                "read_state(Path('data/measures.yaml'), 'data/measures.yaml').site, ('fi', 'sv')))",
            ],
            gen,
            work / f"gen-{n}-pagefind.log",
            args.timeout,
        )
        res["gen"]["pagefind"] = _summarise_build(pf)
        if not args.no_browser:
            try:
                res["gen"]["browser"] = browser_stats(gen / "site", record_path, search_path)
            except Exception as exc:  # report, do not hide
                res["gen"]["browser_error"] = f"{type(exc).__name__}: {exc}"
                log(f"    browser measurement failed: {res['gen']['browser_error'][:500]}")
    else:
        log(
            f"    FAILED ({'timed out' if b['timed_out'] else 'exit ' + str(b['rc'])}) "
            f"after {b['wall']:.1f} s:\n" + _tail(b["log"])
        )

    # Hugo reference: the same records in both languages, right after the generator's build.
    if args.hugo_path:
        res["hugo"] = run_hugo(args.hugo_path, data, work / f"hugo-{n}", args, keep=args.keep)

    # Floor build.
    if not args.no_floor:
        floor = work / f"floor-{n}"
        gen_site = gen / "site" if b["rc"] == 0 else None
        res["floor_kind"] = args.floor
        res["floor_pages_md"] = write_floor(
            snapshot, floor, hooks, site, data_text, gen_site, args.floor == "content"
        )
        if not args.keep:
            shutil.rmtree(gen, ignore_errors=True)
        log(
            f"  floor: {res['floor_pages_md']:,} Markdown pages, "
            "mkdocs build --strict (no hooks) ..."
        )
        f = measured(
            [PY, "-m", "mkdocs", "build", "--strict"], floor, work / f"floor-{n}.log", args.timeout
        )
        res["floor"] = _summarise_build(f)
        if f["rc"] == 0:
            res["floor"].update(site_stats(floor / "site"))
            pf = measured(
                [PY, "-m", "pagefind", "--site", "site", "--output-subdir", "pagefind", "--silent"],
                floor,
                work / f"floor-{n}-pagefind.log",
                args.timeout,
            )
            res["floor"]["pagefind"] = _summarise_build(pf)
            log(
                f"    {res['floor']['wall']:.1f} s (+ Pagefind {pf['wall']:.1f} s), "
                f"{res['floor']['pages']:,} pages"
            )
        else:
            log(
                f"    FLOOR FAILED ({'timed out' if f['timed_out'] else 'exit ' + str(f['rc'])}):\n"
                + _tail(f["log"])
            )
        if not args.keep:
            shutil.rmtree(floor, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(gen, ignore_errors=True)
    data_path.unlink(missing_ok=True)
    res["load_after"] = os.getloadavg()[0]
    return res


def plain_load(path: Path, runs: int = 3) -> float:
    """The floor of reading the data file at all: read, decode, `yaml.load` with the C
    safe loader, nothing else (best of `runs`, in process, the collector paused as
    kb_state pauses it)."""
    import gc

    import yaml

    best = float("inf")
    for _ in range(runs):
        paused = gc.isenabled()
        gc.disable()
        try:
            t = time.perf_counter()
            yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
            best = min(best, time.perf_counter() - t)
        finally:
            if paused:
                gc.enable()
    return best


def run_hugo(
    hugo: str, data: dict[str, Any], project: Path, args: argparse.Namespace, keep: bool
) -> dict[str, Any]:
    """Write the Hugo project for `data` and build it `HUGO_RUNS` times, each in a fresh
    process chain like the generator; the quickest run is the reference (the least
    disturbed by other work on the machine, so the ratio errs on the strict side)."""
    expected = hugo_ref.write_project(data, project)
    runs = []
    for i in range(HUGO_RUNS):
        shutil.rmtree(project / "public", ignore_errors=True)
        b = measured(
            [hugo, "--quiet", "--destination", "public"],
            project,
            project.with_name(f"{project.name}-{i + 1}.log"),
            args.timeout,
        )
        runs.append(_summarise_build(b))
        if b["rc"] != 0:
            log(f"    Hugo FAILED (exit {b['rc']}):\n" + _tail(b["log"]))
            break
    ok = all(r["rc"] == 0 for r in runs)
    best = min(runs, key=lambda r: r["wall"])
    out: dict[str, Any] = {
        "rc": 0 if ok else runs[-1]["rc"],
        "timed_out": any(r["timed_out"] for r in runs),
        "runs": [r["wall"] for r in runs],
        "wall": best["wall"],
        "user": best["user"],
        "sys": best["sys"],
        "maxrss_mb": max(r["maxrss_mb"] for r in runs),
        "expected_record_pages": expected,
    }
    if ok:
        out.update(site_stats(project / "public"))
        out["record_pages"] = hugo_ref.record_pages(project / "public")
        log(
            f"  Hugo: {out['wall']:.1f} s (best of "
            + ", ".join(f"{w:.1f}" for w in out["runs"])
            + f" s), {out['pages']:,} pages, record pages {out['record_pages']}"
        )
        # For information: what a Hugo site with the same search would add (Pagefind over
        # Hugo's pages, once, with its defaults; the generator's own index has more in it).
        search = measured(
            [PY, "-m", "pagefind", "--site", "public", "--silent"],
            project,
            project.with_name(f"{project.name}-pagefind.log"),
            args.timeout,
        )
        out["pagefind"] = _summarise_build(search)
        if search["rc"] == 0:
            log(f"  Pagefind over Hugo's pages: {search['wall']:.1f} s")
        else:
            log(
                f"  Pagefind over Hugo's pages FAILED (exit {search['rc']}):\n"
                + _tail(search["log"])
            )
    if not keep:
        shutil.rmtree(project, ignore_errors=True)
    return out


def _hugo_ratio(res: dict[str, Any]) -> float | None:
    g, h = res.get("gen", {}), res.get("hugo", {})
    if g.get("rc") != 0 or h.get("rc") != 0 or not h.get("wall"):
        return None
    return g["wall"] / h["wall"]


def _same_records(res: dict[str, Any]) -> bool:
    g, h = res.get("gen", {}), res.get("hugo", {})
    return bool(g.get("record_pages")) and g.get("record_pages") == h.get("record_pages")


def _summarise_build(b: dict[str, Any]) -> dict[str, Any]:
    out = {k: b[k] for k in ("rc", "timed_out", "wall", "maxrss_mb", "main_hwm_mb", "user", "sys")}
    out["warnings"] = len(re.findall(r"^WARNING", b["log"], re.M))
    return out


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join("      " + line for line in text.strip().splitlines()[-lines:])


# --- mkdocs serve -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (localhost)
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def measure_serve(snapshot: Path, hooks: Hooks, work: Path, edits: int = 3) -> dict[str, Any]:
    """`mkdocs serve` on a copy of the real project: edit a record title in the data file and
    time until the record page shows it."""
    res: dict[str, Any] = {}
    real = snapshot / DATA_FILE
    if real.exists():
        data_text, res["data"] = real.read_text(encoding="utf-8"), DATA_FILE
    else:
        data_text = (snapshot / "tests/fixtures/small.yaml").read_text(encoding="utf-8")
        res["data"] = (
            "tests/fixtures/small.yaml (data/measures.yaml is missing from the working tree)"
        )
    project = work / "serve"
    copy_project(snapshot, project, data_text)
    add_missing_handwritten(project)
    data_path = project / DATA_FILE
    state = hooks.read(data_path)
    record = state.site.records[0]
    res["records"] = len(state.site.records)
    url_path = f"records/{record.id}/"
    port = _free_port()
    logfile = work / "serve.log"
    sink = open(logfile, "wb")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=sink,
        stderr=subprocess.STDOUT,
        env=ENV,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        while time.perf_counter() - start < 600:
            if proc.poll() is not None:
                raise RuntimeError(
                    "mkdocs serve exited:\n" + logfile.read_text(errors="replace")[-3000:]
                )
            if _get(base + url_path):
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("mkdocs serve did not serve the record page within 600 s")
        res["first_build_s"] = time.perf_counter() - start
        time.sleep(2)  # let the watcher settle
        title = record.title.fi
        times, built = [], []
        for i in range(1, edits + 1):
            new_title = f"{record.title.fi} muokattu {i}"
            text = data_path.read_text(encoding="utf-8")
            at = text.index(f"id: {record.id}")
            pos = text.index(title, at)
            text = text[:pos] + new_title + text[pos + len(title) :]
            log_before = len(logfile.read_bytes())
            t0 = time.perf_counter()
            data_path.write_text(text, encoding="utf-8")
            seen = None
            while time.perf_counter() - t0 < 120:
                body = _get(base + url_path)
                if body and new_title in body:
                    seen = time.perf_counter() - t0
                    break
                time.sleep(0.05)
            times.append(seen)
            # the rebuild (both languages and Pagefind) is over when the server reloads browsers
            done = None
            while time.perf_counter() - t0 < 120:
                tail = logfile.read_bytes()[log_before:].decode("utf-8", errors="replace")
                if "Reloading browsers" in tail or "An error happened during the rebuild" in tail:
                    done = time.perf_counter() - t0 if "Reloading browsers" in tail else None
                    break
                time.sleep(0.05)
            built.append(done)
            title = new_title
            time.sleep(1.5)
        res["visible_s"] = times
        res["rebuild_s"] = built
        if "hooks" in logfile.read_text(errors="replace") and "Traceback" in logfile.read_text(
            errors="replace"
        ):
            res["log_tail"] = logfile.read_text(errors="replace")[-2000:]
    finally:
        try:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=15)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        sink.close()
    return res


# --- Report -----------------------------------------------------------------------------------


def _fmt_bytes(n: float | None) -> str:
    if n is None:
        return "–"
    if n >= MB:
        return f"{n / MB:.1f} MB"
    return f"{n / KB:.1f} KB"


def _ratio(res: dict[str, Any]) -> tuple[float | None, float | None]:
    g, f = res.get("gen", {}), res.get("floor", {})
    if g.get("rc") != 0 or f.get("rc") != 0 or "pagefind" not in f or "pagefind" not in g:
        return None, None
    total = g["wall"] / (f["wall"] + f["pagefind"]["wall"])
    mkdocs_only = (g["wall"] - g["pagefind"]["wall"]) / f["wall"]
    return total, mkdocs_only


def print_table(res: dict[str, Any]) -> None:
    n = res["size"]
    g, f = res.get("gen", {}), res.get("floor", {})
    ok_g, ok_f = g.get("rc") == 0, f.get("rc") == 0

    def col(d: dict[str, Any], ok: bool, fn: Any) -> str:
        if not d:
            return "–"
        if not ok:
            return "timed out" if d.get("timed_out") else f"FAILED (exit {d.get('rc')})"
        try:
            return fn(d)
        except (KeyError, TypeError, ZeroDivisionError):
            return "–"

    rows = [
        (
            "mkdocs build wall time",
            lambda d: f"{d['wall']:.1f} s" + (" (Pagefind incl.)" if d is g else " (no search)"),
        ),
        ("Pagefind alone (separate run)", lambda d: f"{d['pagefind']['wall']:.1f} s"),
        (
            "comparable total",
            lambda d: (
                f"{d['wall']:.1f} s" if d is g else f"{d['wall'] + d['pagefind']['wall']:.1f} s"
            ),
        ),
        ("CPU user+sys", lambda d: f"{d['user'] + d['sys']:.1f} s"),
        ("peak RSS (largest process)", lambda d: f"{d['maxrss_mb']:.0f} MB"),
        ("  MkDocs process alone", lambda d: f"{d['main_hwm_mb']:.0f} MB"),
        ("  Pagefind alone", lambda d: f"{d['pagefind']['maxrss_mb']:.0f} MB"),
        ("HTML pages", lambda d: f"{d['pages']:,}"),
        ("time per page", lambda d: f"{1000 * d['wall'] / d['pages']:.2f} ms"),
        ("site size on disk", lambda d: f"{_fmt_bytes(d['bytes'])} in {d['files']:,} files"),
        ("  search index (pagefind/)", lambda d: _fmt_bytes(d["pagefind_bytes"])),
        ("largest HTML page", lambda d: f"{_fmt_bytes(d['largest'][0][0])} ({d['largest'][0][1]})"),
        ("pages over 500 KB", lambda d: f"{d['over_limit']:,}"),
    ]
    log(f"\n--- {n:,} records " + "-" * 60)
    log(
        f"data file: {_fmt_bytes(res['data_bytes'])}; real validator: "
        + (
            "accepts it"
            if res["valid_real"]
            else "REJECTS it (size limit; measured with the limit lifted in a copy)"
        )
    )
    log(
        f"validation: {res['validate_s']:.2f} s (kb.state.read_state, best of 3) ÷ "
        f"{res['plain_load_s']:.2f} s (plain yaml.load, CSafeLoader, best of 3) = "
        f"{res['validate_s'] / res['plain_load_s']:.2f} ×"
    )
    log(
        f"machine load average (2 cores): {res['load_before']:.1f} before, "
        f"{res['load_after']:.1f} after this size (other work on the machine skews timings)"
    )
    floor_title = f"floor ({res.get('floor_kind', 'content')}, no hooks)"
    log(f"{'':32} {'generator':>30} {floor_title:>30}")
    for label, fn in rows:
        log(f"{label:32} {col(g, ok_g, fn):>30} {col(f, ok_f, fn):>30}")
    if ok_g:
        load = g["load"]
        parts = ", ".join(
            f"{k} {p.rsplit('/', 1)[-1]} {_fmt_bytes(s)}" for k, p, s, _ in load["items"]
        )
        log(
            f"record page load (static): {_fmt_bytes(load['bytes'])} uncompressed, "
            f"{_fmt_bytes(load['gzip'])} gzipped [{parts}]"
        )
        br = g.get("browser")
        if br:
            r, s = br["record"], br["search"]
            log(
                f"record page load (Chromium): {_fmt_bytes(r['bytes'])} uncompressed, "
                f"{_fmt_bytes(r['gzip'])} gzipped, "
                f"{r['requests']} requests, Pagefind {_fmt_bytes(r['pagefind'])}"
            )
            groups = ", ".join(
                f"{k} {v[0]}× {_fmt_bytes(v[1])}" for k, v in sorted(s["groups"].items())
            )
            log(
                f"first search 'hankinta' (Chromium, /pagefind/ only): "
                f"{_fmt_bytes(s['bytes'])} uncompressed, {_fmt_bytes(s['gzip'])} gzipped, "
                f"{s['requests']} requests [{groups}]; status: {s['status']!r}"
            )
        elif g.get("browser_error"):
            log(f"browser measurement failed: {g['browser_error'][:300]}")
    total, only = _ratio(res)
    if total is not None:
        log(
            f"ratio generator/floor: {total:.2f} (floor = MkDocs + Pagefind on its output); "
            f"MkDocs part only: {only:.2f}"
        )
    h = res.get("hugo")
    if h is None:
        log(
            "ratio generator/Hugo: Hugo not run"
            + (f" ({res['hugo_note']})" if res.get("hugo_note") else "")
        )
    elif h.get("rc") != 0:
        log(f"ratio generator/Hugo: Hugo build FAILED (exit {h.get('rc')})")
    elif ok_g:
        log(
            f"ratio generator/Hugo: {g['wall']:.1f} s (generator build, Pagefind incl.) ÷ "
            f"{h['wall']:.1f} s (Hugo, best of {len(h['runs'])}) = {_hugo_ratio(res):.2f} ×; "
            f"CPU time, for information: {g['user'] + g['sys']:.1f} s ÷ "
            f"{h['user'] + h['sys']:.1f} s = "
            f"{(g['user'] + g['sys']) / (h['user'] + h['sys']):.2f} ×; "
            f"record pages: generator {g['record_pages']}, Hugo {h['record_pages']}"
            + ("" if _same_records(res) else " — NOT THE SAME")
            + f"; all HTML pages: generator {g['pages']:,}, Hugo {h['pages']:,}"
        )
        search = h.get("pagefind") or {}
        if search.get("rc") == 0:
            both = h["wall"] + search["wall"]
            log(
                f"for information, Hugo with a search index: {h['wall']:.1f} s + Pagefind over "
                f"its pages {search['wall']:.1f} s = {both:.1f} s; the generator takes "
                f"{g['wall'] / both:.2f} × that"
            )
    if res.get("floor_pages_md") is not None and ok_f and ok_g:
        log(
            f"pages: generator {g['pages']:,} HTML, floor {f['pages']:,} HTML "
            f"from {res['floor_pages_md']:,} Markdown pages"
        )


def evaluate(
    results: list[dict[str, Any]], serve_result: dict[str, Any] | None
) -> list[tuple[str, str, str]]:
    """(status, target, measured) with status met / MISSED / skipped."""
    out: list[tuple[str, str, str]] = []
    by = {r["size"]: r for r in results}

    def add(ok: bool | None, target: str, value: str) -> None:
        out.append(("skipped" if ok is None else "met" if ok else "MISSED", target, value))

    for r in results:
        add(
            r["valid_real"],
            f"{r['size']:,} records: data file passes the real validator",
            "accepted"
            if r["valid_real"]
            else (r.get("validator_report") or "").splitlines()[-1].strip(),
        )
    for r in results:
        total, _ = _ratio(r)
        add(
            None if "floor" not in r else (total is not None and total <= T_FLOOR_RATIO),
            f"{r['size']:,} records: generator time ≤ {T_FLOOR_RATIO} × floor",
            f"{total:.2f} × (MkDocs + Pagefind of the floor); "
            f"MkDocs part alone {_ratio(r)[1]:.2f} ×"
            if total is not None
            else "floor not run"
            if "floor" not in r
            else "no ratio (a build failed or timed out)",
        )
    big, mid = by.get(10000), by.get(1000)
    if big:
        g = big.get("gen", {})
        ok = g.get("rc") == 0
        h = big.get("hugo")
        ratio = _hugo_ratio(big)
        add(
            None
            if h is None
            else ok and ratio is not None and _same_records(big) and ratio <= T_HUGO_RATIO,
            f"10,000 records: build ≤ {T_HUGO_RATIO:.0f} × Hugo on the same records",
            (big.get("hugo_note") or "Hugo not run")
            if h is None
            else "Hugo build failed"
            if h.get("rc") != 0
            else ("generator build failed" if not g.get("timed_out") else "generator timed out")
            if not ok
            else f"{ratio:.2f} × = {g['wall']:.1f} s ÷ {h['wall']:.1f} s"
            + (
                ""
                if _same_records(big)
                else f"; record pages differ: generator {g['record_pages']}, "
                f"Hugo {h['record_pages']}"
            ),
        )
        add(
            g.get("maxrss_mb", 0) <= T_RSS_10K_MB and ok,
            "10,000 records: peak memory ≤ 1 GB",
            f"{g.get('maxrss_mb', 0):.0f} MB" + ("" if ok else " (build did not finish)"),
        )
        vratio = big["validate_s"] / big["plain_load_s"]
        add(
            vratio <= T_VALIDATE_RATIO,
            f"10,000 records: validation ≤ {T_VALIDATE_RATIO:.0f} × a plain YAML load",
            f"{vratio:.2f} × = {big['validate_s']:.2f} s ÷ {big['plain_load_s']:.2f} s"
            + (" (size limit lifted)" if big["size_limited"] else ""),
        )
        if mid and ok and mid.get("gen", {}).get("rc") == 0:
            tb = g["wall"] / g["pages"]
            tm = mid["gen"]["wall"] / mid["gen"]["pages"]
            add(
                tb <= T_TPP_GROWTH * tm,
                f"time per page at 10,000 ≤ {T_TPP_GROWTH} × at 1,000",
                f"{1000 * tb:.2f} ms vs {1000 * tm:.2f} ms = {tb / tm:.2f} ×",
            )
        else:
            add(
                None if not mid else False,
                f"time per page at 10,000 ≤ {T_TPP_GROWTH} × at 1,000",
                "needs both builds" if not mid else "a build did not finish",
            )
        load = g.get("load")
        add(
            load["gzip"] <= T_PAGE_LOAD_KB * KB if load else False,
            f"10,000 records: ≤ {T_PAGE_LOAD_KB:.0f} KB downloaded on a (record) page load",
            f"{_fmt_bytes(load['gzip'])} gzipped as hosts serve it "
            f"({_fmt_bytes(load['bytes'])} uncompressed)"
            if load
            else "not measured",
        )
        s = (g.get("browser") or {}).get("search")
        add(
            s["gzip"] <= T_FIRST_QUERY_KB * KB
            if s
            else None
            if ok and "browser" not in g and "browser_error" not in g
            else False,
            f"10,000 records: ≤ {T_FIRST_QUERY_KB:.0f} KB for a first query",
            f"{_fmt_bytes(s['gzip'])} gzipped in {s['requests']} requests "
            f"({_fmt_bytes(s['bytes'])} uncompressed)"
            if s
            else "not measured (--no-browser)"
            if ok and "browser" not in g and "browser_error" not in g
            else "not measured",
        )
    else:
        for target in (
            f"build ≤ {T_HUGO_RATIO:.0f} × Hugo on the same records",
            "peak memory ≤ 1 GB",
            f"validation ≤ {T_VALIDATE_RATIO:.0f} × a plain YAML load",
            "time per page growth",
            "page load ≤ 100 KB",
            "first query ≤ 400 KB",
        ):
            add(None, f"10,000 records: {target}", "size 10,000 not run")
    for r in results:
        g = r.get("gen", {})
        if g.get("rc") == 0:
            worst = g["largest"][0]
            add(
                g["over_limit"] == 0,
                f"{r['size']:,} records: no generated page over {T_PAGE_KB:.0f} KB",
                f"largest {_fmt_bytes(worst[0])} ({worst[1]}); {g['over_limit']:,} over",
            )
        else:
            add(
                False,
                f"{r['size']:,} records: no generated page over {T_PAGE_KB:.0f} KB",
                "build did not finish",
            )
    if serve_result is None:
        add(None, f"mkdocs serve: edit visible within {T_SERVE_S:g} s", "not run")
    elif "error" in serve_result:
        add(
            False,
            f"mkdocs serve: edit visible within {T_SERVE_S:g} s",
            serve_result["error"][:200],
        )
    else:
        seen = serve_result["visible_s"]
        worst = None if any(s is None for s in seen) else max(seen)
        add(
            worst is not None and worst <= T_SERVE_S,
            f"mkdocs serve: edit visible within {T_SERVE_S:g} s",
            ("worst " + (f"{worst:.2f} s" if worst is not None else "never (120 s)"))
            + f" of {', '.join('–' if s is None else f'{s:.2f}' for s in seen)} s; "
            + serve_result["data"],
        )
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="30,1000,10000", help="record counts, comma-separated")
    parser.add_argument(
        "--timeout", type=float, default=900, help="seconds per build (default 900)"
    )
    parser.add_argument("--json", help="also write all measurements to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--no-floor", action="store_true", help="skip the floor builds")
    parser.add_argument(
        "--floor",
        choices=("content", "body"),
        default="content",
        help="content: each floor page holds the content the generator rendered for it "
        "(default); body: only PageSpec.markdown(), the record's body text (the floor "
        "before 2026-11-21, for comparison)",
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument(
        "--no-hugo", action="store_true", help="skip the Hugo reference (its target is skipped)"
    )
    parser.add_argument(
        "--no-install",
        action="store_true",
        help="do not install the Debian package hugo when it is missing",
    )
    args = parser.parse_args(argv)
    args.hugo_path, hugo_note = None, "skipped (--no-hugo)"
    if not args.no_hugo:
        args.hugo_path, hugo_note = hugo_ref.find_hugo(install=not args.no_install)
        log(("Hugo reference: " if args.hugo_path else "Hugo reference MISSING: ") + hugo_note)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    log(f"bench: sizes {sizes}, timeout {args.timeout:.0f} s per build, work dir {work}")
    results: list[dict[str, Any]] = []
    serve_result: dict[str, Any] | None = None
    try:
        # One snapshot of the working tree, so that edits by others during the run do not mix in.
        snapshot = work / "snapshot"
        copy_project(ROOT, snapshot, None)
        (snapshot / "tests/fixtures").mkdir(parents=True)
        shutil.copy(ROOT / "tests/fixtures/small.yaml", snapshot / "tests/fixtures/small.yaml")
        if (ROOT / DATA_FILE).exists():
            (snapshot / "data").mkdir()
            shutil.copy(ROOT / DATA_FILE, snapshot / DATA_FILE)
        unlinked = unlink_records(snapshot)
        if unlinked:
            log(
                f"note: {unlinked} links from hand-written pages to real records are plain text "
                "in the benchmark's copy (the synthetic data has other records)"
            )
        added = add_missing_handwritten(snapshot)
        if added:
            log(
                "note: the working tree lacks hand-written pages that mkdocs.yml needs; "
                "the benchmark uses placeholders for: " + ", ".join(added)
            )
        hooks = Hooks(snapshot)
        problems = docs_problems(snapshot, hooks)
        if problems:
            log(
                "note: the hand-written pages in docs/ would stop every build ("
                + "; ".join(problems[:3])
                + "); the benchmark uses placeholder pages instead"
            )
            stub_docs(snapshot)
        for n in sizes:
            results.append(run_size(n, snapshot, hooks, args, work))
            if not args.hugo_path:
                results[-1]["hugo_note"] = hugo_note
        if not args.no_serve:
            log("\n=== mkdocs serve on the real project ...")
            try:
                serve_result = measure_serve(snapshot, hooks, work)
                log(
                    f"  first build {serve_result['first_build_s']:.1f} s; edit visible after "
                    + ", ".join(
                        "–" if s is None else f"{s:.2f} s" for s in serve_result["visible_s"]
                    )
                    + "; rebuild finished after "
                    + ", ".join(
                        "–" if s is None else f"{s:.2f} s" for s in serve_result["rebuild_s"]
                    )
                )
            except Exception as exc:
                serve_result = {"error": f"{type(exc).__name__}: {exc}"}
                log(f"  FAILED: {serve_result['error'][:2000]}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")

    log("\n" + "=" * 96 + "\nRESULTS")
    for r in results:
        print_table(r)
    if serve_result and "error" not in serve_result:
        log(
            f"\nmkdocs serve ({serve_result['data']}, {serve_result['records']} records): "
            f"first build {serve_result['first_build_s']:.1f} s; "
            "edit visible after "
            + ", ".join("–" if s is None else f"{s:.2f} s" for s in serve_result["visible_s"])
            + "; rebuild finished (server reloads browsers) after "
            + ", ".join("–" if s is None else f"{s:.2f} s" for s in serve_result["rebuild_s"])
        )
    verdicts = evaluate(results, serve_result)
    log("\nTARGETS")
    for status, target, value in verdicts:
        log(f"  {status:7} {target}: {value}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"results": results, "serve": serve_result, "targets": verdicts},
                indent=1,
                default=str,
            ),
            encoding="utf-8",
        )
    missed = [v for v in verdicts if v[0] == "MISSED"]
    log(f"\n{len(missed)} target(s) missed." if missed else "\nAll targets met.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
