"""Parts of pages rendered once per build and reused: what many pages show identically
(Material's navigation on every page outside it) need not be rendered for each of them.

A template asks for it with a call block, `{% call kb_once(key) %}…{% endcall %}`: the
first page with `key` renders the block, the later ones get that text. One object per
language build (kb.adapter.build.Build), never shared between builds.
"""

from __future__ import annotations

from collections.abc import Callable


class RenderOnce:
    """The text of each key's block, as its first page rendered it."""

    def __init__(self) -> None:
        self._done: dict[str, str] = {}

    def __call__(self, key: str, caller: Callable[[], str]) -> str:
        if key not in self._done:
            self._done[key] = caller()
        return self._done[key]
