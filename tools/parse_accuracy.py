"""Field accuracy of the parser over the collected corpus (tests/data/corpus/collected/).

    python tools/parse_accuracy.py          # tables: per field, per layout, then the mismatches
    python tools/parse_accuracy.py --json   # the same figures as JSON

Each document folder holds source.txt (the text as the website gave it), meta.yaml (source,
layout) and truth.yaml (what a careful reader sees). The parser's output (``parse_file``) is
mapped onto the truth fields by ``extract`` and both sides are lightly normalised (NFC,
whitespace, case, the uỷ/ủy tone placement, trailing punctuation of list items) before they
are compared. A field the truth leaves null is right only if the parser leaves it empty too:
an invented value is an error. A parser crash makes every field of that document wrong. Where
the site cut the header cell to "ỦY BAN NHÂN DÂN", truth.yaml also gives ``issuer_full`` (the
name the rest of the page shows) and either name counts.

What ``extract`` reads from the parser's spec, so that a parser change can keep it true:
``kind``; ``issuer.name_lines`` (else ``issuer.name``), ``issuer.parent``, ``issuer.level``;
``number_text`` (the Số as printed) else ``number`` + ``number_year`` + ``symbol`` (or the default
symbol the spec leaves out: type + issuer abbreviation); ``place``, ``date``,
``doc_type``, ``title``, ``authority``; ``legal_bases`` (verb + text; a "Theo/Xét đề nghị"
entry is the proposal unless ``proposal`` is given); ``body`` headings (plans, reports) or
``articles`` (decisions); ``signer`` (on_behalf_of, authority, head_title, title, name);
``recipients`` + ``archive``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus" / "collected"

HEADER_FIELDS = ["issuer", "parent", "level", "number", "place", "date", "doc_type", "title", "authority"]
FIELDS = ["kind", *HEADER_FIELDS, "legal_bases", "proposal", "sections", "signer", "recipients"]
SECTION_PREFIX = 60  # a section is matched on its first characters: a heading, or "Điều n." and its opening
PROPOSAL_VERBS = ("Theo đề nghị", "Xét đề nghị")
_TONE_VARIANTS = {"uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy", "oà": "òa", "oá": "óa",
                  "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe"}


# ---------------------------------------------------------------- normalisation
def norm(value) -> str | None:
    """NFC, literal "\\r\\n" and runs of white space as one space, case folded, old tone placement."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).replace("\\r\\n", " ")
    text = re.sub(r"\s+", " ", text).strip().casefold()
    for old, new in _TONE_VARIANTS.items():
        text = text.replace(old, new)
    return text or None


def norm_item(value) -> str | None:
    """A list item: also without its leading dash and its closing punctuation ("…;", "…./.")."""
    text = norm(value)
    if text is None:
        return None
    text = re.sub(r"^[-–+•]\s*", "", text)
    return re.sub(r"[\s;,.:/]+$", "", text) or None


def norm_list(values, item=norm_item) -> list[str] | None:
    items = [x for x in (item(v) for v in values or []) if x]
    return items or None


# ---------------------------------------------------------------- parser output → truth fields
def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value if v)
    value = str(value).strip()
    # "…" is how the spec writes a blank to fill (a draft's number, place): nothing was read.
    return None if re.fullmatch(r"[.…_\s]*", value) else value


def _signer(data: dict) -> dict | None:
    signer = data.get("signer")
    if not signer:
        return None
    lines = []
    if signer.get("on_behalf_of"):
        lines.append(f"TM. {signer['on_behalf_of']}")
    if signer.get("authority") and signer.get("head_title"):
        lines.append(f"{signer['authority']}. {signer['head_title']}")
    if signer.get("title"):
        lines.append(signer["title"])
    name = _text(signer.get("name"))
    if not lines and not name:
        return None
    return {"lines": lines, "name": name}


def _sections(data: dict) -> list[str] | None:
    if data.get("articles"):
        out = []
        for n, article in enumerate(data["articles"], 1):
            # A read-back decision: {"label", "text": [lines]}; the general decision model: {"title"|"text", "clauses"}.
            first = article.get("title") or article.get("text") or [""]
            first = first[0] if isinstance(first, list) else first
            label = article.get("label") or f"Điều {n}."
            out.append(f"{label} {first if isinstance(first, str) else ''}".strip())
        return out
    headings = [block.get("heading") for block in data.get("body") or [] if isinstance(block, dict)]
    return [h for h in headings if h] or None


_SUBJECT_KINDS = {"phê duyệt": "approval_decision", "ban hành quy chế": "regulation_decision",
                  "hội đồng": "council_decision", "công nhận": "recognition_decision"}
_TYPE_KINDS = {"Nghị quyết": "resolution", "Hướng dẫn": "guidance", "Báo cáo": "report", "Thông báo": "notice",
               "Công văn": "official_letter"}


