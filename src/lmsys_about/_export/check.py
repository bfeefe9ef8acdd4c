"""The findings of a check, as text lines, JSON or GitHub Actions annotations, and the codes a check can select.

A check fails on ``error`` diagnostics, and on warnings too when strict; ``info`` never fails it.
A page that cannot be parsed at all (an :class:`AboutError`) is reported as one ``error`` finding.
Every code is in :data:`CODES` with its severity; ``docs/diagnostics.md`` says what triggers each one and how to
fix the page (a test holds the source, this table and that page together).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .._printable import printable
from .._version import FORMAT_VERSION
from ..errors import AboutError
from ..models import About, Diagnostic

__all__ = ["CODES", "FORMATS", "Finding", "Report", "report_of", "report_of_error", "selection", "summary"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_PLURALS: dict[Severity, str] = {"error": "errors", "warning": "warnings", "info": "info"}
_GITHUB_LEVEL: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}

# Every code a check can report, with its severity.
CODES: dict[str, Severity] = {
    # the page cannot be read or parsed: named after the error's class
    "source-error": "error",
    "front-matter-error": "error",
    "markdown-error": "error",
    # what the parser doubts or misses: strict checks fail on these
    "no-front-matter": "warning",
    "no-organization": "warning",
    "no-people": "warning",
    "unknown-section": "warning",
    "doubtful-name": "warning",
    "duplicate-member": "warning",
    "duplicate-sponsor": "warning",
    "unexplained-mark": "warning",
    "unsafe-url": "warning",
    "email-mismatch": "warning",
    "raw-html-link": "warning",
    # content kept aside: reported, never failing
    "unplaced-text": "info",
    "unplaced-item": "info",
    "unplaced-link": "info",
    "unplaced-image": "info",
    "unplaced-block": "info",
    "unplaced-row": "info",
    "unplaced-cell": "info",
    "unplaced-legend": "info",
}


@dataclass(frozen=True)
class Finding:
    """One diagnostic, with the path it is about."""

    path: str
    line: int | None
    severity: Severity
    code: str
    message: str


@dataclass(frozen=True)
class Report:
    """What a check found in one page; ``source_sha256`` is None when the page could not be read."""

    path: str
    source_sha256: str | None
    strict: bool
    findings: tuple[Finding, ...]

    @property
    def counts(self) -> dict[Severity, int]:
        return {severity: sum(f.severity == severity for f in self.findings) for severity in SEVERITIES}

    @property
    def passed(self) -> bool:
        failing = {"error", "warning"} if self.strict else {"error"}
        return not any(finding.severity in failing for finding in self.findings)


def _matches(code: str, selector: str) -> bool:
    """A selector is a code or a prefix of whole words: 'unplaced-' and 'unplaced' select 'unplaced-text'."""
    return code == selector or code.startswith(selector if selector.endswith("-") else selector + "-")


def selection(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Callable[[str], bool]:
    """Whether a code is reported: selected (everything when ``select`` is empty) and not ignored, as ruff's
    ``--select`` and ``--ignore``. Raises ``ValueError`` for a selector that matches no code.

    >>> keep = selection(["unplaced-", "doubtful-name"], ["unplaced-image"])
    >>> [code for code in ("unplaced-text", "unplaced-image", "doubtful-name", "unsafe-url") if keep(code)]
    ['unplaced-text', 'doubtful-name']
    """
    chosen, ignored = tuple(select), tuple(ignore)
    for selector in (*chosen, *ignored):
        if not any(_matches(code, selector) for code in CODES):
            raise ValueError(f"unknown code or prefix {selector!r} (docs/diagnostics.md lists the codes)")

    def keep(code: str) -> bool:
        selected = not chosen or any(_matches(code, selector) for selector in chosen)
        return selected and not any(_matches(code, selector) for selector in ignored)

    return keep


def _finding(path: str, diagnostic: Diagnostic) -> Finding:
    return Finding(path, diagnostic.line, diagnostic.severity, diagnostic.code, diagnostic.message)


def report_of(about: About, *, path: str, strict: bool, keep: Callable[[str], bool] | None = None) -> Report:
    """The report on a parsed page, its findings named after ``path``; ``keep`` picks the codes reported."""
    findings = tuple(_finding(path, d) for d in about.diagnostics if keep is None or keep(d.code))
    return Report(path=path, source_sha256=about.source_sha256, strict=strict, findings=findings)


def report_of_error(error: AboutError, *, path: str, strict: bool) -> Report:
    """The report on a page that cannot be parsed: one error finding, coded after the error's class."""
    code = re.sub(r"(?<!^)(?=[A-Z])", "-", type(error).__name__).lower()  # FrontMatterError -> front-matter-error
    finding = Finding(error.path or path, error.line, "error", code, error.message)
    return Report(path=path, source_sha256=None, strict=strict, findings=(finding,))


def _where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}" if finding.line is not None else finding.path


def text_report(reports: Sequence[Report]) -> str:
    """``path:line: severity code message`` per finding, control characters escaped."""
    return "".join(
        printable(f"{_where(f)}: {f.severity} {f.code} {f.message}") + "\n"
        for report in reports
        for f in report.findings
    )


def _counts(counts: dict[Severity, int]) -> str:
    return ", ".join(f"{count} {_PLURALS[severity] if count != 1 else severity}" for severity, count in counts.items())


def summary(reports: Sequence[Report], *, unread: int = 0) -> str:
    """One line per page with its verdict and counts, then a total when there are several pages.

    ``unread`` counts the pages that could not be read, which have no report here.
    """
    verdicts = {True: "passed", False: "failed"}
    lines = [
        f"{printable(r.path)}: {verdicts[r.passed]}{' (strict)' if r.strict else ''}: {_counts(r.counts)}"
        for r in reports
    ]
    if len(reports) + unread > 1:
        failed = sum(not report.passed for report in reports)
        total = f"{len(reports) + unread} pages: {len(reports) - failed} passed, {failed} failed"
        lines.append(total + (f", {unread} could not be read" if unread else ""))
    return "".join(line + "\n" for line in lines)


def json_report(reports: Sequence[Report]) -> str:
    """One JSON object: format_version, strict, passed, the total counts, and each page's report (path,
    source_sha256, passed, counts, diagnostics)."""
    totals = {severity: sum(report.counts[severity] for report in reports) for severity in SEVERITIES}
    data = {
        "format_version": FORMAT_VERSION,
        "strict": any(report.strict for report in reports),
        "passed": all(report.passed for report in reports),
        "counts": totals,
        "pages": [
            {
                "path": report.path,
                "source_sha256": report.source_sha256,
                "passed": report.passed,
                "counts": report.counts,
                "diagnostics": [vars(finding) for finding in report.findings],
            }
            for report in reports
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _escape(text: str, *, property_value: bool = False) -> str:
    """Escape for a workflow command (as GitHub's actions/toolkit does); other controls made visible."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text.replace(":", "%3A").replace(",", "%2C") if property_value else text)


def github_report(reports: Sequence[Report]) -> str:
    """One ``::warning file=PATH,line=N::code message`` workflow command per finding (info as ``notice``)."""
    lines = []
    for f in (finding for report in reports for finding in report.findings):
        properties = f"file={_escape(f.path, property_value=True)}"
        if f.line is not None:
            properties += f",line={f.line}"
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {properties}::{_escape(f'{f.code} {f.message}')}")
    return "".join(line + "\n" for line in lines)


FORMATS: dict[str, Callable[[Sequence[Report]], str]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
}
