"""A task deadline: a date, or a period as plans write it ("Quý II/2025", "tháng 10/2025")."""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import model_serializer, model_validator

from ..vi.dates import parse_date, short_date
from ..vi.numbers import from_roman, roman
from .common import Model

Kind = Literal["date", "quarter", "month", "year", "text"]

_QUARTER = re.compile(r"quý\s+(?P<q>I{1,3}|IV|[1-4])\s*(?:/|năm\s+)(?P<y>\d{4})", re.I)
_MONTH = re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:/|năm\s+)(?P<y>\d{4})", re.I)
_YEAR = re.compile(r"năm\s+(?P<y>\d{4})", re.I)
_DATE = re.compile(r"\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})\b")


class Deadline(Model):
    """When a task is due, keeping the words of the plan (``text``) and what they mean."""

    text: str
    kind: Kind = "text"
    year: int | None = None
    quarter: int | None = None
    month: int | None = None
    day: date | None = None

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, date):
            return {"text": short_date(value), "kind": "date", "year": value.year, "day": value}
        if isinstance(value, (int,)) and 1900 < value < 2200:
            return {"text": f"năm {value}", "kind": "year", "year": value}
        if isinstance(value, str):
            return cls.read(value)
        return value

    @staticmethod
    def read(text: str) -> dict:
        """What a deadline phrase means; unrecognised phrases are kept as text."""
        text = " ".join(text.split())
        bare = text.strip().rstrip(".")
        if _DATE.fullmatch(bare):
            d = parse_date(bare)
            return {"text": text, "kind": "date", "year": d.year, "day": d}
        if m := _QUARTER.search(text):
            q = m["q"]
            quarter = int(q) if q.isdigit() else from_roman(q.upper())
            return {"text": text, "kind": "quarter", "year": int(m["y"]), "quarter": quarter}
        if m := _MONTH.search(text):
            month = int(m["m"])
            if not 1 <= month <= 12:
                raise ValueError(f"tháng {month} không hợp lệ trong thời hạn '{text}'")
            return {"text": text, "kind": "month", "year": int(m["y"]), "month": month}
        if m := _DATE.search(text):
            d = parse_date(m.group(1))
            return {"text": text, "kind": "date", "year": d.year, "day": d}
        if m := _YEAR.search(text):
            return {"text": text, "kind": "year", "year": int(m["y"])}
        return {"text": text, "kind": "text"}

    @model_serializer
    def _as_text(self) -> str:
        return self.text

    @property
    def quarter_label(self) -> str | None:
        return f"Quý {roman(self.quarter)}/{self.year}" if self.quarter else None
