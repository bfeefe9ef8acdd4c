"""Draw docs/history-timeline.png from a synthetic history: 40 commits of a page over four years, about 45
people, in a throw-away git repository. The student team is renamed twice, two advisors also join a project
team, a visitor is listed by one version only. Run from the checkout: ``python docs/make_timeline_example.py``.
"""

from __future__ import annotations

import os
import random
import subprocess
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lmsys_about import timeline_figure

FIRST = "Ada Bo Cy Dan Eva Fei Gus Hana Ivo Jun Kai Lea Mo Nia Oto Pia Quan Rui Sol Tao Uma Vik Wen Xia Yan Zoe".split()
LAST = "Ng Li Wu Chen Park Rossi Kim Diaz Sato Novak Zhao Singh Costa Berg Lund Haas".split()
GROUPS = ("Directors and officers", "Student Team", "Advisors", "Alumni")
RENAMES = {14: ("Student Team", "Members"), 28: ("Members", "Project members")}
DONORS = "Acme Initech Hooli Umbrella Globex Stark Wayne".split()
CREDITS = "Cyberdyne Tyrell Soylent Aperture".split()


def page(groups: dict[str, list[str]], donors: list[str], credits: list[str], intro: str, sep: str) -> str:
    def links(names: list[str]) -> str:
        return sep.join(f"[{name}](https://example.org/{name.replace(' ', '-').lower()})" for name in names)

    parts = ['---\ntitle: "About"\n---\n', f"Example Lab (EXL) is a lab. {intro}\n"]
    parts += [f"### {group}\n{links(names)}\n" for group, names in groups.items() if names]
    parts.append(f"## Sponsors\nEXL is supported by donations from the following institutions:\n\n{links(donors)}\n")
    if credits:
        parts.append(f"We also thank the following companies which provide API credits:\n{links(credits)}\n")
    return "\n".join(parts)


def renamed(groups: dict[str, list[str]], old: str, new: str) -> dict[str, list[str]]:
    """``groups`` with ``old`` called ``new``, in the same place."""
    return {new if name == old else name: members for name, members in groups.items()}


def main() -> None:
    rng = random.Random(12)
    names = iter(rng.sample([f"{f} {last}" for f in FIRST for last in LAST], 80))
    groups = {group: [next(names) for _ in range(n)] for group, n in zip(GROUPS, (3, 12, 3, 0), strict=True)}
    groups["Student Team"].append("Maximilian Alexander von Oberhuber-Schwarzenberg")  # shows truncation
    team = "Student Team"
    donors, credits, gone, intro, sep = DONORS[:2], [], [], "It builds things.", ", "
    date = datetime(2021, 5, 10, 10, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as repo:
        git = ["git", "-C", repo, "-c", "user.name=Ex", "-c", "user.email=ex@example.org", "-c", "commit.gpgsign=false"]
        subprocess.run([*git, "init", "-q"], check=True)
        visitor: list[str] = []
        for version in range(40):
            if version in RENAMES:  # the heading changes, the members stay: the same group
                old, team = RENAMES[version]
                groups = renamed(groups, old, team)
            members = groups[team]
            if version in (11, 23):  # one link per line: a version that changes nothing
                sep = ",\n" if sep == ", " else ", "
            elif version:  # each version: joins, and sometimes a move to alumni, a departure or a return
                members += [next(names) for _ in range(rng.choice((0, 1, 1)))]
                if rng.random() < 0.4:
                    groups["Alumni"].append(members.pop(rng.randrange(len(members))))
                elif len(groups["Alumni"]) > 2 and rng.random() < 0.5:
                    groups["Alumni"].pop(0)  # off the page for good
                if rng.random() < 0.25:
                    gone.append(members.pop(rng.randrange(len(members))))
                elif gone and rng.random() < 0.3:
                    members.append(gone.pop(0))
                if version % 6 == 0 and len(donors) < len(DONORS):
                    donors.append(DONORS[len(donors)])
                if version % 8 == 4:
                    credits.append(CREDITS[len(credits) % len(CREDITS)])
                if version == 17:
                    intro = "It builds and studies things."
            if version == 9:  # two advisors also join a project's team, and stay advisors
                groups["Vicuna team"] = groups["Advisors"][:2]
            visitor = [next(names)] if version == 20 else []  # listed by one version only
            page_groups = {**groups, "Visitors": visitor}
            Path(repo, "about.md").write_text(page(page_groups, donors, credits, intro, sep), encoding="utf-8")
            env = {**os.environ, "GIT_AUTHOR_DATE": date.isoformat(), "GIT_COMMITTER_DATE": date.isoformat()}
            subprocess.run([*git, "add", "-A"], check=True)
            subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", f"Version {version}"], check=True, env=env)
            date += timedelta(days=rng.randint(14, 50))
        figure = timeline_figure(repo, path="about.md")
    figure.savefig(Path(__file__).with_name("history-timeline.png"), dpi=72)


if __name__ == "__main__":
    main()
