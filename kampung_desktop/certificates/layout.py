"""Where everything sits on an A4-landscape piagam, and the drawing of one page.

The page has a fixed part (border, emblem, letterhead, title, "diberikan kepada"), drawn once per
document into a Form XObject, and a variable part (number, recipient, achievement, date,
signatory, QR code) drawn for each certificate. Long kelurahan names shrink to fit and, below
the template's minimum size, wrap onto more lines; if the middle block would then run into the
signature block, the whole block is scaled down until it fits.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape

from kampung_desktop.certificates.model import CertificateData
from kampung_desktop.certificates.pdfwriter import (
    Content,
    Font,
    ImageData,
    PdfStreamWriter,
    prepare_image,
)
from kampung_desktop.certificates.qr import qr_ops
from kampung_desktop.certificates.template import CertificateTemplate
from kampung_desktop.core.dates import place_and_date

PAGE_SIZE: tuple[float, float] = landscape(A4)
STATIC_FORM = "Static"
EMBLEM = "Emblem"


def wrap(font: Font, text: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a single word wider than `width` stays on its own line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and font.width(trial, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def fit(
    font: Font, text: str, size: float, min_size: float, width: float
) -> tuple[float, list[str]]:
    """Largest size ≤ `size` at which `text` fits on one line; below `min_size`, wrap at
    `min_size` (and shrink further only if one word alone is too wide)."""
    natural = font.width(text, size)
    if natural <= width:
        return size, [text]
    shrunk = size * width / natural
    if shrunk >= min_size:
        return shrunk, [text]
    lines = wrap(font, text, min_size, width)
    widest = max(font.width(line, min_size) for line in lines)
    return (min_size * min(1.0, width / widest) if widest else min_size), lines


@dataclass(frozen=True)
class PlacedLine:
    font: Font
    size: float
    text: str
    y: float


class CertificatePainter:
    """Draws certificates of one template into one `PdfStreamWriter`."""

    def __init__(
        self,
        writer: PdfStreamWriter,
        template: CertificateTemplate,
        emblem: ImageData | None = None,
    ) -> None:
        self.template = template
        self.layout = template.layout
        self.fonts = {role: writer.add_font(role, template.face(role)) for role in template.fonts}
        if emblem is None:
            emblem = prepare_image(
                template.emblem, max_height_px=int(self.layout.emblem_height * 5)
            )
        self.emblem_size = (
            self.layout.emblem_height * emblem.width / emblem.height,
            self.layout.emblem_height,
        )
        writer.add_image(EMBLEM, emblem)
        self._geometry()
        writer.add_form(STATIC_FORM, self._static())

    # -- geometry --------------------------------------------------------------------------

    def _geometry(self) -> None:
        lay, (width, height) = self.layout, PAGE_SIZE
        self.cx = width / 2
        self.emblem_top = height - lay.margin - lay.inner_border_gap - 16
        y = self.emblem_top - lay.emblem_height - lay.letterhead_size - 4
        self.letterhead_y = []
        for i, _ in enumerate(self.template.letterhead_lines):
            size = lay.letterhead_size if i == 0 else lay.letterhead_sub_size
            if i:
                y -= size + 4
            self.letterhead_y.append(y)
        self.rule_y = y - 10
        self.title_y = self.rule_y - lay.title_size - 8
        self.number_y = self.title_y - lay.number_size - 12
        self.given_to_y = self.number_y - lay.given_to_size - 16
        self.middle_top = self.given_to_y - 14
        # Signature block, anchored to the bottom right.
        bottom = lay.margin + lay.inner_border_gap + 22
        self.sign_cx = width - lay.margin - lay.inner_border_gap - 165
        self.sign_width = 290.0
        self.sign_bottom = bottom
        self.qr_x = lay.margin + lay.inner_border_gap + 26
        self.qr_y = bottom - 6

    # -- static part -----------------------------------------------------------------------

    def _centered(
        self,
        c: Content,
        font: Font,
        size: float,
        y: float,
        text: str,
        char_space: float = 0.0,
        max_width: float | None = None,
    ) -> None:
        limit = max_width or self.layout.text_width
        natural = font.width(text, size, char_space)
        if natural > limit:
            size *= limit / natural
            char_space *= limit / natural
            natural = font.width(text, size, char_space)
        c.text(font, size, self.cx - natural / 2, y, text, char_space)

    def _static(self) -> Content:
        t, lay, c = self.template, self.layout, Content()
        width, height = PAGE_SIZE
        border, accent, ink = t.colors["border"], t.colors["accent"], t.colors["text"]
        m, g = lay.margin, lay.inner_border_gap
        c.stroke_rgb(border)
        c.line_width(lay.border_width)
        c.rect(m, m, width - 2 * m, height - 2 * m, fill=False, stroke=True)
        c.stroke_rgb(accent)
        c.line_width(lay.inner_border_width)
        inner = m + lay.border_width / 2 + g
        c.rect(inner, inner, width - 2 * inner, height - 2 * inner, fill=False, stroke=True)
        c.rect(
            inner + 3,
            inner + 3,
            width - 2 * inner - 6,
            height - 2 * inner - 6,
            fill=False,
            stroke=True,
        )
        c.fill_rgb(accent)
        for x, y in (
            (inner, inner),
            (width - inner, inner),
            (inner, height - inner),
            (width - inner, height - inner),
        ):
            s = 7.0
            c.raw(
                f"{x:.2f} {y + s:.2f} m {x + s:.2f} {y:.2f} l {x:.2f} {y - s:.2f} l "
                f"{x - s:.2f} {y:.2f} l h f"
            )
        ew, eh = self.emblem_size
        c.draw_xobject(EMBLEM, self.cx - ew / 2, self.emblem_top - eh, ew, eh)
        c.fill_rgb(ink)
        for i, (line, y) in enumerate(zip(t.letterhead_lines, self.letterhead_y, strict=True)):
            size = lay.letterhead_size if i == 0 else lay.letterhead_sub_size
            self._centered(c, self.fonts["bold"], size, y, line)
        c.stroke_rgb(border)
        c.line_width(1.6)
        c.line(self.cx - 280, self.rule_y, self.cx + 280, self.rule_y)
        c.line_width(0.6)
        c.line(self.cx - 280, self.rule_y - 3, self.cx + 280, self.rule_y - 3)
        c.fill_rgb(border)
        self._centered(
            c, self.fonts["bold"], lay.title_size, self.title_y, t.title, lay.title_char_space
        )
        c.fill_rgb(ink)
        self._centered(c, self.fonts["italic"], lay.given_to_size, self.given_to_y, t.given_to)
        return c

    # -- variable part ---------------------------------------------------------------------

    def middle_lines(self, data: CertificateData, scale: float) -> list[PlacedLine]:
        lay, t = self.layout, self.template
        width = lay.text_width
        out: list[PlacedLine] = []
        y = self.middle_top
        blocks = [
            (self.fonts["bold"], lay.recipient_size, lay.recipient_min_size, data.recipient_lines),
            (
                self.fonts["regular"],
                lay.achievement_size,
                lay.achievement_min_size,
                (data.achievement,),
            ),
        ]
        if t.citation:
            blocks.append(
                (self.fonts["italic"], lay.citation_size, lay.achievement_min_size, (t.citation,))
            )
        for n, (font, size, min_size, texts) in enumerate(blocks):
            if n:
                y -= 8 * scale
            for text in texts:
                fitted, lines = fit(font, text, size * scale, min_size * scale, width)
                for line in lines:
                    y -= fitted * 1.28
                    out.append(PlacedLine(font, fitted, line, y))
        return out

    def place_middle(self, data: CertificateData, sign_lines: list[PlacedLine]) -> list[PlacedLine]:
        """Recipient, achievement and citation, scaled down (to half at most) until they clear
        the signature block; spare room goes partly above so short text does not hang high."""
        floor = sign_lines[0].y + sign_lines[0].size + 6
        scale = 1.0
        middle = self.middle_lines(data, scale)
        while middle[-1].y < floor and scale > 0.5:
            scale -= 0.05
            middle = self.middle_lines(data, scale)
        shift = max(0.0, middle[-1].y - floor) * 0.4
        return [dataclasses.replace(line, y=line.y - shift) for line in middle]

    def page(self, data: CertificateData) -> Content:
        """The content of one certificate page (the static form plus this certificate's text)."""
        t, lay, c = self.template, self.layout, Content()
        c.draw_form(STATIC_FORM)
        c.fill_rgb(t.colors["text"])
        number = f"{t.number_label}: {data.number}" if t.number_label else data.number
        self._centered(c, self.fonts["regular"], lay.number_size, self.number_y, number)

        sign_lines = self.signature_lines(data)
        for line in self.place_middle(data, sign_lines):
            self._centered(c, line.font, line.size, line.y, line.text)

        for line in sign_lines:
            w = line.font.width(line.text, line.size)
            c.text(line.font, line.size, self.sign_cx - w / 2, line.y, line.text)
            if line.font is self.fonts["bold"] and line.text == data.signatory_name:
                c.line_width(0.8)
                c.stroke_rgb(t.colors["text"])
                c.line(self.sign_cx - w / 2, line.y - 2, self.sign_cx + w / 2, line.y - 2)

        self._qr(c, data)
        return c

    def signature_lines(self, data: CertificateData) -> list[PlacedLine]:
        """Dateline, title (wrapped if long), space to sign, name, NIP; bottom-anchored."""
        lay = self.layout
        size = lay.signatory_size
        regular, bold = self.fonts["regular"], self.fonts["bold"]
        lines: list[tuple[Font, float, str, float]] = []  # font, size, text, gap above
        _, title_lines = fit(bold, data.signatory_title, size, size, self.sign_width)
        lines.append((regular, size, place_and_date(data.place, data.date), 0))
        for i, text in enumerate(title_lines):
            lines.append((bold, size, text, 4 if i == 0 else 1))
        name_size, _ = fit(bold, data.signatory_name, size, size * 0.7, self.sign_width)
        lines.append((bold, name_size, data.signatory_name, lay.signature_space))
        if data.signatory_nip:
            lines.append((regular, size, f"NIP. {data.signatory_nip}", 3))
        # Walk upwards from the bottom: each line sits above the one below by its size + gap.
        y = self.sign_bottom
        placed: list[PlacedLine] = []
        below_gap = 0.0
        for font, sz, text, gap in reversed(lines):
            if placed:
                y += sz + 2 + below_gap
            placed.append(PlacedLine(font, sz, text, y))
            below_gap = gap
        return list(reversed(placed))

    def _qr(self, c: Content, data: CertificateData) -> None:
        t, lay = self.template, self.layout
        c.fill_rgb((0, 0, 0))
        c.raw(qr_ops(t.qr_text(data), self.qr_x, self.qr_y, lay.qr_size))
        c.fill_rgb(t.colors["text"])
        x = self.qr_x + lay.qr_size + 2
        if t.verify_hint:
            c.text(self.fonts["italic"], 8, x, self.qr_y + lay.qr_size / 2 + 2, t.verify_hint)
        c.text(self.fonts["regular"], 8, x, self.qr_y + lay.qr_size / 2 - 9, data.number)
