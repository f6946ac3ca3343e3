"""Scoring a product from its council members' filled criteria sheets (QĐ 26/2026/QĐ-TTg).

The secretary's job, step by step:

1. every sheet ticks exactly one option per criterion of the product's set (OCOP-SHEET);
2. each member's total is the sum of the ticked options; the product's score is the average of
   the members' totals, rounded half-up to two decimals (Điều 3.3 "tổng điểm trung bình");
3. the band of that average gives a star (``regimes.star_for_score``, the one place for bands);
4. the marked minimums (``***``, ``****``, ``*****`` — footnote of every set in Phụ lục II) must
   hold too: the star given is the highest whose band is reached and whose every minimum, of
   that level and below, is met (OCOP-MINIMUM). How a minimum is met across several sheets is
   the council's rule: by default the criterion's average over the sheets must reach the marked
   option's points ("trung-binh"); "da-so" asks a majority of sheets, "tat-ca" every sheet.

The result explains in Vietnamese which criteria held the product below the next star, and
gives the row of the products table used by the recognition decision and the certificates.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable, Literal

from .errors import DataError, Problem, RuleViolation
from .io.score_xlsx import read_sheet_xlsx
from .io.spec import read_spec_data, validate_spec
from .model.forms import ProductInfo, ScoreSheet
from .model.product import Product
from .ocop.criteria import criteria_set
from .ocop.criteria_sets import CriteriaSet, Criterion, Option
from .ocop.regimes import BANDS, band_text, regime_on, star_for_score
from .vi.numbers import format_number
from .vi.text import fold

MinimumRule = Literal["trung-binh", "da-so", "tat-ca"]
MINIMUM_RULES: dict[str, str] = {
    "trung-binh": "điểm trung bình của tiêu chí trên các phiếu đạt điểm của ô có dấu sao",
    "da-so": "quá nửa số phiếu đạt ô có dấu sao",
    "tat-ca": "mọi phiếu đều đạt ô có dấu sao",
}
STAR_MARK = {3: "***", 4: "****", 5: "*****"}
SPREAD_WARNING = 10  # points between the highest and lowest member totals (local practice, ocop.md §2.1)
CENT = Decimal("0.01")


def two_decimals(value: Fraction | Decimal | int) -> Decimal:
    """A score rounded half-up to two decimals, as printed in the minutes ("75,33")."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def diem(value: Decimal | int | Fraction) -> str:
    """A score written the Vietnamese way with two decimals: "75,33"."""
    return format_number(two_decimals(value), 2)


# --------------------------------------------------------------------------- one sheet


