"""Every header, role, section and footer variant recorded in data/header-variants.yaml is read as recorded."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from ocop_docs.io.members import MEMBER_HEADERS, read_members, section_group
from ocop_docs.io.tables import HEADERS, match_headers, read_products
from ocop_docs.model.decision import council_role, team_role

VARIANTS = yaml.safe_load((Path(__file__).parent / "data" / "header-variants.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", VARIANTS["members"]["headers"], ids=lambda i: i["header"])
def test_member_header(item):
    assert match_headers(["STT", item["header"]], MEMBER_HEADERS) == {0: "stt", 1: item["field"]}


@pytest.mark.parametrize("item", VARIANTS["products"]["headers"], ids=lambda i: i["header"])
def test_product_header(item):
    assert match_headers(["STT", item["header"]], HEADERS) == {0: "stt", 1: item["field"]}


@pytest.mark.parametrize("item", VARIANTS["members"]["roles"]["council"], ids=lambda i: i["text"])
def test_council_role(item):
    assert council_role(item["text"]) == item["role"]


@pytest.mark.parametrize("item", VARIANTS["members"]["roles"]["team"], ids=lambda i: i["text"])
def test_team_role(item):
    assert team_role(item["text"]) == item["role"]


@pytest.mark.parametrize("item", VARIANTS["members"]["sections"], ids=lambda i: i["text"])
def test_section_group(item):
    assert section_group(item["text"]) == item["group"]


def test_every_member_footer_and_section_is_skipped_not_rejected(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ tên", "Cơ quan, đơn vị", "Nhiệm vụ trong Hội đồng"])
    ws.append(["I", VARIANTS["members"]["sections"][0]["text"].split(". ", 1)[1]])
    ws.append([1, "Nguyễn Văn An", "UBND tỉnh", "Chủ tịch HĐ"])
    for item in VARIANTS["members"]["footers"]:
        ws.append([item["text"]])
    wb.save(tmp_path / "tv.xlsx")
    table = read_members(tmp_path / "tv.xlsx")
    assert [m.name for m in table.members] == ["Nguyễn Văn An"] and not table.rejects
    assert any("Tổng cộng: 08 người" in n for n in table.notices)


def test_every_product_footer_is_skipped_not_rejected(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sản phẩm", "Tên chủ thể", "Phân hạng"])
    ws.append([1, "Mật ong Sơn Kim", "HTX Ong mật Sơn Kim", VARIANTS["products"]["stars"][0]["text"]])
    for item in VARIANTS["products"]["footers"]:
        ws.append([item["text"]])
    wb.save(tmp_path / "kq.xlsx")
    table = read_products(tmp_path / "kq.xlsx")
    assert [(p.name, p.stars) for p in table.products] == [("Mật ong Sơn Kim", 4)] and not table.rejects
    text = " ".join(table.notices)
    for item in VARIANTS["products"]["footers"]:
        assert item["text"][:20] in text


@pytest.mark.parametrize("text", ["Tổ phó thường trực", "Tổ trưởng danh dự"])
def test_a_team_role_with_a_word_the_roles_cannot_hold_is_refused_not_cut(text):
    with pytest.raises(ValueError, match="không hiểu được"):
        team_role(text)
