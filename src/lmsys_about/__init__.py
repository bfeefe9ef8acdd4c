"""Parse the LMSYS "About" page (Markdown with YAML front matter) into validated, line-grounded models.

>>> from lmsys_about import load
>>> about = load()
>>> about.organization.short_name
'LMSYS Corp'
"""

from __future__ import annotations

from ._api import load, loads
from ._export import RECORD_KINDS, Record, RecordKind, record_columns, to_csv, to_ndjson, to_records
from ._jsonld import to_jsonld
from ._schema import json_schema
from .errors import AboutError, AboutValidationError, FrontMatterError, SourceError
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
    "RECORD_KINDS",
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
    "Record",
    "RecordKind",
    "SourceError",
    "Sponsor",
    "__version__",
    "json_schema",
    "load",
    "loads",
    "record_columns",
    "to_csv",
    "to_jsonld",
    "to_ndjson",
    "to_records",
]
