"""The content of a plan read into the model's section tree and its structured parts.

Headings are recognised by their numbering (I. / 1. / 1.1. / a) / (1) / Điều 1. / Chương I …),
never by a fixed outline: each numbering kind met opens a level, and a kind already open closes
the levels under it, so any scheme nests as the reader sees it (ND30-BODY-06). A label equal to
the one the engine prints automatically at that depth is left out (re-rendering then gives the
same text); a skipped or repeated number of the standard scheme is renumbered, with a note.
Inside the tree, the parts the model knows are recognised: tasks ("Đơn vị chủ trì: …",
"Thời gian thực hiện: …"), numeric targets (in the objectives), budget lines ("…: 14.000.000
đồng (…)."), and the body each section of TỔ CHỨC THỰC HIỆN gives duties to. Everything else
stays prose, word for word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..model.deadline import Deadline
from ..nd30.formats import strip_end_punctuation
from ..render.context import automatic_label  # the one rule for automatic labels
from ..vi.numbers import diem_index, from_roman, tien_bang_chu
from ..vi.text import fold
from .header import Note
from .lines import Line, normalise

ENGINE_HEADING_DEPTH = {"ND30 - Mục (I.)": 0, "ND30 - Khoản có tiêu đề (1.)": 1, "ND30 - Điểm có tiêu đề (a)": 2}


# ---------------------------------------------------------------- labels
@dataclass(frozen=True)
class Label:
    """A heading's number as printed ("I.", "3.1.", "a)", "Điều 1.") and its kind and value."""

    kind: str  # roman, dec, dec1p, decN (N components), alpha, paren, article, chapter, part, section
    text: str
    value: int | None = None


_LABEL_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("part", re.compile(r"^(?P<label>(?:Phần|PHẦN)\s+(?P<v>[IVXLC]+|\d{1,2}|thứ\s+\w+))\s*[.:–-]?\s+(?=\S)")),
    ("chapter", re.compile(r"^(?P<label>(?:Chương|CHƯƠNG)\s+(?P<v>[IVXLC]+|\d{1,2}))\s*[.:–-]?\s*(?=\S|$)")),
    ("section", re.compile(r"^(?P<label>(?:Mục|MỤC)\s+(?P<v>\d{1,2}))\s*[.:–-]\s*(?=\S)")),
    ("article", re.compile(r"^(?P<label>Điều\s+(?P<v>\d{1,3})\s*[.:])\s*(?=\S|$)")),
    # "IV.", "IV)", "IV/", "IV - " and "IV- " as pages print it (never "IV-2" or a word "I-ốt")
    ("roman", re.compile(r"^(?P<label>(?P<v>[IVXL]{1,6})\s*(?:[.)/]|\s?[-–](?=\s)))\s+(?=\S)")),
    ("decN", re.compile(r"^(?P<label>(?P<v>\d{1,2}(?:\.\d{1,2}){1,4})\.?)\s+(?=\S)")),
    ("dec", re.compile(r"^(?P<label>(?P<v>\d{1,3})\s*\.)\s*(?=[^\d\s.,/%])")),
    ("dec1p", re.compile(r"^(?P<label>(?P<v>\d{1,3})\s*\))\s*(?=\S)")),
    ("alpha", re.compile(r"^(?P<label>(?P<v>[a-zđ])\s*[).])\s+(?=\S)")),
    ("paren", re.compile(r"^(?P<label>\((?P<v>\d{1,2}|[a-zđ]|[ivx]{1,4})\))\s+(?=\S)")),
)


