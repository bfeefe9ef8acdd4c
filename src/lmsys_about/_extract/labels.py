"""What a group's label says: its name, the project it is the team of, and whether a line opens a group at all
('**SGLang** major developers:', 'Advisors:') or only makes a remark ('**Note:** in alphabetical order.')."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .._read.blocks import Piece, TextLine
from ._context import Context
from ._text import split_status
from .entries import split_entries
from .names import DETERMINERS, FUNCTION_WORDS, split_reference

ROLE_WORDS = (
    "member", "team", "director", "officer", "advisor", "adviser", "people", "faculty", "student",
    "contributor", "staff", "founder", "developer", "maintainer", "lead", "alumni", "fellow", "intern",
    "researcher", "organizer", "committee", "board", "emerit", "postdoc", "visitor", "collaborator",
)  # fmt: skip


INSTITUTION_WORDS = ("institution", "affiliation", "universit")


# Words that qualify a role without naming a project ("Student Team", "Project members").
_GENERIC_WORDS = frozenset(
    "student students faculty project projects core research founding current former past senior junior "
    "the our lmsys key main major other previous active and of".split()
)


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1024)
def has_word(text: str, stems: tuple[str, ...]) -> bool:
    """True when a word of ``text`` starts with one of ``stems`` ('Advisors' has 'advisor')."""
    return any(word.startswith(stems) for word in _WORD.findall(text.lower()))


# What may decorate a label at either end without being part of it: emoji and other symbols, the joiners and
# variation selectors that build emoji, spaces ('🎓 Advisors', 'Team 🚀').
_DECORATION = frozenset(("So", "Sk", "Cf", "Mn", "Zs"))


def clean_label(label: str) -> str:
    """The label without the emoji or symbols around it: '🎓 Advisors' -> 'Advisors'; a label of symbols only stays."""
    if label[:1].isalnum() and (label[-1:].isalnum() or label[-1:] in ").:"):  # most labels: nothing around them
        return label
    start, end = 0, len(label)
    while start < end and (label[start].isspace() or unicodedata.category(label[start]) in _DECORATION):
        start += 1
    while end > start and (label[end - 1].isspace() or unicodedata.category(label[end - 1]) in _DECORATION):
        end -= 1
    return label[start:end] if start < end else label


def project_of(label: str) -> str | None:
    """'SGLang' for 'SGLang', 'SGLang Team' or 'FlashInfer (graduated)'; None for 'Student Team'."""
    words = split_status(clean_label(label))[0].split()  # '### Widget Arena (graduated) ✨': Widget Arena
    lead: list[str] = []
    for word in words:
        if has_word(word, ROLE_WORDS) or has_word(word, INSTITUTION_WORDS):
            break
        if any(char.isalnum() for char in word):  # not an emoji or a dash
            lead.append(word)
    while lead and lead[-1].lower() in _GENERIC_WORDS:  # 'SGLang major developers': SGLang
        lead.pop()
    if not lead or all(w.lower() in _GENERIC_WORDS for w in lead):
        return None
    return " ".join(lead)


def label_of(text_line: TextLine) -> tuple[str, str | None, list[Piece]]:
    """A bold label at the start of a line: its name, its project, and the pieces after it."""
    first, rest = text_line.pieces[0], list(text_line.pieces[1:])
    strong = first.text.strip()
    colon = strong.endswith(":")
    strong = strong.rstrip(":").strip()
    suffix = ""
    if rest and rest[0].kind == "text":
        head = rest[0].text
        if ":" in head:
            suffix, _, after = head.partition(":")
            rest[0] = Piece("text", after, rest[0].line)
            colon = True
        elif not colon and len(rest) == 1 and "," not in head:  # '**SGLang** major developers'
            suffix, rest = head, []
    name = " ".join(f"{strong} {suffix}".split()).rstrip(":").strip()
    # '**SGLang** major developers:', '**FlashInfer**:' and '**FlashInfer**' name a project, as '#### FlashInfer' does;
    # '**Emeriti**' and '**Student Team**' do not (project_of knows the words of roles).
    project = project_of(strong)
    return name, project, rest


def before_reference(line: TextLine) -> TextLine:
    """The line up to its reference sentence ('See [site](url)'), if it has one."""
    reference = split_reference(line)
    return line if reference is None else reference[0]


def is_remark(name: str, after: TextLine, ctx: Context) -> bool:
    """A bold word before a sentence that holds no names, links or status: a remark, not a group's label."""
    text = after.text.strip(" \t:")
    if not text or split_status(name)[1] is not None or any(p.kind in ("link", "image") for p in after.pieces):
        return False
    return not split_entries(after, ctx.marks).is_list


_NOT_LABEL_START = FUNCTION_WORDS | DETERMINERS | {"we", "i", "thanks", "thank", "special"}


def is_plain_label(text: str) -> bool:
    """'Advisors:' or 'SGLang core team:' before a list, as a bold label would be; not 'We thank these people:'."""
    words = text.rstrip(":").split()
    return (
        0 < len(words) <= 4
        and words[0][0].isupper()
        and words[0].lower() not in _NOT_LABEL_START
        and words[-1].lower() not in FUNCTION_WORDS  # 'Welcome to:' opens a sentence, not a group
        and not any(char in text for char in ".;!?")
        and ":" not in text.rstrip(":")
    )
