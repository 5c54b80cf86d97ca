"""Search quality on the evaluation set bench/search_queries.yaml, in headless Chromium.

    .venv/bin/python bench/search_eval.py [--root DIR] [--site DIR] [--json out.json] [-v]

Builds the project at --root (default: this checkout) with `mkdocs build --strict` into
a temporary folder (or uses a built --site), then indexes the same pages with plain
Pagefind (no preparation, no query rewriting) into `pagefind-plain/<lang>/` of that
site. Every query runs twice in the same browser: through the real search page
(`haku/?q=` / `sv/sok/?q=`, the first ten result links of `#kb-search-results`) and through
`pagefind.search()` on the plain index (its first ten results). Prints per language and per
query type recall@10 (relevant records found in the top ten / min(relevant, 10)),
success@10 (at least one relevant record in the top ten), MRR@10, and the number of
results from the other language; then the median time of a query on a loaded search
page (submit -> status updated) and the bytes of the first query (gzip, as hosts serve).
Relevance comes from the data (see the query file), never from search results.

Measure main before a change: `git archive main | tar -x -C /tmp/main` and pass
`--root /tmp/main` (this script and the query file stay those of this checkout).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from kb_browser import CHROMIUM, CHROMIUM_FLAGS, serve  # noqa: E402

QUERIES = Path(__file__).resolve().parent / "search_queries.yaml"
SEARCH_PAGE = {"fi": "haku/", "sv": "sv/sok/"}
PREFIX = {"fi": "", "sv": "sv/"}
K = 10
_WAIT = (
    "() => { const s = document.getElementById('kb-search-status');"
    " return s && s.textContent && !s.textContent.endsWith('…'); }"
)
_PLAIN = """async ([lang, query]) => {
  window.kbPlain = window.kbPlain || {};
  if (!window.kbPlain[lang]) {
    const pf = await import(`/pagefind-plain/${lang}/pagefind.js`);
    await pf.options({ baseUrl: '/' });
    window.kbPlain[lang] = pf;
  }
  const search = await window.kbPlain[lang].search(query);
  const pages = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return pages.map((p) => p.url);
}"""
_TIMED = """async (query) => {
  const status = document.getElementById('kb-search-status');
  const input = document.querySelector('form[data-kb-search] input[name=q]');
  const done = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      const t = status.textContent;
      if (t && !t.endsWith('…')) { seen.disconnect(); resolve(); }
    });
    seen.observe(status, { childList: true, characterData: true, subtree: true });
  });
  const start = performance.now();
  input.value = query;
  input.form.requestSubmit();
  await done;
  return performance.now() - start;
}"""


def build(root: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    py = root / ".venv/bin/python"
    cmd = [str(py if py.exists() else ROOT / ".venv/bin/python"), "-m", "mkdocs", "build",
           "--strict", "-q", "--site-dir", str(out)]  # fmt: skip
    result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")


def plain_index(site: Path) -> None:
    """Plain Pagefind over the pages the site marks for search, one index per language."""
    for lang in PREFIX:
        with tempfile.TemporaryDirectory(dir=site.parent) as scratch:
            for page in site.rglob("*.html"):
                rel = page.relative_to(site).as_posix()
                if rel.startswith("pagefind") or b"data-pagefind-body" not in page.read_bytes():
                    continue
                if (lang == "sv") != rel.startswith("sv/"):
                    continue
                target = Path(scratch) / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(page, target)
            cmd = [str(ROOT / ".venv/bin/python"), "-m", "pagefind", "--site", scratch,
                   "--output-path", str(site / "pagefind-plain" / lang), "--silent"]  # fmt: skip
            subprocess.run(cmd, check=True)


def record_of(url: str, lang: str) -> str:
    path = url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url.lstrip("/")
    path = path.removeprefix(PREFIX[lang])
    return path.split("/")[1] if path.startswith("records/") else "page:" + path


def other_language(url: str, lang: str) -> bool:
    path = url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url.lstrip("/")
    return path.startswith("sv/") != (lang == "sv")


def scores(found: list[str], relevant: list[str]) -> tuple[float, float, float]:
    top = found[:K]
    hits = [i for i, rid in enumerate(top) if rid in relevant]
    recall = len({top[i] for i in hits}) / min(len(relevant), K)
    return recall, 1.0 if hits else 0.0, 1.0 / (hits[0] + 1) if hits else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--site", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = ap.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kb-search-eval-") as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(args.root.resolve(), site)
        plain_index(site)
        httpd, base = serve(site, compress=True)
        rows: list[dict[str, Any]] = []
        timing: dict[str, list[float]] = {}
        first_query: dict[str, int] = {}
        try:
            with sync_playwright() as p:
                ctx = p.chromium.launch_persistent_context(
                    str(Path(tmp) / "profile"), executable_path=CHROMIUM, headless=True,
                    args=CHROMIUM_FLAGS,
                )  # fmt: skip
                page = ctx.new_page()
                for lang, items in queries.items():
                    first_query[lang] = _first_query_bytes(p, base, lang, Path(tmp))
                    for item in items:
                        q = str(item["q"])
                        page.goto(base + SEARCH_PAGE[lang] + "?q=" + _quote(q))
                        page.wait_for_function(_WAIT, timeout=30000)
                        links = page.locator("#kb-search-results a").evaluate_all(
                            "els => els.slice(0, 10).map(e => e.href)"
                        )
                        plain = page.evaluate(_PLAIN, [lang, q])
                        for engine, urls in (("site", links), ("plain", plain)):
                            found = [record_of(u, lang) for u in urls]
                            r, s, m = scores(found, item["relevant"])
                            rows.append({
                                "lang": lang, "engine": engine, "type": item["type"], "q": q,
                                "recall": r, "success": s, "mrr": m, "found": found,
                                "relevant": item["relevant"],
                                "other": sum(other_language(u, lang) for u in urls),
                            })  # fmt: skip
                    page.goto(base + SEARCH_PAGE[lang] + "?q=" + _quote(str(items[0]["q"])))
                    page.wait_for_function(_WAIT, timeout=30000)
                    timing[lang] = [page.evaluate(_TIMED, str(it["q"])) for it in items[:40]]
                ctx.close()
        finally:
            httpd.shutdown()
            httpd.server_close()
    _report(rows, timing, first_query, args.verbose)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "timing_ms": timing,
                                         "first_query_gzip": first_query}, indent=1))  # fmt: skip
    return 0


def _first_query_bytes(p: Any, base: str, lang: str, tmp: Path) -> int:
    """Gzip bytes the search page fetches under /pagefind/ for its first query (fresh
    profile): the index, its chunks, the vocabulary and the fragments of ten results."""
    sizes: list[int] = []
    ctx = p.chromium.launch_persistent_context(
        str(tmp / f"profile-first-{lang}"), executable_path=CHROMIUM, headless=True,
        args=CHROMIUM_FLAGS,
    )  # fmt: skip
    page = ctx.new_page()
    page.on("response", lambda r: sizes.append(_wire(r)) if "/pagefind/" in r.url else None)
    page.goto(base + SEARCH_PAGE[lang] + "?q=" + ("hankinta" if lang == "fi" else "upphandling"))
    page.wait_for_function(_WAIT, timeout=30000)
    page.wait_for_load_state("networkidle")
    ctx.close()
    return sum(sizes)


def _wire(response: Any) -> int:
    try:
        length = response.header_value("content-length")
        return int(length) if length else len(response.body())
    except Exception:  # aborted
        return 0


def _quote(q: str) -> str:
    from urllib.parse import quote

    return quote(q)


def _report(rows: list[dict[str, Any]], timing: dict[str, list[float]],
            first_query: dict[str, int], verbose: bool) -> None:  # fmt: skip
    def line(label: str, sel: list[dict[str, Any]]) -> str:
        n = len(sel)
        return (f"{label:<28} n={n:<4} recall@10={sum(r['recall'] for r in sel) / n:.3f}  "
                f"success@10={sum(r['success'] for r in sel) / n:.3f}  "
                f"MRR={sum(r['mrr'] for r in sel) / n:.3f}  "
                f"other-language results={sum(r['other'] for r in sel)}")  # fmt: skip

    for engine, name in (("plain", "plain Pagefind"), ("site", "search page")):
        print(f"== {name}")
        for lang in sorted({r["lang"] for r in rows}):
            sel = [r for r in rows if r["engine"] == engine and r["lang"] == lang]
            print(line(lang, sel))
            for kind in sorted({r["type"] for r in sel}):
                print("  " + line(kind, [r for r in sel if r["type"] == kind]))
    for lang, times in timing.items():
        print(f"query on a loaded page, {lang}: median {statistics.median(times):.1f} ms "
              f"(n={len(times)}, max {max(times):.1f} ms)")  # fmt: skip
    for lang, size in first_query.items():
        print(f"first query, {lang}: {size / 1024:.1f} KB under /pagefind/ (as sent)")
    if verbose:
        for r in rows:
            if r["engine"] == "site" and r["recall"] < 1:
                print(
                    f"MISS {r['lang']} {r['q']!r}: recall {r['recall']:.2f}; "
                    f"relevant {r['relevant']}; found {r['found']}"
                )


if __name__ == "__main__":
    time.sleep(0)
    sys.exit(main())