def match_label(text: str) -> tuple[Label, str] | None:
    """The heading label a paragraph opens with and the text after it, or None."""
    for kind, pattern in _LABEL_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        raw = normalise(m.group("label"))
        v = m.group("v")
        value = None
        if kind == "roman":
            try:
                value = from_roman(v)
            except ValueError:
                continue
            if value > 40:
                continue
        elif kind == "decN":
            kind = f"dec{v.count('.') + 1}"
            value = int(v.split(".")[-1])
        elif kind in ("dec", "dec1p", "article", "section") or (v.isdigit()):
            value = int(v) if v.isdigit() else None
        elif kind == "alpha":
            try:
                value = diem_index(v) + 1
            except (KeyError, ValueError):
                value = None
        elif kind in ("chapter", "part") and re.fullmatch(r"[IVXLC]+", v):
            try:
                value = from_roman(v)
            except ValueError:
                value = None
        rest = text[m.end():].strip()
        return Label(kind, raw, value), rest
    # "I MỤC ĐÍCH, YÊU CẦU": a heading in capitals whose Roman number lost its dot in the copy.
    m = _BARE_ROMAN_RE.match(text)
    if m and text.isupper():
        try:
            value = from_roman(m.group(1))
        except ValueError:
            return None
        if value <= 40:
            return Label("roman", m.group(1), value), text[m.end():].strip()
    return None


_BARE_ROMAN_RE = re.compile(r"^([IVXL]{1,6})\s+(?=[A-ZĐÀ-Ỹ]{2})")


_AUTO_KIND = {0: "roman", 1: "dec", 2: "alpha"}


def label_kind_of_auto(depth: int) -> str | None:
    return _AUTO_KIND.get(depth)


# ---------------------------------------------------------------- tree
@dataclass
class Node:
    """A heading or a paragraph while the tree is built."""

    line: Line
    heading: str | None = None  # None for a paragraph
    label: Label | None = None
    kind: str = ""
    fixed_depth: int | None = None
    run_in: bool = False
    text: str = ""
    style: str = "body"
    numbered: bool = False
    may_be_numbered: bool = False  # a numbered paragraph of text rather than a heading, if its depth allows
    rest: str = ""  # the text after a "I." / "1." / "a)" label
    marks: list[tuple[int, str]] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)

    @property
    def is_section(self) -> bool:
        return self.heading is not None


_DASH_RE = re.compile(r"^[-–—](?:\s+|(?=[^\d\s-]))")
_PLUS_RE = re.compile(r"^\+(?:\s+|(?=[^\d\s+]))")
_BULLET_RE = re.compile(r"^[•●▪◦○■➢►❖✓✔*]\s*(?=\S)")


def _shift(marks: list[tuple[int, str]], start: int, text: str) -> list[tuple[int, str]]:
    """Marks of a line re-based on the part of it that starts at ``start`` (its text is ``text``)."""
    out = []
    for offset, key in marks:
        if offset >= start:
            out.append((min(max(offset - start, 0), len(text)), key))
    return out


def paragraph_node(line: Line, text: str | None = None, start: int = 0) -> Node:
    text = line.text if text is None else text
    style = "body"
    cut = 0
    if m := _DASH_RE.match(text):
        style, cut = "dash", m.end()
    elif m := _PLUS_RE.match(text):
        style, cut = "plus", m.end()
    elif m := _BULLET_RE.match(text):
        style, cut = "dash", m.end()
    body = text[cut:]
    stripped = body.strip()
    lead_spaces = len(body) - len(body.lstrip())
    marks = _shift(line.marks, start + cut + lead_spaces, stripped)
    return Node(line, text=stripped, style=style, marks=marks)


def heading_text(text: str, run_in: bool) -> str:
    """A heading as the model stores it: a trailing ":" dropped unless the heading is run-in."""
    text = normalise(text)
    if not run_in and text.endswith(":"):
        text = text[:-1].rstrip()
    return text


def _looks_like_text(rest: str, line: Line) -> bool:
    """A numbered item that reads as a paragraph of text (a khoản without a title), not a heading."""
    return _reads_as_item(rest, line) and (len(rest) > 100 or ". " in rest)


