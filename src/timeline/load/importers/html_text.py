"""HTML cells (TimelineJS text, captions) as plain text: tags stripped, link targets kept.

Nothing here renders markup: the result is text, and entities such as ``&lt;`` become the
characters they stand for, so whatever shows the text later must escape it (as every
figure and export in timeline does).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "hr",
        "section",
        "article",
        "figure",
        "figcaption",
        "cite",
    }
)
_SKIPPED = frozenset({"script", "style", "template", "head", "title"})
_LOOKS_LIKE_HTML = re.compile(r"<[A-Za-z/!]|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[tuple[str | None, int]] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "a":
            href = dict(attrs).get("href")
            self.links.append((href.strip() if href else None, len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "a" and self.links:
            href, first = self.links.pop()
            shown = "".join(self.parts[first:]).strip()
            if href and not href.startswith(("#", "javascript:")) and href != shown:
                self.parts.append(f" ({href})" if shown else href)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        joined = "".join(self.parts)
        lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in joined.split("\n"))
        return "\n".join(line for line in lines if line)


def html_to_text(value: str) -> str:
    """Plain text of an HTML fragment; links keep their target in parentheses.

    Block elements (paragraphs, line breaks, list items) become line breaks; runs of spaces
    collapse; ``<script>`` and ``<style>`` content is dropped.

    Examples
    --------
    >>> html_to_text('<p>Take <a href="https://x.test/ada">Ada</a>: the <b>first</b></p>')
    'Take Ada (https://x.test/ada): the first'
    >>> html_to_text("Fish &amp; chips<br>&lt;b&gt;")
    'Fish & chips\\n<b>'
    """
    if not _LOOKS_LIKE_HTML.search(value):
        return value.strip()
    parser = _TextCollector()
    parser.feed(value)
    parser.close()
    return parser.text()


def html_column_to_text(values: pd.Series) -> pd.Series:
    """:func:`html_to_text` over a column (each distinct value once); missing stays missing.

    Examples
    --------
    >>> html_column_to_text(pd.Series(["<i>a</i>", None, "<i>a</i>"])).tolist()
    ['a', nan, 'a']
    """
    codes, uniques = pd.factorize(values)
    plain = [html_to_text(str(u)) or None for u in uniques]
    taken = [plain[c] if c >= 0 else None for c in codes]
    return pd.Series(taken, index=values.index, dtype="str")
