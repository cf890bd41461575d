"""Exports cannot carry formula injection (core.exports)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerplan.core.exports import DANGEROUS_FIRST, SafeCSVWriter, neutralise


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Digital customer services", "Digital customer services"),
    ],
)
def test_it_makes_formula_text_inert_and_leaves_other_text_alone(text, written):
    assert neutralise(text) == written


def test_it_leaves_numbers_and_negative_amounts_as_numbers():
    assert neutralise(Decimal("-1200.50")) == Decimal("-1200.50")
    assert neutralise(-3) == -3


@given(st.text())
def test_no_neutralised_text_starts_with_a_formula_character(text):
    assert not str(neutralise(text)).startswith(DANGEROUS_FIRST)


def test_it_writes_csv_rows_through_neutralise():
    out = io.StringIO()
    SafeCSVWriter(out).writerow(["=1+1", "Fund", Decimal("5")])
    assert out.getvalue() == "'=1+1,Fund,5\r\n"