def _reads_as_item(rest: str, line: Line) -> bool:
    """A numbered line that may be an item of a list rather than a heading: not bold, no title
    before a colon, ends like a sentence (the short items of a list whose long items read as text)."""
    if line.bold is True or line.lead_bold:
        return False
    colon = rest.find(":")
    return not 0 <= colon < 80 and rest.endswith((".", ";"))


def classify(line: Line, engine: bool) -> list[Node]:
    """The node(s) a body line makes: a heading (perhaps run-in, with its first paragraph) or a paragraph."""
    text = line.text
    fixed = ENGINE_HEADING_DEPTH.get(line.style or "") if engine else None
    found = match_label(text)
    if engine and fixed is None and line.style == "ND30 - Nội dung" and found is None and not line.lead_bold:
        return [paragraph_node(line)]
    if found is not None:
        label, rest = found
        lead = line.lead_bold
        if lead and len(lead) < len(text) and text.startswith(lead) and fixed is None:
            lead_found = match_label(lead)
            if lead_found is not None and lead_found[0].text == label.text and lead_found[1]:
                heading = normalise(lead_found[1])
                node = Node(line, heading=heading, label=label, kind=label.kind, run_in=True)
                body = text[len(lead):]
                return [node, paragraph_node(line, body, len(lead))]
        if not rest:
            if fixed is None:
                return [paragraph_node(line)]
        # A heading of this engine's own document is printed exactly as the model holds it.
        node = Node(line, heading=normalise(rest) if engine else heading_text(rest, False), label=label, kind=label.kind,
                    fixed_depth=fixed)
        if fixed is None and label.kind in ("roman", "dec", "alpha"):
            node.rest = rest
            node.may_be_numbered = (engine and line.style == "ND30 - Nội dung") or (not engine and _looks_like_text(rest, line))
            if node.may_be_numbered:
                node.text = rest
                node.marks = _shift(line.marks, len(text) - len(rest), rest)
        return [node]
    if fixed is not None:
        return [Node(line, heading=normalise(text), label=Label("none", ""), kind=f"h{fixed}", fixed_depth=fixed)]
    if not engine:
        if line.heading is not None and line.source == "docx" and len(text) < 200:
            return [Node(line, heading=heading_text(text, False), label=Label("none", ""), kind=f"outline{line.heading}")]
        if line.bold is True and len(text) < 150 and not text.endswith((".", ";", ",")) and not _DASH_RE.match(text) and not _PLUS_RE.match(text):
            return [Node(line, heading=heading_text(text, False), label=Label("none", ""), kind="bold")]
    return [paragraph_node(line)]


def build_tree(lines: list[Line], engine: bool) -> list[Node]:
    """The section tree of body lines: each numbering kind a level, a repeated kind a sibling."""
    root = Node(Line(""), heading="")
    stack: list[Node] = [root]
    for line in lines:
        for node in classify(line, engine):
            if not node.is_section:
                stack[-1].children.append(node)
                continue
            if node.fixed_depth is not None:
                del stack[node.fixed_depth + 1:]
                stack[-1].children.append(node)
                stack.append(node)
                continue
            # Levels an engine style fixed (I. / 1. / a)) are not reopened by a deeper label of the same kind.
            # A run-in heading keeps no style of its depth: its numbering kind places it.
            floor = 4 if engine and not node.run_in else 1
            kinds = [n.kind for n in stack[floor:]]
            parent_at = floor + kinds.index(node.kind) - 1 if node.kind in kinds else len(stack) - 1
            if node.may_be_numbered and parent_at <= 2 and label_kind_of_auto(parent_at) == node.kind:
                # A khoản without a title: numbered with its sibling sections, printed as text.
                del stack[parent_at + 1:]
                node.numbered = True
                node.heading = None
                stack[-1].children.append(node)
                continue
            del stack[parent_at + 1:]
            stack[-1].children.append(node)
            stack.append(node)
    _even_lists(root.children)
    return root.children


