"""Star certificates (Giấy chứng nhận sản phẩm OCOP) in batch: from a results table to .docx and PDF.

``run_certificates(table, issuer_file, outdir, pdf=…, register=…, workers=…)`` is the whole job;
its parts: ``model`` (the issuer file), ``plan`` (the rows that may have a certificate), ``rules`` (stars by score and by the level allowed to
recognise them on the decision's date), ``register`` (SQLite register of numbers; ``issuers`` keys the bodies), ``context``
(one certificate's template context), ``compiled`` (the compiled-template fast renderer),
``qr`` (payload and encoder), ``reports`` (manifest and rejects), ``batch`` (the pure,
idempotent batch function and the run).
"""
from .batch import (
    COMBINED_PDF, BatchReport, CertificateResult, plan_jobs, produce_certificates, run_certificates, trial_certificates,
)
from .model import CertificateIssuer, load_issuer
from .register import Register, open_register, register_location

__all__ = [
    "BatchReport", "COMBINED_PDF", "CertificateIssuer", "CertificateResult", "Register", "load_issuer", "open_register",
    "plan_jobs", "produce_certificates", "register_location", "run_certificates", "trial_certificates",
]
