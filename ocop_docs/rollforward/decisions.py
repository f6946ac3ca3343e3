"""The officer's answers to a rolled-forward plan: each value a person must decide, and the final draft.

The roll-forward (``roll_forward``) leaves to a person what software must not guess: the number
and date, the signer, every amount and every target (in budget and target blocks, in a table's
number cells and in sentences), and the dates it could not move. :func:`decisions` lists them,
each under a stable key, in the order of the document::

    so, ngay, nguoi-ky-chuc-vu, nguoi-ky-ho-ten, so-tien-1, so-tien-2…, chi-tieu-1…, thoi-han-1…

:func:`apply_decisions` takes the answers (a mapping of those keys; an empty answer is no answer)
and gives the final draft. Every answer is checked first, all at once, with a Vietnamese message
naming the field (an amount that is not a number, a date outside the plan's time, a name with
digits…): nothing is applied while any answer is wrong. Each applied answer is a change credited
to the officer (``files.write_decided`` marks it in Word as the officer's tracked change); an
answer equal to the value the draft holds confirms it. A decision left unanswered stays in the
reviews, so it stays a comment in the draft .docx.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DataError, Problem
from ..model.plan import BudgetBlock, Paragraph, Plan, TableBlock, TargetBlock
from ..vi.dates import parse_date
from ..vi.numbers import format_number, parse_number, tien_bang_chu
from . import Item, RollResult, Slot, _money_columns, _walk, in_document_order, value_at
from .figures import figures_in

OFFICER = "Người soạn thảo"
"""Whom the officer's tracked changes are credited to when no name is given."""

_FAMILY = {"number": "so", "date": "ngay", "title": "nguoi-ky-chuc-vu", "name": "nguoi-ky-ho-ten",
           "money": "so-tien", "amount": "so-tien", "count": "chi-tieu", "stars": "chi-tieu", "percent": "chi-tieu",
           "cell": "chi-tieu", "money-cell": "so-tien", "text": "chi-tieu", "deadline": "thoi-han"}
_SINGLE = {"so": "Số văn bản", "ngay": "Ngày ký", "nguoi-ky-chuc-vu": "Chức vụ người ký",
           "nguoi-ky-ho-ten": "Họ tên người ký"}
_NAMES = {"so-tien": "Số tiền", "chi-tieu": "Chỉ tiêu", "thoi-han": "Thời hạn"}
_HINT = {
    "number": "số do văn thư cấp, ví dụ 45", "date": "ví dụ 10/02/2026", "title": "ví dụ PHÓ CHỦ TỊCH",
    "name": "ví dụ Nguyễn Văn A", "money": "số đồng, ví dụ 90.000.000 hoặc 90 triệu", "amount": "số đồng, ví dụ 90.000.000",
    "count": "một số nguyên, ví dụ 05", "stars": "số sao từ 1 đến 5", "percent": "phần trăm từ 0 đến 100, ví dụ 35",
    "cell": "một số, ví dụ 12 hoặc 1.500", "money-cell": "số đồng, ví dụ 15.000.000", "text": "câu chỉ tiêu mới", "deadline": "ví dụ 30/6/2026 hoặc Quý II/2026",
}
_MAX_TEXT = 1000
_MAX_COUNT = 10**6
_MAX_AMOUNT = 10**18 - 1  # as a budget line (model.plan.MAX_AMOUNT)
_UNITS = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}


@dataclass(eq=False)
class Decision:
    """One value a person must decide: its key in the answers, its Vietnamese label, what the draft holds."""

    key: str
    label: str
    kind: str  # Slot.kind
    current: str
    hint: str
    item: Item
    slot: Slot


@dataclass
class Answer:
    """An answer applied: the value before and as printed now; ``kept`` when it confirms the draft's value."""

    decision: Decision
    before: str
    after: str
    kept: bool = False


