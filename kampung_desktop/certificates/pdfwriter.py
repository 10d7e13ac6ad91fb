"""A small streaming PDF writer for long runs of near-identical pages (certificate batches).

reportlab's canvas keeps every page of a document in memory until `save()`, so printing all
1,650 RTs of a city (or 5,000) grows memory with the page count. This writer sends each page to
the file as soon as it is finished and keeps only two integers per page (the byte offset and the
page's object number). Shared parts are written once: a Form XObject for everything that is the
same on every page, the emblem image, and the fonts, which are subset at the end from the
characters actually used. reportlab still does the hard parts: TrueType parsing and subsetting
(`TTFontFace.makeSubset`), metrics and the ToUnicode map (so text can be extracted).

Only what certificates need is supported: RGB fill/stroke, rectangles and lines, text in TrueType
fonts with optional character spacing, images, forms.
"""

from __future__ import annotations

import threading
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfbase.ttfonts import TTFontFace, makeToUnicodeCMap

PAGES_PER_NODE = 256
# Parsed faces are shared between documents, and subsetting moves the face's read position.
_SUBSET_LOCK = threading.Lock()
_FF_SYMBOLIC = 1 << 2
_FF_NONSYMBOLIC = 1 << 5


def fmt(value: float) -> str:
    """A number as PDF wants it: at most 3 decimals, no trailing zeros, no exponent."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pdf_text_string(text: str) -> str:
    """A text string (document info) as UTF-16BE hex with BOM: safe for any character."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@dataclass
class Font:
    """A TrueType font with per-document subsets of at most 256 characters each."""

    key: str
    face: TTFontFace
    index: int
    subsets: list[list[int]] = field(default_factory=lambda: [[32] * 33])
    codes: dict[int, tuple[int, int]] = field(default_factory=lambda: {32: (0, 32)})
    object_ids: list[int] = field(default_factory=list)

    def width(self, text: str, size: float, char_space: float = 0.0) -> float:
        """Advance width of `text` at `size` points; character spacing counted between glyphs."""
        widths = self.face.charWidths
        default = self.face.defaultWidth
        total = sum(widths.get(ord(ch), default) for ch in text) * size / 1000.0
        if char_space and len(text) > 1:
            total += char_space * (len(text) - 1)
        return total

    def resource_name(self, subset: int) -> str:
        return f"F{self.index}s{subset}"

    def encode(self, text: str) -> list[tuple[int, bytes]]:
        """Split `text` into runs of (subset, codes), assigning codes on first use."""
        runs: list[tuple[int, bytearray]] = []
        for ch in text:
            cp = ord(ch)
            hit = self.codes.get(cp)
            if hit is None:
                last = self.subsets[-1]
                if len(last) >= 256:
                    last = []
                    self.subsets.append(last)
                hit = (len(self.subsets) - 1, len(last))
                last.append(cp)
                self.codes[cp] = hit
            subset, code = hit
            if runs and runs[-1][0] == subset:
                runs[-1][1].append(code)
            else:
                runs.append((subset, bytearray([code])))
        return [(s, bytes(b)) for s, b in runs]


@dataclass(frozen=True)
class ImageData:
    """A raster image decoded and Flate-compressed once, embeddable in many documents."""

    width: int
    height: int
    rgb_z: bytes
    alpha_z: bytes | None


def prepare_image(path: str | Path, max_height_px: int | None = None) -> ImageData:
    """Decode an image file (PNG, JPEG, ...) and compress it for embedding.

    `max_height_px` caps the resolution: an emblem printed 2 cm tall needs ~300 px, not the
    2,000 px a city may supply, and a smaller image keeps every separate PDF small.
    """
    from PIL import Image  # reportlab's own image dependency

    with Image.open(path) as img:
        img.load()
        rgba = img.convert("RGBA")
    if max_height_px and rgba.height > max_height_px:
        width = max(1, round(rgba.width * max_height_px / rgba.height))
        rgba = rgba.resize((width, max_height_px), Image.LANCZOS)
    alpha = rgba.getchannel("A")
    alpha_z = None if alpha.getextrema() == (255, 255) else zlib.compress(alpha.tobytes(), 9)
    rgb_z = zlib.compress(rgba.convert("RGB").tobytes(), 9)
    return ImageData(rgba.width, rgba.height, rgb_z, alpha_z)


def load_face(path: str | Path) -> TTFontFace:
    """Parse a TrueType file once; the face can be shared by many documents."""
    return TTFontFace(str(path))