def _truth_name(kind: str | None) -> str | None:
    """The corpus truth names kinds the older English way ("plan", "council_decision"): a registry id
    ("ke-hoach", "quyet-dinh-hoi-dong") is read as its old name."""
    from ocop_docs import kinds

    try:
        entry = kinds.find(kind) if kind else None
    except (KeyError, ValueError):
        return kind
    if entry is None:
        return kind
    return next((a for a in entry.aliases if "-" not in a), kind)


def _kind(data: dict, parsed) -> str | None:
    """The truth's kind from the parser's: its model kind, refined by the decision's subject or the type."""
    kind = _truth_name(data.get("kind") or parsed.kind)
    if kind == "decision" and data.get("subject") in _SUBJECT_KINDS:
        return _SUBJECT_KINDS[data["subject"]]
    if kind == "plan" and data.get("doc_type") in _TYPE_KINDS:
        return _TYPE_KINDS[data["doc_type"]]
    return kind


def _default_symbol(data: dict) -> str | None:
    """The symbol the spec leaves out because it is the default one (type + issuer abbreviation)."""
    from ocop_docs.nd30 import doctypes
    from ocop_docs.nd30.formats import symbol_for

    issuer = data.get("issuer") or {}
    try:
        return symbol_for(doctypes.doc_type(data.get("doc_type")).abbreviation, issuer.get("abbreviation"))
    except Exception:  # an unknown type or a missing abbreviation: no default to rebuild
        return None


def extract(parsed) -> dict:
    """The truth fields as the parser read them (see the module doc for the keys used)."""
    data = parsed.data or {}
    issuer = data.get("issuer") or {}
    bases, proposal = [], _text(data.get("proposal"))
    for basis in data.get("legal_bases") or []:
        verb, text = (basis.get("verb") or "", basis.get("text") or "") if isinstance(basis, dict) else ("", str(basis))
        full = f"{verb} {text}".strip()
        if not verb and bases and full:
            # The parser gives each cited act its own căn cứ; the truth keeps acts cited after ";"
            # without their own verb in the item of the verb before them.
            bases[-1] = f"{bases[-1]}; {full}"
            continue
        if verb.startswith(PROPOSAL_VERBS) and proposal is None:
            proposal = full
        elif full:
            bases.append(full)
    number = _text(data.get("number_text") or data.get("_number_text"))
    if number is None and data.get("number") is not None:
        # The spec leaves out a ký hiệu its model prints by default: the printed one is the model's.
        symbol = (data.get("symbol") or getattr(getattr(parsed, "model", None), "effective_symbol", None)
                  or _default_symbol(data))
        year = f"{data['number_year']}/" if data.get("number_year") else ""  # a normative act's "25/2022/QĐ-UBND"
        number = f"{data['number']}/{year}{symbol}" if symbol else str(data["number"])
    recipients = list(data.get("recipients") or [])
    if data.get("archive"):
        recipients.append(f"Lưu: {data['archive']}")
    date = data.get("date")
    return {
        "kind": _kind(data, parsed),
        "issuer": _text(issuer.get("name_lines")) or _text(issuer.get("name")),
        "parent": _text(issuer.get("parent")),
        "level": issuer.get("level"),
        "number": number,
        "place": _text(data.get("place")),
        "date": date.isoformat() if isinstance(date, (dt.date, dt.datetime)) else _text(date),
        "doc_type": _text(data.get("doc_type")),
        # A công văn's trích yếu is printed after "V/v", which the spec leaves out.
        "title": (f"V/v {data['title']}" if data.get("doc_type") == "Công văn" and data.get("title")
                  else _text(data.get("title"))),
        "authority": _text(data.get("authority") or data.get("_authority")),
        "legal_bases": bases or None,
        "proposal": proposal,
        "sections": _sections(data),
        "signer": _signer(data),
        "recipients": recipients or None,
    }


# ---------------------------------------------------------------- comparison
def same(field: str, expected, got) -> bool:
    """Whether the parser's value is the truth, after light normalisation."""
    if field == "date":
        expected = expected.isoformat() if isinstance(expected, dt.date) else expected
        return norm(expected) == norm(got)
    if field in ("legal_bases", "recipients"):
        return norm_list(expected) == norm_list(got)
    if field == "sections":
        cut = lambda v: (norm_item(v) or "")[:SECTION_PREFIX] or None  # noqa: E731
        return norm_list(expected, cut) == norm_list(got, cut)
    if field == "signer":
        if not expected or not got:
            return not expected and not got
        return (norm_list(expected.get("lines"), norm) == norm_list(got.get("lines"), norm)
                and norm(expected.get("name")) == norm(got.get("name")))
    if field == "number":  # "1578 /KH-UBND" is "1578/KH-UBND"; a dropped leading zero ("09") is not
        strip = lambda v: re.sub(r"\s*([/-])\s*", r"\1", norm(v)) if v is not None else None  # noqa: E731
        return strip(expected) == strip(got)
    if field in ("proposal",):
        return norm_item(expected) == norm_item(got)
    return norm(expected) == norm(got)


