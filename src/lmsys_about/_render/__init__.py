"""Rendering: an About in, the Markdown of its page (front matter included) out.

``page`` writes the page part by part in the layout of the bundled page; ``verify`` reads it back, so that
``render`` never returns a page that reads back differently from the About it was given: it raises
:class:`~lmsys_about.errors.RenderError` naming the first value that cannot be written instead.
"""

from .render import render

__all__ = ["render"]
