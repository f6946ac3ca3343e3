"""The sample data files are read by officers as examples: their comments are in Vietnamese."""
from __future__ import annotations

import pytest

from english import english_comments
from testpaths import SAMPLES


@pytest.mark.parametrize("path", sorted(SAMPLES.rglob("*.yaml")), ids=lambda p: p.name)
def test_sample_comments_are_vietnamese(path):
    assert english_comments(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_an_english_comment():
    assert english_comments("# Sample data for the engine, read back by the parser\nkind: plan\n") == [
        (1, "Sample data for the engine, read back by the parser")]
    assert english_comments("# level: khac\n#   ocop-docs render a.yaml -o a.docx\n# Dữ liệu mẫu của tỉnh\n") == []
