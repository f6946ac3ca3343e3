"""The registry of document kinds: every list derives from it, old names stay accepted, the
template fields it declares are what the context builders give, and a new kind (a Thông báo) is
one model, one context, one template and one registry entry."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
import yaml
from click.testing import CliRunner
from docx import Document as WordDocument
from pydantic import Field

from ocop_docs import kinds
from ocop_docs.check.template import _certificate_contexts, check_template, declared_shape
from ocop_docs.cli import main
from ocop_docs.io import load_spec
from ocop_docs.model.common import Document, NonEmptyText
from ocop_docs.render import context_for, render_spec
from ocop_docs.render.context import document_context
from testpaths import SAMPLES


def leaf_paths(value, prefix: str = "") -> set[str]:
    """The declaration paths ("a", "a[]", "a[].b", "a{}") that a context value fills."""
    if isinstance(value, dict):
        if value and not all(isinstance(k, str) for k in value):
            return {f"{prefix}{{}}"}
        if not value and prefix:
            return {f"{prefix}{{}}"}
        out: set[str] = set()
        for k, v in value.items():
            out |= leaf_paths(v, f"{prefix}.{k}" if prefix else k)
        return out
    if isinstance(value, (list, tuple)):
        items = [leaf_paths(v, f"{prefix}[]") for v in value]
        return set().union(*items) if items else {f"{prefix}[]"}
    return {prefix}


def declared_paths(kind: kinds.Kind) -> set[str]:
    return {f.split(":")[0] for f in kind.fields}


def sample_contexts(kind: kinds.Kind) -> list[dict]:
    contexts = []
    for path in sorted((SAMPLES / kind.samples).glob("*.yaml")):
        head = yaml.safe_load(path.read_text(encoding="utf-8"))
        if kind.model is None:
            if head.get("kind") == "certificate-issuer":
                contexts += _certificate_contexts(path)
        elif kinds.find(head.get("kind")) is kind:
            contexts.append(context_for(load_spec(path)))
    if kind.blank is not None:
        contexts.append(kind.blank_context())
    return contexts


@pytest.mark.parametrize("kind", kinds.all_kinds(), ids=lambda k: k.id)
def test_declared_fields_are_what_the_context_builder_gives_the_samples(kind):
    contexts = sample_contexts(kind)
    assert contexts, f"no sample of {kind.id} in samples/{kind.samples}"
    seen = set().union(*(leaf_paths(c) for c in contexts))
    # A list the samples leave empty is seen as "x[]" while declared "x[].y": compare by prefix.
    undeclared = {p for p in seen if not any(d == p or d.startswith(p) for d in declared_paths(kind))}
    unused = {d for d in declared_paths(kind) if not any(p == d or p.startswith(d) or d.startswith(p) for p in seen)}
    assert undeclared == set() and unused == set()


def test_ids_follow_the_naming_rule_and_old_names_are_aliases():
    for kind in kinds.all_kinds():
        assert kind.id == kind.id.lower() and "_" not in kind.id and kind.id.isascii(), kind.id
    old = {"plan": "ke-hoach", "plan_decision": "quyet-dinh-ban-hanh-ke-hoach", "council_decision": "quyet-dinh-hoi-dong",
           "recognition_decision": "quyet-dinh-cong-nhan", "certificate": "giay-chung-nhan", "minutes": "bien-ban"}
    assert {name: kinds.get(name).id for name in old} == old
    with pytest.raises(KeyError, match="chọn một trong: ke-hoach, .* hoặc bien-ban"):
        kinds.get("ke-hoach-nam")


def test_an_old_kind_name_in_a_data_file_is_accepted_and_stored_as_the_id(tmp_path):
    text = (SAMPLES / "plans" / "ben-cau-2024.yaml").read_text(encoding="utf-8")
    old = tmp_path / "cu.yaml"
    old.write_text(text.replace("kind: ke-hoach", "kind: plan", 1), encoding="utf-8")
    assert load_spec(old).kind == "ke-hoach"
    assert load_spec(old, "ke-hoach") == load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml")


def test_cli_lists_and_choices_come_from_the_registry():
    runner = CliRunner()
    form_help = runner.invoke(main, ["form", "--help"]).output
    for kind in kinds.all_kinds("form"):
        assert kind.id in form_help and kind.name[:30] in form_help
    assert "ke-hoach " not in form_help  # a plan is not a form
    result = runner.invoke(main, ["schema", "plan"])  # an old name
    assert result.exit_code == 0 and '"const": "ke-hoach"' not in result.output and "ke-hoach" in result.output
    result = runner.invoke(main, ["form", "ke-hoach", "-o", "x.docx", "--blank"])
    assert result.exit_code == 2 and "loại 'ke-hoach' không có; chọn một trong: mau-01" in result.output


def test_the_demo_renders_every_sample_of_every_kind_with_a_model(tmp_path):
    from ocop_docs.demo import run_demo

    samples = tmp_path / "samples"
    (samples / "plans").mkdir(parents=True)
    (samples / "plans" / "a.yaml").write_text((SAMPLES / "plans" / "ben-cau-2024.yaml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    written = run_demo(samples, tmp_path / "out", pdf=False, progress=lambda _m: None)
    assert [p.name for p in written] == ["a.docx"]


# --------------------------------------------------------------------------- a new kind: Thông báo


class ThongBao(Document):
    """A Thông báo (ND30 Mẫu 1.4): the common header and signature, and the notice's paragraphs."""

    kind: Literal["thong-bao"] = "thong-bao"
    doc_type: str = Field("Thông báo", description="Tên loại văn bản")
    noi_dung: list[NonEmptyText] = Field(min_length=1, description="Các đoạn nội dung thông báo")


