"""A Quyết định thành lập / kiện toàn Hội đồng OCOP read into its own model (``council_decision``).

The general decision read back (``decision.general_decision``) is mapped onto CouncilDecision:
members from Điều 1 ("- Chủ tịch Hội đồng: Ông Nguyễn Văn A, Phó Chủ tịch UBND huyện;" or
"Ông Nguyễn Văn A, Phó Chủ tịch UBND huyện - Chủ tịch Hội đồng"), the team after a line naming
it ("2. Tổ giúp việc Hội đồng …, gồm:"), the duties, standing body, working mode and funding
from Điều 2, the replaced decision and the effect sentence, the executors. The document's own
wording is kept in the fields that override the model's defaults, so rendering prints it again.
A member list attached after the signature ("… có tên tại Danh sách kèm theo Quyết định này")
is read from its rows (members_layout: attached). When the decision does not fit (no chair, a
role the model does not know, a row of the attached part that is no member), ``council_decision``
returns None with the reason, and the decision stays a general one: nothing is dropped or made up.
"""
from __future__ import annotations

import re
from datetime import date

from ..model.decision import council_role, team_role
from ..vi.dates import parse_date
from .decision import _EFFECT_RE, _EXECUTORS_RE, _executors
from .header import Note

_HONORIFIC = r"(?P<hon>Ông|Bà|ông|bà)\s+"
_NAME = r"(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,5})"
# "Chủ tịch Hội đồng: Ông Nguyễn Văn A, Phó Chủ tịch UBND huyện"
_ROLE_FIRST_RE = re.compile(rf"^(?:[-–+•]\s*|\d+\.\s*)?(?P<role>[^:]{{3,60}}):\s*{_HONORIFIC}{_NAME}\s*,\s*(?P<post>.+?)[;.]?$")
# "Ông Nguyễn Văn A, Phó Chủ tịch UBND huyện - Chủ tịch Hội đồng"
_ROLE_LAST_RE = re.compile(rf"^(?:[-–+•]\s*|\d+\.\s*)?{_HONORIFIC}{_NAME}\s*,\s*(?P<post>.+?)\s*[-–,]\s*(?P<role>[^,–-]{{3,60}}?)[;.]?$")
_TEAM_RE = re.compile(r"\b(Tổ tư vấn giúp việc|Tổ tư vấn|Tổ giúp việc|Tổ thư ký)\b")
_STANDING_RE = re.compile(r"^(?:\d+\.\s*)?(?P<body>.+?) là cơ quan thường trực của Hội đồng, có trách nhiệm (?P<duties>.+?)\.?$")
_REPLACES_RE = re.compile(
    r"\s+và thay thế Quyết định số (?P<number>\d+)/(?P<symbol>[^\s]+) ngày (?P<date>\d{1,2}/\d{1,2}/\d{4}) "
    r"của (?P<issuer>.+?)(?: (?P<title>về việc .+?))?\.?$"
)


def _member(text: str, team: bool) -> dict | None:
    for pattern in (_ROLE_FIRST_RE, _ROLE_LAST_RE):
        m = pattern.match(text.strip())
        if not m:
            continue
        try:
            role = (team_role if team else council_role)(m.group("role"))
        except ValueError:
            continue
        return {"honorific": m.group("hon").capitalize(), "name": m.group("name"),
                "position": m.group("post").strip(" ,;."), "role": role}
    return None


# The attached list, rows as the reader joins table cells: "4 | Ông Trần Quốc Bảo | Phó Giám đốc Sở Y tế | Ủy viên".
_GROUP_ROW_RE = re.compile(r"^(?P<stt>[IVX]{1,4})\s*\|\s*(?P<text>.+)$")
_LIST_FRAME_RE = re.compile(r"^(?:DANH SÁCH|THÀNH VIÊN\b|\(?\s*(?:Ban hành\s+)?[Kk]èm theo\b|(?:S|Số\s*)?TT\s*\|)")
# A group row names the team in capitals as often as not: "II | TỔ TƯ VẤN GIÚP VIỆC HỘI ĐỒNG".
_TEAM_LABELS = ("Tổ tư vấn giúp việc", "Tổ tư vấn", "Tổ giúp việc", "Tổ thư ký")
_TEAM_ANY_CASE_RE = re.compile(r"\b(" + "|".join(_TEAM_LABELS) + r")\b", re.I)


