"""Determinism, thread safety and no network: the same input gives the same bytes, anywhere, any time."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from lmsys_about import AboutError, load, loads

from .paths import CASES
from .test_corpus import PAGES as CORPUS_PAGES

PAGES = CASES + CORPUS_PAGES
THREADS = 8


def as_json(path: Path) -> str:
    """The page's About as JSON text, or its error, exactly as a pipeline would write it."""
    try:
        return json.dumps(load(path).model_dump(mode="json"), ensure_ascii=False, indent=1)
    except AboutError as error:
        return f"{type(error).__name__}: {error}"


def test_threads_parsing_different_pages_at_once_agree_with_one_thread() -> None:
    expected = {path: as_json(path) for path in PAGES}
    work = PAGES * 4
    start = threading.Barrier(THREADS)

    def parse(path: Path) -> tuple[Path, str, str]:
        if threading.current_thread().name not in started:
            started.add(threading.current_thread().name)
            start.wait(timeout=30)  # every worker begins together
        return path, as_json(path), threading.current_thread().name

    started: set[str] = set()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(parse, work))
    assert len({name for _, _, name in results}) == THREADS
    mismatched = [path.name for path, text, _ in results if text != expected[path]]
    assert mismatched == []


_DUMP_ALL = """
import json, sys
from pathlib import Path
from lmsys_about import AboutError, load
for name in sys.argv[1:]:
    try:
        text = json.dumps(load(name).model_dump(mode="json"), ensure_ascii=False)
    except AboutError as error:
        text = f"{type(error).__name__}: {error}"
    sys.stdout.write(text + "\\n")
"""


def test_json_is_byte_identical_whatever_the_hash_seed() -> None:
    names = [str(path) for path in PAGES]

    def run(hash_seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        return subprocess.run(
            [sys.executable, "-c", _DUMP_ALL, *names], env=env, capture_output=True, check=True, timeout=120
        ).stdout

    outputs = {seed: run(seed) for seed in ("0", "1", "4242", "random")}
    assert len(set(outputs.values())) == 1, "the JSON differs between hash seeds"
    assert outputs["0"].count(b"\n") == len(names)


def test_repeated_parses_in_one_process_are_byte_identical() -> None:
    for path in PAGES:
        assert as_json(path) == as_json(path)


class NetworkUsed(AssertionError):
    pass


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkUsed("lmsys_about opened a network connection")


def test_parsing_never_opens_a_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [as_json(path) for path in PAGES]
    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, _refuse)
    with pytest.raises(NetworkUsed):  # the guard works
        socket.create_connection(("example.org", 80))
    assert [as_json(path) for path in PAGES] == expected
    assert load().organization.short_name == "LMSYS Corp"
    text = "Kestrel Research Group (KRG) is a lab.\n\n## Contact\n[Discord](https://discord.gg/x) <https://x.example/>"
    assert loads(text).contact.links[0].platform == "discord"


def test_parsing_in_threads_never_switches_the_garbage_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is the host's to switch: no parse turns it off or on, in any thread."""
    import gc

    from lmsys_about._api import parse_data

    calls: list[str] = []
    for name in ("disable", "enable", "freeze", "unfreeze", "set_threshold"):
        monkeypatch.setattr(gc, name, lambda *args, name=name: calls.append(name))
    gc.disable()  # the guard records the call
    assert calls == ["disable"]
    calls.clear()
    texts = [path.read_bytes() for path in PAGES if path.suffix == ".md"]

    def parse(data: bytes) -> None:
        try:
            loads(data, max_bytes=None)
            parse_data(data, max_bytes=None)
        except AboutError:
            pass

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(parse, texts * 2))
    load()
    assert calls == []


def test_library_modules_own_no_process_wide_switch() -> None:
    """Only the command may touch the process: no library module imports the collector, signals or the locale."""
    import ast

    import lmsys_about

    package = Path(lmsys_about.__file__).parent
    switches = {"gc", "signal", "locale"}
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] in ("_cli", "__main__.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            found += [f"{path.name}:{node.lineno} {name}" for name in names if name.split(".")[0] in switches]
    assert found == []
