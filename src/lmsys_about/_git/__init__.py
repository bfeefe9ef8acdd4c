"""Stage 5, a page's versions in git: a repository and a path in, each version's changes out.

``walk`` reads ``git log --first-parent`` and ``git show`` (no network), parses each version and diffs it
against the last one that parsed; ``timeline`` turns those versions into spans of who was listed when. It
sits above parsing and diffing and uses both.
"""
