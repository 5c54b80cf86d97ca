# ruff: noqa: E501  (Hugo templates are long lines of markup)
"""The Hugo reference of the benchmark: the same records, both languages, built by Hugo.

The benchmark writes a small Hugo project itself (config, content, minimal templates) from
the same synthetic data the generator builds, so that "the generator takes R times as long
as Hugo" is measured on one machine in one run. Each record page has what a reader needs
from the generator's record page: the title, the summary, the Markdown body (rendered by
Hugo's Goldmark, as MkDocs renders it with Python-Markdown), the figures, the documents, the
related records (as links), the sources, and a link to the other language. The first
language is at the site root, the other under '/sv/', as in the generator's site.

Hugo is the Debian package `hugo`: `find_hugo()` finds it on PATH or installs it with
apt-get when this process runs as root (or sudo works without a password), and says why
when it can do neither.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

LANGS = ("fi", "sv")
LANG_NAMES = {"fi": "Suomi", "sv": "Svenska"}
RECORDS = "records"

_CONFIG = """\
baseURL = "https://bench.invalid/"
title = "Benchmark reference"
defaultContentLanguage = "fi"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
enableRobotsTXT = false

[languages.fi]
contentDir = "content/fi"
languageName = "Suomi"
weight = 1

[languages.sv]
contentDir = "content/sv"
languageName = "Svenska"
weight = 2
"""

_BASEOF = """\
<!doctype html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
{{- with .Params.description }}<meta name="description" content="{{ . }}">{{ end }}
{{- range .Translations }}
<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{- end }}
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

_SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.kb_summary }}</p>
{{- with .Params.kb_figures }}
<h2>{{ $.Params.kb_t.figures }}</h2>
<ul>
{{- range . }}
<li><span>{{ .value }}{{ with .unit }}&nbsp;{{ . }}{{ end }}</span> <span>{{ .label }}{{ with .year }} ({{ . }}){{ end }}</span>{{ with .source }} <a href="{{ . }}">{{ $.Params.kb_t.source }}</a>{{ end }}</li>
{{- end }}
</ul>
{{- end }}
{{- if .Content }}
<h2>{{ .Params.kb_t.body }}</h2>
{{ .Content }}
{{- end }}
{{- with .Params.kb_documents }}
<h2>{{ $.Params.kb_t.documents }}</h2>
<ul>
{{- range . }}
<li><a href="{{ .url }}" hreflang="{{ .language }}">{{ .label }}</a> ({{ .format }})</li>
{{- end }}
</ul>
{{- end }}
{{- with .Params.kb_related }}
<h2>{{ $.Params.kb_t.related }}</h2>
<ul>
{{- range . }}
<li><a href="../{{ .id }}/">{{ .title }}</a></li>
{{- end }}
</ul>
{{- end }}
<h2>{{ .Params.kb_t.sources }}</h2>
<ul>
{{- range .Params.kb_sources }}
<li><a href="{{ . }}">{{ . }}</a></li>
{{- end }}
</ul>
</article>
{{ end }}
"""

_LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .RegularPagesRecursive }}</p>
{{ end }}
"""

_LABELS = {
    "fi": {
        "figures": "Luvut",
        "body": "Kuvaus",
        "documents": "Aineistot",
        "related": "Liittyvät",
        "source": "Lähde",
        "sources": "Lähteet",
        "home": "Etusivu",
        "records": "Tulokset",
    },
    "sv": {
        "figures": "Siffror",
        "body": "Beskrivning",
        "documents": "Material",
        "related": "Relaterade",
        "source": "Källa",
        "sources": "Källor",
        "home": "Startsida",
        "records": "Resultat",
    },
}


