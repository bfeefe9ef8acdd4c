"""Never invent a person: a reference sentence put into any group of any real page changes no person.

'See [url](url)' and 'More information see [X](url)' are what a maintainer adds beside a group; their links
must end up as links (and be accounted for), never as people.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lmsys_about import About, loads

from .accounting import unaccounted
from .test_properties import REAL_PAGES, SETTINGS

PEOPLE_PAGES = [(text, about) for text in REAL_PAGES if (about := loads(text)).people]

_URLS = st.builds(
    "https://{}.example.org/{}".format,
    st.from_regex(r"[a-z]{1,8}", fullmatch=True),
    st.sampled_from(["", "about", "a/b"]),
)
_LABELS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -.", max_size=30)
_SENTENCES = st.one_of(
    _URLS.map(lambda url: f"See [{url}]({url})"),
    st.builds("More information see [{}]({})".format, _LABELS, _URLS),
    st.builds("Visit [{}]({}).".format, _LABELS, _URLS),
    st.builds("Details at [{}]({})".format, _LABELS, _URLS),
    st.builds("Read more: [{}]({})".format, _LABELS, _URLS),
)


def people_of(about: About) -> list[tuple[str, str | None, list[str], list[str]]]:
    """Who is on the page, in which groups, without the lines (an inserted line moves those after it)."""
    return [(p.name, p.url, p.groups, p.notes) for p in about.people]


@SETTINGS
@given(st.sampled_from(PEOPLE_PAGES), st.data(), _SENTENCES, st.booleans())
def test_a_reference_sentence_in_a_group_changes_no_person(
    page: tuple[str, About], data: st.DataObject, sentence: str, own_line: bool
) -> None:
    text, about = page
    group = data.draw(st.sampled_from(about.groups))
    lines = text.split("\n")
    if own_line or not group.members:  # a line of its own after the group's label or a line of its members
        line = data.draw(st.sampled_from(sorted({group.line, *(m.line for m in group.members)})))
        lines.insert(line, sentence)
    else:  # a sentence of its own at the end of a line of members
        line = data.draw(st.sampled_from(sorted({m.line for m in group.members})))
        lines[line - 1] = lines[line - 1].rstrip().rstrip(".") + ". " + sentence
    edited = "\n".join(lines)
    after = loads(edited)
    assert people_of(after) == people_of(about)
    assert unaccounted(edited.encode(), after) == []