@dataclass
class SheetSource:
    """A sheet and where it came from (file, and YAML line of each field when known)."""

    sheet: ScoreSheet
    file: str
    lines: dict[tuple, int] = field(default_factory=dict)

    @property
    def who(self) -> str:
        return self.sheet.member or Path(self.file).name

    def line_of(self, *path: Any) -> int | None:
        for cut in range(len(path), 0, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return None


@dataclass
class MemberScore:
    """One member's sheet once checked: the option ticked and the points of every criterion."""

    source: SheetSource
    options: dict[str, int]  # criterion code → 1-based option number
    points: dict[str, int]  # criterion code → points
    parts: dict[str, int]  # "A"/"B"/"C" → points

    @property
    def member(self) -> str:
        return self.source.who

    @property
    def total(self) -> int:
        return sum(self.parts.values())


def _option_number(c: Criterion, value: Any) -> tuple[int | None, str | None]:
    """The 1-based option a tick names, or the Vietnamese reason it names none / several."""
    where = f"tiêu chí {c.code} ({c.title})"
    count = len(c.options)
    if value is None or value == [] or value == "":
        return None, f"{where} chưa được đánh dấu ô nào; mỗi tiêu chí phải đánh dấu đúng một ô"
    if isinstance(value, list):
        if len(value) == 1:
            return _option_number(c, value[0])
        shown = " và ".join(f"ô {v}" for v in value)
        return None, f"{where} có {len(value)} ô được đánh dấu ({shown}); mỗi tiêu chí chỉ được đánh dấu một ô"
    if isinstance(value, dict):
        unknown = set(value) - {"option", "points", "lua_chon", "diem"}
        if unknown:
            return None, f"{where}: không hiểu '{', '.join(sorted(unknown))}'; ghi số thứ tự ô (ví dụ 2) hoặc 'points: 2'"
        if "option" in value or "lua_chon" in value:
            return _option_number(c, value.get("option", value.get("lua_chon")))
        points = value.get("points", value.get("diem"))
        if isinstance(points, bool) or not isinstance(points, int):
            return None, f"{where}: số điểm '{points}' phải là số nguyên"
        matches = [i for i, o in enumerate(c.options, 1) if o.points == points]
        if not matches:
            offered = ", ".join(str(o.points) for o in c.options)
            return None, f"{where} không có ô nào {points} điểm (các ô: {offered} điểm)"
        if len(matches) > 1:
            return None, f"{where} có {len(matches)} ô cùng {points} điểm; hãy ghi số thứ tự ô ({', '.join(map(str, matches))})"
        return matches[0], None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().isdigit():
            return _option_number(c, int(value.strip()))
        return None, f"{where}: '{value}' không phải số thứ tự ô (1 đến {count})"
    if not 1 <= value <= count:
        return None, f"{where} chỉ có {count} ô (1 đến {count}); không có ô {value}"
    return value, None


def check_sheet(source: SheetSource, cs: CriteriaSet | None = None) -> MemberScore:
    """The sheet's ticks against its criteria set; DataError listing every problem at once."""
    sheet = source.sheet
    cs = cs or criteria_set(sheet.bo)
    problems: list[Problem] = []
    known = {c.code: c for c in cs.criteria()}
    for code in sheet.ticks:
        if code not in known:
            near = ", ".join(list(known)[:6])
            problems.append(
                Problem(
                    f"không có tiêu chí '{code}' trong bộ {cs.number} ({cs.name}); các mã tiêu chí là {near}, …",
                    path=f"ticks.{code}", line=source.line_of("ticks", code),
                )
            )
    options: dict[str, int] = {}
    for code, c in known.items():
        number, error = _option_number(c, sheet.ticks.get(code))
        if error:
            problems.append(Problem(error, path=f"ticks.{code}", line=source.line_of("ticks", code) or source.line_of("ticks")))
        else:
            options[code] = number
    if problems:
        raise DataError(source.file, problems)
    points = {code: known[code].option(n).points for code, n in options.items()}
    parts: dict[str, int] = {p.code: sum(points[c.code] for s in p.sections for c in s.criteria) for p in cs.parts}
    return MemberScore(source, options, points, parts)


# --------------------------------------------------------------------------- the product


@dataclass
class Shortfall:
    """A marked minimum a product does not meet: the criterion, the marked option, who fell short."""

    level: int
    criterion: Criterion
    option_number: int
    option: Option
    average: Fraction
    below: list[tuple[str, int]]  # (member, points) of the sheets under the mark

    def describe(self) -> str:
        """"1.3 Gia tăng giá trị: yêu cầu tối thiểu hạng 5 sao (*****) là ô «…» (3 điểm); …"."""
        c, o = self.criterion, self.option
        text = o.text if len(o.text) <= 90 else o.text[:88].rsplit(" ", 1)[0].rstrip(" ,;(") + "…"
        line = (
            f"{c.code} {c.title}: yêu cầu tối thiểu hạng {self.level} sao ({STAR_MARK[self.level]}) là ô «{text}» "
            f"({o.points} điểm); điểm trung bình {diem(self.average)}"
        )
        if self.below:
            line += " (chưa đạt: " + "; ".join(f"{m} {p} điểm" for m, p in self.below) + ")"
        return line


@dataclass
class ProductScore:
    """A product's result: members' totals, average, band, minimums, star, and why."""

    criteria_set: CriteriaSet
    product: ProductInfo
    members: list[MemberScore]
    rule: MinimumRule
    average: Decimal
    part_averages: dict[str, Decimal]
    band_stars: int
    stars: int
    shortfalls: dict[int, list[Shortfall]]  # level → unmet minimums
    warnings: list[str]
    evaluated_on: Any = None

    @property
    def criterion_averages(self) -> dict[str, Decimal]:
        return {
            c.code: two_decimals(Fraction(sum(m.points[c.code] for m in self.members), len(self.members)))
            for c in self.criteria_set.criteria()
        }

    def explanation(self) -> list[str]:
        """What the secretary writes about this product's star (Vietnamese): the band, the star
        given, and what held the product below the next star (score gap, unmet minimums)."""
        n = len(self.members)
        lines = [
            f"Điểm trung bình: {diem(self.average)} điểm ({n} phiếu đánh giá), thuộc khung "
            f"hạng {self.band_stars} sao ({band_text(self.band_stars)})."
        ]
        if self.stars == self.band_stars:
            lines.append(f"Kết quả: hạng {self.stars} sao.")
        else:
            lines.append(
                f"Kết quả: hạng {self.stars} sao (không phải {self.band_stars} sao) vì chưa đáp ứng yêu cầu tối thiểu "
                f"đánh dấu sao trong Bộ tiêu chí (quy tắc: {MINIMUM_RULES[self.rule]})."
            )
        if self.stars < 5:
            nxt = self.stars + 1
            floor = next(f for f, s in BANDS if s == nxt)
            needs = []
            if self.average < floor:
                needs.append(f"điểm trung bình chưa đạt {floor} điểm (còn thiếu {diem(floor - self.average)} điểm)")
            for level in range(3, nxt + 1):
                needs += [s.describe() for s in self.shortfalls.get(level, [])]
            lines.append(f"Chưa đạt hạng {nxt} sao vì:")
            lines += [f"- {x};" for x in needs[:-1]] + [f"- {needs[-1]}."]
        if self.stars < 3:
            lines.append("Sản phẩm dưới 3 sao không được công nhận và không được cấp giấy chứng nhận (Điều 4.1.a).")
        lines += self.warnings
        return lines

    def to_product(self) -> Product:
        """The row of the products table (decisions, certificates) for this product."""
        return Product(
            name=self.product.name,
            owner=self.product.owner,
            address=self.product.address,
            group=f"{self.criteria_set.number}. {self.criteria_set.name}",
            score=self.average,
            stars=self.stars,
            code=self.product.code,
            evaluated_on=self.evaluated_on,
        )


def _meets(points: list[int], required: int, rule: MinimumRule) -> bool:
    if rule == "tat-ca":
        return all(p >= required for p in points)
    if rule == "da-so":
        return sum(p >= required for p in points) * 2 > len(points)
    return sum(points) >= required * len(points)  # the average reaches it, without rounding


def shortfalls_of(cs: CriteriaSet, members: list[MemberScore], rule: MinimumRule = "trung-binh") -> dict[int, list[Shortfall]]:
    """Every marked minimum the sheets do not meet, by star level (OCOP-MINIMUM)."""
    out: dict[int, list[Shortfall]] = {3: [], 4: [], 5: []}
    for c in cs.criteria():
        for number, option in enumerate(c.options, 1):
            if option.min_stars is None:
                continue
            points = [m.points[c.code] for m in members]
            if not _meets(points, option.points, rule):
                below = [(m.member, m.points[c.code]) for m in members if m.points[c.code] < option.points]
                out[option.min_stars].append(Shortfall(option.min_stars, c, number, option, Fraction(sum(points), len(points)), below))
    return out


def decide_stars(average: Decimal | float | str, shortfalls: dict[int, list]) -> int:
    """The star given: the highest whose band the average reaches and whose minimums, of that
    level and below, all hold (OCOP-BAND via ``star_for_score``, OCOP-MINIMUM)."""
    stars = star_for_score(average)
    while stars >= 3 and any(shortfalls.get(level) for level in range(3, stars + 1)):
        stars -= 1
    return stars


def _same_product(sources: list[SheetSource]) -> None:
    first = sources[0].sheet
    problems = []
    key = lambda s: (s.bo, s.product.code or "", fold(" ".join(s.product.name.split()), lower=True))  # noqa: E731
    for src in sources[1:]:
        if key(src.sheet) != key(first):
            problems.append(
                Problem(
                    f"phiếu của {src.who} là của sản phẩm '{src.sheet.product.name}' (bộ {src.sheet.bo}, mã "
                    f"{src.sheet.product.code or 'chưa có'}), khác phiếu {Path(sources[0].file).name} "
                    f"('{first.product.name}', bộ {first.bo}, mã {first.product.code or 'chưa có'})",
                    path="product",
                )
            )
    seen: dict[str, str] = {}
    for src in sources:
        name = fold(src.sheet.member, lower=True).strip()
        if name and name in seen:
            problems.append(Problem(f"người đánh giá '{src.sheet.member}' có hai phiếu ({seen[name]} và {Path(src.file).name})", path="member"))
        seen[name] = Path(src.file).name
    if problems:
        raise DataError(sources[-1].file if len(sources) > 1 else sources[0].file, problems)


def score_product(sources: list[SheetSource], rule: MinimumRule = "trung-binh") -> ProductScore:
    """The result of one product from its members' sheets (all for the same product)."""
    if not sources:
        raise DataError(None, "chưa có phiếu đánh giá nào")
    if rule not in MINIMUM_RULES:
        raise DataError(None, f"quy tắc '{rule}' không có; chọn: {', '.join(MINIMUM_RULES)}")
    _same_product(sources)
    first = sources[0].sheet
    for src in sources:
        if src.sheet.date is not None and regime_on(src.sheet.date).id != "R26":
            raise RuleViolation(
                "OCOP-REGIME",
                f"phiếu {Path(src.file).name} ngày {src.sheet.date:%d/%m/%Y}: phần mềm chỉ có Bộ tiêu chí của "
                "Quyết định số 26/2026/QĐ-TTg (áp dụng từ ngày 22/5/2026)",
            )
    cs = criteria_set(first.bo)
    members = [check_sheet(src, cs) for src in sources]
    n = len(members)
    average = two_decimals(Fraction(sum(m.total for m in members), n))
    part_averages: dict[str, Decimal] = {p.code: two_decimals(Fraction(sum(m.parts[p.code] for m in members), n)) for p in cs.parts}
    shortfalls = shortfalls_of(cs, members, rule)
    band = star_for_score(average)
    stars = decide_stars(average, shortfalls)
    warnings = []
    totals = [m.total for m in members]
    if n > 1 and max(totals) - min(totals) > SPREAD_WARNING:
        hi = max(members, key=lambda m: m.total)
        lo = min(members, key=lambda m: m.total)
        warnings.append(
            f"Lưu ý: tổng điểm của các thành viên chênh nhau {max(totals) - min(totals)} điểm "
            f"({hi.member} {hi.total}, {lo.member} {lo.total}), quá {SPREAD_WARNING} điểm; Hội đồng nên thảo luận, đánh giá lại."
        )
    dates = sorted({s.sheet.date for s in sources if s.sheet.date})
    return ProductScore(cs, first.product, members, rule, average, part_averages, band, stars, shortfalls, warnings, dates[-1] if dates else None)


# --------------------------------------------------------------------------- files


def read_sheet(path: str | Path, notices: list[str] | None = None) -> SheetSource:
    """A filled sheet from YAML/JSON (or the Excel layout of ``io.score_xlsx``), validated;
    what an Excel sheet holds but the reader did not use goes to ``notices``."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        sheet, rows = read_sheet_xlsx(path, notices)
        return SheetSource(sheet, str(path), rows)
    data, lines = read_spec_data(path)
    if not isinstance(data, dict):
        raise DataError(path, "nội dung tệp phải là một nhóm trường dạng 'tên: giá trị' (ví dụ 'bo: 1')")
    data.setdefault("kind", "phieu-danh-gia")
    if data["kind"] != "phieu-danh-gia":
        raise DataError(path, Problem(f"tệp khai báo kind '{data['kind']}', không phải phiếu đánh giá ('phieu-danh-gia')", path="kind"))
    return SheetSource(validate_spec(data, ScoreSheet, path, lines), str(path), lines)


def score_files(paths: Iterable[str | Path], rule: MinimumRule = "trung-binh",
                notices: list[str] | None = None) -> list[ProductScore]:
    """Every product of the given sheets, grouped by product (set, code, name), in first-seen order;
    what the sheets hold but was not read goes to ``notices``."""
    sources = [read_sheet(p, notices) for p in paths]
    groups: dict[tuple, list[SheetSource]] = {}
    for src in sources:
        s = src.sheet
        key = (s.product.code or fold(" ".join(s.product.name.split()), lower=True),)
        groups.setdefault(key, []).append(src)
    return [score_product(group, rule) for group in groups.values()]


# --------------------------------------------------------------------------- reports


def report_lines(result: ProductScore) -> list[str]:
    """The secretary's summary of one product as plain text lines (Vietnamese)."""
    p, cs = result.product, result.criteria_set
    head = f"Sản phẩm: {p.name} — {p.owner}"
    if p.code:
        head += f" (mã số {p.code})"
    width = max([len("Trung bình")] + [len(m.member) for m in result.members]) + 2
    lines = [head, f"Bộ tiêu chí số {cs.number}: {cs.name}", ""]
    lines.append(f"{'Người đánh giá':<{width}}{'Phần A':>9}{'Phần B':>9}{'Phần C':>9}{'Tổng':>9}")
    for m in result.members:
        lines.append(f"{m.member:<{width}}" + "".join(f"{m.parts[c]:>9}" for c in "ABC") + f"{m.total:>9}")
    lines.append(
        f"{'Trung bình':<{width}}" + "".join(f"{diem(result.part_averages[c]):>9}" for c in "ABC") + f"{diem(result.average):>9}"
    )
    lines.append("")
    lines += result.explanation()
    return lines


def result_dict(result: ProductScore) -> dict:
    """The result as plain data (for JSON): product, members, averages, star, shortfalls, explanation."""
    return {
        "bo": result.criteria_set.number,
        "product": result.product.model_dump(mode="json"),
        "members": [
            {"member": m.member, "file": m.source.file, "parts": m.parts, "total": m.total, "options": m.options}
            for m in result.members
        ],
        "average": str(result.average),
        "part_averages": {k: str(v) for k, v in result.part_averages.items()},
        "band_stars": result.band_stars,
        "stars": result.stars,
        "minimum_rule": result.rule,
        "shortfalls": {
            str(level): [
                {"criterion": s.criterion.code, "option": s.option_number, "points": s.option.points, "average": str(two_decimals(s.average))}
                for s in items
            ]
            for level, items in result.shortfalls.items()
        },
        "explanation": result.explanation(),
    }
