"""render(about): write the page, read it back, and return it only when it reads back as ``about``."""

from __future__ import annotations

from ..models import About
from .page import write
from .verify import difference


def render(about: About) -> str:
    """The Markdown page of ``about``, front matter included, in the layout of the bundled page.

    ``loads(render(about))`` equals ``about`` in every value but lines, source and diagnostics; ``people``
    is read from the groups, so an edit of who is in which group goes to ``groups``. A value the page cannot
    state so that it reads back the same raises :class:`~lmsys_about.errors.RenderError` naming it.

    >>> from lmsys_about import load, loads
    >>> page = render(load())
    >>> page.splitlines()[7]
    '### Directors and officers'
    >>> loads(page).people[0].name
    'Lianmin Zheng'
    """
    # Institutions are listed under a label of their own only when the founding sentence does not name them:
    # the page states them once, where the bundled page does.
    page = write(about, institutions=False)
    problem = difference(about, page)
    if problem is not None and problem.field.startswith("history.institutions"):
        page = write(about, institutions=True)
        problem = difference(about, page)
    if problem is not None:
        raise problem
    return page
