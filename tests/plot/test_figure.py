"""The timeline picture: ``history --plot`` and ``timeline_figure`` draw for real (PNG and SVG), labels that
never overlap at 50 people and 30 versions, and matplotlib imported by nothing else."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path

import pytest

import lmsys_about
from lmsys_about._cli.main import main
from lmsys_about._git.timeline import Group, Mark, Row, Stint, Timeline
from lmsys_about._plot.figure import draw, short

from ..git.test_walk import PAGE, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
matplotlib = pytest.importorskip("matplotlib")

LONG = "Maximilian Alexander von Oberhuber-Schwarzenberg"
PEOPLE = ["Ada Ng", "Bob Li", "Cy Wu", "Dee Ray", LONG]
SPONSORS = ["Acme", "Hooli"]
NOT_INSTALLED = "lmsys-about: --plot needs matplotlib: pip install 'lmsys-about[plot]'\n"


def page(people: list[str], sponsors: list[str]) -> str:
    def links(names: list[str]) -> str:
        return ", ".join(f"[{name}](https://example.org/{name.split()[0].lower()})" for name in names)

    text = f'---\ntitle: "About"\n---\n\nOWS Labs (OWS) is a lab.\n\n## Team\n{links(people[:3])}\n'
    text += f"\n## Advisors\n{links(people[3:])}\n"
    return (
        text + f"\n## Sponsors\nOWS is supported by donations from the following institutions:\n\n{links(sponsors)}\n"
    )


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = Repo(tmp_path_factory.mktemp("plot") / "site")
    repo.commit("Start", {PAGE: page(PEOPLE[:2], SPONSORS[:1])})
    repo.commit("More", {PAGE: page(PEOPLE[:4], SPONSORS)})
    repo.commit("Bob leaves", {PAGE: page([p for p in PEOPLE if p != "Bob Li"], SPONSORS)})
    repo.commit("Bob is back", {PAGE: page(PEOPLE, SPONSORS[1:])})
    return repo.root


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header, after checking its signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def svg_texts(path: Path) -> list[str]:
    return ["".join(node.itertext()) for node in ET.parse(path).iter("{http://www.w3.org/2000/svg}text")]


def test_history_plot_png(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "timeline.png"
    assert main(["history", str(root), "--plot", str(out)]) == 0
    assert capsys.readouterr() == ("", "")
    data = out.read_bytes()
    width, height = png_size(data)
    assert width == 1100  # 11 inches at 100 dots per inch
    assert 300 < height < 1000  # a title, 7 rows and a date axis
    assert 5_000 < len(data) < 200_000


def test_history_plot_svg_holds_every_name(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.SVG"
    assert main(["history", str(root), "--path", PAGE, "--plot", str(out)]) == 0
    texts = svg_texts(out)
    for name in [*PEOPLE[:-1], *SPONSORS]:
        assert name in texts
    assert LONG not in texts
    assert short(LONG) in texts
    assert texts.count("Bob Li") == 1  # one row, though two spans
    assert "2024" in " ".join(texts)  # real dates on the axis
    again = tmp_path / "again.svg"
    assert main(["history", str(root), "--plot", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()  # no date or random id in the file


def test_history_plot_pdf(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.pdf"
    assert main(["history", str(root), "--plot", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.pdf"]  # written whole: no temporary file left


def test_plot_suffix_is_a_usage_error(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "timeline.txt"
    assert main(["history", str(root), "--plot", str(out)]) == 2
    assert "must end with .png, .svg or .pdf" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("case", ["no-directory", "a-directory"])
def test_plot_target_is_checked_before_the_walk(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "timeline.png" if case == "no-directory" else tmp_path / "t.png"
    if case == "a-directory":
        out.mkdir()
    # REPO is no repository: the error about the file shows that it was checked first.
    assert main(["history", str(tmp_path / "not-a-repo"), "--plot", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"lmsys-about: cannot write {out}: ")
    assert err.count("\n") == 1


def test_plot_without_matplotlib(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # 'import matplotlib' now raises ImportError
    out = tmp_path / "timeline.png"
    assert main(["history", str(root), "--plot", str(out)]) == 2
    assert capsys.readouterr() == ("", NOT_INSTALLED)
    assert not out.exists()
    with pytest.raises(ImportError, match=r"lmsys-about\[plot\]"):
        lmsys_about.timeline_figure(root)


def test_timeline_figure_for_notebooks(root: Path) -> None:
    figure = lmsys_about.timeline_figure(root, path=PAGE)
    assert isinstance(figure, matplotlib.figure.Figure)
    people, sponsors = figure.axes
    # Each group's block is headed by its name, on a line of its own.
    assert [label.get_text() for label in people.get_yticklabels()] == ["", *PEOPLE[:3], "", "Dee Ray", short(LONG)]
    assert [text.get_text() for text in people.texts] == ["Team", "Advisors"]
    assert [label.get_text() for label in sponsors.get_yticklabels()] == ["", *SPONSORS]
    assert [text.get_text() for text in sponsors.texts] == ["donor"]
    assert figure.get_suptitle() == f"{PAGE}: 5 people, 2 sponsors"


def test_a_page_that_never_parses(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.commit("Broken", {PAGE: '---\ntitle: "About\n---\n'})
    with pytest.raises(lmsys_about.HistoryError, match=r"no version of content/about\.md parses"):
        lmsys_about.timeline_figure(repo.root)


def synthetic(people: int, versions: int) -> Timeline:
    """``people`` rows in five groups over ``versions`` weekly versions; every third name is very long."""
    marks = [
        Mark(f"{i:040x}", datetime(2023, 1, 2, tzinfo=timezone.utc) + timedelta(days=7 * i)) for i in range(versions)
    ]
    rows = []
    for i in range(people):
        start, end = marks[i * versions // people], marks[-1 - i % 3]
        name = f"Person {i} " + ("with a very long name indeed, longer than any label" if i % 3 == 0 else "")
        rows.append(Row(name, (Stint(i % 5, f"Group {i % 5}", start, end, None),)))
    sponsors = [Row(f"Sponsor {i}", (Stint(0, "donor", marks[i], marks[-1], None),)) for i in range(6)]
    groups = tuple(Group((f"Group {g}",), ()) for g in range(5))
    return Timeline(tuple(rows), tuple(sponsors), groups, (Group(("donor",), ()),), tuple(marks), tuple(marks[::2]))


@pytest.mark.parametrize("people", [5, 50])
def test_labels_never_overlap(people: int) -> None:
    figure = draw(synthetic(people, 30))
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    figure.draw(renderer)
    for axes, rows in zip(figure.axes, (people, 6), strict=True):
        labels = [label for label in axes.get_yticklabels() if label.get_text()]
        boxes = sorted((label.get_window_extent(renderer) for label in [*labels, *axes.texts]), key=lambda b: b.y0)
        assert len(labels) == rows
        for below, above in pairwise(boxes):
            assert below.y1 <= above.y0, "row labels overlap"
    dates = [label for label in figure.axes[-1].get_xticklabels() if label.get_text()]
    assert len(dates) >= 4
    boxes = sorted((label.get_window_extent(renderer) for label in dates), key=lambda b: b.x0)
    for left, right in pairwise(boxes):
        assert left.x1 <= right.x0, "date labels overlap"


def test_the_figure_grows_with_the_rows() -> None:
    small, large = (draw(synthetic(n, 30)).get_size_inches()[1] for n in (5, 50))
    assert large > small + 40 * 0.15


def test_nothing_else_imports_matplotlib(root: Path) -> None:
    code = (
        "import contextlib, io, sys\n"
        "import lmsys_about\n"
        "from lmsys_about import *\n"
        "from lmsys_about._cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    for argv in (['json'], ['show'], ['check'], ['people'], ['history', sys.argv[1]]):\n"
        "        assert main(argv) in (0, 1), argv\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n"
        "figure = lmsys_about.timeline_figure(sys.argv[1])\n"
        "assert 'matplotlib' in sys.modules and 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
    )
    subprocess.run([sys.executable, "-c", code, str(root)], check=True)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Ada Ng", "Ada Ng"),
        ("Eve \n Smith", "Eve Smith"),
        ("Maximilian Alexander von Oberhuber-Schwarzenberg", "Maximilian Alexander von…"),
        ("Averyveryverylongsinglewordnamethatgoeson", "Averyveryverylongsingleword…"),
        ("A" * 27 + " B", "A" * 27 + "…"),
    ],
)
def test_long_names_are_cut_between_words(name: str, label: str) -> None:
    assert short(name) == label
    assert len(short(name)) <= 28


def test_plot_takes_the_walks_options(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    assert (
        main(["history", str(root), "HEAD", "--no-follow", "--since", "2024-01-04T00:00:00+00:00", "--plot", str(out)])
        == 0
    )
    texts = svg_texts(out)
    assert "2 versions; a grey line marks each of the 2 that changed something" in " ".join(texts)
