"""Every real corpus document the engine models renders after parsing, and reads back the same (issue 10).

For each collected document (tests/data/corpus/collected/) whose truth shows a plan, report or
decision — not a portal page that only reports one — the text is parsed, the model rendered to
.docx through the library API, and the .docx parsed again. Then:

1. Word opens the .docx without repair (openxml-audit, ``tests/wordcheck.py``);
2. the second reading gives the fields of the first (header, căn cứ, proposal, sections or
   articles, signer, recipients), compared after the light normalisation of
   ``tools/parse_accuracy.py``; the outline (every heading, or every article, khoản and điểm)
   and the part attached after the signature are compared in full, and rendering the second
   reading prints exactly what the first printed (the template context is the same);
3. ``check`` finds no ND30 error that the renderer caused: an error is accepted only where the
   data explains it (a part the copy lost, a text printed as it was read) — see ``DATA_CAUSES``.

Each document is parsed, rendered and checked once (module fixture); the tests are parametrized
by the document's folder name, so a failure names it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from ocop_docs import api
from ocop_docs.model.decision import GeneralDecision
from ocop_docs.model.plan import Plan, Section
from ocop_docs.render import context_for
from testpaths import CORPUS, parse_accuracy_tool
from wordcheck import word_findings


acc = parse_accuracy_tool()
COLLECTED = CORPUS / "collected"

MODELLED = {"plan", "report", "decision", "approval_decision", "regulation_decision", "council_decision",
            "recognition_decision"}
"""Truth kinds the engine has a model for (a report is read as a plan whose type is Báo cáo)."""
OWN_TEXT = ("title", "legal_bases", "sections")
COMPARED = ["issuer", "parent", "number", "place", "date", "doc_type", "title", "authority", "legal_bases", "proposal",
            "sections", "signer", "recipients"]


def shows_the_document(truth: dict) -> bool:
    """A copy of the document itself: a modelled kind, at least a third of the truth's fields, and
    some of its own text (trích yếu, căn cứ or sections). A portal page that only reports a
    document (its number, a quoted khoản) has most fields null and is left out."""
    filled = sum(1 for f in acc.FIELDS if truth.get(f))
    return truth.get("kind") in MODELLED and 3 * filled >= len(acc.FIELDS) and any(truth.get(f) for f in OWN_TEXT)


def _truth(folder: Path) -> dict:
    return yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))


NAMES = sorted(folder.name for folder in acc.documents(COLLECTED) if shows_the_document(_truth(folder)))


@dataclass
class Trip:
    first: object  # Parsed
    docx: Path | None = None
    again: object = None  # Parsed
    report: object = None  # check Report
    word: list[str] = field(default_factory=list)
    error: str | None = None


def _round_trip(name: str, out: Path) -> Trip:
    trip = Trip(api.parse(acc._source(COLLECTED / name)))
    if trip.first.model is None:
        return trip
    try:
        trip.docx = api.render(trip.first.model, out / f"{name}.docx")[0]
    except Exception as exc:  # recorded: the test of this document reports it, the others still run
        trip.error = f"{type(exc).__name__}: {exc}"
        return trip
    trip.again = api.parse(trip.docx)
    trip.report = api.check(trip.docx)
    trip.word = word_findings(trip.docx)
    return trip


@pytest.fixture(scope="module")
def trips(tmp_path_factory) -> dict[str, Trip]:
    out = tmp_path_factory.mktemp("corpus-roundtrip")
    started = time.perf_counter()
    done = {name: _round_trip(name, out) for name in NAMES}
    print(f"\n{len(done)} corpus documents parsed, rendered, read back and checked in {time.perf_counter() - started:.1f} s")
    return done


def test_the_selection_holds_every_document_of_a_modelled_kind():
    # Guards the filter: the portal pages and metadata pages are the only documents of these kinds left out.
    left_out = [f.name for f in acc.documents(COLLECTED) if _truth(f).get("kind") in MODELLED and f.name not in NAMES]
    assert len(NAMES) >= 75
    for name in left_out:
        truth = _truth(COLLECTED / name)
        # A body copied without any header (no issuer, number, date) cannot be rendered either.
        headless = not any(truth.get(f) for f in ("issuer", "number", "date"))
        assert headless or (not truth.get("title") and not truth.get("sections")), name


def _made(trip: Trip, name: str) -> Trip:
    assert trip.first.model is not None, f"{name}: no model — {[n.describe() for n in trip.first.notes]}"
    assert trip.error is None, f"{name}: render failed — {trip.error}"
    return trip


@pytest.mark.parametrize("name", NAMES)
def test_renders_and_word_opens_it(name, trips):
    trip = _made(trips[name], name)
    assert trip.docx.is_file() and trip.docx.stat().st_size > 0
    assert trip.word == [], trip.word


# ---------------------------------------------------------------- fields kept
def outline(model) -> list[str]:
    """Every heading of a plan with its label, or every article, khoản and điểm of a decision, normalised."""
    out: list[str] = []
    if isinstance(model, Plan):
        def walk(blocks, depth):
            for block in blocks:
                if isinstance(block, Section):
                    out.append(f"{depth}:{block.label or ''} {block.heading}")
                    walk(block.content, depth + 1)
        walk(model.body, 0)
    elif isinstance(model, GeneralDecision):
        for n, article in enumerate(model.articles, 1):
            out.append(f"Điều {n}. {article.title or ''} {article.text or ''}")
            for clause in article.clauses:
                out.append(f"{clause.label or ''} {clause.text}")
                out += [f"{point.label} {point.text}" for point in clause.points]
    return [acc.norm_item(x) or "" for x in out]


@pytest.mark.parametrize("name", NAMES)
def test_reading_the_rendered_document_back_keeps_its_fields(name, trips):
    trip = _made(trips[name], name)
    assert trip.again.model is not None, [n.describe() for n in trip.again.notes]
    assert trip.again.kind == trip.first.kind
    before, after = acc.extract(trip.first), acc.extract(trip.again)
    lost = {f: (before[f], after[f]) for f in COMPARED if not acc.same(f, before[f], after[f])}
    assert not lost, lost
    assert outline(trip.again.model) == outline(trip.first.model)
    # The part printed after the signature (a quy chế, a list) read back whole.
    attached = [acc.norm_list(getattr(t.model, "attached", None)) for t in (trip.first, trip.again)]
    assert attached[1] == attached[0]
    # Rendering what was read back prints exactly what the first rendering printed: one trip is a fixed point.
    assert context_for(trip.again.model) == context_for(trip.first.model)


# ---------------------------------------------------------------- ND30 errors the data explains
def _folded(text: str) -> str:
    return acc.norm(text) or ""


def _first_label(plan: Plan) -> str | None:
    """The explicit label of the plan's first section (as the source printed it), if any."""
    first = next((b for b in plan.body if isinstance(b, Section)), None)
    return first.label if first is not None else None


