"""Test-wide settings: hypothesis draws the same examples in CI, so that a run there is repeatable; elsewhere it
draws new ones each run, and a failure it finds is kept in .hypothesis/ to be drawn again first."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
