"""Hypothesis helpers shared by the property tests."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st


def vary(text: str, data: st.DataObject) -> str:
    """The same key with its case, accents and surrounding spaces changed at random."""
    chars = []
    for ch in text:
        if data.draw(st.booleans()):
            ch = ch.swapcase()
        if data.draw(st.booleans()):
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        chars.append(ch)
    return (
        data.draw(st.sampled_from(["", " ", "  ", "\t"])) + "".join(chars) + data.draw(st.sampled_from(["", " ", "\n"]))
    )
