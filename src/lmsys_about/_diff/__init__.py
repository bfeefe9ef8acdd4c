"""Stage 4, changes between versions: two :class:`~lmsys_about.models.About` in, ``Change`` records out.

``changes`` defines the change kinds and the record; ``matching`` pairs things across versions (by key, then
by a fallback key, then by similarity); ``people`` and ``sections`` hold one small generator per subject;
``compare`` joins them into :func:`diff` in the new page's order; ``render`` writes changes as text, JSON or
Markdown.
"""