def _even_lists(nodes: list[Node]) -> None:
    """The items of one numbered list are read the same way: when some items read as numbered
    paragraphs of text, their short siblings ("2. Hỗ trợ 02 chủ thể …, hoàn thành trước ngày 15/9.")
    are items too, not headings without content (a Word list numbered 1., 2., 3.)."""
    for n, node in enumerate(nodes):
        if not node.numbered or not node.label:
            continue
        kind = node.label.kind
        for step in (-1, 1):
            k = n + step
            while 0 <= k < len(nodes):
                other = nodes[k]
                if other.numbered and other.label and other.label.kind == kind:
                    k += step
                    continue
                if not (other.is_section and not other.children and not other.run_in and other.fixed_depth is None
                        and other.label and other.label.kind == kind and other.rest
                        and _reads_as_item(other.rest, other.line)):
                    break
                other.numbered = True
                other.heading = None
                other.text = other.rest
                other.marks = _shift(other.line.marks, len(other.line.text) - len(other.rest), other.rest)
                k += step
    for node in nodes:
        if node.children:
            _even_lists(node.children)


def footnotes_of(node: Node, texts: dict[str, str], notes: list[Note], where: str) -> list[dict]:
    """The Footnote data of a paragraph: its note text and the words its mark follows."""
    out = []
    for offset, key in node.marks:
        note = texts.get(key)
        if note is None:
            notes.append(Note(where, f"đoạn có dấu chú thích {key} nhưng không tìm thấy nội dung chú thích", node.line.where()))
            continue
        entry: dict = {"text": note}
        if offset < len(node.text):
            entry["after"] = anchor(node.text, offset)
        out.append(entry)
    return out


def anchor(text: str, offset: int) -> str:
    """The shortest run of whole words ending at ``offset`` (at least two) whose first occurrence ends there."""
    words = list(re.finditer(r"\S+", text[:offset]))
    for n in range(min(2, len(words)), len(words) + 1):
        start = words[-n].start()
        candidate = text[start:offset]
        if text.find(candidate) + len(candidate) == offset:
            return candidate
    return text[:offset]


# ---------------------------------------------------------------- structured parts
_TASK_FIELDS = (
    ("lead", re.compile(r"^(?P<label>(?:Đơn vị|Cơ quan|Bộ phận)\s+(?:chủ trì(?: thực hiện)?|thực hiện(?: chính)?|chịu trách nhiệm(?: chính)?)|Chủ trì(?: thực hiện)?)\s*:\s*(?P<value>\S.*)$", re.I)),
    ("coordinating", re.compile(r"^(?P<label>(?:Đơn vị|Cơ quan)\s+phối hợp(?: thực hiện)?|Phối hợp(?: thực hiện)?)\s*:\s*(?P<value>\S.*)$", re.I)),
    ("deadline", re.compile(r"^(?P<label>Thời gian(?: thực hiện| hoàn thành)?|Thời hạn(?: thực hiện| hoàn thành)?|Tiến độ(?: thực hiện| hoàn thành)?)\s*:\s*(?P<value>\S.*)$", re.I)),
    ("result", re.compile(r"^(?P<label>Kết quả(?: dự kiến| đầu ra| cần đạt)?|Sản phẩm(?: dự kiến| đầu ra))\s*:\s*(?P<value>\S.*)$", re.I)),
)


def task_field(text: str) -> tuple[str, str, str] | None:
    for name, pattern in _TASK_FIELDS:
        m = pattern.match(text)
        if m:
            return name, normalise(m.group("label")), normalise(m.group("value"))
    return None


def _task(fields: list[tuple[str, str, str]]) -> dict | None:
    task: dict = {}
    labels: dict = {}
    for name, label, value in fields:
        value = strip_end_punctuation(value)
        if not value:
            return None
        labels[name] = label
        if name == "coordinating":
            task[name] = [normalise(v) for v in value.split(";") if v.strip()]
        else:
            task[name] = value
    if "lead" not in task:
        if "deadline" not in task:
            return None
        try:
            if Deadline.read(task["deadline"])["kind"] == "text":
                return None
        except ValueError:
            return None
    task["labels"] = labels
    return task


