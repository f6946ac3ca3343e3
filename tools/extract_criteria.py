"""Extract Phụ lục I (classification) and Phụ lục II (the 26 criteria sets) of QĐ 26/2026/QĐ-TTg.

Reads the plain-text transcript ``docs/legal/qd-26-2026-QD-TTg.txt`` (line breaks follow
the source's table cells), applies the hand corrections recorded in
``ocop_docs/data/criteria/corrections.yaml`` (each with its reason), and writes
``ocop_docs/data/criteria/classification.json`` and ``bo-01.json`` … ``bo-26.json``.

The extraction is deterministic: running it twice gives the same files. It refuses to write
anything when a correction no longer matches the text it was written for, or when the
parse leaves anomalies (numbers out of place, options without points, …).

Run: ``.venv/bin/python tools/extract_criteria.py [--legal PATH] [--out DIR] [--check]``
(``--check`` compares with the files in the package instead of writing them).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocop_docs.ocop.criteria_sets import Classification, CriteriaSet  # noqa: E402

LEGAL = ROOT / "docs" / "legal" / "qd-26-2026-QD-TTg.txt"
OUT = ROOT / "ocop_docs" / "data" / "criteria"
CORRECTIONS = OUT / "corrections.yaml"
DOCUMENT = "Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026"


class ExtractionError(Exception):
    """The legal text could not be turned into data without a new hand correction."""


# --------------------------------------------------------------------------- lines


@dataclass
class Line:
    """A logical line: text of one or more physical lines, and where it started (1-based)."""

    no: int
    text: str


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    return " ".join(text.split())


def apply_text_corrections(raw: list[str], corrections: list[dict]) -> list[str | None]:
    """The physical lines with the recorded text corrections applied (None = line deleted).

    Each correction names a line number and the exact text it expects there, so a changed
    legal file makes the extraction stop instead of patching the wrong line. It either
    replaces the line (``replace``; null deletes it) or adds a line after it (``insert_after``).
    """
    lines: list[str | None] = list(raw)
    for c in corrections:
        no = c["line"]
        actual = raw[no - 1]
        if actual.strip() != str(c["expect"]).strip():
            raise ExtractionError(
                f"correction for line {no} expects {c['expect']!r} but the text has {actual!r} ({c['reason']})"
            )
        if "insert_after" in c:
            lines[no - 1] = f"{lines[no - 1]}\n{c['insert_after']}"
        else:
            lines[no - 1] = c.get("replace")
    return lines


_DIGITS = re.compile(r"^\d+$")


def logical_lines(physical: list[str | None], first: int, last: int, split_cells: bool = True) -> list[Line]:
    """Join the cell-wrapped physical lines ``first..last`` (1-based, inclusive) into logical lines.

    * a line that starts with a space continues the previous one (the source wraps a cell's
      text with an indent);
    * a one-character line that is not a digit and not a tick box is the last character of the
      previous cell, split off by the transcript (sets 18–20: "PHẨ" + "M");
    * consecutive lines of digits are one number split the same way ("4" + "0" = 40).
    """
    out: list[Line] = []
    pieces = [(no, piece) for no in range(first, last + 1) if physical[no - 1] is not None for piece in physical[no - 1].split("\n")]
    for no, text in pieces:
        text = nfc(text.replace("\u00a0", " ")).rstrip()
        if not text.strip():
            continue
        stripped = text.strip()
        if out and text.startswith(" ") and not stripped.startswith("□") and not _DIGITS.match(stripped):
            out[-1].text = squash(out[-1].text + " " + stripped)
            continue
        if split_cells and out and len(stripped) == 1 and not stripped.isdigit() and stripped != "□":
            out[-1].text = out[-1].text.rstrip() + stripped
            continue
        out.append(Line(no, squash(stripped)))
    merged: list[Line] = []
    for line in out:
        if split_cells and merged and _DIGITS.match(line.text) and _DIGITS.match(merged[-1].text):
            merged[-1].text += line.text
            continue
        merged.append(line)
    return merged


# --------------------------------------------------------------------------- Phụ lục I

ROMAN = {"I", "II", "III", "IV", "V", "VI"}


def parse_classification(physical: list[str | None], start: int, end: int) -> dict:
    """Phụ lục I: ngành (I–VI) → nhóm (1, 2…) → phân nhóm (a, b…) with the lead ministries."""
    lines = logical_lines(physical, start, end, split_cells=False)
    # Skip the title block and the table header ("STT / Phân loại sản phẩm / Cơ quan chủ trì quản lý").
    i = next(k for k, line in enumerate(lines) if line.text.startswith("Cơ quan chủ trì")) + 1
    classes: list[dict] = []
    sector = group = None
    pending: dict | None = None
    footnote = None

    def flush():
        nonlocal pending
        if pending is not None:
            if not pending["lead_ministries"]:
                raise ExtractionError(f"Phụ lục I line {pending['_line']}: '{pending['name']}' has no ministry")
            classes.append(pending)
            pending = None

    while i < len(lines):
        text = lines[i].text
        if text.startswith("____"):
            flush()
            footnote = squash(" ".join(line.text for line in lines[i + 1 :]))
            break
        if text in ROMAN:
            flush()
            sector = {"code": text, "name": lines[i + 1].text.capitalize()}
            i += 2
            continue
        if text.isdigit() and i + 1 < len(lines) and lines[i + 1].text.startswith("Nhóm:"):
            flush()
            group = {"code": text, "name": lines[i + 1].text.removeprefix("Nhóm:").strip()}
            pending = {"_line": lines[i].no, "sector": sector, "group": group, "sub": None, "name": group["name"], "lead_ministries": []}
            i += 2
            continue
        if re.fullmatch(r"[a-z]", text) and i + 1 < len(lines) and lines[i + 1].text.startswith("Phân nhóm:"):
            if pending is not None and pending["sub"] is None and not pending["lead_ministries"]:
                pending = None  # the nhóm line was only a heading for its phân nhóm
            flush()
            name = lines[i + 1].text.removeprefix("Phân nhóm:").strip()
            pending = {"_line": lines[i].no, "sector": sector, "group": group, "sub": {"code": text, "name": name}, "name": name, "lead_ministries": []}
            i += 2
            continue
        if text == "1" and i + 1 < len(lines) and lines[i + 1].text in ROMAN:
            i += 1  # the table's row number before ngành I
            continue
        if text.startswith("Bộ "):
            if pending is None:
                raise ExtractionError(f"Phụ lục I line {lines[i].no}: ministry without a product line")
            pending["lead_ministries"] += [squash(m) for m in text.split(";") if m.strip()]
            i += 1
            continue
        raise ExtractionError(f"Phụ lục I line {lines[i].no}: unexpected {text!r}")
    flush()
    out = []
    for n, c in enumerate(classes, 1):
        out.append(
            {
                "bo": n,
                "sector_code": c["sector"]["code"],
                "sector": c["sector"]["name"],
                "group_code": c["group"]["code"],
                "group": c["group"]["name"],
                "subgroup_code": c["sub"]["code"] if c["sub"] else None,
                "subgroup": c["sub"]["name"] if c["sub"] else None,
                "lead_ministries": c["lead_ministries"],
            }
        )
    return {"source": {"document": f"{DOCUMENT}, Phụ lục I", "first_line": start, "last_line": end}, "classes": out, "footnote": footnote}


# --------------------------------------------------------------------------- Phụ lục II

SET_START = re.compile(r"^(?P<n>\d{1,2})\.\s*(?:Bộ sản phẩm:\s*)?(?P<name>.+)$")
PART = re.compile(r"^(?:Phần|PHẦN) (?P<code>[ABC])\s*:?\s*(?P<title>.*)$")
SECTION = re.compile(r"^(?P<code>\d{1,2})\.\s*(?P<title>[^\d].*)?$")
CRITERION = re.compile(r"^(?P<code>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?(?:\s+(?P<title>.*))?$")
STARS = re.compile(r"\s*(?P<stars>(?:\*\s*){3,5})$")  # "****", also spaced "* * * *" (bộ 3)
POINTS_IN_TITLE = re.compile(r"\s*\((?P<n>\d+) Điểm\)$", re.IGNORECASE)
NOTE_PREFIXES = ("Ghi chú", "Chú ý", "Lưu ý")
REQUIREMENT_PREFIXES = ("Yêu cầu",)
CONDITION_PREFIXES = ("Chỉ áp dụng", "Chỉ đánh giá", "Áp dụng")


def _is_upper_title(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def set_boundaries(physical: list[str | None], start: int, end: int) -> list[tuple[int, int, int]]:
    """(number, first line, last line) of each criteria set inside Phụ lục II.

    A set starts at the line holding its heading: "1. Bộ sản phẩm: …", "12. Sản phẩm trà…" or
    "19." followed by "Bộ sản phẩm: …"; it is recognised by the "(Sản phẩm: …" line that
    follows within four lines (the index table at the top of Phụ lục II has none).
    """
    starts: list[tuple[int, int]] = []
    expected = 1
    for no in range(start, end + 1):
        text = (physical[no - 1] or "").strip()
        m = re.match(r"^(\d{1,2})\.(\s|$)", text)
        if not m or int(m.group(1)) != expected:
            continue
        window = " ".join((physical[k - 1] or "") for k in range(no, min(no + 5, end)))
        if "(Sản phẩm" not in window:
            continue
        starts.append((expected, no))
        expected += 1
    if len(starts) != 26:
        raise ExtractionError(f"found {len(starts)} criteria sets in Phụ lục II, expected 26")
    bounds = []
    for k, (n, first) in enumerate(starts):
        last = starts[k + 1][1] - 1 if k + 1 < len(starts) else end
        bounds.append((n, first, last))
    return bounds


@dataclass
class _Open:
    """The element being read: what it is and the lines gathered for it so far."""

    kind: str  # part, section, criterion, option
    node: dict
    lines: list[str] = field(default_factory=list)


def _header_fields(lines: list[Line]) -> tuple[str, str | None, str | None, int]:
    """Name, '(Sản phẩm: …)' note and disqualification clause of a set; index of its first criterion line."""
    head: list[str] = []
    k = 0
    while k < len(lines) and not lines[k].text.startswith("(Sản phẩm") and not lines[k].text.startswith("_"):
        head.append(lines[k].text)
        k += 1
    name_text = squash(" ".join(head))
    note_parts = []
    if "(Sản phẩm" in name_text:  # the note was glued to the heading by an indented line (bộ 12)
        name_text, rest = name_text.split("(Sản phẩm", 1)
        name_text = name_text.strip()
        note_parts.append("(Sản phẩm" + rest)
    m = SET_START.match(name_text)
    if not m:
        raise ExtractionError(f"line {lines[0].no}: set heading not understood: {name_text!r}")
    name = m.group("name").removeprefix("Bộ sản phẩm:").strip()
    while k < len(lines) and not lines[k].text.startswith("_") and not lines[k].text.startswith("---"):
        note_parts.append(lines[k].text)
        k += 1
    heading_note = squash(" ".join(note_parts)) or None
    disq: list[str] = []
    collecting = False
    while k < len(lines) and lines[k].text not in ("Các tiêu chí", "Thang điểm"):
        text = lines[k].text
        if text.startswith(("Hồ sơ bị loại khi", "Bị loại khi")):
            if disq and squash(" ".join(disq)).startswith(text[:30]):
                collecting = False  # the clause is printed twice in some sets; keep one
            else:
                collecting = True
                disq = [text]
        elif text.startswith(("Tên sản phẩm", "Mã số sản phẩm", "T: Mã tỉnh", "Tên chủ thể", "Số điện thoại", "Địa chỉ", "……")):
            collecting = False
        elif collecting:
            disq.append(text)
        k += 1
    while k < len(lines) and lines[k].text in ("Các tiêu chí", "Thang điểm"):
        k += 1
    return name, heading_note, (squash(" ".join(disq)) or None), k


def _strip_stars(text: str) -> tuple[str, int | None]:
    m = STARS.search(text)
    if not m:
        if "***" in text:
            raise ExtractionError(f"star mark inside an option's text: {text!r}")
        return text, None
    return text[: m.start()].rstrip(), m.group("stars").count("*")


def _split_heading(lines: list[str]) -> dict:
    """A heading's lines → title, description "(…)", requirement, condition and notes."""
    out: dict = {"title": [], "description": [], "requirement": [], "condition": [], "notes": []}
    target = "title"
    for text in lines:
        if text.startswith(REQUIREMENT_PREFIXES):
            target = "requirement"
        elif text.startswith(NOTE_PREFIXES):
            out["notes"].append(text)
            target = "notes"
            continue
        elif text.startswith(CONDITION_PREFIXES):
            target = "condition"
        elif text.startswith("(") and target == "title" and out["title"]:
            target = "description"
        if target == "notes":
            out["notes"][-1] = squash(out["notes"][-1] + " " + text)
        else:
            out[target].append(text)
    result = {"title": squash(" ".join(out["title"]))}
    for key in ("description", "requirement", "condition"):
        if out[key]:
            result[key] = squash(" ".join(out[key]))
    if out["notes"]:
        result["notes"] = out["notes"]
    return result


