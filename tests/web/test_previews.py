"""Page pictures of a PDF: one PNG a page, in order; a hostile page size is cropped, not drawn huge."""
from __future__ import annotations

from PIL import Image
from pypdf import PdfWriter

from ocop_docs.web.previews import MAX_SIDE_PX, page_pictures


def _pdf(path, sizes):
    writer = PdfWriter()
    for width, height in sizes:
        writer.add_blank_page(width=width, height=height)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_one_png_a_page_in_order_at_the_asked_resolution(tmp_path):
    a4, landscape = (595.3, 841.9), (841.9, 595.3)
    pages = page_pictures(_pdf(tmp_path / "a.pdf", [a4, landscape, a4] + [a4] * 8), tmp_path / "trang", dpi=80)
    assert [p.name for p in pages[:3]] == ["trang-1.png", "trang-2.png", "trang-3.png"] and len(pages) == 11
    assert pages[-1].name == "trang-11.png"  # page 11 after page 10, not after page 1
    with Image.open(pages[0]) as first, Image.open(pages[1]) as second:
        assert first.format == "PNG" and first.size == (662, 936) and second.size == (936, 662)  # A4 at 80 dpi
    assert not (tmp_path / "trang" / ".raw").exists()  # the raw pixels are not kept
    assert len(page_pictures(_pdf(tmp_path / "b.pdf", [a4] * 5), tmp_path / "b", max_pages=2)) == 2


def test_a_huge_page_is_cropped(tmp_path):
    (picture,) = page_pictures(_pdf(tmp_path / "huge.pdf", [(14400, 14400)]), tmp_path / "trang", dpi=80)
    with Image.open(picture) as image:
        assert image.size == (MAX_SIDE_PX, MAX_SIDE_PX)  # 200 × 200 inches would be 16,000 px a side
