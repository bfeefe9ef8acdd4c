"""The one exception family of lmsys_about.

Every error carries the ``path`` of the input (``None`` for text without a name) and the 1-based ``line``
where the problem is (``None`` where no line applies); ``str(error)`` reads ``path:line: what is wrong``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._printable import printable

if TYPE_CHECKING:
    from .models import Diagnostic

__all__ = [
    "AboutError",
    "AboutValidationError",
    "FrontMatterError",
    "HistoryError",
    "MarkdownError",
    "RenderError",
    "SourceError",
]


def _where(path: str | None, line: int | None) -> str:
    where = path if path is not None else "<string>"
    return f"{where}:{line}" if line is not None else where


class AboutError(Exception):
    """Base class of every error lmsys_about raises on bad input."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(f"{_where(path, line)}: {message}")


class SourceError(AboutError):
    """The input cannot be read as text: not UTF-8, NUL bytes, empty, or too large."""


class FrontMatterError(AboutError):
    """The YAML front matter is unclosed, does not parse, is not a mapping, or is hostile."""


class MarkdownError(AboutError):
    """The Markdown body cannot be read in full: block quotes or lists nested deeper than the parser follows."""


class AboutValidationError(AboutError):
    """Raised by ``strict=True`` parsing: the page has warnings. ``diagnostics`` lists them all."""

    def __init__(self, diagnostics: Sequence[Diagnostic], *, path: str | None = None) -> None:
        self.diagnostics = tuple(diagnostics)
        lines = [f"{_where(path, d.line)}: {d.code} {d.message}" for d in self.diagnostics]
        count = len(self.diagnostics)
        summary = f"{count} warning{'s' if count != 1 else ''} in strict mode"
        first = self.diagnostics[0].line if self.diagnostics else None
        super().__init__("\n".join([summary, *lines]), path=path, line=first)


class HistoryError(AboutError):
    """The git history of a page cannot be read: not a repository, git missing, or git failing."""


class RenderError(AboutError):
    """An About holds a value that its page cannot state so that it reads back the same.

    ``field`` names the value as a path into the About (``groups[1].members[0].name``); ``path`` is the
    About's source and ``line`` the line the value came from, when the About has them. The message shows the
    field's keys (front matter keys are anyone's text) with their control characters escaped, so that it stays
    one line; ``field`` keeps them as they are.
    """

    def __init__(self, message: str, *, field: str, path: str | None = None, line: int | None = None) -> None:
        self.field = field
        super().__init__(f"{printable(field)}: {message}", path=path, line=line)
