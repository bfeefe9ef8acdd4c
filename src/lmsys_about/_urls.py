"""URL checks shared by the models and the extractors: accept http, https and mailto only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# C0 controls, DEL and C1 controls (U+009B is a terminal's CSI, as ESC [ is): never part of a URL.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


# Most links are plain web addresses; these need no further look. Not re.IGNORECASE: it lets 's' match the
# long s (U+017F), and 'http' followed by a long s is no web address.
PLAIN_WEB = re.compile(r"[hH][tT][tT][pP][sS]?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][^\x00-\x20\x7f-\x9f]*)?")


def url_problem(url: str) -> str | None:
    """Say what is wrong with ``url`` for this library, or return None when it is acceptable."""
    if PLAIN_WEB.fullmatch(url):
        return None
    if not url.strip():
        return "empty URL"
    if _CONTROL.search(url):
        return "URL contains control characters"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"URL does not parse ({exc})"
    scheme = parts.scheme.lower()
    if not scheme:
        return "relative URL (no scheme)"
    if scheme not in SAFE_SCHEMES:
        return f"unsupported URL scheme {scheme!r} (only http, https and mailto are accepted)"
    if scheme != "mailto" and not parts.netloc:
        return "URL has no host"
    if scheme == "mailto" and "@" not in parts.path:
        return "mailto URL has no address"
    return None


def check_url(url: str) -> str:
    """Pydantic validator: return ``url`` unchanged or raise ValueError."""
    if PLAIN_WEB.fullmatch(url) is None:  # most URLs are plain web addresses: accepted here, without another call
        problem = url_problem(url)
        if problem is not None:
            raise ValueError(problem)
    return url


def mailto_address(url: str) -> str:
    """The address a mailto URL sends to, without its query (``?subject=...``)."""
    return urlsplit(url).path


# A github.com profile as most are written: what urlsplit would find in it, without its cost.
_GITHUB_PROFILE = re.compile(r"https?://(?:www\.)?github\.com/+([a-z0-9-]+)/*", re.ASCII | re.IGNORECASE)


def github_handle(url: str | None) -> str | None:
    """The handle when ``url`` is a github.com profile (one path segment), else None."""
    if url is None or "github.com" not in url.lower():  # 'GitHub.com' too, as the host is read below
        return None
    profile = _GITHUB_PROFILE.fullmatch(url)
    if profile is not None:
        return profile[1]
    parts = urlsplit(url)
    if parts.hostname not in ("github.com", "www.github.com"):
        return None
    segments = [s for s in parts.path.split("/") if s]
    return segments[0] if len(segments) == 1 else None


_PLATFORMS = {
    "discord.com": "discord",
    "discord.gg": "discord",
    "discordapp.com": "discord",
    "slack.com": "slack",
    "twitter.com": "x",
    "x.com": "x",
    "github.com": "github",
    "linkedin.com": "linkedin",
    "youtube.com": "youtube",
    "bsky.app": "bluesky",
}


def platform_of(url: str) -> str:
    """The platform a contact URL points at: email, discord, slack, x (twitter.com too), ... or web."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. 'https://[x': sections are recognised before their links are checked
        return "web"
    if parts.scheme.lower() == "mailto":
        return "email"
    host = (parts.hostname or "").removeprefix("www.")
    for domain, platform in _PLATFORMS.items():
        if host == domain or host.endswith("." + domain):
            return platform
    return "web"
