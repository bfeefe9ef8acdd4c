"""Parse the LMSYS "About" page (Markdown with YAML front matter) into validated, line-grounded models.

>>> from lmsys_about import load
>>> about = load()
>>> about.organization.short_name
'LMSYS Corp'
"""

from __future__ import annotations

from ._api import load, loads
from .errors import AboutError, AboutValidationError, FrontMatterError, MarkdownError, SourceError
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
    "Contact",
    "ContactLink",
    "Diagnostic",
    "Event",
    "FrontMatterError",
    "Group",
    "History",
    "Institution",
    "Link",
    "MarkdownError",
    "Member",
    "Organization",
    "Person",
    "Project",
    "SourceError",
    "Sponsor",
    "__version__",
    "load",
    "loads",
]
