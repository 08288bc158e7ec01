"""The state the noise rules share: the lines of one document and the reasons marked so far."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from parley.clean.duplicates import normalized
from parley.clean.lines import Line, split_lines

# How many non-blank lines at the top of a page hold its header (kicker, title, byline, date).
HEADER_LINES = 8
# How many non-blank lines at the bottom hold its footer (bio, boxes, "About us").
FOOTER_LINES = 5


@dataclass
class Page:
    """One document under cleaning. Rules read :attr:`lines` and call :meth:`mark`."""

    text: str
    title: str | None = None
    authors: Sequence[str] = ()
    lines: list[Line] = field(init=False)
    marks: dict[int, str] = field(init=False, default_factory=dict)
    # A mark that covers only part of its line: line index -> (start, end) offsets in the text.
    parts: dict[int, tuple[int, int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.lines = split_lines(self.text)
        self._body = [ln.index for ln in self.lines if not ln.blank]
        self._rank = {idx: r for r, idx in enumerate(self._body)}
        self.title_index = self._find_title()
        # True when title_index is a guess (the first headline-shaped line), not the metadata's title.
        self.title_presumed = False

    # -- navigation -------------------------------------------------------------------------
    def nonblank(self) -> Iterator[Line]:
        """The non-blank lines, top to bottom."""
        return (self.lines[i] for i in self._body)

    def rank(self, line: Line) -> int:
        """Position of a non-blank line among the non-blank lines (0 = first)."""
        return self._rank[line.index]

    def from_bottom(self, line: Line) -> int:
        """How many non-blank lines follow this one."""
        return len(self._body) - 1 - self._rank[line.index]

    def in_header(self, line: Line) -> bool:
        return self.rank(line) < HEADER_LINES

    def in_footer(self, line: Line) -> bool:
        return self.from_bottom(line) < FOOTER_LINES

    def prev(self, line: Line) -> Line | None:
        """The closest non-blank line above, or None."""
        r = self._rank[line.index]
        return self.lines[self._body[r - 1]] if r > 0 else None

    def next(self, line: Line) -> Line | None:
        """The closest non-blank line below, or None."""
        r = self._rank[line.index]
        return self.lines[self._body[r + 1]] if r + 1 < len(self._body) else None

    def adjacent(self, a: Line, b: Line) -> bool:
        """True when no other line (blank or not) separates ``a`` from ``b``."""
        return abs(a.index - b.index) == 1

    # -- marks ------------------------------------------------------------------------------
    def mark(self, line: Line, reason: str, part: tuple[int, int] | None = None) -> bool:
        """Mark a line (or ``part``, offsets into the text inside the line) with a reason,
        unless it is blank, already marked or the title."""
        if line.blank or line.index in self.marks or line.index == self.title_index:
            return False
        self.marks[line.index] = reason
        if part is not None and (part[0] > line.start or part[1] < line.end):
            self.parts[line.index] = part
        return True

    def span(self, index: int) -> tuple[int, int]:
        """The text offsets a mark covers."""
        line = self.lines[index]
        return self.parts.get(index, (line.start, line.end))

    def reason(self, line: Line | None) -> str | None:
        return None if line is None else self.marks.get(line.index)

    def is_title(self, line: Line) -> bool:
        """True for the headline line and any exact copy of it (a copy with something added,
        "- - <title>" or "Update <title>", is a teaser copy and may be marked)."""
        if line.index == self.title_index:
            return True
        return self.title_index is not None and line.content == self.lines[self.title_index].content

    def _find_title(self) -> int | None:
        """The line that holds the given title, searched in the header only."""
        if not self.title:
            return None
        want = normalized(self.title)
        if not want:
            return None
        for line in list(self.nonblank())[:HEADER_LINES + 4]:
            have = normalized(line.content)
            if have == want or (len(want) > 20 and have.startswith(want)):
                return line.index
        return None
