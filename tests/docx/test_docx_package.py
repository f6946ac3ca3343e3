"""ocop_docs.docx.package: zip validation, limits, DTD refusal, safe XML parsing."""
from __future__ import annotations

import codecs
import io
import zipfile

import pytest
from lxml import etree

import builders as B
from ocop_docs.docx import package
from ocop_docs.docx.package import open_docx, parse_xml, validate_package
from ocop_docs.errors import UnreadableFile


def _rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
           drop: set[str] = frozenset(), compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


@pytest.fixture(scope="module")
def good() -> bytes:
    return B.to_bytes(B.build_decision())


def test_open_valid(tmp_path, good):
    path = tmp_path / "a.docx"
    path.write_bytes(good)
    doc = open_docx(path)
    assert doc.paragraphs
    assert validate_package(good, "a.docx") == "word/document.xml"


@pytest.mark.parametrize("data", [b"", b"PK", b"hello world", b"\xd0\xcf\x11\xe0 old .doc"])
def test_not_a_zip(tmp_path, data):
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match="x.docx không phải là tệp .docx hợp lệ"):
        open_docx(path)


def test_too_many_entries(good, monkeypatch):
    monkeypatch.setattr(package, "MAX_ENTRIES", 10)
    with pytest.raises(UnreadableFile, match="phần tử"):
        validate_package(good, "x.docx")


def test_entry_and_total_limits(good, monkeypatch):
    monkeypatch.setattr(package, "MAX_ENTRY_BYTES", 1000)
    with pytest.raises(UnreadableFile, match="vượt giới hạn"):
        validate_package(good, "x.docx")
    monkeypatch.setattr(package, "MAX_ENTRY_BYTES", 10**9)
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 5000)
    with pytest.raises(UnreadableFile, match="tổng dung lượng"):
        validate_package(good, "x.docx")


def test_compression_ratio(good):
    bomb = _rezip(good, add={"word/media/zeros.bin": b"\0" * (3 * 1024 * 1024)})
    with pytest.raises(UnreadableFile, match="tỉ lệ nén"):
        validate_package(bomb, "x.docx")


def test_missing_main_part(good):
    with pytest.raises(UnreadableFile, match="word/document.xml"):
        validate_package(_rezip(good, drop={"word/document.xml"}), "x.docx")
    with pytest.raises(UnreadableFile, match="_rels/.rels"):
        validate_package(_rezip(good, drop={"_rels/.rels"}), "x.docx")


def test_dtd_and_entities_refused(good):
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read("word/document.xml")
    head, rest = xml.split(b"?>", 1)
    evil = head + b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + rest
    with pytest.raises(UnreadableFile, match="DTD"):
        validate_package(_rezip(good, replace={"word/document.xml": evil}), "x.docx")


def test_parsers_do_not_expand_entities():
    """Our parser and python-docx's keep entities unexpanded (no XXE, no billion laughs)."""
    from docx.oxml.parser import parse_xml as docx_parse

    xml = b'<!DOCTYPE r [<!ENTITY e "EXPANDED">]><r>&e;</r>'
    assert "EXPANDED" not in (parse_xml(xml).text or "")
    assert "EXPANDED" not in etree.tostring(docx_parse(xml)).decode()


def test_not_a_word_document(good, tmp_path):
    """A zip with another main content type (e.g. a workbook renamed .docx)."""
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        ct = z.read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    path = tmp_path / "sheet.docx"
    path.write_bytes(_rezip(good, replace={"[Content_Types].xml": ct}))
    with pytest.raises(UnreadableFile, match="sheet.docx"):
        open_docx(path)


