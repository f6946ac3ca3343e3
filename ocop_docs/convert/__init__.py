"""PDF output: DOCX → PDF through headless LibreOffice, and PDF merge/split/inspection."""
from ocop_docs.convert.libreoffice import (
    INSTALL_HINT,
    MAX_FILES_PER_CALL,
    PdfInfo,
    default_timeout,
    find_soffice,
    merge_pdfs,
    pdf_info,
    split_pdf,
    to_pdf,
    to_pdf_one,
)

__all__ = [
    "INSTALL_HINT",
    "MAX_FILES_PER_CALL",
    "PdfInfo",
    "default_timeout",
    "find_soffice",
    "merge_pdfs",
    "pdf_info",
    "split_pdf",
    "to_pdf",
    "to_pdf_one",
]
