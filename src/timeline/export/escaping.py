"""Embedding data and code in an HTML page so that neither can end its ``<script>``."""

from __future__ import annotations

import re

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


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text without the control characters XML cannot hold (for PPTX and XLSX cells).

    Examples
    --------
    >>> xml_text("a\\x00b\\tc")
    'ab\\tc'
    """
    return _XML_ILLEGAL.sub("", text)
