"""Every address of the site's own pages, and only here: the language folders, record and
area pages, the overview and its later pages, the listings with their filters, and the
source file of each generated page. Addresses are site-relative ('sv/records/x/') or
language-relative ('records/x/'); the site's base address is added by the caller."""

from __future__ import annotations

from kb.pageref import Facet, PageKind, PageRef

# The language the site's pages are served in at its root ('/'); every other language has
# a folder ('sv/'). mkdocs.yml's default language must be this one (kb.settings checks it).
ROOT_LANG = "fi"

RECORDS = "records/"
AREAS = "areas/"
OVERVIEW_PATH = AREAS  # the overview is the index of the areas
MATRIX_PATH = "matrix/"  # pages 2, 3, ... of the overview matrix
BROWSE_PATH = "browse/"
# The folders generated pages live in (no hand-written page may use them).
GENERATED_DIRS = (RECORDS, AREAS, BROWSE_PATH, MATRIX_PATH)
INDEX_FILE = "index.html"  # the file a folder address is served from


def lang_prefix(lang: str) -> str:
    """Site-relative folder of a language: '' for the root language, 'sv/' for Swedish."""
    return "" if lang == ROOT_LANG else f"{lang}/"


def record_path(record_id: str) -> str:
    """Language-relative address of a record page."""
    return f"{RECORDS}{record_id}/"


def area_path(area_id: str) -> str:
    """Language-relative address of an area page."""
    return f"{AREAS}{area_id}/"


def facet_path(facet: Facet) -> str:
    """The first page of a listing. The address names the chosen values in a fixed order,
    so it is stable: browse/, browse/kind/report/, browse/kind/report/area/x/status/ongoing/."""
    return BROWSE_PATH + "".join(f"{name}/{value}/" for name, value in facet.chosen())


def page_path(ref: PageRef) -> str:
    """Language-relative address of a generated page ('' for the home page)."""
    if ref.kind is PageKind.RECORD:
        return record_path(ref.key)
    if ref.kind is PageKind.AREA:
        return area_path(ref.key)
    later = "" if ref.number == 1 else f"{ref.number}/"
    if ref.kind is PageKind.OVERVIEW:
        return OVERVIEW_PATH if ref.number == 1 else f"{MATRIX_PATH}{later}"
    if ref.kind is PageKind.LISTING:
        return facet_path(ref.facet) + later
    return ""


def page_url(ref: PageRef, lang: str) -> str:
    """Site-relative address of a generated page in `lang`."""
    return lang_prefix(lang) + page_path(ref)


def record_url(record_id: str, lang: str) -> str:
    """Site-relative address of a record page in `lang`."""
    return lang_prefix(lang) + record_path(record_id)


def area_url(area_id: str, lang: str) -> str:
    """Site-relative address of an area page in `lang`."""
    return lang_prefix(lang) + area_path(area_id)


def listing_url(facet: Facet, number: int, lang: str) -> str:
    """Site-relative address of page `number` of a listing in `lang`."""
    return page_url(PageRef.listing(facet, number), lang)


def overview_url(number: int, lang: str) -> str:
    """Site-relative address of page `number` of the overview in `lang`."""
    return page_url(PageRef.overview(number), lang)


def browse_url(lang: str) -> str:
    """Site-relative address of the listing of all records in `lang`."""
    return lang_prefix(lang) + BROWSE_PATH


def source_path(ref: PageRef) -> str:
    """The generated page's source file inside its language folder: 'records/x.md',
    'areas/index.md' (the overview), 'matrix/2.md', 'browse/kind/report/2.md'."""
    if ref.kind is PageKind.RECORD:
        return f"{RECORDS}{ref.key}.md"
    if ref.kind is PageKind.AREA:
        return f"{AREAS}{ref.key}.md"
    if ref.kind is PageKind.OVERVIEW and ref.number > 1:
        return f"{MATRIX_PATH}{ref.number}.md"
    folder = page_path(PageRef(ref.kind, ref.key, 1, ref.facet))
    return folder + ("index.md" if ref.number == 1 else f"{ref.number}.md")


def from_overview(path: str) -> str:
    """A language-relative address as a link relative to the overview page (as in its
    charts), which lives in the same language folder as every generated page."""
    return "../" * OVERVIEW_PATH.count("/") + path


def source_url(path: str) -> str:
    """Language-relative address of the page written in the source file `path` (inside a
    language folder): 'a/index.md' -> 'a/', 'b.md' -> 'b/', 'index.md' -> ''."""
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def html_file(url: str) -> str:
    """The file a page address is served from: 'records/x/' -> 'records/x/index.html'."""
    return url + INDEX_FILE
