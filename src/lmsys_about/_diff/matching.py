"""Pairing the items of two versions by identities that survive edits, in stages, with dict lookups.

A stage is a key function; items whose keys are equal are paired, first come first paired, and what is
left goes on to the next stage. Keys ignore what formatting changes: case, runs of whitespace, trailing
punctuation, and for URLs the scheme, a leading 'www.' and a trailing slash.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TypeVar

T = TypeVar("T")
Key = Callable[[T], Hashable | None]

_TRAILING = " .,;:!"
# Above this many candidate pairs a similarity stage is skipped, to keep the diff linear in practice.
_MAX_SIMILARITY_PAIRS = 2500


@dataclass(slots=True)
class Matching:
    """Indices into the old and the new sequence: pairs, and what is only in one of them."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)


def match(old: Sequence[T], new: Sequence[T], *stages: Key[T]) -> Matching:
    """Pair ``old`` and ``new`` items stage by stage; a key of None never pairs."""
    result = Matching()
    old_left = list(range(len(old)))
    new_left = list(range(len(new)))
    for key in stages:
        if not old_left or not new_left:
            break
        waiting: dict[Hashable, deque[int]] = {}
        for j in new_left:
            k = key(new[j])
            if k is not None:
                waiting.setdefault(k, deque()).append(j)
        taken: set[int] = set()
        unpaired: list[int] = []
        for i in old_left:
            k = key(old[i])
            queue = waiting.get(k) if k is not None else None
            if queue:
                j = queue.popleft()
                taken.add(j)
                result.pairs.append((i, j))
            else:
                unpaired.append(i)
        old_left = unpaired
        new_left = [j for j in new_left if j not in taken]
    result.removed, result.added = old_left, new_left
    return result


def pair_similar(result: Matching, old: Sequence[str], new: Sequence[str], *, threshold: float = 0.85) -> None:
    """A last stage for short lists of names: pair what is left when the spelling is close ('Bekreley')."""
    if not result.removed or not result.added or len(result.removed) * len(result.added) > _MAX_SIMILARITY_PAIRS:
        return
    scored = sorted(
        (-SequenceMatcher(None, text_key(old[i]), text_key(new[j])).ratio(), i, j)
        for i in result.removed
        for j in result.added
    )
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    for score, i, j in scored:
        if -score >= threshold and i not in paired_old and j not in paired_new:
            paired_old.add(i)
            paired_new.add(j)
            result.pairs.append((i, j))
    result.removed = [i for i in result.removed if i not in paired_old]
    result.added = [j for j in result.added if j not in paired_new]


def prose(text: str | None) -> str | None:
    """Text as compared for a change: whitespace runs collapsed, trailing punctuation dropped."""
    return None if text is None else " ".join(text.split()).rstrip(_TRAILING)


def text_key(text: str) -> str:
    """Identity of a name or a sentence: its prose, casefolded."""
    return " ".join(text.split()).rstrip(_TRAILING).casefold()


def url_key(url: str | None) -> str | None:
    """Identity of a URL: without scheme, leading 'www.' and trailing slash, casefolded; None for none."""
    if not url:
        return None
    key = url.strip().casefold()
    for scheme in ("https://", "http://"):
        key = key.removeprefix(scheme)
    return key.removeprefix("www.").rstrip("/") or None


def notes(values: Sequence[str]) -> str | None:
    """Notes (marks' meanings) as one value: sorted, comma-separated; None when there are none."""
    return ", ".join(sorted(set(values))) or None
