from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits._money import SPACES, format_amount, parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 685 907$", Decimal("1685907")),
        ("1 685 907 $", Decimal("1685907")),
        ("130\u00a0558\u00a0$", Decimal("130558")),
        ("2\u202f195\u202f118 $", Decimal("2195118")),
        ("235 000,50 $", Decimal("235000.50")),
        ("870 000", Decimal("870000")),
        ("7 $", Decimal("7")),
    ],
)
def test_parse_amount(text: str, value: Decimal) -> None:
    parsed = parse_amount(text)
    assert parsed == value and isinstance(parsed, Decimal)


@pytest.mark.parametrize("text", ["200 000 00$", "1,685,907 $", "abc", "", "1 68 907 $", "$", "12.5 $"])
def test_parse_amount_rejects_what_it_cannot_read(text: str) -> None:
    with pytest.raises(rp.InvalidArgument, match="expected digits grouped by threes"):
        parse_amount(text)


def test_format_amount() -> None:
    assert format_amount(Decimal("1685907"), space=" ") == "1 685 907 $"
    assert format_amount(Decimal("200000.00"), space=" ") == "200 000,00 $"
    assert format_amount(Decimal("999")) == "999\u00a0$"
    assert format_amount(Decimal("-1500"), space=" ") == "-1 500 $"
    with pytest.raises(rp.InvalidArgument):
        format_amount(1.5)  # type: ignore[arg-type]


@given(
    st.decimals(min_value=0, max_value=10**12, places=0, allow_nan=False, allow_infinity=False)
    | st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(list(SPACES)),
)
def test_formatted_amounts_parse_back(value: Decimal, space: str) -> None:
    assert parse_amount(format_amount(value, space=space)) == value