def _attached_members(rows: list[str]) -> tuple[list[dict], dict | None, str]:
    """Members (and the team) of an attached "DANH SÁCH THÀNH VIÊN …" read from its rows, or why not.
    Every row must be the list's title, its "(Kèm theo …)" line, the header, a group row or a member:
    a row of anything else keeps the decision general, so nothing is dropped."""
    members: list[dict] = []
    team: dict | None = None
    for row in rows:
        cells = [c.strip() for c in row.split("|")]
        group = _GROUP_ROW_RE.match(row)
        if group:
            named = _TEAM_ANY_CASE_RE.search(group.group("text"))
            if named:
                label = next(x for x in _TEAM_LABELS if x.lower() == named.group(1).lower())
                team = {"label": label, "members": []}
            elif team is not None or members:
                return [], None, f"dòng nhóm '{row[:60]}' của danh sách kèm theo không phải Hội đồng hay Tổ"
            continue
        if len(cells) == 4 and cells[0].isdigit():
            who = re.match(rf"^(?:{_HONORIFIC})?{_NAME}$", cells[1])
            try:
                role = (team_role if team is not None else council_role)(cells[3])
            except ValueError:
                return [], None, f"chức danh '{cells[3]}' ở danh sách kèm theo không có trong mô hình"
            if who is None:
                return [], None, f"'{cells[1]}' ở danh sách kèm theo không đọc được thành họ tên"
            member = {"name": who.group("name"), "position": cells[2], "role": role}
            if who.group("hon"):
                member["honorific"] = who.group("hon").capitalize()
            (team["members"] if team is not None else members).append(member)
            continue
        if not _LIST_FRAME_RE.match(row):
            return [], None, f"dòng '{row[:60]}' sau chữ ký không thuộc danh sách thành viên"
    return members, team, ""


def _lines(article: dict) -> list[str]:
    out = [t for t in (article.get("title"), article.get("text")) if t]
    for clause in article.get("clauses", []):
        out.append(" ".join(x for x in (clause.get("label"), clause.get("text")) if x))
        out += clause.get("content", [])
        for point in clause.get("points", []):
            out.append(" ".join(x for x in (point.get("label"), point.get("text")) if x))
            out += point.get("content", [])
    return [t for t in out if t]


def _dashes(lines: list[str]) -> list[str]:
    return [re.sub(r"^[-–+•]\s*", "", t).rstrip(" ;.") + "." for t in lines]


