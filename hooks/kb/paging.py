"""Pagination, the same for every long page (the overview's matrix and the listings):
fixed-size pages, their links, previous and next, and the title of a later page."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from kb.strings import t

PAGE_SIZE = 100
T = TypeVar("T")


def page_count(total: int) -> int:
    """How many pages `total` items fill: one, empty, when there are none."""
    return max(1, -(-total // PAGE_SIZE))


def page_of(items: Sequence[T], number: int) -> Sequence[T]:
    """The items on page `number` (from 1) of `items`."""
    return items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]


def pager(number: int, count: int, url: Callable[[int], str]) -> dict[str, Any]:
    """The page links of page `number` of `count`: every page (none when there is only one),
    the previous and the next page's address; `url(n)` is the address of page n."""
    links = [{"number": n, "url": url(n), "current": n == number} for n in range(1, count + 1)]
    return {
        "pages": links if count > 1 else [],
        "previous": links[number - 2]["url"] if number > 1 else None,
        "next": links[number]["url"] if number < count else None,
    }


def paged_title(title: str, number: int, table: Mapping[str, str]) -> str:
    """The title of page `number`: the first page has the plain title, later ones say which
    page they are ('Tulokset (sivu 2)')."""
    return title if number == 1 else f"{title} ({t(table, 'pagination_page', number=number)})"