def documents(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "truth.yaml").is_file())


def _source(folder: Path) -> Path:
    for name in ("source.docx", "source.pdf", "source.txt"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{folder}: no source file")


def evaluate(corpus: Path = CORPUS) -> dict:
    """Every document parsed and compared: per-document results, per-field and per-layout rates."""
    from ocop_docs.parse import parse_file

    results = []
    for folder in documents(corpus):
        truth = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))
        meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
        crash = None
        try:
            got = extract(parse_file(_source(folder)))
        except Exception as exc:  # a crash is a result here: every field wrong, and listed
            crash, got = f"{type(exc).__name__}: {exc}", {}
        fields = {}
        for field in FIELDS:
            expected = truth.get(field)
            ok = crash is None and same(field, expected, got.get(field))
            # Where the site kept only "ỦY BAN NHÂN DÂN" of the header cell, the full name read from
            # the rest of the page (authority line, preamble, metadata) is right too.
            if field == "issuer" and truth.get("issuer_full"):
                ok = ok or (crash is None and same(field, truth["issuer_full"], got.get(field)))
                expected = [expected, truth["issuer_full"]]
            fields[field] = {"ok": ok, "expected": expected, "got": got.get(field)}
        results.append({"slug": folder.name, "layout": meta.get("layout"), "crash": crash, "fields": fields})
    return summarise(results)


def _rate(oks: list[bool]) -> float:
    return round(sum(oks) / len(oks), 4) if oks else 0.0


def summarise(results: list[dict]) -> dict:
    per_field = {f: _rate([r["fields"][f]["ok"] for r in results]) for f in FIELDS}
    per_layout = defaultdict(list)
    for r in results:
        per_layout[r["layout"]].append(r)
    layouts = {
        layout: {"documents": len(rs), "header": _rate([r["fields"][f]["ok"] for r in rs for f in HEADER_FIELDS]),
                 "all": _rate([r["fields"][f]["ok"] for r in rs for f in FIELDS])}
        for layout, rs in sorted(per_layout.items(), key=lambda kv: str(kv[0]))
    }
    groups = {
        "header": _rate([r["fields"][f]["ok"] for r in results for f in HEADER_FIELDS]),
        "legal_bases": per_field["legal_bases"],
        "sections": per_field["sections"],
        "all": _rate([r["fields"][f]["ok"] for r in results for f in FIELDS]),
    }
    return {"documents": len(results), "groups": groups, "fields": per_field, "layouts": layouts,
            "crashes": [{"slug": r["slug"], "error": r["crash"]} for r in results if r["crash"]],
            "results": results}


# ---------------------------------------------------------------- report
def _pct(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _short(value, width: int = 110) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def report(summary: dict) -> str:
    out = [f"Độ chính xác của bộ đọc văn bản trên {summary['documents']} văn bản thật", "",
           "| Nhóm trường | Tỷ lệ đúng |", "|---|---|"]
    names = {"header": "Phần đầu (9 trường)", "legal_bases": "Căn cứ", "sections": "Mục lớn / Điều", "all": "Tất cả"}
    out += [f"| {names[g]} | {_pct(r)} |" for g, r in summary["groups"].items()]
    out += ["", "| Trường | Tỷ lệ đúng |", "|---|---|"]
    out += [f"| {f} | {_pct(r)} |" for f, r in summary["fields"].items()]
    out += ["", "| Bố cục | Số văn bản | Phần đầu | Tất cả |", "|---|---|---|---|"]
    out += [f"| {layout} | {v['documents']} | {_pct(v['header'])} | {_pct(v['all'])} |"
            for layout, v in summary["layouts"].items()]
    if summary["crashes"]:
        out += ["", "Lỗi khi đọc (mọi trường tính là sai):"]
        out += [f"- {c['slug']}: {c['error']}" for c in summary["crashes"]]
    out += ["", "Các trường sai (cần: … / đọc được: …):"]
    for r in summary["results"]:
        for field, v in r["fields"].items():
            if not v["ok"] and not r["crash"]:
                out.append(f"- {r['slug']} · {field}\n    cần:      {_short(v['expected'])}\n    đọc được: {_short(v['got'])}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo độ chính xác của bộ đọc văn bản trên bộ văn bản thật.")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    args = parser.parse_args(argv)
    summary = evaluate()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    else:
        print(report(summary))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
