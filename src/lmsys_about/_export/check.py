"""The findings of a check, as text lines, JSON or GitHub Actions annotations.

A check fails on ``error`` diagnostics, and on warnings too when strict; ``info`` never fails it.
A page that cannot be parsed at all (an :class:`AboutError`) is reported as one ``error`` finding.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..errors import AboutError
from ..models import About, Diagnostic

__all__ = ["FORMATS", "Finding", "Report", "report_of", "report_of_error"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_PLURALS: dict[Severity, str] = {"error": "errors", "warning": "warnings", "info": "info"}
_GITHUB_LEVEL: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}


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


def _finding(path: str, diagnostic: Diagnostic) -> Finding:
    return Finding(path, diagnostic.line, diagnostic.severity, diagnostic.code, diagnostic.message)


def report_of(about: About, *, path: str, strict: bool) -> Report:
    """The report on a parsed page, its findings named after ``path``."""
    findings = tuple(_finding(path, diagnostic) for diagnostic in about.diagnostics)
    return Report(path=path, source_sha256=about.source_sha256, strict=strict, findings=findings)


def report_of_error(error: AboutError, *, path: str, strict: bool) -> Report:
    """The report on a page that cannot be parsed: one error finding, coded after the error's class."""
    code = re.sub(r"(?<!^)(?=[A-Z])", "-", type(error).__name__).lower()  # FrontMatterError -> front-matter-error
    finding = Finding(error.path or path, error.line, "error", code, error.message)
    return Report(path=path, source_sha256=None, strict=strict, findings=(finding,))


def _where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}" if finding.line is not None else finding.path


def text_report(report: Report) -> str:
    """``path:line: code message`` per finding, then a summary line."""
    lines = [f"{_where(f)}: {f.code} {f.message}" for f in report.findings]
    counts = ", ".join(
        f"{count} {_PLURALS[severity] if count != 1 else severity}" for severity, count in report.counts.items()
    )
    verdict = "passed" if report.passed else "failed"
    lines.append(f"{report.path}: {verdict}{' (strict)' if report.strict else ''}: {counts}")
    return "".join(line + "\n" for line in lines)


def json_report(report: Report) -> str:
    """The report as one JSON object: path, source_sha256, strict, passed, counts, diagnostics."""
    data = {
        "path": report.path,
        "source_sha256": report.source_sha256,
        "strict": report.strict,
        "passed": report.passed,
        "counts": report.counts,
        "diagnostics": [vars(finding) for finding in report.findings],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _escape(text: str, *, property_value: bool = False) -> str:
    """Escape for a workflow command (as GitHub's actions/toolkit does)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github_report(report: Report) -> str:
    """One ``::warning file=PATH,line=N::code message`` workflow command per finding (info as ``notice``)."""
    lines = []
    for f in report.findings:
        properties = f"file={_escape(f.path, property_value=True)}"
        if f.line is not None:
            properties += f",line={f.line}"
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {properties}::{_escape(f'{f.code} {f.message}')}")
    return "".join(line + "\n" for line in lines)


FORMATS: dict[str, Callable[[Report], str]] = {"text": text_report, "json": json_report, "github": github_report}
