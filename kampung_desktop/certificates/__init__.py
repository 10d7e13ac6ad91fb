"""Award certificates (piagam penghargaan) and summary reports as PDF, plus CSV/XLSX export.

Pure functions over plain dataclasses: no Qt, no database. Services load the award decisions,
build `CertificateData` with `CertificateTemplate.certificate(...)` and hand them to
`render_batch` / `render_separate`; the GUI passes a progress callback that can cancel.

Modules: `model` (data, QR payload, digest), `template` (TOML templates), `layout` (the page),
`render` (batch files, atomic), `pdfwriter` (streaming PDF), `qr` (fast QR matrix),
`report` (summary PDF), `export` (CSV/XLSX), `atomic` (all-or-nothing file writes).
"""

from kampung_desktop.certificates.export import export_csv, export_xlsx
from kampung_desktop.certificates.model import (
    CertificateData,
    certificate_digest,
    parse_payload,
    verify_payload,
)
from kampung_desktop.certificates.render import (
    BatchResult,
    render_batch,
    render_separate,
    safe_file_name,
)
from kampung_desktop.certificates.report import ReportRow, SummaryReport, render_summary_report
from kampung_desktop.certificates.template import CertificateTemplate, TemplateError, load_template

__all__ = [
    "BatchResult",
    "CertificateData",
    "CertificateTemplate",
    "ReportRow",
    "SummaryReport",
    "TemplateError",
    "certificate_digest",
    "export_csv",
    "export_xlsx",
    "load_template",
    "parse_payload",
    "render_batch",
    "render_separate",
    "render_summary_report",
    "safe_file_name",
    "verify_payload",
]
