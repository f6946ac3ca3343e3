"""The rules of the OCOP programme as they changed over time, chosen by the act's signing date.

One place for: which criteria decision is in force (QĐ 1048/2019, QĐ 148/2023, QĐ 148 as
amended by QĐ 1489/2025, QĐ 26/2026/QĐ-TTg), the star bands, which level may recognise which
stars, the end of district authorities, the merged ministry's name, and certificate validity.
Sources: docs/spec/ocop.md §1–3, §8, §12 (cited per rule as OCOP-…).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ..errors import RuleViolation
from ..vi.numbers import format_number

LEVEL_NAMES = {"xa": "cấp xã", "huyen": "cấp huyện", "tinh": "cấp tỉnh", "trung_uong": "cấp trung ương"}

# ocop.md §12.2: the district level ends with 30/06/2025 (two-level local government from 01/07/2025).
LAST_DISTRICT_DAY = date(2025, 6, 30)
# ocop.md §12.1: Bộ/Sở Nông nghiệp và Môi trường from 01/03/2025.
MINISTRY_MERGER = date(2025, 3, 1)
# ocop.md §8: a certificate is valid 36 months from the date it is issued.
VALIDITY_MONTHS = 36


@dataclass(frozen=True)
class Regime:
    """The OCOP criteria-and-process regime in force over a period of signing dates."""

    id: str
    name: str  # how a Vietnamese reader names it
    start: date
    end: date | None  # last day in force, inclusive
    criteria_ref: str  # key of the legal-basis registry
    recognises: dict[str, frozenset[int]] = field(default_factory=dict)  # level → stars it may recognise
    parts: tuple[int, int, int] = (40, 25, 35)  # maxima of parts A/B/C

    def in_force(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def levels_for(self, stars: int) -> list[str]:
        return [level for level, allowed in self.recognises.items() if stars in allowed]


REGIMES: tuple[Regime, ...] = (
    Regime(
        "R1048", "Quyết định số 1048/QĐ-TTg ngày 21/8/2019", date(2019, 8, 21), date(2023, 2, 23), "QD1048",
        {"tinh": frozenset({3, 4}), "trung_uong": frozenset({5})}, (35, 25, 40),
    ),
    Regime(
        "R148", "Quyết định số 148/QĐ-TTg ngày 24/02/2023", date(2023, 2, 24), date(2025, 7, 5), "QD148",
        {"huyen": frozenset({3}), "tinh": frozenset({4}), "trung_uong": frozenset({5})},
    ),
    Regime(
        "R1489", "Quyết định số 148/QĐ-TTg, sửa đổi bởi Quyết định số 1489/QĐ-TTg ngày 06/7/2025",
        date(2025, 7, 6), date(2026, 5, 21), "QD1489",
        {"tinh": frozenset({3, 4}), "trung_uong": frozenset({5})},
    ),
    Regime(
        "R26", "Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026", date(2026, 5, 22), None, "QD26-2026",
        {"tinh": frozenset({3, 4}), "trung_uong": frozenset({5})},
    ),
)


def regime_on(on: date) -> Regime:
    """The regime in force on a signing date; RuleViolation before the first national criteria."""
    for regime in REGIMES:
        if regime.in_force(on):
            return regime
    raise RuleViolation(
        "OCOP-REGIME",
        f"ngày {on:%d/%m/%Y} trước khi có Bộ tiêu chí quốc gia (Quyết định số 1048/QĐ-TTg ngày 21/8/2019)",
    )


def regime_by_id(regime_id: str) -> Regime:
    for regime in REGIMES:
        if regime.id == regime_id:
            return regime
    raise KeyError(regime_id)


# ocop.md §2.1: "từ X đến dưới Y" — lower bound inclusive; 5★ is 90 to 100 inclusive.
BANDS: tuple[tuple[Decimal, int], ...] = ((Decimal(90), 5), (Decimal(70), 4), (Decimal(50), 3), (Decimal(30), 2), (Decimal(0), 1))
CERTIFIED_STARS = frozenset({3, 4, 5})


def star_for_score(score: Decimal | float | int | str) -> int:
    """The star band of an average score (OCOP-BAND, ocop.md §2.1); ValueError outside 0–100."""
    value = Decimal(str(score))
    if value < 0 or value > 100:
        raise ValueError(f"điểm {score} nằm ngoài khoảng 0–100")
    for floor, stars in BANDS:
        if value >= floor:
            return stars
    return 1  # unreachable: 0 is the last floor


def band_text(stars: int) -> str:
    """The score range of a star band in words: "từ 70 đến dưới 90 điểm"."""
    floors = {s: f for f, s in BANDS}
    if stars == 5:
        return "từ 90 đến 100 điểm"
    upper = floors[stars + 1]
    if stars == 1:
        return f"dưới {upper} điểm"
    return f"từ {floors[stars]} đến dưới {upper} điểm"


def check_star_matches_score(stars: int, score: Decimal | float | int | str) -> None:
    """A stated star must be the band of the score (OCOP-BAND)."""
    expected = star_for_score(score)
    if stars != expected:
        shown = format_number(Decimal(str(score)), 2)
        raise RuleViolation(
            "OCOP-BAND",
            f"hạng {stars} sao không khớp với điểm {shown}: điểm này thuộc hạng {expected} sao ({band_text(expected)})",
        )


def check_level_exists(level: str, on: date) -> None:
    """District authorities end on 30/06/2025 (OCOP-LEVEL, ocop.md §12.2)."""
    if level == "huyen" and on > LAST_DISTRICT_DAY:
        raise RuleViolation(
            "OCOP-LEVEL",
            f"cấp huyện không còn từ ngày 01/07/2025 (chính quyền địa phương hai cấp); văn bản ngày {on:%d/%m/%Y} "
            "phải do UBND tỉnh hoặc UBND xã ban hành",
        )


def check_recognition(level: str, stars: int, on: date) -> Regime:
    """Refuse a recognition the regime in force does not allow that level to make (OCOP-RECOGNISE).

    1★ and 2★ are never recognised; under QĐ 1048 the district only pre-scores; under QĐ 148
    the district recognises 3★ and the province 4★; from 06/07/2025 the province recognises 3★
    and 4★; 5★ only the ministry (ocop.md §3).
    """
    check_level_exists(level, on)
    regime = regime_on(on)
    if stars not in CERTIFIED_STARS:
        raise RuleViolation(
            "OCOP-RECOGNISE",
            f"sản phẩm {stars} sao không được công nhận và không được cấp giấy chứng nhận (chỉ công nhận từ 3 sao)",
        )
    if stars not in regime.recognises.get(level, frozenset()):
        allowed = regime.recognises.get(level)
        who = ", ".join(f"{LEVEL_NAMES[lv]} công nhận {'/'.join(str(s) for s in sorted(st))} sao" for lv, st in regime.recognises.items())
        if allowed:
            what = f"{LEVEL_NAMES.get(level, level)} chỉ được công nhận sản phẩm {'/'.join(str(s) for s in sorted(allowed))} sao"
        else:
            what = f"{LEVEL_NAMES.get(level, level)} không có thẩm quyền công nhận hạng sao"
        raise RuleViolation(
            "OCOP-RECOGNISE",
            f"theo {regime.name} (áp dụng cho văn bản ký ngày {on:%d/%m/%Y}), {what}; {who}",
        )
    return regime


def recognise(level: str, on: date, *, score: Decimal | float | int | str | None = None, stars: int | None = None,
              evaluated_on: date | None = None) -> int:
    """The stars a product is recognised with by ``level`` in an act signed ``on`` — the one check of
    decisions and certificates (RuleViolation, Vietnamese, naming the rule):

    * OCOP-BAND — the stars are the band of the average score; a stated star must match it;
    * OCOP-DATES — a product is evaluated before it is recognised;
    * OCOP-RECOGNISE / OCOP-LEVEL — only 3★ and up, and only by a level allowed that star that day.
    """
    if score is None and stars is None:
        raise RuleViolation("OCOP-BAND", "thiếu cả điểm và hạng sao")
    if stars is None:
        stars = star_for_score(score)
    elif score is not None:
        check_star_matches_score(stars, score)
    if evaluated_on is not None and evaluated_on > on:
        raise RuleViolation(
            "OCOP-DATES", f"ngày đánh giá {evaluated_on:%d/%m/%Y} sau ngày ký quyết định công nhận {on:%d/%m/%Y}")
    check_recognition(level, stars, on)
    return stars


def validity_end(issued: date) -> date:
    """The last day of a certificate's validity: 36 months from issue (ocop.md §8)."""
    return issued + relativedelta(months=VALIDITY_MONTHS)