@dataclass
class Decided:
    """The final draft: ``result`` (plan with the answers; reviews still open; changes including the
    officer's), the roll-forward's own draft it was made from, and what was answered."""

    result: RollResult
    rolled: RollResult
    answered: list[Answer] = field(default_factory=list)
    open: list[Decision] = field(default_factory=list)
    author: str = OFFICER


def decisions(result: RollResult) -> list[Decision]:
    """The values a person must decide in ``result``, keyed and labelled, in document order.

    A slot keeps the key it got the first time (``roll_forward`` keys them all): after some answers
    the decisions left keep their keys, so one answers file serves every round."""
    out: list[Decision] = []
    seen: set[int] = set()
    counts: dict[str, int] = {}
    for item in in_document_order(result.reviews, result.plan):
        for slot in item.slots:
            if id(slot) in seen or (slot.key and slot.key in result.answered):
                continue
            seen.add(id(slot))
            family = _FAMILY[slot.kind]
            if not slot.key:
                if family in _SINGLE:
                    slot.key = family
                else:
                    counts[family] = counts.get(family, 0) + 1
                    slot.key = f"{family}-{counts[family]}"
                slot.order = len(seen)
            if family in _SINGLE:
                label = _SINGLE[family]
            else:
                label = f"{_NAMES[family]} {slot.key.rsplit('-', 1)[1]} ({item.where})"
            hint = f"số {slot.unit}, ví dụ 15 hoặc 1.500" if slot.unit else _HINT[slot.kind]
            out.append(Decision(slot.key, label, slot.kind, _current(result.plan, slot), hint, item, slot))
    return sorted(out, key=lambda d: d.slot.order)


def _same(old: str, current: str) -> bool:
    """Whether the value an answer was written for is the value the cell holds (spacing and
    "(trống)" aside)."""
    def norm(text: str) -> str:
        text = " ".join(str(text).split())
        return "" if text == "(trống)" else text
    return norm(old) == norm(current)


def _current(plan: Any, slot: Slot) -> str:
    value = value_at(plan, slot.path)
    if value is None:
        return ""
    if slot.start >= 0:
        return value[slot.start:slot.end]
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if slot.kind == "amount":
        return format_number(value)
    return str(value)


