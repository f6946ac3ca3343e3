"""Safe, reusable reading of .docx files: package validation, effective formatting, Word
auto-numbering and the document as blocks in reading order (used by ``check`` and ``parse``)."""
from .blocks import Block, DocumentView, Location, RunSummary, RunText, SectionInfo, Shape, Span, TableInfo, read_document
from .formatting import ParagraphFormat, RunFormat, StyleSheet
from .numbering import NumberingDefinitions, NumberingState
from .package import open_docx, validate_package

__all__ = [
    "Block", "DocumentView", "Location", "NumberingDefinitions", "NumberingState", "ParagraphFormat",
    "RunFormat", "RunSummary", "RunText", "SectionInfo", "Shape", "Span", "StyleSheet", "TableInfo",
    "open_docx", "read_document", "validate_package",
]