def ministry_name(on: date) -> str:
    """The agriculture ministry's name on a date (ocop.md §12.1)."""
    return "Bộ Nông nghiệp và Môi trường" if on >= MINISTRY_MERGER else "Bộ Nông nghiệp và Phát triển nông thôn"


def department_name(on: date) -> str:
    """The provincial agriculture department's name on a date (ocop.md §12.1)."""
    return "Sở Nông nghiệp và Môi trường" if on >= MINISTRY_MERGER else "Sở Nông nghiệp và Phát triển nông thôn"


def district_office_name(on: date) -> str:
    """The district agriculture office's name on a date (ocop.md §12.1; districts end 30/06/2025)."""
    return "Phòng Nông nghiệp và Môi trường" if on >= MINISTRY_MERGER else "Phòng Nông nghiệp và Phát triển nông thôn"


def standing_body(level: str, on: date) -> str:
    """The body that announces a recognition, hands the certificates over and follows up, by level and date."""
    if level == "huyen":
        return district_office_name(on)
    if level == "trung_uong":
        return "Văn phòng Điều phối nông thôn mới Trung ương"
    return department_name(on)


# ocop.md §12.1: the old names of the merged agriculture and environment bodies and what each becomes
# from MINISTRY_MERGER, in the forms documents write them (roll-forward rewrites them with this table).
AGENCY_RENAMES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"Nông nghiệp và Phát triển nông thôn", re.I), "Nông nghiệp và Môi trường"),
    (re.compile(r"Nông nghiệp và PTNT", re.I), "Nông nghiệp và Môi trường"),
    (re.compile(r"\bNN\s*&\s*PTNT\b"), "NN&MT"),
    (re.compile(r"\bNN và PTNT\b"), "NN&MT"),
    (re.compile(r"Tài nguyên và Môi trường", re.I), "Nông nghiệp và Môi trường"),
    (re.compile(r"\bTN\s*&\s*MT\b"), "NN&MT"),
)


