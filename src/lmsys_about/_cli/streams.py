"""The process's standard streams as the command needs them, whatever it was started with.

A stream may be closed at start (``>&-``, ``<&-``, ``2>&-``: Python then sets it to None), unable to encode a
character (``PYTHONIOENCODING=ascii``, a C locale), or a pipe whose reader goes away. The command must then
still end with one line on stderr where it can be written and the right exit status, never a traceback.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import Any, TextIO


class ClosedOutput(io.TextIOBase):
    """Standard output that was closed when the command started: writing to it is an I/O error, and stays one
    (``failed``) where the writer swallows it, as argparse does when it prints ``--help``."""

    failed = False

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.failed = True
        raise closed_error()


def closed_error() -> OSError:
    return OSError(errno.EBADF, "standard output is closed")


def _hold_closed_descriptors() -> None:
    """Open the null device on descriptors 0 to 2 that are closed, so that no file the command opens later
    (a page, a pipe to git) takes their place and gets written as if it were an output."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            try:
                opened = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: this one
            except OSError:
                return
            if opened != descriptor:  # pragma: no cover - cannot happen as descriptors are taken in order
                os.close(opened)


def prepare_streams() -> None:
    """Closed streams get stand-ins; output that the terminal's encoding cannot show gets backslash escapes."""
    if sys.stdout is None or sys.stderr is None or sys.stdin is None:
        _hold_closed_descriptors()
    if sys.stdout is None:
        sys.stdout = ClosedOutput()
    if sys.stderr is None:  # messages have nowhere to go; the exit status still says what happened
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - kept open for the whole run
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Any = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def silence(*streams: TextIO | None) -> None:
    """Point each stream's descriptor at the null device, so that the final flush at exit cannot fail on a
    closed pipe again (the advice of Python's signal documentation, "Note on SIGPIPE")."""
    for stream in streams:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())  # type: ignore[union-attr]
            os.close(devnull)
        except (OSError, ValueError, AttributeError):  # no descriptor (e.g. captured): nothing to silence
            pass
