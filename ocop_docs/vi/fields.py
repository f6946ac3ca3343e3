"""Vietnamese text and dates as typed fields of pydantic models.

Text is NFC-normalised (a file typed in one Vietnamese input method and pasted from another must
compare equal) and trimmed; a date is read the way officers type it ("22/3/2019") or in ISO form.
"""
from __future__ import annotations

import unicodedata
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from .dates import parse_date


def nfc(value: Any) -> Any:
    """``value`` NFC-normalised and trimmed when it is text; anything else unchanged."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    return value


def to_date(value: Any) -> Any:
    """Accept ISO dates and the way officers type them ("22/3/2019"); empty text is no date."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        return parse_date(value)  # raises ValueError with a Vietnamese message
    return value


Text = Annotated[str, BeforeValidator(nfc)]
NonEmptyText = Annotated[str, BeforeValidator(nfc), Field(min_length=1)]
OptionalDate = Annotated[date | None, BeforeValidator(to_date)]
