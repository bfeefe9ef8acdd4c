"""Parse the LMSYS "About" page (Markdown with YAML front matter) into validated, line-grounded models.

>>> from lmsys_about import load
>>> about = load()
>>> about.organization.short_name
'LMSYS Corp'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    AboutError,
    AboutValidationError,
    FrontMatterError,
    HistoryError,
    MarkdownError,
    RenderError,
    SourceError,
)

if TYPE_CHECKING:
    from ._api import load, loads
    from ._diff.changes import Change, ChangeKind
    from ._diff.compare import diff
    from ._export.jsonld import to_jsonld
    from ._export.records import RECORD_KINDS, Record, RecordKind, record_columns, to_csv, to_ndjson, to_records
    from ._export.schema import json_schema
    from ._git.tables import HISTORY_TABLES, HistoryTable, history_columns, history_records
    from ._plot.figure import timeline_figure
    from ._render import render
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

__all__ = [
    "HISTORY_TABLES",
    "RECORD_KINDS",
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
    "HistoryTable",
    "Institution",
    "Link",
    "MarkdownError",
    "Member",
    "Organization",
    "Person",
    "Project",
    "Record",
    "RecordKind",
    "RenderError",
    "SourceError",
    "Sponsor",
    "__version__",
    "diff",
    "history_columns",
    "history_records",
    "json_schema",
    "load",
    "loads",
    "record_columns",
    "render",
    "timeline_figure",
    "to_csv",
    "to_jsonld",
    "to_ndjson",
    "to_records",
]

# Imported on first use: the parser and the models are most of the cost of importing the package, which every
# pytest run pays where the package is installed (it loads the package's plugin); --help and --version need neither.
_LAZY = {
    "load": "_api",
    "loads": "_api",
    **dict.fromkeys(
        "About Contact ContactLink Diagnostic Event Group History Institution Link Member Organization Person "
        "Project Sponsor".split(),
        "models",
    ),
    "Change": "_diff.changes",
    "ChangeKind": "_diff.changes",
    "diff": "_diff.compare",
    **dict.fromkeys(
        "RECORD_KINDS Record RecordKind record_columns to_csv to_ndjson to_records".split(), "_export.records"
    ),
    **dict.fromkeys("HISTORY_TABLES HistoryTable history_columns history_records".split(), "_git.tables"),
    "to_jsonld": "_export.jsonld",
    "json_schema": "_export.schema",
    "timeline_figure": "_plot.figure",
    "render": "_render",
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
