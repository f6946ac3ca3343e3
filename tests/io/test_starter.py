"""`ocop-docs new KIND`: a starting data file listing every field of the kind's model, commented
in Vietnamese; refused until the required fields are filled; rendered once they are."""
from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner
from docx import Document as WordDocument

from ocop_docs import kinds
from ocop_docs.cli import main
from ocop_docs.errors import DataError
from ocop_docs.io import load_spec
from ocop_docs.io.starter import list_item, model_of, plain_annotation, starter_yaml
from ocop_docs.render import render_spec


def field_names(model, depth: int = 0) -> set[str]:
    """Every field name of the model and of the groups the starter writes out (lists of groups included)."""
    names = set()
    for name, info in model.model_fields.items():
        names.add(name)
        annotation = plain_annotation(info.annotation)
        sub = model_of(annotation) or (model_of(list_item(annotation)) if list_item(annotation) is not None else None)
        if sub is not None and depth < 3:
            names |= field_names(sub, depth + 1)
    return names


@pytest.mark.parametrize("kind", kinds.all_kinds(with_model=True), ids=lambda k: k.id)
def test_starter_parses_and_lists_every_field_with_a_vietnamese_comment(kind):
    text = starter_yaml(kind.id)
    data = yaml.safe_load(text)
    assert data["kind"] == kind.id
    uncommented = "\n".join(line.replace("# ", "", 1) if line.lstrip().startswith("# ") and ":" in line.split("#", 1)[1][:40]
                            else line for line in text.splitlines())
    missing = [n for n in field_names(kind.model) if f"{n}:" not in uncommented]
    assert missing == []
    # Every field line is preceded by its comment saying whether it is required.
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if i > 4 and not line.lstrip().startswith("#") and line.strip() not in ("-",):
            assert "bắt buộc" in lines[i - 1] or lines[i - 1].strip().endswith("-") or "mỗi mục" in lines[i - 1], line
    required = [n for n, f in kind.model.model_fields.items() if f.is_required()]
    assert all(n in data for n in required)  # written for the clerk to fill, not commented out


def test_starter_is_refused_until_filled_naming_each_empty_field(tmp_path):
    out = tmp_path / "mau-01.yaml"
    assert CliRunner().invoke(main, ["new", "mau-01", "-o", str(out)]).exit_code == 0
    with pytest.raises(DataError) as caught:
        load_spec(out)
    message = str(caught.value)
    for field in ("applicant.name", "applicant.representative", "product_name"):
        assert f"'{field}'" in message, message


def test_filled_starter_renders(tmp_path):
    out = tmp_path / "mau-01.yaml"
    CliRunner().invoke(main, ["new", "mau-01", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    filled = (text.replace("  name:\n", '  name: "Hợp tác xã Cam Vũ Quang"\n', 1)
                  .replace("  representative:\n", '  representative: "Nguyễn Văn Bình"\n', 1)
                  .replace("\nproduct_name:\n", '\nproduct_name: "Cam Vũ Quang"\n', 1)
                  .replace("\nprovince:\n", '\nprovince: "Hà Tĩnh"\n', 1).replace("\nyear:\n", "\nyear: 2026\n", 1)
                  .replace("\n# bo:\n", "\nbo: 1\n", 1))  # a rule across fields: bo or category
    out.write_text(filled, encoding="utf-8")
    spec = load_spec(out)
    doc = render_spec(spec, tmp_path / "mau-01.docx")
    body = "\n".join(p.text for p in WordDocument(str(doc)).paragraphs)
    assert "Hợp tác xã Cam Vũ Quang" in body and "Cam Vũ Quang" in body


def test_new_never_overwrites_and_refuses_a_kind_without_data_file(tmp_path):
    out = tmp_path / "co-san.yaml"
    out.write_text("giữ nguyên", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "ke-hoach", "-o", str(out)])
    assert result.exit_code == 2 and "tệp đã có" in result.output
    assert out.read_text(encoding="utf-8") == "giữ nguyên"
    result = CliRunner().invoke(main, ["new", "giay-chung-nhan", "-o", str(tmp_path / "g.yaml")])
    assert result.exit_code == 2 and "loại 'giay-chung-nhan' không có" in result.output
