"""A task deadline keeps the plan's words and says what they mean: a quarter is a quarter, a month
a month (a document's old kind names must not rewrite a deadline's own "kind")."""
from __future__ import annotations

from datetime import date

import pytest

from ocop_docs.model.deadline import Deadline


@pytest.mark.parametrize("text, kind, year, quarter, month, day", [
    ("Quý II/2025", "quarter", 2025, 2, None, None),
    ("quý 4 năm 2026", "quarter", 2026, 4, None, None),
    ("Tháng 10/2025", "month", 2025, None, 10, None),
    ("30/6/2025", "date", 2025, None, None, date(2025, 6, 30)),
    ("Trước ngày 15/3/2026", "date", 2026, None, None, date(2026, 3, 15)),
    ("Trong năm 2026", "year", 2026, None, None, None),
    ("Thường xuyên", "text", None, None, None, None),
])
def test_deadline_phrase_is_read_as_what_it_says(text, kind, year, quarter, month, day):
    deadline = Deadline.model_validate(text)
    assert (deadline.kind, deadline.year, deadline.quarter, deadline.month, deadline.day) == (kind, year, quarter, month, day)
    assert deadline.text == text
    assert deadline.model_dump() == text


def test_quarter_label_is_printed_as_plans_write_it():
    assert Deadline.model_validate("quý 3 năm 2026").quarter_label == "Quý III/2026"
    assert Deadline.model_validate(2026).kind == "year"
