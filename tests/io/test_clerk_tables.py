"""Tables laid out as clerks make them, filled from real public pages (tests/data/clerk-tables):
every cell reaches the document, or its row or column is named in a notice or a reject."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from ocop_docs.errors import DataError
from ocop_docs.io.members import read_members
from ocop_docs.io.tables import read_products
from ocop_docs.io.workbook import column_letter
from ocop_docs.model.decision import council_role, team_role

DATA = Path(__file__).parents[1] / "data" / "clerk-tables"
LAYOUTS = yaml.safe_load((DATA / "layouts.yaml").read_text(encoding="utf-8"))


def build(layout: dict, path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for row in layout["rows"]:
        ws.append(row)
    for area in layout.get("merge", []):
        ws.merge_cells(area)
    wb.save(path)
    return path


def read(layout: dict, path: Path):
    if layout["reader"] == "products":
        table = read_products(path)
        return table, table.products
    table = read_members(path, layout["reader"])
    return table, table.members


def said_rows(texts: list[str]) -> set[int]:
    """Row numbers a notice or reject names ("dòng 7", "dòng 5–9")."""
    rows: set[int] = set()
    for text in texts:
        for first, last in re.findall(r"dòng (\d+)(?:–(\d+))?", text):
            rows |= set(range(int(first), int(last or first) + 1))
    return rows


def in_record(layout: dict, record, text: str) -> bool:
    """Whether the text of one cell of the record's row is in what was read."""
    fields = ("name", "owner", "address", "group", "code", "note") if layout["reader"] == "products" else (
        "name", "position", "unit", "honorific")
    joined = " ".join(str(getattr(record, f, "") or "") for f in fields)
    if text in joined:
        return True
    if layout["reader"] == "products":
        stars = re.fullmatch(r"(\d)( sao)?", text)
        if stars and record.stars == int(stars.group(1)):
            return True
        return record.score is not None and re.fullmatch(r"[\d.]+", text) is not None and Decimal(text) == record.score
    role = council_role if layout["reader"] == "council" else team_role
    try:
        return role(text) == record.role
    except ValueError:
        return False


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay["id"])
def test_clerk_table_loses_nothing(layout, tmp_path):
    path = build(layout, tmp_path / f"{layout['id']}.xlsx")
    if "error" in layout:
        with pytest.raises(DataError, match=re.escape(layout["error"])):
            read(layout, path)
        return
    table, records = read(layout, path)
    for want, got in zip(layout.get(layout["reader"] if layout["reader"] == "products" else "members", []), records,
                         strict=True):
        for key, value in want.items():
            assert str(getattr(got, key)) == str(value), (key, got)
    rejects = {r.row: r.reason for r in table.rejects}
    assert set(rejects) == set(layout.get("rejects", {})), rejects
    for row, words in layout.get("rejects", {}).items():
        assert words in rejects[row]
    notices = "\n".join(table.notices)
    for text in layout.get("notices", []):
        assert text in notices
    # Nothing lost: every cell under the header is in a record of its row, or its row or column is named.
    header = next(i for i, row in enumerate(layout["rows"], 1) if row and row[0] in ("STT", "TT"))
    named_rows = said_rows(table.notices) | {r.row for r in table.rejects}
    by_row = {record.row: record for record in records}
    for r, row in enumerate(layout["rows"][header:], header + 1):
        for c, value in enumerate(row):
            if value is None or c == 0 and r in by_row:  # column A is the row's STT
                continue
            text = " ".join(str(value).split())
            column = f"{column_letter(c)} «{layout['rows'][header - 1][c]}»" if c < len(layout["rows"][header - 1]) else ""
            assert (r in named_rows or (column and column in notices)
                    or (r in by_row and in_record(layout, by_row[r], text))), f"dòng {r}, cột {column_letter(c)}: {text!r} bị mất"
