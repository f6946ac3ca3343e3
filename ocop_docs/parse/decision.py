"""A Quyết định read back: as the engine's ``plan_decision`` when it issues an attached plan.

The decision's articles are matched to what the model builds from data (Mẫu 1.3): Điều 1 issues
the plan ("Ban hành kèm theo Quyết định này Kế hoạch …"), the articles after it are extra
articles, the effect sentence ("Quyết định này có hiệu lực …") is its own article or the last
paragraph of the executors' article, and the executors' article lists who carries the decision
out ("A; B; C chịu trách nhiệm thi hành Quyết định này"). Wording that differs from the model's
default is kept in the fields that override it (``title``, ``issue_text``, ``executors_closing``).
A decision without an attached plan has no general model yet: it stays as read (kind "decision").
"""
from __future__ import annotations

import re
from datetime import date

from ..model.decision import decision_subject, lower_first
from .body import match_label
from .header import Note

_EFFECT_RE = re.compile(r"^(Quyết định này có hiệu lực[^.]*)\.?$")
_EXECUTORS_RE = re.compile(
    r"^(?P<who>.+?)\s+(?P<closing>(?:chịu trách nhiệm|căn cứ quyết định|có trách nhiệm)\s+(?:thi hành|triển khai thực hiện|thực hiện)[^.]*?)\.?$",
    re.I,
)
_NHU_DIEU_RE = re.compile(r"^Như\s+Điều\s+\d+$", re.I)


def plan_decision(decision: dict, plan: dict, parent: dict | None, notes: list[Note]) -> dict | None:
    """The ``plan_decision`` spec data of a decision and its attached plan (None if it does not fit)."""
    articles = decision.get("articles") or []
    if not articles:
        return None
    title = decision.get("title") or ""
    verb = "Phê duyệt" if title.startswith("Phê duyệt") else "Ban hành"
    data: dict = {"kind": "plan_decision"}
    for key in ("issuer", "number", "number_year", "symbol", "place", "date", "draft_year", "recipients", "archive", "signer"):
        if key in decision:  # a None kept too: "archive" None is a document without a Lưu line
            data[key] = decision[key]
    if "date" not in data:
        year = decision.get("draft_year") or plan.get("year")
        data["expected_date"] = date(int(year), 1, 1) if year else None
        notes.append(Note("expected_date", f"quyết định chưa có ngày; tạm lấy ngày dự kiến ký {data['expected_date']:%d/%m/%Y} để áp dụng quy định — cần sửa"))
    data["verb"] = verb
    authority = decision.get("authority") or ""
    data["authority"] = "individual" if re.match(r"^(CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|TRƯỞNG BAN)\b", authority) else "collective"
    bases = []
    for basis in decision.get("legal_bases", []):
        if basis.get("verb") in ("Theo đề nghị của", "Xét đề nghị của") and basis is decision["legal_bases"][-1]:
            data["proposed_by"] = basis["text"]
        else:
            bases.append(basis)
    data["legal_bases"] = bases
    if not bases:
        data["propose_bases"] = False
    # The attached plan: its own fields (issuer, place, date and signer are the decision's).
    own = {k: v for k, v in plan.items() if k in ("doc_type", "title", "year", "end_year", "preamble", "body", "closing")}
    data["plan"] = own
    default_title = f"{verb} {own.get('doc_type', 'Kế hoạch')} {lower_first(own.get('title', ''))}"
    if title and title != default_title:
        data["title"] = title
    first = " ".join(articles[0]["text"])
    default_issue = f"{verb} kèm theo Quyết định này {own.get('doc_type', 'Kế hoạch')} {lower_first(own.get('title', ''))}."
    if first and first != default_issue:
        data["issue_text"] = first
    rest = articles[1:]
    effect = None
    effect_article = True
    if rest:
        last = rest[-1]["text"]
        if len(last) > 1 and _EFFECT_RE.match(last[-1]):
            effect, effect_article = _EFFECT_RE.match(last[-1]).group(1), False
            executors_text = " ".join(last[:-1])
            rest = rest[:-1]
        else:
            executors_text = " ".join(last)
            rest = rest[:-1]
            if rest and len(rest[-1]["text"]) == 1 and _EFFECT_RE.match(rest[-1]["text"][0]):
                effect = _EFFECT_RE.match(rest[-1]["text"][0]).group(1)
                rest = rest[:-1]
        m = _EXECUTORS_RE.match(executors_text)
        if m:
            data["executors"] = _executors(m.group("who"))
            closing = m.group("closing").strip()
            if closing != "chịu trách nhiệm thi hành Quyết định này":
                data["executors_closing"] = closing
        else:
            data["executors"] = [executors_text.rstrip(".")] if executors_text else ["…"]
            notes.append(Note("executors", "không tách được điều thi hành ('… chịu trách nhiệm thi hành Quyết định này'); ghi nguyên văn"))
    if effect is not None:
        data["effect"] = effect
    if not effect_article:
        data["effect_article"] = False
    data["extra_articles"] = [_article(a) for a in rest]
    data["recipients"] = [r for r in data.get("recipients", []) if not _NHU_DIEU_RE.match(r)]
    if parent:
        phrase = parent.get("text", "")
        data["attachment_phrase"] = "Ban hành kèm theo" if phrase.lower().startswith("ban hành") else "Kèm theo"
        if re.search(r"ngày\s+\d{1,2}/\d{1,2}/\d{4}", phrase):
            data["attachment_date_style"] = "short"
        if parent.get("issuer"):
            data["attachment_issuer"] = parent["issuer"]
    return data