def apply_decisions(result: RollResult, answers: Mapping[str, Any], *, author: str = OFFICER,
                    source: str | Path | None = None, written_for: Mapping[str, str] | None = None) -> Decided:
    """The final draft of ``result`` with the officer's ``answers`` (see module doc).

    ``written_for`` gives, per key, the value the cell held when the answer was written (the
    answers file's "# hiện ghi …"). Keys are positions in the document: a sentence added to the old
    plan moves every later key by one, so an answer whose cell now holds another value is refused.

    DataError (naming ``source``, the answers file, when given) lists every wrong answer and every
    key that is not a decision of this draft; nothing is applied then.
    """
    items = decisions(result)
    by_key = {d.key: d for d in items}
    problems: list[Problem] = []
    for key in answers:
        if key not in by_key:
            known = ", ".join(list(by_key)[:12]) + ("…" if len(by_key) > 12 else "")
            problems.append(Problem(f"không có ô này trong bản dự thảo (các ô: {known})" if by_key else
                                    "bản dự thảo này không có ô nào để điền", path=str(key)))
    for key, old in (written_for or {}).items():
        d = by_key.get(key)
        if d is not None and _text(answers.get(key)) and not _same(old, d.current):
            moved = [o.key for o in items if o.key.rsplit("-", 1)[0] == key.rsplit("-", 1)[0] and _same(old, o.current)]
            where = f"; ô ghi «{old}» nay là {', '.join(moved)}" if moved else ""
            problems.append(Problem(
                f"câu trả lời được viết cho ô ghi «{old}» nhưng ô này nay ghi «{d.current or '(trống)'}» "
                f"({d.label}){where}; văn bản cũ đã đổi nên các mã ô có thể đã dịch: xem lại báo cáo của "
                f"lần chạy này rồi sửa tệp trả lời; chưa ghi tệp nào", path=key))
    plan = result.plan
    if not isinstance(plan, Plan):  # a decision rolled forward has no value to fill
        if problems:
            raise DataError(source, problems)
        return Decided(result, result, [], items, author or OFFICER)
    wanted: list[tuple[Decision, str, Any, bool]] = []  # decision, printed words, value to set, kept
    for d in items:
        raw = answers.get(d.key)
        text = _text(raw)
        if not text:
            continue
        if " ".join(text.split()) == " ".join(d.current.split()):
            wanted.append((d, d.current, None, True))
            continue
        try:
            printed, value = _read(d, text, plan)
        except ValueError as exc:
            problems.append(Problem(f"«{d.label}»: {exc}", path=d.key))
            continue
        wanted.append((d, printed, value, False))
    if problems:
        raise DataError(source, problems)

    final = plan.model_copy(deep=True)
    changed_texts: dict[str, str] = {}
    # Words inside one text are replaced from the end, so the earlier spans stay where they are.
    in_words: list[Item] = []  # the amounts in words that follow an answered amount, read again
    edits = sorted((w for w in wanted if not w[3]), key=lambda w: (w[0].slot.start >= 0, w[0].slot.start), reverse=True)
    for d, printed, value, _ in edits:
        try:
            if d.slot.start >= 0:
                old = value_at(final, d.slot.path)
                rest = old[d.slot.end:]
                if d.kind == "money":
                    rest, words = _words_of_amount(rest, _amount(printed))
                    if words:
                        in_words.append(Item(d.item.where, "Số tiền bằng chữ: đọc lại theo số tiền mới", words[0],
                                             words[1], category="officer"))
                new = old[:d.slot.start] + printed + rest
                if d.slot.path[-2:] == ("target", "text"):
                    _set_target(final, d.slot.path[:-1], new, d.current, printed)
                else:
                    _set(final, d.slot.path, new)
                changed_texts[old] = new
            elif d.slot.path[-2:] == ("target", "text"):  # a target sentence answered whole
                _set_target(final, d.slot.path[:-1], printed, d.current, printed)
            else:
                _set(final, d.slot.path, printed if value is None else value)
                signer = final.signer
                if d.kind == "title" and signer is not None and signer.authority and signer.head_title \
                        and signer.head_title.upper() == (signer.title or "").upper():
                    # The head signs in person ("Chủ tịch" under "KT. CHỦ TỊCH"): no "KT." line.
                    in_words.append(Item("Chữ ký", "Người đứng đầu tự ký: bỏ dòng thẩm quyền ký thay",
                                         f"{signer.authority}. {signer.head_title}", "(bỏ)", category="officer"))
                    signer.authority, signer.head_title = None, None
        except (ValidationError, ValueError) as exc:
            problems.append(Problem(f"«{d.label}»: {_validation_message(exc)}", path=d.key))
    totals = _restate_totals(final, [w[0] for w in edits]) + in_words
    if not problems:
        try:
            final = Plan.model_validate(final.model_dump(mode="python"))
        except ValidationError as exc:
            problems.append(Problem(f"bản dự thảo sau khi điền không hợp lệ: {_validation_message(exc)}"))
    if problems:
        raise DataError(source, problems)

    answered = [Answer(d, d.current, printed, kept) for d, printed, _, kept in wanted]
    done = {id(d.slot): d.key for d, *_ in wanted}

    def now(text: str) -> str:  # a text after every answer made in it
        while text in changed_texts:
            text = changed_texts[text]
        return text

    open_items = []
    for item in result.reviews:
        if item.slots and all(id(s) in done for s in item.slots):
            continue
        # A sentence changed by an answer: an open decision in it is anchored on its new words.
        item = replace(item, within=now(item.within), printed=[now(p) for p in item.printed])
        keys = [done[id(s)] for s in item.slots if id(s) in done]
        if keys:  # partly answered: what it holds now, and what was answered
            item.before = "; ".join(_current(final, s) for s in item.slots)
            item.action += f" (đã điền: {', '.join(keys)})"
        open_items.append(item)
    open_items += _total_mismatches(final)
    officer = [Item(a.decision.item.where, f"{a.decision.label}: người soạn quyết định", a.before or "(trống)",
                    a.after, category="officer", printed=[_printed(final, a.decision.slot, a.after)])
               for a in answered if not a.kept] + totals
    final_result = RollResult(plan=final, source=result.source, year=result.year, on=result.on,
                              changes=result.changes + officer, reviews=open_items, bases=result.bases,
                              warnings=result.warnings, answered={a.decision.key: a.after for a in answered})
    left = [d for d in items if id(d.slot) not in done]
    author = re.sub(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]", "", " ".join(author.split()))[:100]  # a name Word can store
    return Decided(final_result, result, answered, left, author or OFFICER)


