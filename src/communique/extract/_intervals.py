"""Sorted, non-overlapping character ranges: merging and fast overlap tests.

Shared by the quote rules (:mod:`communique.extract.quotes`) and the learned attributions
(:mod:`communique.extract._quote_model`), which both ask "is this span already taken?".

Example:
    >>> taken = Intervals(merge([(10, 20), (0, 5), (15, 30)]))
    >>> taken.ranges, taken.overlapping(3, 12), taken.find(7)
    ([(0, 5), (10, 30)], [(0, 5), (10, 30)], None)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

__all__ = ["Intervals", "merge"]


def merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping (and touching) ranges into sorted, non-overlapping ones."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass
class Intervals:
    """Sorted, non-overlapping character ranges with a fast membership test."""

    ranges: list[tuple[int, int]]
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.ranges.sort()
        self.starts = [s for s, _ in self.ranges]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that overlap ``[start, end)``."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        found: list[tuple[int, int]] = []
        while i < len(self.ranges) and self.ranges[i][0] < end:
            if self.ranges[i][1] > start:
                found.append(self.ranges[i])
            i += 1
        return found

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)`` too, merging it with the ranges it overlaps or touches.

        Example:
            >>> taken = Intervals([(0, 5), (10, 20), (30, 40)])
            >>> taken.add(4, 12); taken.ranges
            [(0, 20), (30, 40)]
        """
        lo = bisect.bisect_left(self.starts, start)
        if lo > 0 and self.ranges[lo - 1][1] >= start:
            lo -= 1
        hi = bisect.bisect_right(self.starts, end)
        if lo < hi:
            start, end = min(start, self.ranges[lo][0]), max(end, self.ranges[hi - 1][1])
        self.ranges[lo:hi] = [(start, end)]
        self.starts[lo:hi] = [start]

    def find(self, offset: int) -> tuple[int, int] | None:
        """The range holding ``offset``, if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.ranges[i][0] <= offset < self.ranges[i][1]:
            return self.ranges[i]
        return None
