"""`ocop-docs new KIND`: a starting data file listing every field of the kind's model, commented
in Vietnamese; refused until the required fields are filled; rendered once they are."""
from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from click.testing import CliRunner
from docx import Document as WordDocument

from english import english_comments
from ocop_docs import kinds
from ocop_docs.cli import main
from ocop_docs.errors import DataError
from ocop_docs.io import load_spec
from ocop_docs.io.starter import list_item, model_of, plain_annotation, starter_yaml
from ocop_docs.render import render_spec
from testpaths import SAMPLES


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
    assert english_comments(text) == []


def test_starter_is_refused_until_filled_naming_each_empty_field(tmp_path):
    out = tmp_path / "mau-01.yaml"
    assert CliRunner().invoke(main, ["new", "mau-01", "-o", str(out)]).exit_code == 0
    with pytest.raises(DataError) as caught:
        load_spec(out)
    message = str(caught.value)
    for field in ("applicant.name", "applicant.representative", "product_name"):
        assert f"'{field}'" in message, message
    # Each blank field at the line the starter wrote it, said the way an officer understands it.
    lines = out.read_text(encoding="utf-8").splitlines()
    at = lines.index("  representative:") + 1
    assert f"trường 'applicant.representative', dòng {at}, cột 3 của tệp: chưa điền (trường bắt buộc)" in message


def test_filled_starter_renders(tmp_path):
    out = tmp_path / "mau-01.yaml"
    CliRunner().invoke(main, ["new", "mau-01", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    filled = (text.replace("  name:\n", '  name: "Hợp tác xã Cam Vũ Quang"\n', 1)
                  .replace("  representative:\n", '  representative: "Nguyễn Văn Bình"\n', 1)
                  .replace("\nproduct_name:\n", '\nproduct_name: "Cam Vũ Quang"\n', 1)
                  .replace("\nprovince:\n", '\nprovince: "Hà Tĩnh"\n', 1).replace("\nyear:\n", "\nyear: 2026\n", 1)
                  .replace("\nbo:\n", "\nbo: 1\n", 1))  # a rule across fields: bo or category, asked for
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
    assert result.exit_code == 0  # the batch's issuer file (ocop-docs certificates --issuer)
    assert "\nkind: certificate-issuer\n" in (tmp_path / "g.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "giay", "-o", str(tmp_path / "h.yaml")])
    assert result.exit_code == 2 and "loại 'giay' không có" in result.output


# The sample each starter is filled from (one of the kind's own samples), and how it is made.
FILLED_FROM = {
    "ke-hoach": "plans/ben-cau-2024.yaml",
    "quyet-dinh-ban-hanh-ke-hoach": "decisions/quang-nam-2020.yaml",
    "quyet-dinh-hoi-dong": "decisions/ha-tinh-2026-hoi-dong.yaml",
    "quyet-dinh-cong-nhan": "decisions/ha-tinh-2026-cong-nhan-dot-1.yaml",
    "quyet-dinh": "decisions/kien-giang-2020-phe-duyet-de-an.yaml",
    "giay-chung-nhan": "certificates/ha-tinh-2026-dot-2.yaml",
    "mau-01": "forms/mau-01-cam-vu-quang.yaml",
    "mau-02": "forms/mau-02-cam-vu-quang.yaml",
    "mau-03": "forms/mau-03-cam-vu-quang.yaml",
    "phieu-danh-gia": "forms/phieu-cam-vu-quang-an.yaml",
    "cong-van-de-nghi": "forms/cong-van-de-nghi-vu-quang.yaml",
    "bien-ban": "forms/bien-ban-hoi-dong-ha-tinh.yaml",
}


def fill_required(text: str, sample: dict) -> str:
    """The starter with each required field left blank given the sample's value (as JSON, which is
    YAML), found by the field's path; comments and optional fields are left as written."""
    lines = text.splitlines()
    out, stack = [], []  # stack: (indent, key or list index)

    def next_code(i: int) -> str | None:
        return next((line for line in lines[i + 1:] if line.strip() and not line.lstrip().startswith("#")), None)

    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)(?:(-)|([A-Za-z_]\w*):)\s*$", line)
        if not m or line.lstrip().startswith("#"):
            out.append(line)
            continue
        indent = len(m.group(1))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        step = 0 if m.group(2) else m.group(3)
        stack.append((indent, step))
        following = next_code(i)
        if following is not None and len(following) - len(following.lstrip()) > indent:
            out.append(line)  # a group or a list written out below
            continue
        value = sample
        for _, key in stack:
            value = value[key]  # KeyError: the sample lacks a field the starter calls required
        out.append(f"{line.rstrip()} {json.dumps(value, ensure_ascii=False, default=str)}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("kind", list(FILLED_FROM))
def test_every_starter_makes_its_document_once_its_required_fields_are_filled(kind, tmp_path):
    """``ocop-docs new KIND`` then the required fields filled (nothing else, no comment removed): the
    command that makes the kind accepts the file and writes the document."""
    starter = tmp_path / f"{kind}.yaml"
    result = CliRunner().invoke(main, ["new", kind, "-o", str(starter)])
    assert result.exit_code == 0, result.output
    sample_path = SAMPLES / FILLED_FROM[kind]
    for table in sample_path.parent.iterdir():  # the tables and sheets the sample names, beside it
        if table.suffix in (".xlsx", ".csv") or table.name.startswith("phieu-"):
            shutil.copy(table, tmp_path / table.name)
    sample = yaml.safe_load(sample_path.read_text(encoding="utf-8"))
    if sample.get("date") is None and sample.get("expected_date"):  # a draft: its expected date stands as the date
        sample["date"] = sample["expected_date"]
    starter.write_text(fill_required(starter.read_text(encoding="utf-8"), sample), encoding="utf-8")
    out = tmp_path / "ra"
    entry = kinds.get(kind)
    args = {"render": ["render", str(starter), "-o", str(out / "van-ban.docx")],
            "form": ["form", kind, str(starter), "-o", str(out / "van-ban.docx")],
            "certificates": ["certificates", str(SAMPLES / "certificates" / "ha-tinh-2026-ket-qua-dot-2.xlsx"),
                             "--issuer", str(starter), "-o", str(out / "gcn"), "--register", str(out / "so.sqlite")],
            }[entry.command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 3) if entry.command == "certificates" else result.exit_code == 0, result.output
    made = list(out.rglob("*.docx"))
    assert made, result.output
    body = "\n".join(p.text for p in WordDocument(str(made[0])).paragraphs)
    assert body.strip()