def _printed(plan: Plan, slot: Slot, after: str) -> str:
    """The words of the final draft an answer shows in (its sentence, or the value itself)."""
    value = value_at(plan, slot.path)
    return value if slot.start >= 0 and isinstance(value, str) else after


# ---------------------------------------------------------------- reading one answer
def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, date):
        return f"{raw:%d/%m/%Y}"
    return " ".join(str(raw).split())


def _read(d: Decision, text: str, plan: Plan) -> tuple[str, Any]:
    """(words to print, value to set) of an answer; ValueError (Vietnamese) when it cannot be one."""
    if len(text) > _MAX_TEXT:
        raise ValueError(f"quá dài ({len(text)} ký tự; tối đa {_MAX_TEXT})")
    if any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 or ch in "\ufffe\uffff" for ch in text):
        raise ValueError("có ký tự điều khiển (không in được); gõ lại giá trị")
    kind = d.kind
    if kind == "number":
        if not text.isdigit() or not 1 <= int(text) <= 99999:
            raise ValueError(f"'{text}' không phải số văn bản (một số nguyên dương, ví dụ 45)")
        return text, int(text)
    if kind == "date":
        try:
            day = parse_date(text)
        except ValueError as exc:
            raise ValueError(str(exc)) from None
        first, last = date(plan.year - 1, 1, 1), date(plan.end_year or plan.year, 12, 31)
        if not first <= day <= last:
            raise ValueError(f"ngày {day:%d/%m/%Y} nằm ngoài thời gian ký kế hoạch {_period(plan)} "
                             f"(từ {first:%d/%m/%Y} đến {last:%d/%m/%Y})")
        return f"{day:%d/%m/%Y}", day
    if kind == "title":
        return text, text
    if kind == "name":
        if any(ch.isdigit() for ch in text) or not re.fullmatch(r"[^\W\d_]+(?:[ .'-][^\W\d_]+)*\.?", text):
            raise ValueError(f"'{text}' không phải họ tên (chỉ gồm chữ cái và dấu cách)")
        if text.islower() or text.isupper():  # "nguyễn văn hải" is printed "Nguyễn Văn Hải", as a signer's name is
            text = " ".join(w[:1].upper() + w[1:].lower() for w in text.split())
        return text, text
    if kind == "money-cell" and d.slot.unit:
        value = _in_unit(text, d.slot.unit)
        return format_number(value, _decimals(value)), None
    if kind == "money" and re.fullmatch(r"[\d.,\s]+", text):
        # A bare number for "6.450 triệu đồng" is in the sentence's unit: "7000" is 7.000 triệu.
        unit = re.search(r"\b(nghìn|ngàn|triệu|tỷ|tỉ)\b", d.current, re.I)
        if unit:
            text = f"{text} {unit.group(1)}"
    if kind in ("money", "amount", "money-cell"):
        amount = _amount(text)
        if kind == "amount":
            return format_number(amount), amount
        if kind == "money-cell":
            return format_number(amount), None
        return _money_words(amount, d.current), None
    if kind in ("count", "stars", "percent", "cell"):
        return _figure(kind, text, d.current), None
    if kind == "deadline":
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]
        if not years:
            raise ValueError(f"'{text}' không có năm; ghi thời hạn có năm, ví dụ 30/6/{plan.year} hoặc Quý II/{plan.year}")
        for m in re.finditer(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", text):
            try:
                parse_date(m.group(0))
            except ValueError as exc:
                raise ValueError(str(exc)) from None
        end = (plan.end_year or plan.year) + 1
        outside = [y for y in years if not plan.year <= y <= end]
        if outside:
            raise ValueError(f"năm {outside[0]} nằm ngoài thời gian của kế hoạch {_period(plan)} "
                             f"(thời hạn từ năm {plan.year} đến năm {end})")
        return text, None
    return text, None  # text: a target sentence, any words


def _period(plan: Plan) -> str:
    return f"năm {plan.year}" if not plan.end_year or plan.end_year == plan.year else f"giai đoạn {plan.year}-{plan.end_year}"


def _amount(text: str) -> int:
    """đồng from "90.000.000", "90000000 đồng", "90 triệu", "1,5 tỷ đồng"; "90,000,000" is refused."""
    words = re.sub(r"\s*(?:đồng|vnđ|vnd|đ|₫)\.?\s*$", "", text.strip(), flags=re.I)
    words = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", ".", words)  # "12 500 000" is 12.500.000
    unit = 1
    m = re.fullmatch(r"(.+?)\s*(nghìn|ngàn|triệu|tỷ|tỉ)", words, flags=re.I)
    if m:
        words, unit = m.group(1), _UNITS[m.group(2).lower()]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", words):
        raise ValueError(f"số tiền '{text}' không rõ ràng: dấu phẩy là dấu thập phân; viết 90.000.000 (dấu chấm "
                         "ngăn cách hàng nghìn)")
    try:
        number = parse_number(words) * unit
    except ValueError:
        raise ValueError(f"'{text}' không phải số tiền (ghi ví dụ 90.000.000 hoặc 90 triệu)") from None
    if number < 0:
        raise ValueError(f"số tiền không được âm ('{text}')")
    if number != number.to_integral_value():
        raise ValueError(f"số tiền phải là số nguyên đồng ('{text}')")
    if number > _MAX_AMOUNT:
        raise ValueError(f"số tiền quá lớn ('{text}')")
    return int(number)


def _in_unit(text: str, unit: str) -> Decimal:
    """An amount for a column written in ``unit`` ("triệu đồng"): a bare number is in that unit
    ("900" → 900), an amount with its own unit is converted ("1,5 tỷ" → 1.500; "900.000.000 đồng" → 900)."""
    size = _UNITS[unit.split()[0]]
    if re.search(r"(?:đồng|vnđ|vnd|đ|₫|nghìn|ngàn|triệu|tỷ|tỉ)\.?\s*$", text.strip(), re.I):
        value = Decimal(_amount(text)) / size
    else:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text.strip()):
            raise ValueError(f"số '{text}' không rõ ràng: dấu phẩy là dấu thập phân; viết 1.500 (dấu chấm ngăn cách "
                             "hàng nghìn)")
        try:
            value = parse_number(text)
        except ValueError:
            raise ValueError(f"'{text}' không phải số {unit} (ghi ví dụ 15 hoặc 1.500)") from None
    if value < 0:
        raise ValueError(f"số tiền không được âm ('{text}')")
    if _decimals(value) > 3:
        raise ValueError(f"'{text}' có quá nhiều chữ số thập phân cho cột tính bằng {unit}")
    return value