class Content:
    """PDF content-stream operators for one page or form, built as a list of strings."""

    def __init__(self) -> None:
        self._ops: list[str] = []

    def raw(self, op: str) -> None:
        self._ops.append(op)

    def save(self) -> None:
        self._ops.append("q")

    def restore(self) -> None:
        self._ops.append("Q")

    def fill_rgb(self, rgb: tuple[float, float, float]) -> None:
        self._ops.append(f"{fmt(rgb[0])} {fmt(rgb[1])} {fmt(rgb[2])} rg")

    def stroke_rgb(self, rgb: tuple[float, float, float]) -> None:
        self._ops.append(f"{fmt(rgb[0])} {fmt(rgb[1])} {fmt(rgb[2])} RG")

    def line_width(self, width: float) -> None:
        self._ops.append(f"{fmt(width)} w")

    def rect(self, x: float, y: float, w: float, h: float, *, fill: bool, stroke: bool) -> None:
        paint = "B" if fill and stroke else ("f" if fill else "S")
        self._ops.append(f"{fmt(x)} {fmt(y)} {fmt(w)} {fmt(h)} re {paint}")

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._ops.append(f"{fmt(x1)} {fmt(y1)} m {fmt(x2)} {fmt(y2)} l S")

    def text(
        self, font: Font, size: float, x: float, y: float, text: str, char_space: float = 0.0
    ) -> None:
        """Draw `text` with its baseline starting at (x, y)."""
        ops = ["BT", f"{fmt(char_space)} Tc" if char_space else "0 Tc"]
        # Font before position: text extractors judge line breaks by the size in force at Td.
        for i, (subset, codes) in enumerate(font.encode(text)):
            ops.append(f"/{font.resource_name(subset)} {fmt(size)} Tf")
            if i == 0:
                ops.append(f"{fmt(x)} {fmt(y)} Td")
            ops.append(f"<{codes.hex()}> Tj")
        ops.append("ET")
        self._ops.append(" ".join(ops))

    def draw_xobject(self, name: str, x: float, y: float, w: float, h: float) -> None:
        """Place an image (unit square scaled to w×h) at (x, y)."""
        self._ops.append(f"q {fmt(w)} 0 0 {fmt(h)} {fmt(x)} {fmt(y)} cm /{name} Do Q")

    def draw_form(self, name: str) -> None:
        self._ops.append(f"/{name} Do")

    def data(self) -> bytes:
        return "\n".join(self._ops).encode("latin-1")


