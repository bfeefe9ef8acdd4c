"""Is this text a name? The rules a candidate must pass before it becomes a person or a sponsor.

Recall comes from reading lists generously; precision comes from here. A candidate that fails a rule is
never made into an entity: the caller keeps its link among the group's links (or the page's) and reports a
``doubtful-name`` warning at its line, so that a maintainer sees what the parser was unsure about. The rules
look only at the text's shape and at the names the page itself gives to projects and sponsors: no list of
real people's names, nothing learned.

Reference sentences ('See [site](url)', 'More information see [X](url)') are recognised here too: their links
are links, whatever their text says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Literal

from .._read.blocks import Piece, TextLine

Kind = Literal["person", "sponsor"]

# Words that are never a name on their own, nor together: what a reference sentence or a link is made of.
FUNCTION_WORDS = frozenset(
    "a an and or the of for to in on at by with via from see also more visit details detail read learn find "
    "here link links this that our us website site homepage page info information click go contact question "
    "questions".split()
)  # 'Contact: [website](url)', 'Questions: [Email us](url)' say where to write, never who
# Words that open a description, never a person's name ('Our mirror', 'The team').
DETERMINERS = frozenset("a an the our my your their its this these those".split())
MAX_NAME_WORDS = 6  # 'Maria de los Angeles Garcia Lopez'; longer link texts are phrases
MAX_NAME_CHARACTERS = 120
MAX_ORGANISATION_WORDS = 10  # 'Mohamed bin Zayed University of Artificial Intelligence' has seven
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//|www\.", re.IGNORECASE)  # '//x.org' too: a URL cut at its colon
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)  # 'lmarena.ai', 'x.org/about'
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# ':', ';', '!', '?' anywhere, or a period followed by a lowercase word ('Read this. then ...'): initials
# ('Eric P. Xing') and suffixes ('Jr.') are followed by a capital or by nothing.
_SENTENCE = re.compile(r"[:;!?]|\.\s+[a-z]")
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters


# One predicate per rule: True when the (stripped) candidate is not a name. ``known`` holds the casefolded
# names of the page's projects and sponsors.
Known = Collection[str]


def _too_long(text: str, known: Known) -> bool:  # first, so that no other rule reads a long text
    return len(text) > MAX_NAME_CHARACTERS


# C0 and C1 controls, DEL, and the characters that embed, override or isolate a direction: no name holds one.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _control(text: str, known: Known) -> bool:
    return _CONTROL.search(text) is not None


def _no_letters(text: str, known: Known) -> bool:
    return _WORD.search(text) is None


def _url(text: str, known: Known) -> bool:
    return _URL.match(text) is not None


def _email(text: str, known: Known) -> bool:
    return _EMAIL.fullmatch(text) is not None


def _reference(text: str, known: Known) -> bool:
    return is_reference(text)


def _function_words(text: str, known: Known) -> bool:
    return all(word.lower() in FUNCTION_WORDS for word in _WORD.findall(text))  # stops at a name's first word


def _sentence(text: str, known: Known) -> bool:
    return _SENTENCE.search(text) is not None


def _phrase(text: str, known: Known) -> bool:
    return len(text.split()) > MAX_NAME_WORDS


def _long_phrase(text: str, known: Known) -> bool:
    return len(text.split()) > MAX_ORGANISATION_WORDS


def _domain(text: str, known: Known) -> bool:
    return _DOMAIN.fullmatch(text) is not None


def _lowercase(text: str, known: Known) -> bool:
    if any(word[0].isupper() for word in text.split()):
        return False
    return any(char.isupper() or char.islower() for char in text)  # names in scripts without case pass


# The lowercase words a name holds after a capitalised one: particles ('Maria de los Angeles', 'Ludwig van
# Beethoven'), all short. A longer lowercase word after a capitalised one is a word of a title or a sentence: 'LMSYS
# launches Chatbot Arena', 'How Vicuna was trained'. ('danah Boyd' writes her first name in lowercase: it comes first.)
PARTICLES = frozenset(
    "al bin binti da dal das de del della delle degli dei den der des di do dos du el ibn la las le los op st ten ter "
    "van von y zu zum zur".split()
)


def _lowercase_word(text: str, known: Known) -> bool:
    capitalised = False
    for word in text.split():
        if word[0].isupper():
            capitalised = True
        elif capitalised and word[0].islower() and len(word) > 3 and word not in PARTICLES:
            return True
    return False


def _determiner(text: str, known: Known) -> bool:
    words = text.split(maxsplit=1)
    return bool(words) and words[0].lower() in DETERMINERS


# An organisation's name may open with 'The' ('The Carlyle Group'), never with 'our' or 'this': 'our team'.
_POSSESSIVES = DETERMINERS - {"a", "an", "the"}


def _possessive(text: str, known: Known) -> bool:
    words = text.split(maxsplit=1)
    return bool(words) and words[0].lower() in _POSSESSIVES


# Words that name an organisation, never a person: 'UC Berkeley', 'Stanford University', 'Bell Labs'.
ORGANISATION_WORDS = frozenset(
    "uc university universität université universidad institute institut lab labs laboratory laboratories college "
    "school inc corp corporation foundation academy".split()
)


_ORGANISATION = re.compile(r"(?<!\w)(?:" + "|".join(sorted(ORGANISATION_WORDS)) + r")(?!\w)", re.IGNORECASE)


def _acronym(text: str) -> bool:
    return len(text) >= 3 and text.isupper() and text.isalpha()  # 'MBZUAI', 'CMU': an acronym, not a name


def _organisation(text: str, known: Known) -> bool:
    return _ORGANISATION.search(text) is not None or _acronym(text)


# Words that open a phrase, never a name: 'To Be Announced', 'In Memoriam', 'For Students'. Not 'A' (an initial),
# nor the particles of names ('de', 'van', 'al').
PREPOSITIONS = frozenset("to in on at by with via from for of into onto upon about as and or but".split())


def _preposition_first(text: str, known: Known) -> bool:
    words = text.split(maxsplit=1)
    return bool(words) and words[0].lower() in PREPOSITIONS


# Words that name a role, a group or a list of people, never a person: 'Chair and Vice Chair', 'Director',
# '[Alumni Directory](url)', '[Full Team Page](url)'. Whole words only ('Stafford' and 'Boardman' are names).
ROLE_NAMES = frozenset(
    "team teams alumni alumnus member members staff faculty committee board people directory director directors "
    "officer officers advisor advisors adviser advisers chair chairs chairman chairwoman chairperson president "
    "vice founder founders cofounder cofounders emeritus emerita emeriti secretary treasurer contributors "
    "maintainer maintainers developers students postdocs fellows interns researchers".split()
)


def _words_of(text: str) -> list[str]:
    """The words of ``text``, lowercased, split at its spaces, hyphens and periods ('Co-founder': 'co', 'founder')."""
    lowered = text.lower()
    if "-" in lowered or "." in lowered:
        lowered = lowered.replace("-", " ").replace(".", " ")
    return lowered.split()


def _role(text: str, known: Known) -> bool:
    return not ROLE_NAMES.isdisjoint(_words_of(text))


_DIGIT = re.compile(r"\d")


def _digits(text: str, known: Known) -> bool:
    return _DIGIT.search(text) is not None  # 'September 2025', 'Room 101': no person's name holds a digit


def _punctuation_first(text: str, known: Known) -> bool:
    return not text[:1].isalpha()  # '- UC Berkeley', '(MIT)', '& co': what follows a name, not one


def _punctuation_last(text: str, known: Known) -> bool:
    return text[-1:] in "-\u2013\u2014:([{/|\u00b7\u2022,;&"  # 'Ada Lovelace —', 'Alan Turing (': cut before its link


def _known_entity(text: str, known: Known) -> bool:
    return text.casefold() in known


Rule = tuple[str, Callable[[str, Known], bool], str, frozenset[Kind]]
_BOTH: frozenset[Kind] = frozenset({"person", "sponsor"})
_PERSON: frozenset[Kind] = frozenset({"person"})
_SPONSOR: frozenset[Kind] = frozenset({"sponsor"})
# The rules in the order they are tried; the first that a candidate fails is the one reported. Organisations
# may be named like domains ('Character.AI'), in lowercase ('a16z') or at length; people are not.
RULES: tuple[Rule, ...] = (
    ("too-long",       _too_long,       "it is longer than any name",               _BOTH),
    ("control",        _control,        "it holds control characters",              _BOTH),
    ("no-letters",     _no_letters,     "it has no letters",                        _BOTH),
    ("url",            _url,            "it is a web address",                      _BOTH),
    ("email",          _email,          "it is an e-mail address",                  _BOTH),
    ("reference",      _reference,      "it is a reference ('See ...', 'Visit ...')", _BOTH),
    ("function-words", _function_words, "it is made of function words only",        _BOTH),
    ("sentence",       _sentence,       "it has sentence punctuation",              _BOTH),
    ("phrase",         _phrase,         "it is too long for a name",                _PERSON),
    ("phrase",         _long_phrase,    "it is too long for a name",                _SPONSOR),
    ("domain",         _domain,         "it is a domain name",                      _PERSON),
    ("lowercase",      _lowercase,      "no word of it is capitalised",             _PERSON),
    ("determiner",     _determiner,     "it opens with 'the', 'our' or the like",   _PERSON),
    ("determiner",     _possessive,     "it opens with 'our', 'this' or the like",  _SPONSOR),
    ("preposition",    _preposition_first, "it opens with 'to', 'in' or the like",  _PERSON),
    ("digits",         _digits,         "it holds a digit",                         _PERSON),
    ("lowercase-word", _lowercase_word, "a lowercase word follows a capitalised one", _PERSON),
    ("punctuation-first", _punctuation_first, "it does not start with a letter",    _PERSON),
    ("punctuation-last", _punctuation_last, "it ends with a separator",            _PERSON),
    ("organisation",   _organisation,   "it names an organisation",                 _PERSON),
    ("role",           _role,           "it names a role or a group, not a person", _PERSON),
    ("known-entity",   _known_entity,   "it names a project or sponsor of the page", _PERSON),
)  # fmt: skip


_RULES_FOR: dict[Kind, tuple[tuple[str, Callable[[str, Known], bool], str], ...]] = {
    kind: tuple((rule, fails, reason) for rule, fails, reason, kinds in RULES if kind in kinds)
    for kind in ("person", "sponsor")
}

# Most names are a few capitalised words ('Joseph E. Gonzalez', 'Wei-Lin Chiang', 'NVIDIA'). Such a name, whose
# first word is no function word or determiner, passes every rule but organisation and known-entity: no ':', '@', '/' or
# lowercase start, few words, few characters. Checking that first saves most of the time (and test_names
# checks that the shortcut always agrees with the table).
_PLAIN = re.compile(r"([A-Z][A-Za-z]*)\.?(?:[ -][A-Z][A-Za-z]*\.?){0,5}")
_NOT_FIRST = FUNCTION_WORDS | DETERMINERS | PREPOSITIONS


_NOT_PLAIN_WORDS = ORGANISATION_WORDS | ROLE_NAMES


def _plain_organisation(text: str) -> bool:
    """:func:`_organisation` or :func:`_role` for a text that ``_PLAIN`` matched: its words are its runs of ASCII
    letters, split at its spaces, hyphens and periods, so a set lookup of each does what the pattern does, quicker."""
    return not _NOT_PLAIN_WORDS.isdisjoint(_words_of(text)) or _acronym(text)


def doubt(text: str, kind: Kind = "person", known: Known = ()) -> tuple[str, str] | None:
    """The first rule ``text`` fails as a name of ``kind``, as (rule, reason); None when it passes them all."""
    text = text.strip()
    plain = _PLAIN.fullmatch(text) if len(text) <= MAX_NAME_CHARACTERS else None
    if (
        plain is not None
        and plain[1].lower() not in _NOT_FIRST
        and (not known or text.casefold() not in known)
        and (kind != "person" or not _plain_organisation(text))
    ):
        return None
    for rule, fails, reason in _RULES_FOR[kind]:
        if fails(text, known):
            return rule, reason
    return None


# The rules a plain word of a sentence fails, as no name does: 'Also', 'the team', 'Questions?'. An organisation
# ('UC Berkeley') or a project's name among names is no sentence: those rules are left out.
_PROSE_RULES = frozenset(
    {
        "url",
        "email",
        "reference",
        "function-words",
        "sentence",
        "phrase",
        "lowercase",
        "determiner",
        "preposition",
        "lowercase-word",
    }
)


def prose_rule(text: str) -> bool:
    """True when ``text``, written without a link among names, fails a rule that only words of a sentence fail."""
    found = doubt(text, "person")
    return found is not None and found[0] in _PROSE_RULES


def doubtful_message(text: str, kind: Kind, rule: str, reason: str) -> str:
    return f"{text.strip()!r} is not taken as a {kind}: {reason} ({rule})"


# The start of a reference sentence, after any spaces and punctuation: 'See', 'See also', 'Visit', 'Details at',
# 'Read more:', 'Learn more at', 'More information see', 'For more details, see', 'Website:', 'Code:'.
_REFERENCE = re.compile(
    r"(?:see\b|visit\b|details?\s+(?:at|on|in|see)\b|(?:read|learn|find\s+out|find)\s+more\b|more\s+at\b"
    r"|(?:for\s+)?more\s+(?:info|information|details)\b|(?:website|homepage|home\s+page|project\s+page|blog|"
    r"paper|code|docs|documentation|github)\s*:)",
    re.IGNORECASE,
)
# What may come before a reference's first word: spaces, punctuation, dashes, an opening parenthesis.
_LEAD = re.compile(r"[ \t,;.:\-\u2013\u2014(]*")
# Where a reference sentence can start inside a run of text: after the end of a sentence or a clause.
_CLAUSE_END = re.compile(r"[.;:!?]\s+")


def is_reference(text: str) -> bool:
    """True when ``text`` opens a reference sentence ('See ...', 'More information see ...', 'Visit ...')."""
    lead = _LEAD.match(text)
    assert lead is not None  # the pattern matches the empty string
    return _REFERENCE.match(text, lead.end()) is not None


def _reference_start(text: str) -> int | None:
    """Where the reference sentence in ``text`` starts: at its start, or after a clause's end; else None."""
    lead = _LEAD.match(text)
    assert lead is not None  # the pattern matches the empty string
    if _REFERENCE.match(text, lead.end()):
        return 0
    if not ("." in text or ";" in text or ":" in text or "!" in text or "?" in text):
        return None
    checked = lead.end()  # a run of punctuation is skipped once, however many clause ends it holds
    for end in _CLAUSE_END.finditer(text, checked):
        if end.end() <= checked:
            continue
        lead = _LEAD.match(text, end.end())
        assert lead is not None
        checked = lead.end()
        if _REFERENCE.match(text, checked):
            return end.end()
    return None


def split_reference(line: TextLine) -> tuple[TextLine, list[Piece]] | None:
    """The line before its reference sentence, and the sentence's pieces; None when it has none.

    A reference starts a run of text, or follows the end of a sentence or clause inside one ('Ada, Grace.
    See [site](url)'); everything after its start belongs to it.
    """
    for index, piece in enumerate(line.pieces):
        if piece.kind != "text" or not piece.text.strip(" ,;"):  # most text between links is ', '
            continue
        start = _reference_start(piece.text)
        if start is not None:
            head, tail = piece.text[:start], piece.text[start:]
            before = [*line.pieces[:index], Piece("text", head, piece.line)] if head else line.pieces[:index]
            return TextLine(line.line, before), [Piece("text", tail, piece.line), *line.pieces[index + 1 :]]
    return None