def council_decision(general: dict, notes: list[Note]) -> tuple[dict | None, str]:
    """The ``council_decision`` spec data of a general decision about an OCOP council, or (None, why)."""
    title = general.get("title") or ""
    articles = general.get("articles") or []
    if "hội đồng" not in title.lower() or len(articles) < 3:
        return None, "không có đủ các Điều của quyết định về Hội đồng"
    data: dict = {"kind": "council_decision"}
    for key in ("issuer", "number", "number_year", "symbol", "place", "date", "draft_year", "signer", "recipients", "archive"):
        if key in general:  # a None kept too: "archive" None is a document without a Lưu line
            data[key] = general[key]
    data["action"] = "kiện toàn" if "kiện toàn" in title.lower() else "thành lập"
    data["authority"] = "individual" if (general.get("authority") or "").startswith("CHỦ TỊCH") else "collective"
    # Members (Điều 1): the council's, then the team's after the line that names the team.
    members: list[dict] = []
    team: dict | None = None
    first = _lines(articles[0])
    for text in first[1:] if first else []:
        named = _TEAM_RE.search(text)
        if named and _member(text, True) is None and _member(text, False) is None:
            team = {"label": named.group(1), "members": []}
            continue
        member = _member(text, team is not None)
        if member is not None:
            (team["members"] if team is not None else members).append(member)
        elif members and not re.search(r"\bgồm\b|sau đây gọi tắt", text):
            shown = text if len(text) <= 60 else text[:60].rsplit(" ", 1)[0] + " …"
            return None, f"dòng '{shown}' ở Điều 1 không đọc được thành thành viên"
    if not members and general.get("attached") and re.search(r"Danh sách kèm theo", " ".join(first), re.I):
        # "… gồm các thành viên có tên tại Danh sách kèm theo Quyết định này": the list after the signature.
        members, team, why = _attached_members(general["attached"])
        if why:
            return None, why
        data["members_layout"] = "attached"
    elif general.get("attached"):
        return None, "có phần kèm theo sau chữ ký không phải danh sách thành viên"
    if not members:
        return None, "không đọc được danh sách thành viên Hội đồng ở Điều 1"
    data["members"] = members
    if team is not None:
        data["team"] = team
    m = re.search(r"(Hội đồng đánh giá,? phân hạng sản phẩm[^(,]*?)\s*\(sau đây gọi tắt", " ".join(first))
    if m:
        data["council_name"] = m.group(1).strip()
    year = re.search(r"\bnăm (20\d{2})\b", data.get("council_name", ""))
    if year:
        data["year"] = int(year.group(1))
    # Duties (Điều 2), by the khoản that open them.
    second = _lines(articles[1])
    current = None
    for text in second:
        if re.match(r"^\d+\.\s*Nhiệm vụ của Hội đồng", text):
            current = data.setdefault("duties", [])
        elif team is not None and re.match(rf"^\d+\.\s*Nhiệm vụ của {re.escape(team['label'])}", text):
            current = team.setdefault("duties", [])
        elif text.startswith(("-", "–", "+")) and current is not None:
            current.append(text)
        else:
            current = None
            body = _STANDING_RE.match(text)
            if body:
                data["standing_body"] = body.group("body")
                data["standing_body_duties"] = body.group("duties")
            elif "kiêm nhiệm" in text:
                data["working_mode"] = re.sub(r"^\d+\.\s*", "", text)
            elif re.match(r"^\d+\.\s*Kinh phí", text):
                data["funding"] = re.sub(r"^\d+\.\s*", "", text)
    for holder in (data, team or {}):
        if holder.get("duties"):
            holder["duties"] = _dashes(holder["duties"])
    # Effect (and the decision it replaces), executors.
    effect_text = " ".join(_lines(articles[-2])).rstrip("./")
    replaced = _REPLACES_RE.search(effect_text)
    if replaced:
        effect_text = effect_text[: replaced.start()]

        data["replaces"] = [{"number": int(replaced.group("number")), "symbol": replaced.group("symbol"),
                             "date": parse_date(replaced.group("date")), "issuer": replaced.group("issuer"),
                             **({"title": replaced.group("title")} if replaced.group("title") else {})}]
    if not _EFFECT_RE.match(effect_text):
        return None, "không thấy Điều hiệu lực ('Quyết định này có hiệu lực …') trước Điều thi hành"
    data["effect"] = effect_text
    executors = _EXECUTORS_RE.match(" ".join(_lines(articles[-1])).rstrip("./"))
    if not executors:
        return None, "không tách được Điều thi hành ('… chịu trách nhiệm thi hành Quyết định này')"
    data["executors"] = _executors(executors.group("who"))
    if executors.group("closing").strip() != "chịu trách nhiệm thi hành Quyết định này":
        data["executors_closing"] = executors.group("closing").strip()
    if len(articles) > 4:
        return None, f"quyết định có {len(articles)} Điều; mô hình Hội đồng có 4 Điều"
    bases = [b for b in general.get("legal_bases", []) if b.get("verb") not in ("Theo đề nghị của", "Xét đề nghị của")]
    proposal = [b for b in general.get("legal_bases", []) if b.get("verb") in ("Theo đề nghị của", "Xét đề nghị của")]
    data["legal_bases"] = bases
    data["propose_bases"] = False
    if proposal:
        data["proposed_by"] = proposal[-1]["text"]
    data["recipients"] = [r for r in data.get("recipients", []) if not re.match(r"^Như Điều \d+$", r)]
    if "date" not in data:
        year_ = data.get("draft_year")
        if not year_:
            return None, "quyết định chưa có ngày và năm"
        data["expected_date"] = date(year_, 1, 1)
        notes.append(Note("expected_date", f"quyết định chưa có ngày; tạm lấy ngày dự kiến ký 01/01/{year_} để áp dụng quy định — cần sửa"))
    data["title"] = title
    return data, ""
