"""What changed between two versions of the page, as typed changes in page order.

Only content counts. Lines, ``source``, ``source_sha256`` and diagnostics never make a change by themselves,
and neither do formatting-only edits: one link per line instead of comma-separated, heading levels, bold
labels instead of headings, the order of items inside a list (no list of the page gives its order a
meaning), runs of whitespace and trailing punctuation. Values derived from others (``Person.github``,
``Group.project``, ``About.title``) are compared through what they derive from.

Order: the page order of the new file. A change that has a line in the new file stands at that line; a
removal stands where the removed thing was, placed in the new file after the nearest thing before it that
both files share; changes without lines (front matter, donation forms) come first. Changes standing on the
same line keep the order of the parts of the page (organisation, groups, people, sponsors, history,
contact, links), and removals placed there come after them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator

from ..models import About
from .changes import Change, ChangeKind
from .people import diff_people
from .sections import (
    diff_contact,
    diff_donation_forms,
    diff_events,
    diff_front_matter,
    diff_institutions,
    diff_links,
    diff_organization,
    diff_projects,
    diff_sponsors,
)

__all__ = ["Change", "ChangeKind", "diff"]

Anchors = list[tuple[int, int]]
Generator = Callable[[About, About, Anchors], Iterator[Change]]

# One generator per part of the page; each also records (old line, new line) of what it matched.
GENERATORS: tuple[Generator, ...] = (
    diff_front_matter,
    diff_organization,
    diff_people,
    diff_sponsors,
    diff_donation_forms,
    diff_events,
    diff_institutions,
    diff_projects,
    diff_contact,
    diff_links,
)


def _changes(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    for generate in GENERATORS:
        yield from generate(old, new, anchors)


def diff(old: About, new: About) -> list[Change]:
    """The changes from ``old`` to ``new``, in the new page's order; empty when only formatting changed.

    >>> from lmsys_about import loads
    >>> old = loads("ACME Labs (ACME) is a lab.\\n\\n## Team\\n[Ada](https://ada.dev), [Bob](https://bob.dev)\\n")
    >>> new = loads("ACME Labs (ACME) is a lab.\\n\\n## Team\\n- [Bob](https://bob.dev/)\\n- [Cy](https://cy.dev)\\n")
    >>> for change in diff(old, new):
    ...     print(change)
    ~ Bob's link changed from https://bob.dev to https://bob.dev/ (line 4)
    - Ada left Team (old line 4)
    + Cy joined Team (line 5)
    """
    anchors: Anchors = []
    changes = list(_changes(old, new, anchors))
    anchors.sort()
    old_lines = [old_line for old_line, _ in anchors]

    def position(change: Change) -> tuple[int, int]:
        if change.new_line is not None:
            return change.new_line, 0
        if change.old_line is None:
            return 0, -1
        k = bisect_right(old_lines, change.old_line) - 1
        return (anchors[k][1] if k >= 0 else 0), 1

    return sorted(changes, key=position)