_IN_WORDS = re.compile(r"^(\s*\((?:[Bb]ằng chữ\s*:\s*)?)([^()\d]{3,200}?\bđồng)(\s*\))")


def _words_of_amount(rest: str, amount: int) -> tuple[str, tuple[str, str] | None]:
    """The text after an answered amount with the amount in words that follows it ("(Mười bốn triệu
    đồng)", "(Bằng chữ: …)") read for the new amount; and (old words, new words) when they changed."""
    m = _IN_WORDS.match(rest)
    if not m:
        return rest, None
    words = tien_bang_chu(amount)
    if m.group(2)[:1].islower():
        words = words[0].lower() + words[1:]
    if words == m.group(2):
        return rest, None
    return m.group(1) + words + m.group(3) + rest[m.end():], (m.group(2), words)


def _money_words(amount: int, current: str) -> str:
    """An amount written as the sentence wrote the old one: "90 triệu đồng" after "85 triệu đồng"."""
    currency = re.search(r"(đồng|VNĐ|VND|đ)\s*$", current, re.I)
    tail = currency.group(1) if currency else "đồng"
    unit = re.search(r"\b(nghìn|ngàn|triệu|tỷ|tỉ)\b", current, re.I)
    if unit:
        size = _UNITS[unit.group(1).lower()]
        scaled = Decimal(amount) / size
        decimals = _decimals(scaled)
        if decimals <= 3:
            return f"{format_number(scaled, decimals)} {unit.group(1)} {tail}"
    return f"{format_number(amount)} {tail}"


