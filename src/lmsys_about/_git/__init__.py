"""Stage 5, a page's versions in git: a repository and a path in, each version's changes out.

``command`` runs git pinned against the user's set-up; ``log`` lists the commits that touched the page with
its blob in each (``git log --raw``, renames followed); ``walk`` reads the blobs through one ``git cat-file
--batch`` process, parses each version and diffs it against the last one that parsed; ``timeline`` turns
the versions into stints of who was listed where and when; ``tables`` gives both as flat rows. It sits
above parsing and diffing and uses both, never the network.
"""
