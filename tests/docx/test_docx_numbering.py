"""Word auto-numbering resolved to the labels a reader sees."""
from __future__ import annotations

import pytest
from xmldoc import defaults, make_doc, p, style

from ocop_docs.docx import read_document
from ocop_docs.docx.numbering import format_number


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>')


def absnum(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def numbered(text: str, nid: int | str, ilvl: int = 0, extra_ppr: str = "") -> str:
    return p(text, f'{extra_ppr}<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>')


STYLES = defaults() + style("Normal", default=True)


def labels(doc) -> list[str]:
    return [b.label for b in read_document(doc).blocks]


@pytest.mark.parametrize("fmt,text,expected", [
    ("decimal", "%1.", ["1.", "2.", "3.", "4.", "5."]),
    ("upperRoman", "%1.", ["I.", "II.", "III.", "IV.", "V."]),
    ("lowerRoman", "(%1)", ["(i)", "(ii)", "(iii)", "(iv)", "(v)"]),
    ("lowerLetter", "%1)", ["a)", "b)", "c)", "d)", "e)"]),
    ("upperLetter", "%1.", ["A.", "B.", "C.", "D.", "E."]),
    ("decimalZero", "%1.", ["01.", "02.", "03.", "04.", "05."]),
    ("bullet", "-", ["-"] * 5),
    ("bullet", "\uf0b7", ["•"] * 5),
    ("none", "", [""] * 5),
])
def test_formats(fmt, text, expected):
    doc = make_doc("".join(numbered(f"x{i}", 1) for i in range(5)), STYLES, absnum(0, lvl(0, fmt, text)) + num(1, 0))
    assert labels(doc) == expected


def test_format_number_edges():
    assert format_number(27, "upperLetter") == "AA" and format_number(52, "lowerLetter") == "zz"
    assert format_number(10, "decimalZero") == "10" and format_number(4000, "upperRoman") == "4000"


def test_multilevel_and_restart():
    numbering = absnum(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2."), lvl(2, "lowerLetter", "%3)")) + num(1, 0)
    body = "".join(numbered("x", 1, i) for i in (0, 1, 1, 2, 2, 0, 1, 2))
    doc = make_doc(body, STYLES, numbering)
    assert labels(doc) == ["1.", "1.1.", "1.2.", "a)", "b)", "2.", "2.1.", "a)"]


def test_lvl_restart_zero_never_restarts():
    numbering = absnum(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2.", extra='<w:lvlRestart w:val="0"/>'))
    doc = make_doc("".join(numbered("x", 1, i) for i in (0, 1, 1, 0, 1)), STYLES, numbering + num(1, 0))
    assert labels(doc) == ["1.", "1.1.", "1.2.", "2.", "2.3."]


def test_start_override_and_level_override():
    numbering = absnum(0, lvl(0, "decimal", "%1.")) + num(1, 0) + \
        num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>') + \
        num(3, 0, f'<w:lvlOverride w:ilvl="0">{lvl(0, "upperRoman", "%1.", start=1)}</w:lvlOverride>')
    doc = make_doc(numbered("a", 1) + numbered("b", 1) + numbered("c", 2) + numbered("d", 2) + numbered("e", 3),
                   STYLES, numbering)
    assert labels(doc) == ["1.", "2.", "5.", "6.", "I."]  # counters are kept per num id


def test_num_style_link():
    styles = STYLES + style("OcopList", "numbering", '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>')
    numbering = absnum(0, extra='<w:numStyleLink w:val="OcopList"/>') + \
        absnum(1, lvl(0, "lowerLetter", "%1)"), extra='<w:styleLink w:val="OcopList"/>') + num(1, 0) + num(2, 1)
    doc = make_doc(numbered("a", 1) + numbered("b", 1), styles, numbering)
    assert labels(doc) == ["a)", "b)"]


def test_numbering_from_paragraph_style_and_num_id_zero():
    styles = STYLES + style("Muc", inner='<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    numbering = absnum(0, lvl(0, "upperRoman", "%1.")) + num(1, 0)
    doc = make_doc(p("MỤC ĐÍCH", '<w:pStyle w:val="Muc"/>') + p("NHIỆM VỤ", '<w:pStyle w:val="Muc"/>')
                   + p("Không đánh số", '<w:pStyle w:val="Muc"/><w:numPr><w:numId w:val="0"/></w:numPr>')
                   + p("TỔ CHỨC", '<w:pStyle w:val="Muc"/>'), styles, numbering)
    blocks = read_document(doc).blocks
    assert [b.full_text for b in blocks] == ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "Không đánh số", "III. TỔ CHỨC"]
    assert blocks[0].para.left == 720 and blocks[0].para.first_line == -360  # the level's indents apply


def test_missing_definitions_give_no_label():
    doc = make_doc(numbered("a", 9) + numbered("b", 1, 5), STYLES, absnum(0, lvl(0, "decimal", "%1.")) + num(1, 0))
    assert labels(doc) == ["", ""]


def test_builder_auto_numbered_paragraphs():
    import builders as B

    doc = B.build_plan()
    nid = B.numbering_definition(doc, "lowerLetter", "%1)")
    for _ in range(3):
        B.number(B.body(doc, "Nội dung"), nid)
    assert [b.full_text for b in read_document(doc).blocks[-3:]] == ["a) Nội dung", "b) Nội dung", "c) Nội dung"]
