"""Which generated page a page is: a typed reference (`PageRef`), written to front matter
and read back in exactly one place (`to_meta`, `from_meta`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

DIMENSIONS = ("kind", "area", "status")
META_KEY = "kb_key"  # the front-matter field that holds a generated page's reference
_HOME_TEMPLATE = "kb-home.html"  # a hand-written page with this template is the home page


@dataclass(frozen=True)
class Facet:
    """A listing filter: records of one kind, area and status, each optional ('' = any)."""

    kind: str = ""
    area: str = ""
    status: str = ""

    @classmethod
    def of(cls, name: str, value: str) -> Facet:
        """The facet of one dimension ('kind', 'area' or 'status'); 'all' for none."""
        return cls() if name == "all" else cls(**{name: value})

    def values(self) -> dict[str, str]:
        """Each dimension and its value ('' = any)."""
        return {"kind": self.kind, "area": self.area, "status": self.status}

    def chosen(self) -> list[tuple[str, str]]:
        """The dimensions that have a value, in the fixed order of `DIMENSIONS`."""
        return [(name, value) for name, value in self.values().items() if value]

    def with_value(self, name: str, value: str) -> Facet:
        """This facet with one dimension changed."""
        return Facet(**{**self.values(), name: value})


class PageKind(Enum):
    """The kinds of page the generator fills with a view."""

    RECORD = "record"
    AREA = "area"
    OVERVIEW = "overview"
    LISTING = "browse"
    HOME = "home"


@dataclass(frozen=True)
class PageRef:
    """One generated page: a record's or an area's (`key` is its id), a page of the overview
    or of a listing (`number`, from 1; a listing's filters in `facet`), or the home page."""

    kind: PageKind
    key: str = ""
    number: int = 1
    facet: Facet = Facet()

    @classmethod
    def record(cls, record_id: str) -> PageRef:
        return cls(PageKind.RECORD, record_id)

    @classmethod
    def area(cls, area_id: str) -> PageRef:
        return cls(PageKind.AREA, area_id)

    @classmethod
    def overview(cls, number: int = 1) -> PageRef:
        return cls(PageKind.OVERVIEW, number=number)

    @classmethod
    def listing(cls, facet: Facet, number: int = 1) -> PageRef:
        return cls(PageKind.LISTING, number=number, facet=facet)

    def to_meta(self) -> str:
        """The reference as its front-matter text: 'record:x', 'area:x', 'overview:2',
        'browse:kind:area:status:2'."""
        if self.kind is PageKind.LISTING:
            f = self.facet
            return f"browse:{f.kind}:{f.area}:{f.status}:{self.number}"
        if self.kind is PageKind.OVERVIEW:
            return f"overview:{self.number}"
        if self.kind is PageKind.HOME:
            return "home"
        return f"{self.kind.value}:{self.key}"

    @classmethod
    def parse(cls, text: str) -> PageRef | None:
        """The reference `to_meta` wrote as `text`, or None for any other text."""
        head, _, rest = text.partition(":")
        if head in ("record", "area") and rest:
            return cls(PageKind(head), rest)
        if head == "overview" and rest.isdigit() and int(rest) >= 1:
            return cls.overview(int(rest))
        parts = rest.split(":")
        if head == "browse" and len(parts) == 4 and parts[3].isdigit() and int(parts[3]) >= 1:
            return cls.listing(Facet(*parts[:3]), int(parts[3]))
        if text == "home":
            return HOME
        return None


HOME = PageRef(PageKind.HOME)


class UnknownRef(ValueError):
    """The front matter holds a reference no generated page has."""


def from_meta(meta: Mapping[str, Any]) -> PageRef | None:
    """The page a page's front matter names: its `kb_key`, or the home page by its
    template; None for a hand-written page. An unreadable `kb_key` raises `UnknownRef`."""
    value = meta.get(META_KEY)
    if value:
        ref = PageRef.parse(str(value))
        if ref is None:
            raise UnknownRef(str(value))
        return ref
    return HOME if meta.get("template") == _HOME_TEMPLATE else None