def parse_set(number: int, lines: list[Line], first: int, last: int) -> dict:
    """One criteria set from its logical lines.

    A small state machine: a heading (part, section, criterion) collects lines until a number,
    its maximum; an option ("□ …") collects lines until a number, its points. Notes, the
    requirement, the condition and the "trường hợp" of the tourism set attach to the element
    being read. Anything else is an anomaly that needs a recorded correction.
    """
    name, heading_note, disqualification, k = _header_fields(lines)
    parts: list[dict] = []
    section: dict | None = None
    criterion: dict | None = None
    open_: _Open | None = None
    case: str | None = None
    last_note: dict | None = None  # the node whose last note a wrapped line continues
    total = None
    star_note: list[str] = []
    anomalies: list[str] = []

    def new_direct_criterion(line: Line) -> dict:
        """Options straight under a section: the section is scored as one criterion."""
        section["direct"] = True
        crit = {"code": section["code"], "title": section["title"], "max_points": section["max_points"], "options": [], "_line": line.no}
        for key in ("description", "requirement", "condition", "instruction", "notes"):
            if key in section:
                crit[key] = section.pop(key) if key != "description" else section[key]
        section["criteria"].append(crit)
        return crit

    while k < len(lines):
        line = lines[k]
        text = line.text
        k += 1
        was_note, last_note = last_note, None
        if text.startswith("TỔNG CỘNG"):
            if open_ is not None:
                anomalies.append(f"line {line.no}: {open_.kind} still open at TỔNG CỘNG")
            if k < len(lines) and _DIGITS.match(lines[k].text):
                total = int(lines[k].text)
                k += 1
            star_note = [ln.text for ln in lines[k:]]
            break
        if _DIGITS.match(text):
            value = int(text)
            if open_ is None:
                anomalies.append(f"line {line.no}: number {value} with nothing to score")
            elif open_.kind == "option":
                option_text, stars = _strip_stars(squash(" ".join(open_.lines)))
                open_.node.update(text=option_text.removeprefix("□").strip(), points=value, min_stars=stars)
                if case:
                    open_.node["case"] = case
                open_ = None
            else:
                open_.node.update(_split_heading(open_.lines))
                open_.node["max_points"] = value
                open_ = None
            continue
        if text.startswith("□"):
            if open_ is not None:
                anomalies.append(f"line {line.no}: option starts while a {open_.kind} still waits for its number")
                open_ = None
            if criterion is None:
                if section is None or section["criteria"]:
                    anomalies.append(f"line {line.no}: option outside a criterion")
                    continue
                criterion = new_direct_criterion(line)
            option: dict = {}
            criterion["options"].append(option)
            open_ = _Open("option", option, [text])
            continue
        if open_ is not None and open_.kind == "option" and text.startswith(NOTE_PREFIXES):
            criterion.setdefault("notes", []).append(text)  # a note printed inside the option's cell
            last_note = criterion
            continue
        if open_ is not None:
            open_.lines.append(text)  # heading or option text wrapped onto another cell line
            continue
        m = PART.match(text)
        if m:
            part = {"code": m.group("code"), "title": "", "max_points": None, "sections": [], "_line": line.no}
            parts.append(part)
            section = criterion = None
            open_ = _Open("part", part, [m.group("title")] if m.group("title") else [])
            continue
        m = CRITERION.match(text)
        if m and section is not None and m.group("code").split(".")[0] == section["code"]:
            code = m.group("code")
            group = None
            if code.count(".") == 2:
                # "6.1.1" under "6.1. Ngoại hình": the criterion read as "6.1" is a group heading.
                group = code.rsplit(".", 1)[0]
                if criterion is not None and criterion["code"] == group and not criterion["options"]:
                    section["criteria"].remove(criterion)
                    section.setdefault("groups", []).append(
                        {k: v for k, v in criterion.items() if k in ("code", "title", "max_points", "description", "notes")}
                    )
                elif not any(g["code"] == group for g in section.get("groups", [])):
                    anomalies.append(f"line {line.no}: criterion {code} without its group {group}")
            criterion = {"code": code, "title": "", "max_points": None, "options": [], "_line": line.no}
            if group:
                criterion["group"] = group
            section["criteria"].append(criterion)
            case = None
            open_ = _Open("criterion", criterion, [m.group("title")] if m.group("title") else [])
            continue
        m = SECTION.match(text)
        if m and parts:
            previous = parts[-1]["sections"][-1]["code"] if parts[-1]["sections"] else (
                parts[-2]["sections"][-1]["code"] if len(parts) > 1 and parts[-2]["sections"] else "0"
            )
            title = m.group("title")
            if title is None or _is_upper_title(title) or int(m.group("code")) == int(previous) + 1:
                section = {"code": m.group("code"), "title": "", "max_points": None, "criteria": [], "_line": line.no}
                parts[-1]["sections"].append(section)
                criterion = None
                case = None
                open_ = _Open("section", section, [title] if title else [])
                continue
        holder = criterion if criterion is not None else section
        if re.match(r"^[a-z]\. Trường hợp", text):
            case = text
            continue
        if text.startswith("Lựa chọn một trong"):
            if holder is None:
                anomalies.append(f"line {line.no}: instruction outside a criterion")
            else:
                holder["instruction"] = text
            continue
        if text.startswith(NOTE_PREFIXES + REQUIREMENT_PREFIXES + CONDITION_PREFIXES) or text.startswith("("):
            if holder is None:
                anomalies.append(f"line {line.no}: note outside a criterion: {text!r}")
                continue
            if text.startswith(NOTE_PREFIXES):
                holder.setdefault("notes", []).append(text)
                last_note = holder
            elif text.startswith(REQUIREMENT_PREFIXES):
                holder["requirement"] = text
            elif text.startswith(CONDITION_PREFIXES):
                holder["condition"] = text
            elif was_note is not None:
                was_note["notes"][-1] = squash(was_note["notes"][-1] + " " + text)
                last_note = was_note
            else:
                holder["description"] = squash((holder.get("description") or "") + " " + text)
            continue
        if was_note is not None:
            was_note["notes"][-1] = squash(was_note["notes"][-1] + " " + text)  # a note wrapped onto a new cell line
            last_note = was_note
            continue
        anomalies.append(f"line {line.no}: text not understood: {text!r}")

    if total is None:
        anomalies.append(f"set {number}: no TỔNG CỘNG line")
    if anomalies:
        raise ExtractionError(f"set {number}:\n  " + "\n  ".join(anomalies))
    return {
        "number": number,
        "name": name,
        "heading_note": heading_note,
        "disqualification": disqualification,
        "parts": parts,
        "total": total,
        "star_note": squash(" ".join(_clean_star_note(star_note))) or None,
        "source": {"document": f"{DOCUMENT}, Phụ lục II", "first_line": first, "last_line": last},
    }