def _decimals(number: Decimal) -> int:
    """How many decimals ``number`` needs (12,50 → 1; 1.000 → 0)."""
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


_NUMBER_START = re.compile(r"^\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)")


def _figure(kind: str, text: str, current: str) -> str:
    """A target's figure (count, stars, percent) or a table's number cell, written like ``current``."""
    m = _NUMBER_START.match(text)
    if not m:
        raise ValueError(f"'{text}' không phải một số ({_HINT[kind]})")
    try:
        number = parse_number(m.group(1))
    except ValueError:
        raise ValueError(f"'{text}' không phải một số ({_HINT[kind]})") from None
    rest = text[m.end():].strip().rstrip("%").strip()
    old = _NUMBER_START.match(current)
    old_rest = current[old.end():] if old else ""
    if kind in ("count", "stars") and number != number.to_integral_value():
        raise ValueError(f"'{text}' phải là số nguyên ({_HINT[kind]})")
    if kind == "count" and not 0 <= number <= _MAX_COUNT:
        raise ValueError(f"'{text}' nằm ngoài 0–{format_number(_MAX_COUNT)}")
    if kind == "stars" and not 1 <= number <= 5:
        raise ValueError(f"hạng sao '{text}' phải từ 1 đến 5")
    if kind == "percent" and not 0 <= number <= 100:
        raise ValueError(f"tỷ lệ '{text}' phải từ 0 đến 100")
    if kind == "cell" and number < 0:
        raise ValueError(f"'{text}' không được âm")
    decimals = _decimals(number)
    digits = format_number(number, decimals)
    width = len(old.group(1)) if old and old.group(1).startswith("0") and old.group(1).isdigit() else 0
    if width and number == number.to_integral_value() and len(digits) < width:
        digits = digits.zfill(width)  # "05 sản phẩm" stays two digits: "03 sản phẩm"
    if kind == "percent":
        return digits + (old_rest if old_rest.strip() == "%" else "%")
    if rest and kind == "count":
        return f"{digits} {rest}"  # the officer named another unit ("3 hợp tác xã")
    return digits + old_rest


# ---------------------------------------------------------------- writing into the plan
def _set(plan: Plan, path: tuple, value: Any) -> None:
    """Set the value at ``path`` (validated as the model validates an assignment)."""
    parent: Any = plan
    for step in path[:-1]:
        if step == "signer" and parent.signer is None:  # the old plan had no signature block
            from ..model.common import Signer

            plan.signer = Signer(title=value if path[-1] == "title" else None, name=value if path[-1] == "name" else "")
            return
        parent = parent[step] if isinstance(step, int) else getattr(parent, step)
    last = path[-1]
    if isinstance(last, int):
        parent[last] = value
        return
    current = getattr(parent, last)
    if current is not None and hasattr(current, "quarter") and isinstance(value, str):  # a task's Deadline
        value = type(current).model_validate(value)
    setattr(parent, last, value)