# Numbers of a target: the same tokens the model's check reads (Target._value_is_in_text).
_NUMBER_RE = re.compile(r"\d[\d.,]*\d|\d")
_NOT_QUANTITY_BEFORE = re.compile(
    r"(?:năm|giai đoạn|số|bước|lần|đợt|tháng|quý|ngày|điều|khoản|điểm|mục|phụ lục|biểu mẫu|mẫu|nhóm|cấp|hạng|từ|đến|trên|dưới)\s*$", re.I
)
_STOPWORDS = {
    "được", "đạt", "tham", "có", "trở", "từ", "trên", "cho", "của", "tại", "trong", "với", "và", "là", "mới", "đã",
    "theo", "để", "thuộc", "gắn", "sẽ", "phải", "hiện", "khoảng", "ít", "nhất", "tối", "thiểu", "đăng", "xây", "vào",
}


def _quantities(text: str) -> list[tuple[Decimal, str]]:
    """The quantities of a sentence that may be a target: (value, unit), in order."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        token = m.group()
        before, after = text[: m.start()], text[m.end():]
        if before.endswith(("/", "-", "–", ".", ",")) or after.startswith(("/", ".", ",")) and after[1:2].isdigit():
            continue
        if re.match(r"\s*[-–]\s*\d", after) or re.search(r"\d\s*[-–]\s*$", before):
            continue  # a range ("1 - 2 sao", "3-5 tổ chức")
        if re.match(r"\s*(?:sao|giờ|ngày|tháng|năm)\b", after, re.I) or (
            re.match(r"\s*điểm\b", after, re.I) and not re.match(r"\s*điểm\s+(?:bán|giới thiệu|trưng bày|du lịch)", after, re.I)
        ):
            continue
        if _NOT_QUANTITY_BEFORE.search(before):
            continue
        try:
            value = Decimal(token.replace(".", "").replace(",", "."))
        except InvalidOperation:
            continue
        if len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100:
            continue  # a year
        if after.lstrip().startswith("%"):
            out.append((value, "%"))
            continue
        words: list[str] = []
        for word in re.split(r"\s+", after.strip()):
            clean = word.strip(",.;:()“”\"")
            if not clean or clean.lower() in _STOPWORDS or len(words) >= 4:
                break
            words.append(clean)
            if word.endswith((",", ".", ";", ":", ")")):
                break
        out.append((value, " ".join(words) or None))
    return out


_BUDGET_RE = re.compile(
    r"^(?P<item>.*\S)\s*:\s*(?P<amount>\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?P<unit>đồng|nghìn đồng|ngàn đồng|triệu đồng|tỷ đồng|đ)(?=\W|$)(?P<rest>.*)$",
    re.I,
)
_UNIT_FACTOR = {"đồng": 1, "đ": 1, "nghìn đồng": 1000, "ngàn đồng": 1000, "triệu đồng": 10**6, "tỷ đồng": 10**9}


def _parenthesised(text: str) -> tuple[list[str], str]:
    """The parenthesised groups at the start of ``text`` (balanced) and what follows them."""
    groups = []
    text = text.strip()
    while text.startswith("("):
        depth = 0
        for i, ch in enumerate(text):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    groups.append(text[1:i].strip())
                    text = text[i + 1:].strip()
                    break
        else:
            break
    return groups, text


def budget_line(text: str) -> dict | None:
    """One budget line as BudgetLine data, or None when the sentence is more than an amount."""
    m = _BUDGET_RE.match(text)
    if not m:
        return None
    unit = m.group("unit").lower()
    digits = m.group("amount").replace(".", "").replace(",", "")
    if unit == "đồng" or unit == "đ":
        amount = int(digits)
    else:
        raw = m.group("amount")
        try:
            amount = int(Decimal(raw.replace(".", "").replace(",", ".")) * _UNIT_FACTOR[unit]) if "," in raw else int(digits) * _UNIT_FACTOR[unit]
        except InvalidOperation:
            return None
    groups, rest = _parenthesised(m.group("rest"))
    if rest.strip(" .;") != "":
        return None
    line: dict = {"item": normalise(m.group("item")), "amount": amount}
    words = None
    for group in groups:
        if re.match(r"^Bằng chữ\s*:", group, re.I):
            words = group.split(":", 1)[1].strip()
        elif "source" not in line:
            line["source"] = normalise(group)
        else:
            return None
    if words is not None:
        line["_in_words"] = words
    if unit != "đồng":
        line["_unit"] = unit
    return line


# ---------------------------------------------------------------- roles
def role_of(heading: str, depth: int, parent: str | None) -> str | None:
    """The role of a section from its heading (purposes, objectives, tasks, budget, organisation…)."""
    h = fold(heading, lower=True)
    if depth == 0:
        if "muc dich" in h and "yeu cau" in h:
            return "purposes_requirements"
        if h.startswith(("muc tieu", "chi tieu")) or "muc tieu" in h.split(",")[0]:
            return "objectives"
        if h.startswith("pham vi") or h.startswith("doi tuong"):
            return "scope"
        if "to chuc thuc hien" in h:
            return "organisation"
        if re.search(r"\b(kinh phi|nguon von|nguon luc tai chinh|du toan)\b", h) and not re.search(r"\b(nhiem vu|noi dung)\b", h):
            return "budget"
        if re.search(r"\b(nhiem vu|noi dung|hoat dong|giai phap)\b", h):
            return "tasks"
        if "bao cao" in h:
            return "reporting"
        return None
    if h.startswith("muc dich"):
        return "purposes"
    if h.startswith("yeu cau"):
        return "requirements"
    if h.startswith("muc tieu chung"):
        return "general_objectives"
    if re.search(r"\b(muc tieu cu the|chi tieu)\b", h):
        return "specific_targets"
    if re.search(r"^(nguon )?kinh phi|^nguon von|^du toan", h):
        return "budget"
    if re.search(r"che do bao cao", h):
        return "reporting"
    return None


_AGENCY_RE = re.compile(
    r"^(Sở|Phòng|Văn phòng|Văn Phòng|Ủy ban|Uỷ ban|UBND|Trung tâm|Ban|Hội|Đài|Báo|Liên minh|Tỉnh đoàn|Huyện đoàn|Đoàn|"
    r"Công an|Bộ|Chi cục|Cục|Kho bạc|Ngân hàng|Trường|Các|doanh nghiệp|Hợp tác xã|Tổ|Hội đồng|Thủ trưởng|Chủ tịch|"
    r"Giám đốc|Viện|Bệnh viện|Quỹ|Thanh tra|Bưu điện|Điện lực|Chi nhánh|Cơ quan|Đơn vị)\b"
)


def responsible_body(heading: str) -> str | None:
    """The body a TỔ CHỨC THỰC HIỆN section gives duties to ("Đề nghị Ủy ban MTTQ …" → "Ủy ban MTTQ …")."""
    text = normalise(heading)
    if ":" in text[:120]:
        text = text.split(":", 1)[0]
    text = re.sub(r"^(Đề nghị|Trách nhiệm của|Giao|Nhiệm vụ của)\s+", "", text)
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    text = text.rstrip(" :.;")
    if not text or not _AGENCY_RE.match(text) or len(text) > 160:
        return None
    return text


# ---------------------------------------------------------------- to model data
def to_blocks(nodes: list[Node], notes: list[Note], depth: int = 0, role: str | None = None, path: str = "body",
              footnotes: dict[str, str] | None = None) -> list:
    """Tree nodes as the model's block data (strings, section/paragraph/task/target/budget dicts)."""
    footnotes = footnotes or {}
    out: list = []
    section_index = 0
    for node in nodes:
        here = f"{path}[{len(out)}]"
        if node.is_section or node.numbered:
            try:
                auto = automatic_label(depth, section_index)
            except ValueError:  # more điểm than letters a–y: only the document's own label can stand
                auto = None
            section_index += 1
            label = node.label.text if node.label else ""
            explicit = label
            if label == auto:
                explicit = None
            elif node.label and node.label.kind == label_kind_of_auto(depth) and auto and _standard_punctuation(node.label):
                explicit = None
                notes.append(Note(here, f"số mục '{label}' không liền mạch (đúng thứ tự là '{auto}'); đã đánh số lại tự động",
                                  node.line.where()))
        if node.numbered:
            para = {"text": node.text, "style": "body", "numbered": True, "_line": node.line}
            if node.marks:
                para["footnotes"] = footnotes_of(node, footnotes, notes, here)
            out.append(para)
        elif node.is_section:
            data: dict = {"heading": node.heading or label or "…"}
            if explicit is not None:
                data["label"] = explicit
            my_role = role_of(node.heading or "", depth, role)
            if my_role:
                data["role"] = my_role
            inherited = my_role or role
            if node.run_in:
                data["run_in"] = True
            content = to_blocks(node.children, notes, depth + 1, inherited, here + ".content", footnotes)
            if inherited == "organisation" and (role == "organisation" or depth > 0):
                if not any(isinstance(b, dict) and "heading" in b for b in content):
                    body = responsible_body(node.heading or "")
                    if body:
                        data["responsible_body"] = body
            data["content"] = content
            out.append(data)
        else:
            para = {"text": node.text, "style": node.style, "_line": node.line}
            if node.marks:
                para["footnotes"] = footnotes_of(node, footnotes, notes, here)
            out.append(para)
    return _structured(out, notes, role, path)