def _clean_star_note(lines: list[str]) -> list[str]:
    """The "Ghi chú: Dấu sao là …" footnote, without the signature block that follows it."""
    out = []
    for text in lines:
        if text.startswith("Ý kiến"):
            break
        out.append(text)
    return out


def count_check(data: dict, physical: list[str | None], lines: list[Line]) -> list[str]:
    """Nothing lost: every tick box of the text is an option, every star mark is on an option."""
    first, last = data["source"]["first_line"], data["source"]["last_line"]
    boxes = sum((physical[no - 1] or "").count("□") for no in range(first, last + 1))
    options = [o for p in data["parts"] for s in p["sections"] for c in s["criteria"] for o in c["options"]]
    problems = []
    if boxes != len(options):
        problems.append(f"set {data['number']}: {boxes} tick boxes in the text, {len(options)} options parsed")
    body = []
    for line in lines:
        if line.text.startswith("TỔNG CỘNG"):
            break
        body.append(line.text)
    marks = sum(1 for text in body if "***" in text.replace(" ", ""))
    starred = sum(1 for o in options if o.get("min_stars"))
    if marks != starred:
        problems.append(f"set {data['number']}: {marks} star marks in the text, {starred} on options")
    return problems


def _empty(value) -> bool:
    return value is None or value is False or (isinstance(value, list) and not value)


