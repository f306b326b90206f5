"""MkDocs hook: the Sphinx roles of the docstrings, as code and cross-references.

The package's docstrings use Sphinx roles (``:class:`~rqds_portraits.Period```),
which Markdown renders as ``:class:<code>~rqds_portraits.Period</code>``. This
hook, run on each page's HTML, writes them as code wrapped in an optional
cross-reference that mkdocs-autorefs resolves when the object is documented
(and leaves as plain code otherwise). ``~`` keeps the last name only, as in Sphinx.
The ``.. versionadded::`` and ``.. versionchanged::`` directives become a short
sentence.
"""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(r":(?:class|func|meth|mod|data|exc|attr|obj):<code>(~?)([\w.]+)</code>")
VERSION = re.compile(r"<p>\.\. version(added|changed):: ([^<\s]+)\s*</p>")


def _reference(match: re.Match[str]) -> str:
    short, path = match.group(1), match.group(2)
    name = path.lstrip(".")
    shown = name.rsplit(".", 1)[-1] if short else name
    if path.startswith(".") or "." not in name:  # relative or bare: nothing to look up
        return f"<code>{shown}</code>"
    return f'<autoref identifier="{path}" optional><code>{shown}</code></autoref>'


def _version(match: re.Match[str]) -> str:
    what = "Added" if match.group(1) == "added" else "Changed"
    return f"<p><em>{what} in version {match.group(2)}.</em></p>"


def on_page_content(html: str, **kwargs: Any) -> str:
    """Replace the rendered Sphinx roles and version directives of *html*."""
    return VERSION.sub(_version, ROLE.sub(_reference, html))