def thong_bao_context(notice: ThongBao) -> dict:
    return {**document_context(notice), "noi_dung": list(notice.noi_dung)}


def build_template(path: Path, *extra: str) -> Path:
    doc = WordDocument()
    for text in ("{{ issuer_parent }}", "{% for line in issuer_lines %}{{ line }} {% endfor %}", "{{ so_ky_hieu }}",
                 "{{ date_line }}", "{{ type_name }}", "{{ title }}", "{%p for line in bases %}", "{{ line }}",
                 "{%p endfor %}", "{%p for line in noi_dung %}", "{{ line }}", "{%p endfor %}",
                 "{% for line in signer_lines %}{{ line }} {% endfor %}", "{{ signer_name }}",
                 "{%p for line in recipients %}", "{{ line }}", "{%p endfor %}", *extra):
        doc.add_paragraph(text)
    doc.save(path)
    return path


NOTICE = """kind: thong-bao
issuer: {name: "Ủy ban nhân dân xã Vũ Quang", abbreviation: UBND, level: xa}
number: 12
place: Vũ Quang
date: 05/3/2026
title: "Kết quả đánh giá, phân hạng sản phẩm OCOP năm 2026"
noi_dung:
  - "Ủy ban nhân dân xã thông báo kết quả đánh giá, phân hạng sản phẩm OCOP như sau:"
  - "Sản phẩm Cam Vũ Quang đạt 4 sao."
signer: {on_behalf_of: "ỦY BAN NHÂN DÂN", authority: KT, head_title: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn An"}
recipients: ["Các chủ thể có sản phẩm"]
"""


@pytest.fixture
def thong_bao(tmp_path):
    template = build_template(tmp_path / "thong-bao.docx")
    kind = kinds.register(kinds.Kind(
        "thong-bao", "Thông báo", ThongBao, thong_bao_context, str(template),
        kinds.DOCUMENT_FIELDS + ("noi_dung[]",), check="other", samples="",
    ))
    yield kind
    kinds.unregister("thong-bao")


def test_a_new_kind_is_one_model_one_context_one_template_one_entry(thong_bao, tmp_path):
    spec_file = tmp_path / "thong-bao.yaml"
    spec_file.write_text(NOTICE, encoding="utf-8")
    out = render_spec(load_spec(spec_file), tmp_path / "tb.docx")
    text = [p.text for p in WordDocument(str(out)).paragraphs]
    assert "Số: 12/TB-UBND" in text and "THÔNG BÁO" in text
    assert "Sản phẩm Cam Vũ Quang đạt 4 sao." in text and "Nguyễn Văn An" in text
    assert "Vũ Quang, ngày 05 tháng 3 năm 2026" in text

    # The CLI knows it at once: render, new, schema, template check.
    runner = CliRunner()
    result = runner.invoke(main, ["render", str(spec_file), "-o", str(tmp_path / "cli.docx")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["new", "thong-bao", "-o", str(tmp_path / "moi.yaml")])
    assert result.exit_code == 0, result.output
    starter = (tmp_path / "moi.yaml").read_text(encoding="utf-8")
    assert "kind: thong-bao" in starter and "noi_dung:" in starter and "Các đoạn nội dung thông báo" in starter
    assert runner.invoke(main, ["schema", "thong-bao"]).exit_code == 0

    # The ND30 checker takes the kind's name and checks it with the kind's profile.
    from ocop_docs.check import check_file

    assert check_file(out, kind="thong-bao").kind == "other"

    # The template checker holds templates to the fields the entry declares.
    assert check_template(thong_bao.template, "thong-bao").errors == 0
    wrong = build_template(tmp_path / "sai.docx", "{{ noi_dung_chinh }}")
    report = check_template(wrong, "thong-bao")
    assert [p.code for p in report.problems if p.severity == "error"] == ["truong-la"]
    assert "noi_dung_chinh" in report.problems[0].message and "có phải 'noi_dung'" in report.problems[0].message


def test_a_kind_must_agree_with_its_model():
    with pytest.raises(ValueError, match="must declare"):
        kinds.register(kinds.Kind("thong-bao-khac", "Thông báo", ThongBao, thong_bao_context, "x.docx", (), check="other"))
    with pytest.raises(ValueError, match="already registered"):
        kinds.register(kinds.Kind("plan", "Kế hoạch", None, None, "x.docx", (), check="plan"))
    with pytest.raises(ValueError, match="malformed"):
        kinds.register(kinds.Kind("x-y", "X", None, None, "x.docx", ("a..b",), check="other"))


def test_declared_shape_reads_lists_groups_and_types():
    shape = declared_shape(("a", "b[]", "c[].d:number", "e.f", "g{}"))
    assert shape.keys["a"].types == {"str"} and shape.keys["b"].item.types == {"str"}
    assert shape.keys["c"].item.keys["d"].types == {"number"} and shape.keys["e"].keys["f"].types == {"str"}
    assert shape.keys["g"].types == {"dict"} and shape.keys["g"].keys == {}


def test_readme_table_of_kinds_is_the_registry():
    from testpaths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Các loại văn bản", 1)[1].split("| mã | văn bản | lệnh | mã cũ |", 1)[1].split("\n\n", 1)[0]
    rows = [[cell.strip().strip("`") for cell in line.strip("|").split("|")] for line in table.strip().splitlines()[1:]]
    documented = {row[0]: (row[2], tuple(a.strip().strip("`") for a in row[3].split(",") if a.strip())) for row in rows}
    assert documented == {k.id: (k.command, k.aliases) for k in kinds.all_kinds()}