class PdfStreamWriter:
    """Write a PDF page by page. Use as a context manager or call `close()` once at the end."""

    def __init__(self, out: BinaryIO, page_size: tuple[float, float], *, title: str = "") -> None:
        self._out = out
        self._pos = 0
        self._offsets = array("Q", [0])  # index = object number; 0 is the free-list head
        self._page_count = 0
        self._group_id = 0  # /Pages node collecting the current run of pages
        self._group_kids: list[int] = []
        self._groups = array("L")
        self._fonts: dict[str, Font] = {}
        self._xobjects: dict[str, int] = {}
        self._page_size = page_size
        self._title = title
        self._closed = False
        self._pages_id = self._alloc()
        self._resources_id = self._alloc()
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    # -- low level -------------------------------------------------------------------------

    def _alloc(self) -> int:
        self._offsets.append(0)
        return len(self._offsets) - 1

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._pos += len(data)

    def _object(self, obj_id: int, body: str | bytes) -> None:
        self._offsets[obj_id] = self._pos
        if isinstance(body, str):
            body = body.encode("latin-1")
        self._write(b"%d 0 obj\n%s\nendobj\n" % (obj_id, body))

    def _stream(self, obj_id: int, data: bytes, extra: str = "") -> None:
        self._raw_stream(obj_id, zlib.compress(data, 6), extra + " /Filter /FlateDecode")

    def _raw_stream(self, obj_id: int, data: bytes, extra: str) -> None:
        """A stream whose bytes are already encoded as `extra` (its /Filter) says."""
        head = f"<< /Length {len(data)}{extra} >>\nstream\n".encode("latin-1")
        self._object(obj_id, head + data + b"\nendstream")

    # -- resources -------------------------------------------------------------------------

    def add_font(self, key: str, face: TTFontFace) -> Font:
        """Use a parsed TrueType face (`load_face`) in this document; subsets are per document."""
        font = Font(key=key, face=face, index=len(self._fonts) + 1)
        self._fonts[key] = font
        return font

    def add_image(self, name: str, image: ImageData) -> None:
        """Embed a prepared image once (alpha as a soft mask); draw it with `draw_xobject`."""
        head = (
            f" /Type /XObject /Subtype /Image /Width {image.width} /Height {image.height}"
            " /BitsPerComponent 8 /Filter /FlateDecode"
        )
        smask = ""
        if image.alpha_z is not None:
            smask_id = self._alloc()
            self._raw_stream(smask_id, image.alpha_z, head + " /ColorSpace /DeviceGray")
            smask = f" /SMask {smask_id} 0 R"
        obj_id = self._alloc()
        self._raw_stream(obj_id, image.rgb_z, head + f" /ColorSpace /DeviceRGB{smask}")
        self._xobjects[name] = obj_id

    def add_form(self, name: str, content: Content) -> None:
        """Store content drawn the same way on every page; pages draw it with `draw_form`."""
        obj_id = self._alloc()
        width, height = self._page_size
        self._stream(
            obj_id,
            content.data(),
            f" /Type /XObject /Subtype /Form /BBox [0 0 {fmt(width)} {fmt(height)}]"
            f" /Resources {self._resources_id} 0 R",
        )
        self._xobjects[name] = obj_id

    # -- pages -----------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self._page_count

    def add_page(self, content: Content) -> None:
        if not self._group_kids:
            self._group_id = self._alloc()
        contents_id = self._alloc()
        self._stream(contents_id, content.data())
        page_id = self._alloc()
        width, height = self._page_size
        self._object(
            page_id,
            f"<< /Type /Page /Parent {self._group_id} 0 R /MediaBox [0 0 {fmt(width)} {fmt(height)}]"
            f" /Resources {self._resources_id} 0 R /Contents {contents_id} 0 R >>",
        )
        self._page_count += 1
        self._group_kids.append(page_id)
        if len(self._group_kids) == PAGES_PER_NODE:
            self._end_group()

    def _end_group(self) -> None:
        """Write the /Pages node of the pages just written: the page tree grows as we go, so
        no list of all pages is kept (PDF allows any depth of /Pages nodes)."""
        if not self._group_kids:
            return
        kids = " ".join(f"{pid} 0 R" for pid in self._group_kids)
        self._object(
            self._group_id,
            f"<< /Type /Pages /Parent {self._pages_id} 0 R /Count {len(self._group_kids)}"
            f" /Kids [{kids}] >>",
        )
        self._groups.append(self._group_id)
        self._group_kids = []

    # -- end -------------------------------------------------------------------------------

    def _write_font(self, font: Font) -> list[tuple[str, int]]:
        face = font.face
        refs = []
        flags = (face.flags & ~_FF_NONSYMBOLIC) | _FF_SYMBOLIC
        for n, subset in enumerate(font.subsets):
            tag = "".join(chr(65 + (v % 26)) for v in (font.index, n, n // 26, 0, 0, 0))
            base = f"{tag}+{face.name.decode('latin-1')}"
            file_id, desc_id, cmap_id, font_id = (self._alloc() for _ in range(4))
            with _SUBSET_LOCK:
                program = face.makeSubset(subset)
            self._stream(file_id, program, f" /Length1 {len(program)}")
            bbox = " ".join(fmt(v) for v in face.bbox)
            self._object(
                desc_id,
                f"<< /Type /FontDescriptor /FontName /{base} /Flags {flags} /FontBBox [{bbox}]"
                f" /ItalicAngle {fmt(face.italicAngle)} /Ascent {fmt(face.ascent)}"
                f" /Descent {fmt(face.descent)} /CapHeight {fmt(face.capHeight)}"
                f" /StemV {fmt(face.stemV)} /MissingWidth {fmt(face.defaultWidth)}"
                f" /FontFile2 {file_id} 0 R >>",
            )
            self._stream(cmap_id, makeToUnicodeCMap(base, subset).encode("latin-1"))
            widths = " ".join(fmt(face.getCharWidth(cp)) for cp in subset)
            self._object(
                font_id,
                f"<< /Type /Font /Subtype /TrueType /BaseFont /{base} /FirstChar 0"
                f" /LastChar {len(subset) - 1} /Widths [{widths}] /FontDescriptor {desc_id} 0 R"
                f" /ToUnicode {cmap_id} 0 R >>",
            )
            refs.append((font.resource_name(n), font_id))
        return refs

    def close(self) -> None:
        """Write fonts, resources, page tree, catalogue and cross-reference table."""
        if self._closed:
            return
        self._closed = True
        font_refs = [ref for font in self._fonts.values() for ref in self._write_font(font)]
        fonts = " ".join(f"/{name} {oid} 0 R" for name, oid in font_refs)
        xobjects = " ".join(f"/{name} {oid} 0 R" for name, oid in self._xobjects.items())
        self._object(
            self._resources_id,
            f"<< /ProcSet [/PDF /Text /ImageB /ImageC] /Font << {fonts} >>"
            f" /XObject << {xobjects} >> >>",
        )
        self._end_group()
        kids = " ".join(f"{gid} 0 R" for gid in self._groups)
        self._object(self._pages_id, f"<< /Type /Pages /Count {self._page_count} /Kids [{kids}] >>")
        catalog_id, info_id = self._alloc(), self._alloc()
        self._object(catalog_id, f"<< /Type /Catalog /Pages {self._pages_id} 0 R >>")
        title = f" /Title {_pdf_text_string(self._title)}" if self._title else ""
        self._object(info_id, f"<< /Producer (Kampung){title} >>")
        xref_at = self._pos
        count = len(self._offsets)
        self._write(f"xref\n0 {count}\n0000000000 65535 f \n".encode("latin-1"))
        for start in range(1, count, 4096):  # in slices: no string of the whole table
            chunk = self._offsets[start : start + 4096]
            self._write("".join(f"{off:010d} 00000 n \n" for off in chunk).encode("latin-1"))
        self._write(
            f"trailer\n<< /Size {count} /Root {catalog_id} 0 R /Info {info_id} 0 R >>\n"
            f"startxref\n{xref_at}\n%%EOF\n".encode("latin-1")
        )
