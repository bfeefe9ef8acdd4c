"""Stage 6, pictures of a page's history drawn with matplotlib, an optional dependency (the ``plot`` extra).

matplotlib is imported inside the functions that draw, never at module level, so that importing the
package, and every command but ``history --plot``, works without it and stays fast.
"""
