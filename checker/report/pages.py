"""Long lists split over several static pages, so that no page grows with the corpus.

A browser lays out a table or a list of cards whole before it can show it: the matrix of 500
sources took 2 to 3 seconds to open, of 5,000 sources 15, and the overview, which listed every
source and drew a lane for each, 1.6 to 2 seconds. So the matrix shows a fixed number of sources
a page, a topic a fixed number of claims a page, and the list of sources and the timeline by
source a fixed number of sources a page; every page links to the previous, the next and each of
the others. The first page keeps the name a single page had (matrix.html, topics/<topic>.html),
so links written before the split still work.
"""
from __future__ import annotations

from dataclasses import dataclass

# Sources (columns) on one matrix page: 100 columns by ~70 topics open in well under a second.
MATRIX_SOURCES = 100
# Claim cards on one topic page: 500 cards are ~0.8 MB of HTML.
TOPIC_CLAIMS = 500
# Rows of the list of sources: 200 rows are ~55 KB. Up to this many, the overview lists them itself.
SOURCES = 200
# Lanes (sources giving a clock time) of one timeline page, ~1.3 KB each. Up to this many, the
# overview draws them itself; past it, one lane per topic (checker/report/timeline.py).
TIMELINE_LANES = 100


@dataclass(frozen=True)
class PageSizes:
    """How much one page holds before a list goes on over the next page."""

    matrix_sources: int = MATRIX_SOURCES
    topic_claims: int = TOPIC_CLAIMS
    sources: int = SOURCES
    timeline_lanes: int = TIMELINE_LANES

    def __post_init__(self):
        if min(self.matrix_sources, self.topic_claims, self.sources, self.timeline_lanes) < 1:
            raise ValueError(f"a page must hold at least one item: {self}")


@dataclass(frozen=True)
class PageLink:
    """One page of a split list: its number (from 1), its file name (pages of one list share a
    folder, so this is also the link from one to another) and what it holds, in words."""

    number: int
    file: str
    label: str


@dataclass(frozen=True)
class Pager:
    """Where one page sits among the pages of its list.

    >>> p = Pager(2, (PageLink(1, "m.html", "a"), PageLink(2, "m-2.html", "b"), PageLink(3, "m-3.html", "c")))
    >>> p.previous.file, p.current.file, p.next.file, p.split
    ('m.html', 'm-2.html', 'm-3.html', True)
    >>> Pager(1, (PageLink(1, "m.html", "all"),)).previous is None
    True
    """

    number: int
    links: tuple[PageLink, ...]

    @property
    def current(self) -> PageLink:
        return self.links[self.number - 1]

    @property
    def previous(self) -> PageLink | None:
        return self.links[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> PageLink | None:
        return self.links[self.number] if self.number < len(self.links) else None

    @property
    def split(self) -> bool:
        """Whether there is more than this page, and so a page bar to show."""
        return len(self.links) > 1


def page_file(stem: str, number: int, separator: str = "-") -> str:
    """The file name of page `number` of a list whose first page is `stem`.html.

    >>> page_file("matrix", 1), page_file("matrix", 2), page_file("palace_fall", 3, ".")
    ('matrix.html', 'matrix-2.html', 'palace_fall.3.html')
    """
    return f"{stem}.html" if number == 1 else f"{stem}{separator}{number}.html"


def pagers(stem: str, labels: list[str], separator: str = "-") -> list[Pager]:
    """One Pager for each page of a list whose pages hold what `labels` say.

    >>> [p.current.file for p in pagers("matrix", ["sources 1–100", "sources 101–150"])]
    ['matrix.html', 'matrix-2.html']
    """
    links = tuple(PageLink(i, page_file(stem, i, separator), label) for i, label in enumerate(labels, 1))
    return [Pager(link.number, links) for link in links]


def chunks(items: list, size: int) -> list[list]:
    """`items` cut into runs of `size`, the last one shorter; one empty run for no items.

    >>> chunks([1, 2, 3, 4, 5], 2), chunks([], 2)
    ([[1, 2], [3, 4], [5]], [[]])
    """
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def pack_groups(sizes: list[int], budget: int) -> list[list[tuple[int, int, int]]]:
    """Pages of at most `budget` items from groups of `sizes` items, in order. A group that does
    not fit in what is left of a page starts the next one, so a group is cut only when it is
    larger than a whole page. Each page lists (group index, first item, end) of its parts.

    >>> pack_groups([3, 3, 2], 5)
    [[(0, 0, 3)], [(1, 0, 3), (2, 0, 2)]]
    >>> pack_groups([7, 1], 3)
    [[(0, 0, 3)], [(0, 3, 6)], [(0, 6, 7), (1, 0, 1)]]
    >>> pack_groups([], 3)
    [[]]
    """
    pages: list[list[tuple[int, int, int]]] = [[]]
    room = budget
    for group, size in enumerate(sizes):
        if size > room and room < budget and size <= budget:
            pages.append([])
            room = budget
        start = 0
        while start < size:
            if room == 0:
                pages.append([])
                room = budget
            end = min(size, start + room)
            pages[-1].append((group, start, end))
            room -= end - start
            start = end
    return pages
