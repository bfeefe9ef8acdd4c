"""diff() on generated pages: who is added, removed, moved, joins or leaves follows from the two rosters."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about import ChangeKind, diff, loads

POOL = ["Ada Ng", "Bob Li", "Cy Wu", "Di Xu", "Eve Ho", "Flo Ma", "Gus Ye", "Hal Su", "Ivy Lu", "Jo Qi"]
GROUPS = ("Team", "Advisors")

Roster = dict[str, list[str]]

rosters = st.fixed_dictionaries(
    {group: st.lists(st.sampled_from(POOL), min_size=1, max_size=6, unique=True) for group in GROUPS}
)


def link(name: str) -> str:
    return f"[{name}](https://example.org/{name.replace(' ', '-').lower()})"


def page(roster: Roster, one_per_line: bool) -> str:
    separator = ",\n" if one_per_line else ", "
    sections = [f"## {group}\n" + separator.join(map(link, names)) + "\n" for group, names in roster.items()]
    return "OWS Labs (OWS) is a lab.\n\n" + "\n".join(sections)


def groups_of(roster: Roster) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for group, names in roster.items():
        for name in names:
            found.setdefault(name, set()).add(group)
    return found


@settings(max_examples=60, deadline=None)
@given(old=rosters, new=rosters, old_lines=st.booleans(), new_lines=st.booleans())
def test_people_changes_follow_from_the_rosters(old: Roster, new: Roster, old_lines: bool, new_lines: bool) -> None:
    changes = diff(loads(page(old, old_lines)), loads(page(new, new_lines)))
    before, after = groups_of(old), groups_of(new)
    expected: Counter[tuple[ChangeKind, str]] = Counter()
    for name in after.keys() - before.keys():
        expected[(ChangeKind.PERSON_ADDED, name)] += 1
    for name in before.keys() - after.keys():
        expected[(ChangeKind.PERSON_REMOVED, name)] += 1
    for name in before.keys() & after.keys():
        left, joined = before[name] - after[name], after[name] - before[name]
        if len(left) == 1 and len(joined) == 1:
            expected[(ChangeKind.PERSON_MOVED, name)] += 1
        else:
            expected.update({(ChangeKind.PERSON_LEFT_GROUP, name): len(left)} if left else {})
            expected.update({(ChangeKind.PERSON_JOINED_GROUP, name): len(joined)} if joined else {})
    assert Counter((c.kind, c.name) for c in changes) == expected


@settings(max_examples=30, deadline=None)
@given(roster=rosters, one_per_line=st.booleans(), data=st.data())
def test_reordering_and_reflowing_change_nothing(roster: Roster, one_per_line: bool, data: st.DataObject) -> None:
    shuffled = {group: data.draw(st.permutations(names)) for group, names in reversed(list(roster.items()))}
    assert diff(loads(page(roster, one_per_line)), loads(page(shuffled, not one_per_line))) == []