def _finish(node):
    """Drop the parser's private keys (those starting with '_') and empty fields."""
    if isinstance(node, dict):
        return {k: _finish(v) for k, v in node.items() if not k.startswith("_") and not _empty(v)}
    if isinstance(node, list):
        return [_finish(v) for v in node]
    return node


# --------------------------------------------------------------------------- corrections on data


def _find(data: dict, path: str):
    """The node named by a correction path: "2.4" (criterion), "part:A", "section:3"."""
    if path.startswith("part:"):
        return next(p for p in data["parts"] if p["code"] == path[5:])
    if path.startswith("section:"):
        return next(s for p in data["parts"] for s in p["sections"] if s["code"] == path[8:])
    for p in data["parts"]:
        for s in p["sections"]:
            for c in s["criteria"]:
                if c["code"] == path:
                    return c
    raise ExtractionError(f"correction path {path!r} not found in set {data['number']}")


def apply_data_corrections(sets: dict[int, dict], corrections: list[dict]) -> None:
    """Field-level corrections: each names set(s), a node, the values expected and the new ones."""
    for c in corrections:
        numbers = c["bo"] if isinstance(c["bo"], list) else [c["bo"]]
        for number in numbers:
            data = sets[number]
            node = data if c.get("path") in (None, "") else _find(data, c["path"])
            for key, expected in (c.get("expect") or {}).items():
                if node.get(key) != expected:
                    raise ExtractionError(
                        f"correction of set {number} {c.get('path')} expects {key}={expected!r}, found {node.get(key)!r} ({c['reason']})"
                    )
            node.update(c["set"])


