"""UI strings in templates, filled by the same function as in Python (`kb.strings.t`):

    {{ kb_t | t("area_count", count=a.own_count) }}
    {{ kb_t | t_for_script("search_results", "count", "query") }}

The first fills every placeholder of the string now; the second hands the string to a
script that fills the named placeholders in the browser (assets/search.js). Either
raises, naming the template, when the use and the string disagree about the placeholders;
tests/test_placeholders.py checks every use before a build does.
"""

from __future__ import annotations

from collections.abc import Mapping

from jinja2 import TemplateRuntimeError, pass_context
from jinja2.runtime import Context

from kb.strings import PlaceholderError, check_fills, t


@pass_context
def template_t(context: Context, table: Mapping[str, str], key: str, **values: object) -> str:
    """`t` for templates: the string `key` with all its placeholders filled."""
    try:
        return t(table, key, **values)
    except PlaceholderError as exc:
        raise TemplateRuntimeError(f"overrides/{context.name}: {exc}") from None


@pass_context
def template_t_for_script(context: Context, table: Mapping[str, str], key: str, *names: str) -> str:
    """The string `key` unfilled, for a script that fills exactly the placeholders `names`."""
    try:
        check_fills(table, key, names)
    except PlaceholderError as exc:
        raise TemplateRuntimeError(f"overrides/{context.name}: {exc}") from None
    return table[key]


FILTERS = {"t": template_t, "t_for_script": template_t_for_script}
