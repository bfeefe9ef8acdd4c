"""What a rendered page must keep: an About's values without lines, source and layout findings."""

from __future__ import annotations

from typing import Any

from lmsys_about import About

# Findings about how the original page was laid out (what it held that no value keeps, links it dropped, a
# name or a sponsor it listed twice, a heading it did not know, a mail link shown under another address, which
# is found on unplaced links too, text it did not take for a name, raw HTML it did not read, a legend of a mark
# after no name): a page written from the values has none of them. The values themselves are compared.
LAYOUT_CODES = frozenset(
    {
        "unsafe-url",
        "duplicate-member",
        "duplicate-sponsor",
        "unknown-section",
        "email-mismatch",
        "doubtful-name",
        "raw-html-link",
        "unplaced-legend",
    }
)


def without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: without_lines(item) for key, item in value.items() if key != "line"}
    if isinstance(value, list):
        return [without_lines(item) for item in value]
    return value


def modulo(about: About) -> dict[str, Any]:
    """``about`` as data, without ``line`` anywhere, ``source``, ``source_sha256`` and layout diagnostics.

    The other findings are compared as a set: a page lists what it finds in its own line order, and once per
    place (a name listed twice with an unexplained mark has it reported twice).
    """
    data = without_lines(about.model_dump(mode="json"))
    del data["source"], data["source_sha256"]
    data["diagnostics"] = sorted(
        {
            (d["severity"], d["code"], d["message"])
            for d in data["diagnostics"]
            if d["code"] not in LAYOUT_CODES and not d["code"].startswith("unplaced-")
        }
    )
    return data
