"""render(about): write the page, read it back, and return it only when it reads back as ``about``."""

from __future__ import annotations

from typing import Any

from .._read.source import DEFAULT_MAX_BYTES, MAX_YAML_DEPTH
from ..errors import RenderError
from ..models import About
from .page import write
from .verify import difference


def render(about: About, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """The Markdown page of ``about``, front matter included, in the layout of the bundled page.

    ``loads(render(about))`` equals ``about`` in every value but lines, source and diagnostics; ``people``
    is read from the groups, so an edit of who is in which group goes to ``groups``. A value the page cannot
    state so that it reads back the same raises :class:`~lmsys_about.errors.RenderError` naming it, and so
    does a page above ``max_bytes`` (the cap of ``loads``, which reads the page back; None lifts it).

    >>> from lmsys_about import load, loads
    >>> page = render(load())
    >>> page.splitlines()[7]
    '### Directors and officers'
    >>> loads(page).people[0].name
    'Lianmin Zheng'
    """
    _check_depth(about)
    # Institutions are listed under a label of their own only when the founding sentence does not name them:
    # the page states them once, where the bundled page does.
    page = write(about, institutions=False)
    problem = difference(about, page, max_bytes=max_bytes)
    if problem is not None and problem.field.startswith("history.institutions"):
        page = write(about, institutions=True)
        problem = difference(about, page, max_bytes=max_bytes)
    if problem is not None:
        raise problem
    return page


def _check_depth(about: About) -> None:
    """RenderError at the first front matter value nested deeper than the front matter's reader takes (the
    mapping itself is level 1); looked at without recursion, so that no depth can exhaust the stack."""
    pending: list[tuple[str, Any, int]] = [
        (f"front_matter.{key}", value, 2) for key, value in about.front_matter.items()
    ]
    while pending:
        field, value, depth = pending.pop()
        if depth > MAX_YAML_DEPTH:
            msg = f"cannot be written: nested deeper than {MAX_YAML_DEPTH} levels, more than front matter may be"
            raise RenderError(msg, field=field, path=about.source)
        if isinstance(value, dict):
            pending += [(f"{field}.{key}", item, depth + 1) for key, item in value.items()]
        elif isinstance(value, list):
            pending += [(f"{field}[{index}]", item, depth + 1) for index, item in enumerate(value)]