# ocop.md §12.1: the names of the merged agriculture and environment bodies (OCOP-AGENCY).
_OLD_AGENCY = re.compile(
    r"Nông nghiệp và Phát triển nông thôn|Nông nghiệp và PTNT|NN\s*&\s*PTNT|NN và PTNT|"
    r"Tài nguyên và Môi trường|TN\s*&\s*MT",
    re.I,
)
_NEW_AGENCY = re.compile(r"Nông nghiệp và Môi trường|NN\s*&\s*MT\b", re.I)


def check_ministry_name(name: str, on: date) -> None:
    """A ministry issuer must carry the name in force on the signing date (OCOP-AGENCY, ocop.md §12.1)."""
    if "nông nghiệp" in name.lower() and name.strip().lower() != ministry_name(on).lower():
        raise RuleViolation(
            "OCOP-AGENCY",
            f"cơ quan ban hành '{name}' không đúng tên ngày {on:%d/%m/%Y}: phải là '{ministry_name(on)}' "
            "(Bộ Nông nghiệp và Môi trường từ ngày 01/03/2025)",
        )


def check_agency_names(texts: Iterable[tuple[str, str]], on: date) -> None:
    """Agency names written in an act must be those in force on its date (OCOP-AGENCY, ocop.md §12.1).

    ``texts`` are (where, text) pairs of the act's own wording (not the citations of older acts,
    which keep the names of their time). From 01/03/2025 the Bộ/Sở/Phòng Nông nghiệp và Phát triển
    nông thôn and Tài nguyên và Môi trường are Nông nghiệp và Môi trường; before that date the new
    name did not exist.
    """
    problems = []
    merged = on >= MINISTRY_MERGER
    for where, text in texts:
        if not text:
            continue
        if merged and (m := _OLD_AGENCY.search(text)):
            problems.append(
                f"{where}: '{m.group(0)}' không còn từ ngày 01/03/2025 — dùng tên 'Nông nghiệp và Môi trường' "
                f"(Bộ/Sở/Phòng Nông nghiệp và Môi trường) cho văn bản ngày {on:%d/%m/%Y}"
            )
        elif not merged and (m := _NEW_AGENCY.search(text)):
            problems.append(
                f"{where}: '{m.group(0)}' chỉ có từ ngày 01/03/2025; văn bản ngày {on:%d/%m/%Y} dùng tên "
                "'Nông nghiệp và Phát triển nông thôn'"
            )
    if problems:
        raise RuleViolation("OCOP-AGENCY", "tên cơ quan không đúng thời điểm ban hành:\n  " + "\n  ".join(problems))


def forward_threshold(level: str, on: date) -> int | None:
    """The score from which a council sends a product to the next level (ocop.md §3).

    District councils: ≥ 50 under QĐ 1048, ≥ 70 under QĐ 148; province councils: ≥ 90 (to the
    ministry for 5★); None where nothing is forwarded.
    """
    regime = regime_on(on)
    if level == "huyen":
        return 50 if regime.id == "R1048" else 70
    if level == "tinh":
        return 90
    return None