def write_project(data: dict[str, Any], target: Path) -> int:
    """Write the Hugo project for `data` (the plain values of a data file) into `target`;
    return the number of record pages it will build (records × languages)."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "hugo.toml").write_text(_CONFIG, encoding="utf-8")
    layouts = target / "layouts/_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "baseof.html").write_text(_BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(_LIST, encoding="utf-8")
    records = data["records"]
    titles = {r["id"]: r["title"] for r in records}
    count = 0
    for lang in LANGS:
        labels = _LABELS[lang]
        folder = target / "content" / lang / RECORDS
        folder.mkdir(parents=True, exist_ok=True)
        (target / "content" / lang / "_index.md").write_text(
            json.dumps({"title": labels["home"]}, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (folder / "_index.md").write_text(
            json.dumps({"title": labels["records"]}, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        for record in records:
            front = {
                "title": record["title"][lang],
                "description": record["summary"][lang][:160],
                "kb_summary": record["summary"][lang],
                "kb_figures": [
                    {
                        "value": f["value"],
                        **({"unit": f["unit"][lang]} if "unit" in f else {}),
                        "label": f["label"][lang],
                        **({"year": f["year"]} if "year" in f else {}),
                        **({"source": f["source"]} if "source" in f else {}),
                    }
                    for f in record.get("figures", [])
                ],
                "kb_documents": [
                    {
                        "url": d["url"],
                        "label": d["label"][lang],
                        "language": d["language"],
                        "format": d["format"],
                    }
                    for d in record.get("documents", [])
                ],
                "kb_related": [
                    {"id": other, "title": titles[other][lang]}
                    for other in record.get("related", [])
                ],
                "kb_sources": list(record.get("sources", [])),
                "kb_t": labels,
            }
            body = (record.get("body") or {}).get(lang, "")
            # JSON front matter: Hugo reads a file that starts with '{' as JSON front matter.
            text = json.dumps(front, ensure_ascii=False) + "\n\n" + body + "\n"
            (folder / f"{record['id']}.md").write_text(text, encoding="utf-8")
            count += 1
    return count


def record_pages(site: Path) -> dict[str, int]:
    """Record pages per language in a built site (first language at the root, the other
    under '<code>/'): `records/<id>/index.html`, the layout of both the generator and this
    Hugo project."""
    out = {}
    for lang in LANGS:
        base = site if lang == LANGS[0] else site / lang
        out[lang] = sum(1 for _ in (base / RECORDS).glob("*/index.html"))
    return out


def _version(hugo: str) -> str:
    try:
        result = subprocess.run([hugo, "version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unknown ({exc})"
    return (result.stdout or result.stderr).strip().split(" BuildDate")[0]


def find_hugo(install: bool = True) -> tuple[str | None, str]:
    """(path to hugo, what happened): found on PATH, or installed as the Debian package
    `hugo` with apt-get (as root, or with sudo that needs no password); (None, why not)."""
    found = shutil.which("hugo")
    if found:
        return found, f"{_version(found)} ({found})"
    if not install:
        return None, "hugo is not installed (Debian package 'hugo'); installing was not allowed"
    apt = shutil.which("apt-get")
    if apt is None:
        return None, "hugo is not installed and there is no apt-get to install the Debian package"
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif (
        shutil.which("sudo")
        and subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False).returncode == 0
    ):
        prefix = ["sudo", "-n"]
    else:
        return None, (
            "hugo is not installed, and this user can neither run apt-get (not root) nor sudo "
            "without a password: install it with 'sudo apt-get install hugo' and rerun"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    log = []
    for command in (
        [*prefix, apt, "install", "-y", "-qq", "hugo"],
        [*prefix, apt, "update", "-qq"],
        [*prefix, apt, "install", "-y", "-qq", "hugo"],
    ):
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=900, check=False
        )
        log.append((result.stderr or result.stdout).strip()[-500:])
        found = shutil.which("hugo")
        if found:
            return found, f"{_version(found)} ({found}; installed now with apt-get)"
    return None, "apt-get could not install the Debian package 'hugo': " + " | ".join(
        line for line in log if line
    )
