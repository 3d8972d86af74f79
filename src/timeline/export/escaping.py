"""Embedding data and code in an HTML page so that neither can end its ``<script>``."""

from __future__ import annotations

import html
import re
from typing import Any

import numpy as np

_CLOSE_SCRIPT = re.compile(r"</(script)", re.IGNORECASE)


def safe_json(text: str) -> str:
    """JSON text with ``<``, ``>`` and ``&`` as ``\\u`` escapes (safe inside ``<script>``).

    These characters only occur inside JSON strings, where the escapes mean the same, so
    ``JSON.parse`` gives back the same values; data can never close the script element.

    Examples
    --------
    >>> safe_json('{"a": "</script>"}')
    '{"a": "\\\\u003c/script\\\\u003e"}'
    """
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def script_text(source: str) -> str:
    """JavaScript source safe to inline in ``<script>``: ``</script`` becomes ``<\\/script``.

    Inside JavaScript strings, regular expressions and comments ``<\\/`` means ``</``.

    Examples
    --------
    >>> script_text('var s = "</script>";')
    'var s = "<\\\\/script>";'
    """
    return _CLOSE_SCRIPT.sub(r"<\\/\1", source)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 cannot hold: C0 controls but tab and line breaks, lone surrogates (no
UTF-8 encoding either), U+FFFE and U+FFFF."""


def xml_text(text: str) -> str:
    """Text without the characters XML cannot hold (the one sanitiser of every output).

    Dropped: the control characters U+0000-U+001F other than tab, line feed and
    carriage return; lone surrogates (U+D800-U+DFFF, which no UTF-8 file can hold); and
    the non-characters U+FFFE, U+FFFF. PPTX and XLSX cells, every string of a figure
    rendered to PNG, SVG or PDF, and the PPTX deck's texts go through it; CSV, HTML and
    JSON keep control characters (escaped where the format needs it) and drop only lone
    surrogates.

    Examples
    --------
    >>> xml_text("a\\x00b\\tc\\ufffe")
    'ab\\tc'
    """
    return _XML_ILLEGAL.sub("", text)


def clean_strings(value: Any) -> Any:
    """A copy of a nested structure (a figure dict) with :func:`xml_text` on every string.

    Dictionary keys, list items and text arrays are cleaned; other values pass through.
    Structures without anything to clean are returned as they are.

    Examples
    --------
    >>> clean_strings({"title": {"text": "a\\x01b"}, "x": [1, "c\\x0bd"]})
    {'title': {'text': 'ab'}, 'x': [1, 'cd']}
    """
    if isinstance(value, str):
        return xml_text(value) if _XML_ILLEGAL.search(value) else value
    if isinstance(value, dict):
        return {clean_strings(k): clean_strings(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_strings(v) for v in value)
    if isinstance(value, np.ndarray) and value.dtype.kind in "OUS":
        if value.dtype.kind == "S":
            return value
        flat = [clean_strings(v) for v in value.ravel().tolist()]
        return np.array(flat, dtype=value.dtype).reshape(value.shape)
    return value


def markup_text(text: str, quote: bool = True) -> str:
    """Text for HTML markup: :func:`xml_text`, then ``html.escape`` (HTML cannot hold the
    control characters either).

    Examples
    --------
    >>> markup_text("<b>\\x01")
    '&lt;b&gt;'
    """
    return html.escape(xml_text(text), quote=quote)


_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_text(text: str) -> str:
    """Text that UTF-8 can encode: lone surrogates (U+D800-U+DFFF) dropped.

    Examples
    --------
    >>> unicode_text("caf\\udce9")
    'caf'
    """
    return _SURROGATE.sub("", text)
