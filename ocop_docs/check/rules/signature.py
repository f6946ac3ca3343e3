"""The signature block (ô 7): authority, title and name of the signer.

Each entry point is registered with the ND30 rule IDs it checks and the kinds of document each
rule applies to (``check/registry.py``); findings go through ``Checker.add``."""
from __future__ import annotations

import re

from ...docx.blocks import Span
from ...nd30.anatomy import SIGNER_PREFIX_LOOSE_RE, SIGNER_PREFIX_VARIANTS, is_upper, issued_by_head, key
from ...nd30.formats import DEGREE_RE
from ...nd30.rules import ELEMENTS
from ..common import RuleGroup, style_problems
from ..registry import DOCS, checks
from ..structure import Part


# A second authority prefix inside a line of ô 7a ("… DÂN KT. CHỦ TỊCH …"): two lines typed as one.
_FUSED_RE = re.compile(r"(?<=\S)\s+(?:TM|KT|TL|TUQ|Q)\.\s*(?=[A-ZĐÀ-Ỹ])")


class SignatureRules(RuleGroup):
    """Rules of signature; mixed into :class:`ocop_docs.check.checks.Checker`."""

    @checks(part='signature', rules={"ND30-SIGN-01": DOCS, "ND30-SIGN-04": DOCS,
             "ND30-SIGN-02": frozenset({"plan", "report", "letter"})})
    def check_signature(self, part: Part, kind: str) -> None:
        if not part.signature_blocks:
            if kind in ("plan", "decision", "report", "letter", "minutes") and part.body:
                where = part.content_end or part.body[-1]
                self.add("ND30-SIGN-01", where, "không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên)",
                         element="signature")
            return
        signers = part.signers or [(part.authority, part.signer)]
        if not any(auth for auth, _ in signers):
            self.add("ND30-SIGN-01", part.signature_blocks[0], "không có quyền hạn, chức vụ người ký", element="chuc_vu_ky")
        for auth, name in signers:
            self.check_authority(auth)
            self.check_signer_name(name)
        # ND30-SIGN-02 (UBND, documents other than decisions; decisions: TPL-QD-02)
        auth = part.authority
        if kind != "decision" and part.ban_hanh is not None:
            issuer = key(part.ban_hanh.text)
            if issuer.startswith(("UY BAN NHAN DAN", "UBND")) and auth:
                tm = [s for s in auth if s.clean.upper().startswith("TM.")]
                if self._head_issues(part):
                    # "… Chủ tịch UBND tỉnh ban hành Kế hoạch …": individual authority, no "TM."
                    if tm:
                        self.add("ND30-SIGN-02", tm[0], "văn bản ghi Chủ tịch Ủy ban nhân dân ban hành (thẩm quyền cá nhân) "
                                 f"nhưng ký '{tm[0].clean}'", element="chuc_vu_ky")
                elif not tm:
                    self.add("ND30-SIGN-02", auth[0], "văn bản của Ủy ban nhân dân nhưng không ký 'TM. ỦY BAN NHÂN DÂN'",
                             element="chuc_vu_ky")
                elif not key(tm[0].clean[3:]).startswith(("UY BAN NHAN DAN", "UBND")):
                    self.add("ND30-SIGN-02", tm[0], f"'{tm[0].clean}' không thay mặt Ủy ban nhân dân", element="chuc_vu_ky")

    @staticmethod
    def _head_issues(part: Part) -> bool:
        """Whether the opening of the document (căn cứ, "… ban hành Kế hoạch như sau:", the text
        before the first heading) says the Chủ tịch issues it."""
        opening = list(part.can_cu) + ([part.can_cu_intro] if part.can_cu_intro is not None else [])
        first = part.headings[0].block if part.headings else None
        for b in part.body[:8]:
            if b is first:
                break
            opening.append(b)
        return any(issued_by_head(b.text) for b in opening)

    def check_authority(self, auth: list[Span]) -> None:
        """ND30-SIGN-01: the quyền hạn/chức vụ lines of one signature (ô 7a)."""
        for n, s in enumerate(auth):
            text = s.clean
            problems = style_problems(ELEMENTS["chuc_vu_ky"], [s])
            loose = SIGNER_PREFIX_LOOSE_RE.match(text)
            if loose:
                prefix = loose.group(1)
                proper = SIGNER_PREFIX_VARIANTS.get(prefix.lower())
                written = loose.group(0).strip()
                if proper and (prefix.upper() + loose.group(2) != proper or not loose.group(3)) and len(text) > len(written):
                    problems.append(f"viết '{written}' (đúng là '{proper} ')")
                if proper == "KT." and n == len(auth) - 1:
                    problems.append("sau 'KT.' thiếu dòng chức vụ của cấp phó")
                if proper == "TM." and n > 0:
                    problems.append("'TM.' phải đứng ở dòng đầu")
            fused = _FUSED_RE.search(text)
            if fused:
                # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH": the lines of ô 7a run together
                problems.append(f"quyền hạn và chức vụ ghi liền trên một dòng; tách mỗi phần một dòng: "
                                f"'{text[:fused.start()].strip()}' / '{text[fused.start():].strip()}'")
            if problems:
                self.add("ND30-SIGN-01", s, "; ".join(problems), element="chuc_vu_ky")

    def check_signer_name(self, name: Span | None) -> None:
        """ND30-SIGN-04: the signer's name (ô 7b): bold, normal case, no degree before it."""
        if name is None:
            return
        text = name.clean
        problems = style_problems(ELEMENTS["ho_ten_ky"], [name])
        degree = DEGREE_RE.match(text)
        if degree and len(text) > degree.end():
            problems.append(f"có học hàm, học vị '{degree.group(0).strip()}' trước họ tên")
        if is_upper(text) and len(text.split()) >= 2:
            problems.append("họ tên in hoa toàn bộ")
        if problems:
            self.add("ND30-SIGN-04", name, "; ".join(problems), element="ho_ten_ky")