def _standard_punctuation(label: Label) -> bool:
    if label.kind in ("roman", "dec"):
        return label.text.endswith(".")
    if label.kind == "alpha":
        return label.text.endswith((")", "."))
    return False


def _structured(blocks: list, notes: list[Note], role: str | None, path: str) -> list:
    """Runs of paragraphs turned into tasks, targets and budgets; other paragraphs made strings."""
    out: list = []
    i = 0
    n = len(blocks)
    in_targets = role in ("objectives", "specific_targets")
    in_budget = role == "budget"
    while i < n:
        block = blocks[i]
        if not _is_para(block):
            out.append(_para(block) if isinstance(block, dict) and "_line" in block else block)
            i += 1
            continue
        # Tasks: consecutive labelled lines.
        fields: list[tuple[str, str, str]] = []
        j = i
        while j < n and _is_para(blocks[j]) and (f := task_field(blocks[j]["text"])) is not None and f[0] not in [x[0] for x in fields]:
            fields.append(f)
            j += 1
        if fields:
            task = _task(fields)
            if task is not None:
                out.append({"task": task})
                i = j
                continue
        # Budget: amount lines ("…: 14.000.000 đồng (…)."), with a total line when several.
        if in_budget:
            lines = []
            j = i
            while j < n and _is_para(blocks[j]) and (bl := budget_line(blocks[j]["text"])) is not None:
                lines.append((bl, blocks[j]))
                j += 1
            if lines:
                budget, used, budget_notes = _budget(lines, path, len(out))
                notes.extend(budget_notes)
                if budget is not None:
                    out.append({"budget": budget})
                    for _, b in lines[used:]:
                        out.append(_para(b))
                    i = j
                    continue
        if in_targets and block["text"] and not _CAPTION_RE.match(block["text"]):
            quantities = _quantities(block["text"])
            if quantities:
                value, unit = quantities[0]
                target: dict = {"text": block["text"], "value": value}
                if unit:
                    target["unit"] = unit
                if block["style"] != "body":
                    target["style"] = block["style"]
                out.append({"target": target})
                i += 1
                continue
        out.append(_para(block))
        i += 1
    return out


