"""Test-wide settings: hypothesis draws the same examples in CI, so that a run there is repeatable; elsewhere it
draws new ones each run, and a failure it finds is kept in .hypothesis/ to be drawn again first."""

from __future__ import annotations

import os

from hypothesis import settings

pytest_plugins = ["pytester"]  # tests/test_pytest_plugin.py runs the about_snapshot fixture in a project of its own

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