def settle_part_titles(data: dict) -> list[str]:
    """Part titles without their "(40 Điểm)"; anomalies where the title and the column disagree."""
    anomalies = []
    for part in data["parts"]:
        m = POINTS_IN_TITLE.search(part["title"])
        if m:
            if int(m.group("n")) != part["max_points"]:
                anomalies.append(
                    f"set {data['number']} part {part['code']}: title says {m.group('n')} points, column says {part['max_points']}"
                )
            part["title"] = part["title"][: m.start()].strip()
    return anomalies


# --------------------------------------------------------------------------- main


def extract(legal: Path = LEGAL, corrections_path: Path = CORRECTIONS) -> tuple[dict, dict[int, dict]]:
    """The classification and the 26 sets as plain data, validated by the package's models."""
    raw_bytes = legal.read_bytes()
    raw = raw_bytes.decode("utf-8").split("\n")
    corrections = yaml.safe_load(corrections_path.read_text(encoding="utf-8")) or {}
    digest = hashlib.sha256(raw_bytes).hexdigest()
    if corrections.get("source_sha256") not in (None, digest):
        raise ExtractionError(
            f"{legal.name} changed (sha256 {digest[:12]}…, corrections written for {corrections['source_sha256'][:12]}…): "
            "review the corrections before extracting again"
        )
    physical = apply_text_corrections(raw, corrections.get("text", []))

    def find(prefix: str, after: int = 0) -> int:
        for no in range(after + 1, len(raw) + 1):
            if (physical[no - 1] or "").strip() == prefix:
                return no
        raise ExtractionError(f"{prefix!r} not found")

    pl1 = find("PHỤ LỤC I")
    pl2 = find("PHỤ LỤC II", pl1)
    pl3 = find("PHỤ LỤC III", pl2)
    classification = parse_classification(physical, pl1, pl2 - 1)

    sets: dict[int, dict] = {}
    failures = []
    for number, first, last in set_boundaries(physical, pl2, pl3 - 1):
        try:
            lines = logical_lines(physical, first, last)
            sets[number] = parse_set(number, lines, first, last)
        except ExtractionError as exc:
            failures.append(str(exc))
            continue
        failures += count_check(sets[number], physical, lines)
    if failures:
        raise ExtractionError("\n".join(failures))
    apply_data_corrections(sets, corrections.get("data", []))
    anomalies = [a for data in sets.values() for a in settle_part_titles(data)]
    if anomalies:
        raise ExtractionError("\n".join(anomalies))
    out = {}
    for number, data in sets.items():
        model = CriteriaSet.model_validate(_finish(data))
        out[number] = model.model_dump(mode="json", exclude_defaults=True)
    classification = Classification.model_validate(classification).model_dump(mode="json", exclude_defaults=True)
    return classification, out


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--legal", type=Path, default=LEGAL)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = parser.parse_args(argv)
    try:
        classification, sets = extract(args.legal, CORRECTIONS)
    except ExtractionError as exc:
        print(f"extraction failed: {exc}", file=sys.stderr)
        return 1
    files = {"classification.json": dump(classification)}
    files.update({f"bo-{n:02d}.json": dump(data) for n, data in sets.items()})
    if args.check:
        stale = [name for name, text in files.items() if not (args.out / name).is_file() or (args.out / name).read_text(encoding="utf-8") != text]
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"{len(files)} files up to date")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