def test_broken_xml(good, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(_rezip(good, replace={"word/document.xml": b"<w:document><unclosed>"}))
    with pytest.raises(UnreadableFile, match="broken.docx"):
        open_docx(path)


def test_directory_is_not_a_file(tmp_path):
    with pytest.raises(UnreadableFile):
        open_docx(tmp_path)


def _with_dtd(xml: bytes, encoding: str, padding: int = 0) -> bytes:
    """``xml`` re-encoded in ``encoding`` with an internal DTD (an entity used in the text) behind
    ``padding`` bytes of comments: what the 2 KB byte scan used to miss."""
    text = xml.decode("utf-8")
    head, rest = text.split("?>", 1)
    head = head.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"').replace("standalone=\"yes\"", "")
    comments = "<!-- ghi chú -->" * (padding // 16)
    body = rest.replace("<w:t>", "<w:t>&x;", 1)
    return (head + "?>" + comments + '<!DOCTYPE d [<!ENTITY x "Xxe">]>' + body).encode(encoding)


@pytest.mark.parametrize("encoding, padding", [("utf-16", 0), ("utf-16-le", 0), ("utf-8", 10_000), ("utf-16", 10_000)])
def test_dtd_in_any_encoding_and_anywhere_in_the_prolog_is_refused_by_the_cli(good, tmp_path, encoding, padding):
    """Case 16: a UTF-16 part or a DTD behind 10 KB of comments is refused (exit 2, Vietnamese),
    by check and by parse alike, so no text behind the declaration is dropped in silence."""
    from click.testing import CliRunner

    from ocop_docs.cli import main

    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read("word/document.xml")
    path = tmp_path / "co-dtd.docx"
    path.write_bytes(_rezip(good, replace={"word/document.xml": _with_dtd(xml, encoding, padding)}))
    for args in (["check", str(path)], ["parse", str(path), "-o", str(tmp_path / "ra.yaml")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert "phần 'word/document.xml' chứa khai báo DTD/thực thể (Word không cho phép)" in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "ra.yaml").exists()


def test_utf16_part_without_dtd_is_accepted(good):
    """The whole-prolog check reads the encoding as parsers do: a clean UTF-16 part is no DTD."""
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read("word/styles.xml").decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    validate_package(_rezip(good, replace={"word/styles.xml": xml.encode("utf-16")}), "x.docx")


BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


def _encoded(text: str, codec: str, bom: bool, declared: str | None) -> bytes:
    """``text`` (an XML part without its declaration) in ``codec``, with or without a byte order
    mark, under an XML declaration naming ``declared`` (none when None)."""
    head = f'<?xml version="1.0" encoding="{declared}" standalone="yes"?>' if declared else ""
    return (BOMS[codec] if bom else b"") + (head + text).encode(codec)


@pytest.mark.parametrize("codec, bom, declared", [
    ("utf-8", True, "UTF-8"), ("utf-16-be", True, "UTF-16"), ("utf-16-be", False, "UTF-16BE"),
    ("utf-16-le", True, None), ("utf-32-le", True, "UTF-32"), ("utf-32-be", True, "UTF-32"),
    ("utf-32-le", True, None)])
@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml"])
def test_a_dtd_in_any_part_and_any_encoding_python_docx_reads_is_refused(good, tmp_path, codec, bom, declared, part):
    """Case 16: byte order marks (UTF-8, UTF-16 big-endian, UTF-32 both ways) and undeclared
    encodings. A UTF-32 part with a BOM went through (libxml2's streaming parser does not know that
    mark, python-docx's parser does): the text behind the entity was lost from check and parse."""
    from click.testing import CliRunner

    from ocop_docs.cli import main

    with zipfile.ZipFile(io.BytesIO(good)) as z:
        text = z.read(part).decode("utf-8").split("?>", 1)[1]
    if part == "word/document.xml":
        text = text.replace("<w:t>", "<w:t>&x;", 1)
    evil = _encoded('<!DOCTYPE d [<!ENTITY x "Xxe">]>' + text, codec, bom, declared)
    assert etree.fromstring(evil, etree.XMLParser(resolve_entities=False)).getroottree().docinfo.internalDTD is not None
    path = tmp_path / "co-dtd.docx"
    path.write_bytes(_rezip(good, replace={part: evil}))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert f"phần '{part}' chứa khai báo DTD/thực thể (Word không cho phép)" in result.output


def test_the_prolog_check_sees_what_the_document_parser_sees():
    """Over encodings × byte order marks × declarations × a DTD behind 70 KB of comments or none:
    wherever lxml's whole-document parser (python-docx's) reads the part, the streaming prolog check
    finds a DTD exactly when that parser does."""
    compared = 0
    for declared in ["UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE", "UTF-32BE", "UCS-4", "ISO-8859-1", None]:
        for codec in BOMS:
            for bom in (False, True):
                for padding in (0, 70_000):
                    for dtd in ('<!DOCTYPE d [<!ENTITY x "Xxe">]>', ""):
                        body = "<!-- ghi chú -->" * (padding // 16) + dtd + "<r>a" + ("&x;" if dtd else "") + "b</r>"
                        data = _encoded(body, codec, bom, declared)
                        try:
                            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, load_dtd=False))
                        except etree.XMLSyntaxError:
                            continue  # no parser reads it: the part is refused as broken XML later
                        seen = root.getroottree().docinfo.internalDTD is not None
                        assert package._prolog_has_dtd(io.BytesIO(data)) == seen, (declared, codec, bom, padding, dtd)
                        compared += 1
    assert compared > 200