def _set_target(plan: Plan, path: tuple, text: str, before: str, after: str) -> None:
    """A target's sentence with a new figure, and its value when it was that figure ("05 sản phẩm"
    → value 5): the two change together, as the model checks that the value is in the sentence."""
    target = value_at(plan, path)
    data = target.model_dump()
    data["text"] = text
    old, new = _NUMBER_START.match(before), _NUMBER_START.match(after)
    if old and new and target.value is not None and parse_number(old.group(1)) == target.value:
        data["value"] = parse_number(new.group(1))
    _set(plan, path, type(target).model_validate(data))


def _restate_totals(plan: Plan, edited: list[Decision]) -> list[Item]:
    """Totals a document states, for the budgets and tables whose figures were answered: a stated
    total that no longer adds up would refuse the plan, so a budget states the new sum and a table
    its computed total row. Each is returned as a change, never made in silence."""
    made = []
    for d in edited:
        if d.kind == "amount":
            budget = value_at(plan, d.slot.path[:-3])
            if budget.stated_total is not None and budget.stated_total != sum(line.amount for line in budget.lines):
                before = budget.stated_total
                budget.stated_total = sum(line.amount for line in budget.lines)
                made.append(Item(d.item.where, "Tổng kinh phí ghi trong văn bản: tính lại theo các dòng đã sửa",
                                 format_number(before), format_number(budget.stated_total), category="officer"))
        elif d.kind in ("cell", "money-cell"):
            table = value_at(plan, d.slot.path[:-4])
            if table.total is not None and table.total.stated:
                before = "; ".join(table.total.stated.values())
                table.total.stated = {}
                made.append(Item(d.item.where.split(", bảng")[0], "Dòng tổng cộng của bảng: phần mềm cộng lại từ các "
                                 "dòng đã sửa", before, "(tính lại khi in)", category="officer"))
    return made


def _total_mismatches(plan: Plan) -> list[Item]:
    """A total stated in a sentence ("Tổng kinh phí thực hiện: 7.000 triệu đồng") that no budget
    table adds up to once the answers are in: the document would contradict itself, so a person
    decides which figure is right (nothing is recomputed in prose)."""
    totals: list[Decimal] = []
    stated: list[tuple[str, str, str]] = []  # where, words, sentence
    for where, block, _, _ in _walk(plan.body, []):
        if isinstance(block, TableBlock):
            for column, unit in _money_columns(block.table).items():
                if column in block.table.number_columns:
                    size = _UNITS[unit.split()[0]] if unit else 1
                    totals.append(block.table.column_sum(column) * size)
        elif isinstance(block, BudgetBlock):
            totals.append(Decimal(block.budget.total))
        elif isinstance(block, (Paragraph, TargetBlock)):
            text = block.text if isinstance(block, Paragraph) else block.target.text
            for figure in figures_in(text):
                if figure.kind == "money" and re.search(r"\btổng\b", text[max(0, figure.start - 60):figure.start], re.I):
                    stated.append((where, figure.words, text))
    out = []
    for where, words, text in stated if totals else []:
        try:
            amount = Decimal(_amount(words))
        except ValueError:
            continue
        if amount not in totals:
            out.append(Item(where, "Tổng kinh phí ghi trong câu khác tổng của bảng kinh phí", before=words,
                            category="budget", anchor=words, within=text, printed=[text],
                            action=f"Câu ghi tổng {words}, bảng kinh phí cộng lại được "
                                   f"{' hoặc '.join(format_number(t) for t in totals)} đồng: sửa để hai số khớp nhau"))
    return out


def _validation_message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in exc.errors())
    return str(exc)
