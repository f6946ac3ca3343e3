"""Never a crash: mangled documents (lines moved, dropped, shuffled, noise inserted, cut, one word per
line) end in a result or a Vietnamese message, and what can still be read is read.

Hypothesis mangles real documents of the corpus (tests/data/corpus/) and the web layouts of
issue 10; the properties are checked on what a user gets: a Parsed with notes, or UnreadableFile.
"""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from ocop_docs.errors import UnreadableFile
from ocop_docs.parse import parse_text
from testpaths import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"
DOCUMENTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
DOCUMENTS += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "collected").glob("*/source.txt"))][:12]

HEADER = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
TỈNH LAI CHÂU | Độc lập - Tự do - Hạnh phúc |
Số: 1234/KH-UBND | Lai Châu, ngày 25 tháng 4 năm 2024 |"""
BODY = """KẾ HOẠCH
Thực hiện Chương trình OCOP năm 2024
Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ;
I. MỤC TIÊU
Có thêm 20 sản phẩm.
II. TỔ CHỨC THỰC HIỆN
Các sở thực hiện.
"""
NOISE = ["Đang tải văn bản...", "- 1Luật tổ chức chính quyền địa phương 2015", "|", "-------", "Lượt xem: 1.234",
         "Số hiệu: | 99/KH-UBND |", "Trang chủ > Văn bản", "Tải về", "\\r\\n", "Điều 1.", "Nơi nhận:", "KT. CHỦ TỊCH",
         "QUYẾT ĐỊNH", "ỦY BAN NHÂN DÂN", "Số:", "ngày 32 tháng 13 năm 2024", "\x00\x01", "｜", "Lai Châu, ngày"]


def parse_or_refuse(text: str):
    """The parsed document, or None when the parser refused it with its Vietnamese message."""
    try:
        return parse_text(text)
    except UnreadableFile as exc:
        assert str(exc).startswith("Tệp ") and "không" in str(exc)  # a sentence for the user, not a traceback
        return None


@st.composite
def mangled(draw, texts=DOCUMENTS):
    lines = draw(st.sampled_from(texts)).splitlines()
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["move_break", "drop", "shuffle_head", "noise", "cut", "words", "join"]))
        if not lines:
            break
        k = draw(st.integers(0, len(lines) - 1))
        if op == "move_break" and k + 1 < len(lines):
            merged = lines[k] + " " + lines[k + 1]
            cut = draw(st.integers(0, len(merged)))
            lines[k:k + 2] = [merged[:cut], merged[cut:]]
        elif op == "drop":
            del lines[k]
        elif op == "shuffle_head":
            head = lines[:12]
            lines[:12] = draw(st.permutations(head))
        elif op == "noise":
            lines.insert(k, draw(st.sampled_from(NOISE)))
        elif op == "cut":
            lines = lines[:k]
        elif op == "words":
            lines[k:k + 1] = lines[k].split()
        elif op == "join":
            lines = [" ".join(lines[k:k + 8])] + lines[k + 8:] if draw(st.booleans()) else lines
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_documents_never_crash(text):
    parsed = parse_or_refuse(text)
    if parsed is not None:
        # Every kind the reader gives (a Nghị quyết is read in a decision's frame, kind "resolution").
        assert parsed.kind in ("plan", "decision", "plan_decision", "council_decision", "recognition_decision", "resolution")
        assert all(n.message for n in parsed.notes)
        assert not any("chưa có mô hình" in n.message for n in parsed.notes)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(NOISE + ["Ủy ban nhân dân tỉnh ban hành", "a", "1.", "- x"]), max_size=40),
       st.text(max_size=200))
def test_arbitrary_text_never_crashes(pieces, junk):
    parse_or_refuse("\n".join(pieces) + junk)


@settings(max_examples=40, deadline=None)
@given(noise=st.lists(st.sampled_from(NOISE[:9]), max_size=6), order=st.permutations(HEADER.splitlines()),
       drop_body=st.integers(0, 6))
def test_what_can_still_be_read_is_read(noise, order, drop_body):
    """Header rows shuffled, site noise before, body lines dropped: the header fields still come out."""
    body = BODY.splitlines()
    body = body[:2] + body[2 + drop_body:]
    parsed = parse_or_refuse("\n".join([*noise, *order, *body]))
    assert parsed is not None
    data = parsed.data
    assert data["number"] == 1234
    assert data["date"] == date(2024, 4, 25) and data["place"] == "Lai Châu"
    assert data["issuer"]["name"] == "Ủy ban nhân dân tỉnh Lai Châu" and data["issuer"]["level"] == "tinh"
    assert data["title"] == "Thực hiện Chương trình OCOP năm 2024"


def test_one_word_per_line_still_reads_the_header():
    text = "\n".join((HEADER.replace("|", "") + "\n" + BODY).split())
    parsed = parse_or_refuse(text)
    assert parsed is not None and parsed.data["number"] == 1234 and parsed.data["date"] == date(2024, 4, 25)


def test_binary_and_empty_text_are_refused_in_vietnamese(tmp_path):
    from ocop_docs.parse import parse_file

    for name, data in (("trong.txt", b""), ("nhi-phan.txt", bytes(range(256)) * 20), ("cach.txt", b" \n\t\n|\n")):
        path = tmp_path / name
        path.write_bytes(data)
        try:
            parse_file(path)
        except UnreadableFile as exc:
            assert name in str(exc)
        else:
            raise AssertionError(f"{name} was not refused")
