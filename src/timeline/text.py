"""Escaping of text from the data before it reaches plotly labels, hover text or HTML.

plotly renders a subset of HTML in titles, hover labels, tick labels and annotations
(``<b>``, ``<br>``, ``<a href>``...) and decodes ``&amp; &lt; &gt;`` and numeric entities.
Escaping ``&``, ``<`` and ``>`` turns any markup in the data into visible text; ``"`` and
``'`` become numeric entities (plotly shows them as quotes; plotly would show ``&quot;``
literally) so the same text is also safe inside HTML attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

_ENTITIES: tuple[tuple[str, str], ...] = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&#34;"),
    ("'", "&#39;"),
)


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pandas NA (but not for lists or empty strings)."""
    if value is None:
        return True
    import pandas as pd

    result = pd.isna(value)
    return result if isinstance(result, bool) else False


def escape_text(value: Any) -> str:
    """Escape one value from the data for plotly text or HTML; missing values give ``""``.

    Parameters
    ----------
    value : Any
        Any value; it is converted with ``str`` first.

    Returns
    -------
    str
        The text with ``& < > " '`` replaced by entities.

    Examples
    --------
    >>> escape_text("<img src=x onerror=alert(1)>")
    '&lt;img src=x onerror=alert(1)&gt;'
    >>> escape_text(None)
    ''
    """
    if is_missing(value):
        return ""
    text = str(value)
    for char, entity in _ENTITIES:
        text = text.replace(char, entity)
    return text


def escape_series(values: pd.Series) -> pd.Series:
    """Escape a whole column (vectorized); missing values become ``""``.

    Parameters
    ----------
    values : pandas.Series
        Any column; non-string values are converted with ``str``.

    Returns
    -------
    pandas.Series
        Escaped strings (object dtype), same index.

    Examples
    --------
    >>> import pandas as pd
    >>> escape_series(pd.Series(["a<b", None])).tolist()
    ['a&lt;b', '']
    """
    text = values.astype(object).where(values.notna(), "").astype(str)
    for char, entity in _ENTITIES:
        text = text.str.replace(char, entity, regex=False)
    return text.astype(object)


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, ending with an ellipsis when cut.

    Examples
    --------
    >>> truncate("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"
