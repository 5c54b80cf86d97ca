"""Build the site, serve it on 127.0.0.1 with gzip like a production host, run Lighthouse
(mobile preset, Debian's Chromium) on six pages and print the four category scores.

Targets: accessibility, best practices and SEO 100; performance at least 95. Each page is
audited --runs times (default 3) and the median score counts, as Lighthouse recommends:
total blocking time varies from run to run on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from kb_browser import CHROMIUM, CHROMIUM_FLAGS, serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules/lighthouse/cli/index.js"
FLAGS = " ".join(CHROMIUM_FLAGS)
PAGES = [
    "",
    "areas/procurement-competence/",
    "records/mentor-programme-2022/",
    "sv/",
    "sv/areas/procurement-competence/",
    "sv/records/mentor-programme-2022/",
]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def _build(out: Path) -> None:
    command = [
        str(ROOT / ".venv/bin/mkdocs"),
        "build",
        "--strict",
        "--quiet",
        "--site-dir",
        str(out),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def _audit(url: str, work: Path) -> dict[str, float]:
    report = work / "report.json"
    profile = tempfile.mkdtemp(dir=work)
    command = [
        "node", str(LIGHTHOUSE), url,
        "--quiet", "--output=json", f"--output-path={report}",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility,best-practices,seo",
        f"--chrome-flags={FLAGS} --user-data-dir={profile}",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, env=env, timeout=300)
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: categories[name]["score"] for name in TARGETS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per page; the median counts (default 3)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site"
        _build(site)
        httpd, base = serve(site, compress=True)
        missed = []
        print(f"{'page':42} " + " ".join(f"{name:>15}" for name in TARGETS))
        for path in PAGES:
            runs = [_audit(base + path, work) for _ in range(args.runs)]
            scores = {name: statistics.median(run[name] for run in runs) for name in TARGETS}
            print(f"/{path:41} " + " ".join(f"{round(v * 100):>15}" for v in scores.values()))
            missed += [
                f"/{path} {name} {round(scores[name] * 100)} < {round(target * 100)}"
                for name, target in TARGETS.items()
                if scores[name] < target
            ]
        httpd.shutdown()
    for line in missed:
        print("MISSED:", line)
    print("all targets met" if not missed else f"{len(missed)} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
