"""The product classification and the 26 criteria sets of QĐ 26/2026/QĐ-TTg, loaded and verified.

The data files in ``ocop_docs/data/criteria/`` are produced by ``tools/extract_criteria.py`` from
the legal text plus the hand corrections recorded in ``corrections.yaml``. This module loads them
(once per process) and verifies what the decree guarantees (OCOP-CRITERIA):

* every set totals 100 points, split 40/25/35 between parts A/B/C (Điều 3.1);
* each part's maximum is the sum of its sections', each section's the sum of its criteria (and
  criteria groups), each group's the sum of its criteria;
* every option scores within its criterion's maximum, and some option reaches that maximum;
* the 26 set names match Phụ lục I (or one of the wording variants recorded in corrections.yaml).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import DataError, Problem
from .criteria_sets import Classification, CriteriaSet, ProductClass
from ..vi.text import fold
from .regimes import regime_by_id

DATA = Path(__file__).resolve().parent.parent / "data" / "criteria"
SET_COUNT = 26
LEGAL_BASIS = "Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ"


def set_path(number: int, folder: Path = DATA) -> Path:
    return folder / f"bo-{number:02d}.json"


@lru_cache(maxsize=None)
def _load_set(number: int, folder: Path) -> CriteriaSet:
    path = set_path(number, folder)
    try:
        return CriteriaSet.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise DataError(path, "thiếu tệp dữ liệu bộ tiêu chí (chạy lại tools/extract_criteria.py)") from None


def criteria_set(number: int | str, folder: Path = DATA) -> CriteriaSet:
    """Criteria set ``number`` (1–26); DataError with the list of sets for any other number."""
    try:
        n = int(str(number).strip())
    except ValueError:
        n = 0
    if not 1 <= n <= SET_COUNT:
        names = "; ".join(f"{c.bo}. {c.name}" for c in classification(folder).classes)
        raise DataError(
            None,
            Problem(f"không có bộ tiêu chí số '{number}'; {LEGAL_BASIS} có {SET_COUNT} bộ: {names}", path="bo"),
        )
    return _load_set(n, folder)


def all_sets(folder: Path = DATA) -> list[CriteriaSet]:
    """The 26 criteria sets in order."""
    return [criteria_set(n, folder) for n in range(1, SET_COUNT + 1)]


@lru_cache(maxsize=None)
def classification(folder: Path = DATA) -> Classification:
    """Phụ lục I: the 26 product classes (ngành, nhóm, phân nhóm, cơ quan chủ trì)."""
    return Classification.model_validate_json((folder / "classification.json").read_bytes())


def product_class(number: int, folder: Path = DATA) -> ProductClass:
    """The Phụ lục I line of criteria set ``number``."""
    criteria_set(number, folder)  # validates the number with the designed message
    return classification(folder).classes[number - 1]


@lru_cache(maxsize=None)
def corrections(folder: Path = DATA) -> dict:
    """The recorded hand corrections (text, data, accepted name variants, observations)."""
    return yaml.safe_load((folder / "corrections.yaml").read_text(encoding="utf-8")) or {}


def _same_name(a: str, b: str) -> bool:
    return fold(" ".join(a.split()), lower=True) == fold(" ".join(b.split()), lower=True)


def verify_set(cs: CriteriaSet, folder: Path = DATA) -> list[str]:
    """What is wrong with one set (Vietnamese; empty when it holds every OCOP-CRITERIA check)."""
    where = f"Bộ {cs.number} ({cs.name})"
    problems: list[str] = []
    expected_parts = dict(zip("ABC", regime_by_id("R26").parts))
    if cs.total != 100:
        problems.append(f"{where}: dòng TỔNG CỘNG ghi {cs.total}, phải là 100")
    parts_sum = sum(p.max_points for p in cs.parts)
    if parts_sum != 100:
        problems.append(f"{where}: tổng điểm tối đa các phần là {parts_sum}, phải là 100")
    codes: set[str] = set()
    for part in cs.parts:
        if part.max_points != expected_parts[part.code]:
            problems.append(f"{where}: Phần {part.code} tối đa {part.max_points} điểm, Điều 3.1 quy định {expected_parts[part.code]}")
        sections_sum = sum(s.max_points for s in part.sections)
        if sections_sum != part.max_points:
            problems.append(f"{where}: Phần {part.code} tối đa {part.max_points} nhưng các mục cộng lại {sections_sum}")
        for section in part.sections:
            grouped = {g.code: 0 for g in section.groups}
            top = 0
            for c in section.criteria:
                if c.code in codes:
                    problems.append(f"{where}: mã tiêu chí {c.code} bị trùng")
                codes.add(c.code)
                if c.group is not None:
                    if c.group not in grouped:
                        problems.append(f"{where}: tiêu chí {c.code} thuộc nhóm {c.group} không có")
                        continue
                    grouped[c.group] += c.max_points
                else:
                    top += c.max_points
                for i, option in enumerate(c.options, 1):
                    if option.points > c.max_points:
                        problems.append(
                            f"{where}: tiêu chí {c.code}, lựa chọn {i} được {option.points} điểm, vượt điểm tối đa {c.max_points}"
                        )
                if max(o.points for o in c.options) != c.max_points:
                    problems.append(f"{where}: tiêu chí {c.code} không có lựa chọn nào đạt điểm tối đa {c.max_points}")
            for group in section.groups:
                if grouped[group.code] != group.max_points:
                    problems.append(
                        f"{where}: nhóm {group.code} tối đa {group.max_points} nhưng các tiêu chí cộng lại {grouped[group.code]}"
                    )
                top += group.max_points
            if top != section.max_points:
                problems.append(f"{where}: mục {section.code} tối đa {section.max_points} nhưng các tiêu chí cộng lại {top}")
    pc = classification(folder).classes[cs.number - 1]
    if pc.bo != cs.number:
        problems.append(f"{where}: Phụ lục I xếp bộ này ở số {pc.bo}")
    if not _same_name(pc.name, cs.name):
        variants = {
            (v["bo"], v["phu_luc_1"], v["phu_luc_2"]) for v in corrections(folder).get("names", [])
        }
        if (cs.number, pc.name, cs.name) not in variants:
            problems.append(f"{where}: tên bộ khác Phụ lục I ('{pc.name}') và chưa được ghi nhận trong corrections.yaml")
    return problems


def verify_all(folder: Path = DATA) -> list[str]:
    """Every problem of the 26 sets and of Phụ lục I (empty when all hold)."""
    problems: list[str] = []
    classes = classification(folder).classes
    if [c.bo for c in classes] != list(range(1, SET_COUNT + 1)):
        problems.append("Phụ lục I: các bộ không đánh số liên tục từ 1 đến 26")
    for cs in all_sets(folder):
        problems += verify_set(cs, folder)
    return problems
