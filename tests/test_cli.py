"""The command through ``main([...])``: output, stdin, exit codes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from lmsys_about import load
from lmsys_about._cli import main


def test_json_of_bundled_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["json"]) == 0
    assert json.loads(capsys.readouterr().out) == load().model_dump(mode="json")


def test_bare_path_means_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "about.md"
    page.write_text("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada](https://ada.example.org/)\n")
    assert main([str(page), "--compact"]) == 0
    out = capsys.readouterr().out
    assert "\n" not in out.strip()
    assert json.loads(out)["people"][0]["name"] == "Ada"


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"OWS Labs (OWS) is a lab.\n")))
    assert main(["json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == "<stdin>"


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["json", str(tmp_path / "nope.md")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "nope.md: cannot read file" in captured.err


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["json", "--no-such-option"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err
