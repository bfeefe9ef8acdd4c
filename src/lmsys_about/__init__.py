"""Parse the LMSYS "About" page (Markdown with YAML front matter) into validated, line-grounded models.

>>> from lmsys_about import load
>>> about = load()
>>> about.organization.short_name
'LMSYS Corp'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._api import load, loads
from .errors import AboutError, AboutValidationError, FrontMatterError, SourceError

if TYPE_CHECKING:
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

# The models are imported on first use: building them is most of the cost of importing the package.
_MODELS = frozenset(
    "About Contact ContactLink Diagnostic Event Group History Institution Link Member Organization Person "
    "Project Sponsor".split()
)


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from . import models

        value = getattr(models, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _MODELS)
