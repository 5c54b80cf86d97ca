"""Compiled templates kept between builds (kb.jinjacache): reused when nothing the compiler
reads has changed, never handed to an environment that compiles differently."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment

from kb.escape import autoescape_for
from kb.jinjacache import KeyedBytecodeCache, compile_settings

_TEMPLATES = {"kb-x.html": "<p>{{ value }}</p>", "plain.html": "<p>{{ value }}</p>"}


def _env(cache: Path, autoescape: object) -> Environment:
    env = Environment(loader=DictLoader(_TEMPLATES), autoescape=autoescape)  # type: ignore[arg-type]
    env.bytecode_cache = KeyedBytecodeCache(str(cache))
    return env


def test_code_compiled_with_autoescape_is_never_reused_without_it(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    escaping = _env(tmp_path, True).get_template("kb-x.html").render(value=hostile)
    raw = _env(tmp_path, False).get_template("kb-x.html").render(value=hostile)
    again = _env(tmp_path, True).get_template("kb-x.html").render(value=hostile)
    assert escaping == again == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert raw == f"<p>{hostile}</p>"
    assert len(list(tmp_path.glob("*.cache"))) == 2  # one compiled version per setting


def test_autoescape_by_template_name_is_part_of_the_key(tmp_path: Path) -> None:
    env = _env(tmp_path, autoescape_for)
    assert compile_settings(env, "kb-x.html") != compile_settings(env, "plain.html")
    assert compile_settings(env, "kb-x.html") == compile_settings(_env(tmp_path, True), "x")
    hostile = "<b>"
    assert env.get_template("kb-x.html").render(value=hostile) == "<p>&lt;b&gt;</p>"
    assert env.get_template("plain.html").render(value=hostile) == "<p><b></p>"


def test_a_second_environment_loads_the_compiled_code(tmp_path: Path) -> None:
    _env(tmp_path, True).get_template("kb-x.html")
    cache = KeyedBytecodeCache(str(tmp_path))
    env = _env(tmp_path, True)
    bucket = cache.get_bucket(env, "kb-x.html", None, _TEMPLATES["kb-x.html"])
    assert bucket.code is not None  # compiled once, read back
    changed = cache.get_bucket(env, "kb-x.html", None, "<p>{{ value }}!</p>")
    assert changed.code is None  # an edited template is compiled again
    other = Environment(loader=DictLoader(_TEMPLATES), autoescape=True, trim_blocks=True)
    assert cache.get_bucket(other, "kb-x.html", None, _TEMPLATES["kb-x.html"]).code is None