_WHO_RE = re.compile(r"^(?:Chánh|Phó Chánh|Giám đốc|Chủ tịch|Thủ trưởng|Trưởng|Cục trưởng|Chi cục trưởng|Các|các|"
                     r"Thành viên|thành viên|Sở|Ban|Hội|UBND|Ủy ban|Tổ|Văn phòng|Người|Ông|Bà|Kho bạc|Ngân hàng)\b")


def _executors(text: str) -> list[str]:
    """Who carries the decision out, split at ";" — except inside a list opened by ":" ("Giám đốc các
    Sở: Nông nghiệp và PTNT, …; Văn hóa, Thể thao và Du lịch, …" is one executor)."""
    out: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if out and ":" in out[-1] and not _WHO_RE.match(part):
            out[-1] = f"{out[-1]}; {part}"
        else:
            out.append(part)
    return out


def _article(article: dict) -> dict:
    text = article["text"]
    out: dict = {}
    if text:
        out["text"] = text[0]
        if len(text) > 1:
            out["content"] = text[1:]
    return out


# ---------------------------------------------------------------- any other decision
_DASH_RE = re.compile(r"^[-–+•]\s*")


def general_decision(decision: dict, extra: list[str], notes: list[Note]) -> dict:
    """The ``decision`` spec data (GeneralDecision) of a decision read back, articles split into
    khoản ("1."), điểm ("a)") and list lines; what follows the signature becomes ``attached``."""
    data: dict = {"kind": "decision"}
    for key in ("issuer", "doc_type", "number", "number_year", "_number_text", "symbol", "place", "date", "draft_year", "title", "legal_bases", "preamble",
                "signer", "recipients", "archive", "authority"):
        if key in decision:  # a None kept too: "archive" None is a document without a Lưu line
            data[key] = decision[key]
    articles = []
    for article in decision.get("articles") or []:
        lines = list(article["text"])
        out: dict = {}
        first = lines.pop(0) if lines else ""
        if first and len(first) < 120 and not first.endswith((".", ":", ";")) and lines:
            out["title"] = first  # "Điều 2. Nhiệm vụ, quyền hạn" over its khoản
        elif first:
            out["text"] = first
        clauses: list[dict] = []
        for text in lines:
            found = match_label(text)
            kind = found[0].kind if found else None
            if kind in ("dec", "dec1p", "dec2", "dec3", "roman", "paren"):
                clauses.append({"label": found[0].text, "text": found[1]})
            elif kind == "alpha":
                if not clauses:
                    clauses.append({})
                clauses[-1].setdefault("points", []).append({"label": found[0].text, "text": found[1]})
            elif _DASH_RE.match(text) and clauses:
                holder = clauses[-1]["points"][-1] if clauses[-1].get("points") else clauses[-1]
                holder.setdefault("content", []).append(text)
            else:
                clauses.append({"text": text})
        if clauses:
            out["clauses"] = clauses
        if not out:
            out["text"] = "…"
            notes.append(Note("articles", f"{article['label']} không có nội dung đọc được"))
        articles.append(out)
    if not articles:
        # A copy cut before Điều 1 (or without articles): nothing is made up; the reader adds them.
        notes.append(Note("articles", "không tìm thấy điều khoản nào ('Điều 1.'); để trống — cần bổ sung"))
    else:
        data["articles"] = articles

    first = articles[0].get("text") or articles[0].get("title") if articles else None
    data["subject"] = decision_subject(data.get("title"), first)
    if extra:
        data["attached"] = list(extra)
    return data
