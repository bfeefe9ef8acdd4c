"""Parse the LMSYS "About" page (Markdown with YAML front matter) into validated, line-grounded models.

>>> from lmsys_about import load
>>> about = load()
>>> about.organization.short_name
'LMSYS Corp'
"""

from __future__ import annotations

from ._api import load, loads
from .diff import Change, ChangeKind, diff
from .errors import AboutError, AboutValidationError, FrontMatterError, HistoryError, SourceError
from .models import (
    About,
    Contact,
    ContactLink,
    Diagnostic,
    Event,
    Group,
    History,
    Institution,
    Link,
    Member,
    Organization,
    Person,
    Project,
    Sponsor,
)

__version__ = "0.1.0"

__all__ = [
    "About",
    "AboutError",
    "AboutValidationError",
    "Change",
    "ChangeKind",
    "Contact",
    "ContactLink",
    "Diagnostic",
    "Event",
    "FrontMatterError",
    "Group",
    "History",
    "HistoryError",
    "Institution",
    "Link",
    "Member",
    "Organization",
    "Person",
    "Project",
    "SourceError",
    "Sponsor",
    "__version__",
    "diff",
    "load",
    "loads",
]