# "Hình 1. Số sản phẩm OCOP …", "Bảng 2: …", "Biểu đồ 3 - …": a caption names a figure, it sets no target.
_CAPTION_RE = re.compile(r"^(?:Hình|Bảng|Biểu đồ|Sơ đồ|Biểu)\s+\d{1,3}[a-z]?\s*[.:–-]\s*\S")


def _is_para(block) -> bool:
    """A plain paragraph the structured parts may be made of (not numbered, no footnotes)."""
    return isinstance(block, dict) and "_line" in block and not block.get("numbered") and not block.get("footnotes")


def _para(block: dict):
    """A paragraph as spec data: a string ("- …" for list items), or a dict when it has more."""
    text, style = block["text"], block["style"]
    if block.get("numbered") or block.get("footnotes"):
        out = {"text": text}
        if style != "body":
            out["style"] = style
        if block.get("numbered"):
            out["numbered"] = True
        if block.get("footnotes"):
            out["footnotes"] = block["footnotes"]
        return out
    return {"dash": "- ", "plus": "+ "}.get(style, "") + text if style != "body" else text


def _budget(lines: list[tuple[dict, dict]], path: str, index: int) -> tuple[dict | None, int, list[Note]]:
    notes: list[Note] = []
    where = lines[0][1]["_line"].where()
    clean = []
    for bl, _ in lines:
        entry = {k: v for k, v in bl.items() if not k.startswith("_")}
        if bl.get("_unit"):
            notes.append(Note(f"{path}[{index}].budget", f"số tiền ghi bằng '{bl['_unit']}' được đổi ra đồng ({entry['amount']:,} đồng)".replace(",", "."), where))
        clean.append((entry, bl))
    budget: dict = {}
    if len(clean) >= 2:
        *items, (last, last_raw) = clean
        total = sum(e["amount"] for e, _ in items)
        if re.match(r"^(Tổng|Cộng)", last["item"], re.I) and last_raw["amount"] == total:
            budget = {"lines": [e for e, _ in items], "total_label": last["item"]}
            if last_raw.get("_in_words"):
                budget["in_words"] = True
                _check_words(last_raw, notes, path, index, where)
            return budget, len(lines), notes
        if re.match(r"^(Tổng|Cộng)", last["item"], re.I):
            notes.append(Note(f"{path}[{index}].budget", f"tổng kinh phí ghi {last_raw['amount']:,} đồng nhưng cộng các dòng được {total:,} đồng; dòng tổng giữ nguyên dạng văn bản".replace(",", "."), where))
            return {"lines": [e for e, _ in items]}, len(lines) - 1, notes
        return {"lines": [e for e, _ in clean]}, len(lines), notes
    entry, raw = clean[0]
    budget = {"lines": [entry]}
    if raw.get("_in_words"):
        budget["in_words"] = True
        _check_words(raw, notes, path, index, where)
    return budget, 1, notes


def _check_words(raw: dict, notes: list[Note], path: str, index: int, where: str) -> None:
    expected = tien_bang_chu(raw["amount"])
    if fold(raw["_in_words"], lower=True).rstrip(".") != fold(expected, lower=True):
        notes.append(Note(f"{path}[{index}].budget", f"số tiền bằng chữ '{raw['_in_words']}' không khớp với số ({expected})", where))


def clean_blocks(blocks: list) -> list:
    """Block data without the parser's private keys (``_line``), ready for the model."""
    out = []
    for block in blocks:
        if isinstance(block, dict):
            if "_line" in block:
                out.append(_para(block))
                continue
            block = {k: (clean_blocks(v) if k == "content" else v) for k, v in block.items() if not k.startswith("_")}
        out.append(block)
    return out
