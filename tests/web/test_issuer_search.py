"""Issuing bodies: the 34 provinces and the 3,321 communes of the official 2025 list, searched as the officer types."""
from __future__ import annotations

import re
import time

from web_helpers import text_of


def _options(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<option value="([^"]+)" data-cap="(\w+)">([^<]+)</option>', html)


def test_forms_offer_the_34_provinces_and_ask_the_server_for_more(client):
    html = client.get("/hoi-dong").text
    datalist = re.search(r'<datalist id="ds-co-quan">(.*?)</datalist>', html, flags=re.DOTALL).group(1)
    options = _options(datalist)
    assert len(options) == 34 and all(level == "tinh" for _, level, _ in options)
    assert ("Ủy ban nhân dân tỉnh Hà Tĩnh", "tinh", "Ủy ban nhân dân tỉnh Hà Tĩnh") in options
    assert 'hx-get="/co-quan/goi-y"' in html and 'list="ds-co-quan"' in html
    assert 'hx-get="/co-quan/goi-y"' in client.get("/ke-hoach").text


def test_communes_are_found_by_any_spelling_with_their_province_and_level(client):
    client.get("/co-quan/goi-y", params={"co_quan": "x"})  # the list is built once per server
    started = time.perf_counter()
    r = client.get("/co-quan/goi-y", params={"co_quan": "ubnd xa vu quang"})
    elapsed = time.perf_counter() - started
    assert r.status_code == 200 and elapsed < 0.3, elapsed
    assert _options(r.text) == [("Ủy ban nhân dân xã Vũ Quang", "xa", "Ủy ban nhân dân xã Vũ Quang, tỉnh Hà Tĩnh")]
    # marks and case do not matter; the province narrows the list; wards and special zones are there too
    options = _options(client.get("/co-quan/goi-y", params={"co_quan": "phuong hoan kiem"}).text)
    assert ("Ủy ban nhân dân phường Hoàn Kiếm", "xa", "Ủy ban nhân dân phường Hoàn Kiếm, thành phố Hà Nội") in options
    options = _options(client.get("/co-quan/goi-y", params={"co_quan": "Đặc khu Phú Quốc"}).text)
    assert options and options[0][0] == "Ủy ban nhân dân đặc khu Phú Quốc"
    options = _options(client.get("/co-quan/goi-y", params={"co_quan": "xã Kỳ hà tĩnh"}).text)
    assert options and all(o[2].endswith("tỉnh Hà Tĩnh") and " Kỳ" in o[0] for o in options)
    # a province comes before the communes that carry its name
    options = _options(client.get("/co-quan/goi-y", params={"co_quan": "Hà Tĩnh"}).text)
    assert options[0] == ("Ủy ban nhân dân tỉnh Hà Tĩnh", "tinh", "Ủy ban nhân dân tỉnh Hà Tĩnh")
    assert len(options) == 30  # at most 30 at a time
    assert _options(client.get("/co-quan/goi-y", params={"co_quan": "không có nơi nào tên này"}).text) == []
    assert "<option" not in text_of(client.get("/co-quan/goi-y", params={"co_quan": "<script>"}).text)
