"""Changes as text and Markdown for people: the page's control characters shown, never run; Markdown that a bot
can post where anyone may have written the page, read back here by a CommonMark parser as GitHub would."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lmsys_about import Change, ChangeKind
from lmsys_about._diff.render import ZERO_WIDTH_SPACE, code_span, markdown_value, render_markdown, render_text

# What CommonMark makes of a value (GitHub's Markdown is CommonMark with extensions, and allows some HTML).
PARSER = MarkdownIt("commonmark").enable("strikethrough").enable("table")
MENTION = re.compile(r"(?<![\w`])@[\w-]+")  # what GitHub turns into a notification
REFERENCE = re.compile(r"#\d|(?<!\w)GH-\d", re.IGNORECASE)  # and into a link to an issue or a pull request


def inline(markdown: str) -> list[Token]:
    """The inline tokens of ``markdown`` where a bullet puts values: inside a line (a leading 'x ' stands for the
    bullet's sign), so that block markers there mean nothing, as in the output."""
    [paragraph] = [token for token in PARSER.parse("x " + markdown) if token.type == "inline"]
    assert paragraph.children is not None
    first = paragraph.children[0]
    assert first.type == "text"
    assert first.content.startswith("x ")
    first.content = first.content[2:]
    return paragraph.children if first.content else paragraph.children[1:]


def shown(markdown: str) -> str:
    """The text a reader sees: text and code, with links' text, never markup."""
    text = "".join(t.content for t in inline(markdown) if t.type in ("text", "code_inline"))
    return text.replace(ZERO_WIDTH_SPACE, "")


HOSTILE_VALUES = [
    "Ada_King *bold* [link](https://evil.example/) ![img](https://evil.example/x.png)",
    "<img src=x onerror=alert(1)> <b>bold</b> &amp; &#64;ada &copy;",
    "`code` ``more`` | table | ~~struck~~ \\backslash",
    "cc @octocat and @org/team, not ada@example.org",
    "fixes #12, lm-sys/FastChat#3, gh-7 and GH-8; not C# 10 or Room #B",
    "# heading? > quote? - item? 1. item?",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_value_reads_back_as_written_and_does_nothing_else(value: str) -> None:
    markdown = markdown_value(value)
    tokens = inline(markdown)
    assert {t.type for t in tokens} <= {"text", "softbreak"}, [t.type for t in tokens]
    assert shown(markdown) == value
    assert not MENTION.search("".join(t.content for t in tokens))
    assert not REFERENCE.search("".join(t.content for t in tokens))


@pytest.mark.parametrize(
    ("url", "form"),
    [
        ("https://ada.example.org/a_b?x=1&y=2", "link"),
        ("https://ada.example.org/>evil<b>", "code"),  # '>' would end an autolink
        ("https://ada.example.org/\u202eevil", "code"),  # shown escaped, not reordered
        ("mailto:ada@example.org", "link"),
    ],
)
def test_a_url_is_a_link_only_when_nothing_in_it_can_break_out(url: str, form: str) -> None:
    tokens = inline(markdown_value(url))
    if form == "link":
        assert [t.type for t in tokens] == ["link_open", "text", "link_close"]
        assert tokens[1].content == url
    else:
        assert [t.type for t in tokens] == ["code_inline"]
        assert "\u202e" not in tokens[0].content


@pytest.mark.parametrize("name", ["old.md", "a`b.md", "``x``.md", "`", " spaced .md", "dir/@octocat.md"])
def test_a_file_name_is_a_code_span_that_holds_it_whole(name: str) -> None:
    assert [(t.type, t.content) for t in inline(code_span(name))] == [("code_inline", name)]


def test_markdown_of_a_hostile_change_escapes_its_values_and_file_names() -> None:
    change = Change(
        kind=ChangeKind.PERSON_URL_CHANGED,
        name="@octocat <script>",
        old="https://a.example.org/",
        new="https://b.example.org/>x",
        new_line=3,
    )
    markdown = render_markdown([change], old="old`.md", new="new\x1b[2J.md")
    html = PARSER.render(markdown)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert not MENTION.search(html.replace(ZERO_WIDTH_SPACE, "\0"))
    assert "<code>old`.md</code>" in html
    assert "<code>new\\x1b[2J.md</code>" in html
    assert "<code>https://b.example.org/&gt;x</code>" in html
    assert '<a href="https://a.example.org/">' in html


def test_text_shows_control_characters_as_escapes() -> None:
    change = Change(kind=ChangeKind.PERSON_ADDED, name="Ada\x1b[2J\u202e", new="Team\x9b\x07", new_line=4)
    assert render_text([change]) == "+ Ada\\x1b[2J\\u202e joined Team\\x9b\\x07 (line 4)"
    assert str(change) == render_text([change])
    assert change.describe() == "Ada\x1b[2J\u202e joined Team\x9b\x07"  # the data itself stays exact
