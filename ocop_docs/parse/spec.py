"""A parsed document as the engine's spec: validated model, compact YAML/JSON like the samples.

The YAML written is the same form a person writes by hand (``ocop_docs/samples/plans/*.yaml``): prose
paragraphs as strings ("- " and "+ " for list items), sections as ``heading``/``content``, and
only the fields that differ from their defaults. What the parser was unsure of is listed in
comments at the top, with where it is in the source.
"""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from pydantic import ValidationError

from .. import kinds
from ..io.messages import message
from ..model.plan import Plan
from ..nd30.anatomy import BASIS_VERBS, PROPOSAL_VERBS
from .header import Note

_ORDER = (
    "kind", "issuer", "doc_type", "number", "number_year", "symbol", "place", "date", "draft_year", "year", "end_year", "title",
    "authority", "legal_bases", "preamble", "body", "articles", "closing", "signer", "recipients", "archive",
)


def public(data: dict) -> dict:
    """Spec data without the parser's private keys (those starting with "_")."""
    return {k: v for k, v in data.items() if not k.startswith("_")}


def validate(kind: str, data: dict, notes: list[Note]):
    """The model of ``data`` when the engine has a model for ``kind`` (None, with notes, otherwise)."""
    entry = kinds.find(kind)
    model = entry.model if entry is not None else None
    if model is None:
        if kind == "resolution":
            notes.append(Note("kind", "nghị quyết của Hội đồng nhân dân: phần mềm không soạn loại văn bản này; phần đọc được "
                                      "(phần đầu, căn cứ, các Điều) được ghi ra để dùng lại"))
        else:
            notes.append(Note("kind", f"chưa có mô hình '{kind}' trong phần mềm; dữ liệu được ghi ra nhưng chưa tạo lại văn bản được"))
        return None
    try:
        return model.model_validate(public(data))
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(x) for x in error["loc"])
            notes.append(Note(where, f"dữ liệu đọc được không hợp lệ: {_message(error)}"))
        return None
    except ValueError as exc:  # a rule of the model (RuleViolation…) refused what was read
        notes.append(Note("", f"dữ liệu đọc được không hợp lệ: {exc}"))
        return None


# What a document left out reads as such (not as a data file's missing field); every other
# error has the data files' message (``io.messages``).
_LEFT_OUT = {
    "missing": "văn bản không ghi phần này (cần bổ sung)",
    "model_type": "văn bản không ghi phần này (cần bổ sung)",
    "dict_type": "văn bản không ghi phần này (cần bổ sung)",
    "string_too_short": "để trống (cần bổ sung)",
    "too_short": "để trống (cần bổ sung)",
}


def _message(error: Mapping[str, Any]) -> str:
    """A pydantic error on what was read, in Vietnamese."""
    return _LEFT_OUT.get(error["type"]) or message(error)


def compact_blocks(blocks: list) -> list:
    """Body blocks as a person writes them: strings for paragraphs, dicts for the rest."""
    out = []
    for block in blocks:
        if isinstance(block, dict) and set(block) <= {"text", "style"} and "text" in block:
            style = block.get("style", "body")
            out.append({"dash": "- ", "plus": "+ "}.get(style, "") + block["text"])
        elif isinstance(block, dict) and "heading" in block:
            section = {k: v for k, v in block.items() if k != "content"}
            if block.get("content"):
                section["content"] = compact_blocks(block["content"])
            out.append(section)
        else:
            out.append(block)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def spec_data(model_or_data) -> dict:
    """The compact spec dict of a model (or of parsed data), keys in the order of the samples."""
    if isinstance(model_or_data, dict):
        data = public(model_or_data)
    else:
        data = model_or_data.model_dump(mode="python", exclude_defaults=True, by_alias=False)
        data["kind"] = getattr(model_or_data, "kind", data.get("kind"))
        if isinstance(model_or_data, Plan):
            data["doc_type"] = model_or_data.doc_type
    data = _plain(data)
    if "body" in data:
        data["body"] = compact_blocks(data["body"])
    if "legal_bases" in data:
        bases: list[str | dict] = []
        for basis in data["legal_bases"]:
            if isinstance(basis, dict) and not basis.get("ref") and basis.get("verb", "Căn cứ") != "":
                bases.append(f"{basis.get('verb', 'Căn cứ')} {basis['text']}")
            elif isinstance(basis, dict) and not basis.get("ref") and basis.get("verb") == "" and not basis["text"].startswith(
                (*BASIS_VERBS[:2], *PROPOSAL_VERBS)
            ):
                bases.append({"verb": "", "text": basis["text"]})
            else:
                bases.append(basis)
        data["legal_bases"] = bases
    ordered = {k: data[k] for k in _ORDER if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return ordered


def dump_yaml(data: dict, notes: Sequence[Note] = (), header: Sequence[str] = ()) -> str:
    """YAML text of a spec, with ``header`` lines and the notes as comments on top."""
    lines = [f"# {h}" for h in header]
    if notes:
        lines.append("# Cần kiểm tra (phần mềm đọc chưa chắc chắn hoặc đã sửa):")
        lines += [f"#   - {n.describe()}" for n in notes]
    # libyaml's emitter when present (10× the pure-Python one on a 60 KB plan); same output
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)
    return "\n".join(lines + [body]) if lines else body


def dump_json(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, indent=2)
