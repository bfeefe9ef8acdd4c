"""Stage 2, extraction: sections in, the plain data of an About (JSON-ready dicts and lists) out.

``dispatch`` reads the marks' legends, lets ``classify`` name each section's kind and runs that kind's
extractor (``organization``, ``people``, ``sponsors``, ``history``, ``contact``), each of which writes into a
shared ``Context`` and reports what it cannot place; ``assemble`` merges people across groups and returns the
data in the field order of the models. ``entries`` reads a line as a list of names and links, ``names``
says which of them may be a person or a sponsor, and ``_text`` reads marks, sentences and statuses.
"""

from .assemble import assemble
from .classify import kind_of
from .dispatch import EXTRACTORS, extract

__all__ = ["EXTRACTORS", "assemble", "extract", "kind_of"]
