"""Parse the LMSYS "About" page (Markdown with YAML front matter) into validated, line-grounded models.

>>> from lmsys_about import load
>>> about = load()
>>> about.organization.short_name
'LMSYS Corp'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._api import load, loads
from .errors import AboutError, AboutValidationError, FrontMatterError, HistoryError, SourceError

if TYPE_CHECKING:
    from ._changes import Change, ChangeKind
    from ._diff import diff
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

# The models and the diff are imported on first use: building models is most of the cost of an import.
_LAZY = {
    **dict.fromkeys(
        "About Contact ContactLink Diagnostic Event Group History Institution Link Member Organization Person "
        "Project Sponsor".split(),
        "models",
    ),
    "Change": "_changes",
    "ChangeKind": "_changes",
    "diff": "_diff",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