def _before_or_in_preamble(model, excerpt: str) -> bool:
    """Whether a paragraph is one of a decision's preamble paragraphs, or its last căn cứ just before them."""
    preamble = getattr(model, "preamble", None)
    if not preamble:
        return False
    start = _folded(excerpt.rstrip("…"))
    bases = model.effective_bases() if hasattr(model, "effective_bases") else model.legal_bases
    last = f"{bases[-1].verb} {bases[-1].text}" if bases else ""
    return any(_folded(text).startswith(start) for text in [*preamble, last] if text)


DATA_CAUSES = {
    # A signature block the copy lost or cut: no signer, or no title under "KT. CHỦ TỊCH".
    "ND30-SIGN-01": lambda m, f: m.signer is None or not m.signer.title,
    # No trích yếu, no articles, no thẩm quyền line in the copy (a decision cut or pasted without them);
    # without a thẩm quyền line, the checker takes the next paragraph (a preamble read as such) for it.
    "ND30-TITLE-02": lambda m, f: not m.title and "trích yếu" in f.found,
    "ND30-TPL-QD-01": lambda m, f: (("trích yếu" in f.found and not m.title)
                                    or ("các Điều" in f.found and not m.articles)
                                    or ("thẩm quyền" in f.found and not m.authority)
                                    or (not m.authority and bool(m.preamble)
                                        and _folded(f.excerpt.rstrip("…")) in _folded(m.preamble[0]))),
    # A Nơi nhận without its "Lưu:" line (the copy ends before it): none is made up.
    "ND30-RECIP-03": lambda m, f: m.archive is None,
    # The Số as printed: a normative act's year, a ký hiệu spelt otherwise than the default.
    # ("293/-UBND": a ký hiệu that lost its type abbreviation, kept as read — the checker names an empty one.)
    "ND30-SO-03": lambda m, f: ((m.number_year is not None and "có năm" in f.found) or (m.symbol or "\0") in f.found
                                or (f"/{m.symbol}" in f.excerpt and "tên loại ''" in f.found)),
    # The archive line as printed ("KHCN. (15 bản)").
    "ND30-DRAFTER-01": lambda m, f: bool(m.archive) and m.archive.split(",")[-1].strip() in f.found,
    # Section labels as printed by the source ("I MỤC ĐÍCH", a copy that starts at "2. Yêu cầu").
    "ND30-BODY-06": lambda m, f: isinstance(m, Plan) and bool(_first_label(m)) and "ở đầu" in f.found,
    # Paragraphs before "QUYẾT ĐỊNH:" other than căn cứ (a preamble as read): the checker counts them as
    # căn cứ; their ends are the source's, and the last căn cứ before them rightly ends with ".".
    "ND30-BODY-01": lambda m, f: "kết thúc bằng" in f.found and _before_or_in_preamble(m, f.excerpt),
    # An attached part as read ("PHỤ LỤC" and its text), which the body does not point to; its label
    # in capitals as the source wrote it (the layout — bold, centred — is the renderer's, and checked).
    "ND30-APPX-01": lambda m, f: bool(getattr(m, "attached", None)),
    "ND30-APPX-02": lambda m, f: (f.excerpt in getattr(m, "attached", [])
                                  and all(p.startswith(f"'{f.excerpt}' in hoa") for p in f.found.split("; "))),
    "ND30-APPX-03": lambda m, f: bool(getattr(m, "attached", None)),
}


@pytest.mark.parametrize("name", NAMES)
def test_check_finds_no_error_the_renderer_caused(name, trips):
    trip = _made(trips[name], name)
    model = trip.first.model
    errors = [f for f in trip.report.findings if f.severity == "error"]
    unexplained = [f"{f.rule_id} {f.location}: {f.found} — {f.excerpt}" for f in errors
                   if not (f.rule_id in DATA_CAUSES and DATA_CAUSES[f.rule_id](model, f))]
    assert not unexplained, unexplained
