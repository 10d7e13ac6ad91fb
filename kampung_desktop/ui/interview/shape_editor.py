"""geotrace / geoshape answers: typed as `lat lon` points separated by `;`, drawn beside the
text as a small outline with its length or area, so a mistyped point (a swapped sign, a
missing digit) shows as a spike before the answer is saved.

There is no base map: tiles would need the internet the field does not have. The outline is
drawn in an equirectangular projection around the shape's own centre, north up, which is true
to shape at the size of a neighbourhood.
"""

from __future__ import annotations

import math
from typing import Any

from kampung_desktop.core import formats, geo
from kampung_desktop.survey.model import FormNode
from kampung_desktop.survey.xpath.functions_odk import polygon_area_m2, trace_length_m
from kampung_desktop.ui.interview.odk_editors import ListLineEditor
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QColor,
    QPainter,
    QPen,
    QPointF,
    QPolygonF,
    QSize,
    Qt,
    QWidget,
)

Point = tuple[float, float]


def parse_points(text: str) -> list[Point] | None:
    """The (lat, lon) points of a typed trace or shape; None when a part is not a point."""
    points: list[Point] = []
    for part in (text or "").split(";"):
        numbers = part.split()
        if not numbers:
            continue
        try:
            lat, lon = float(numbers[0]), float(numbers[1])
        except (ValueError, IndexError):
            return None
        if not geo.on_earth(lat, lon):
            return None
        points.append((lat, lon))
    return points


class ShapePreview(QWidget):
    """The outline of the typed points, fitted to the widget, with its length or area."""

    def __init__(self, closed: bool, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.closed = closed
        self.lang = lang
        self.points: list[Point] | None = []
        self.setMinimumSize(QSize(150, 100))
        self.setAccessibleName(t("shape_preview", lang))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(180, 120)

    def show_points(self, points: list[Point] | None) -> None:
        self.points = points
        self.setAccessibleDescription(self.caption())
        self.setToolTip(self.caption())
        self.update()

    def caption(self) -> str:
        points = self.points
        if points is None:
            return t("shape_invalid", self.lang)
        needed = 3 if self.closed else 2
        if len(points) < needed:
            return t("shape_more_points", self.lang).format(n=needed)
        text = "; ".join(f"{lat} {lon}" for lat, lon in points)
        if self.closed:
            area = polygon_area_m2(text)
            return t("shape_area", self.lang).format(
                value=formats.number(round(area), lang=self.lang)
            )
        length = trace_length_m(text)
        return t("shape_length", self.lang).format(
            value=formats.number(round(length), lang=self.lang)
        )

    def _projected(self, width: float, height: float, margin: float) -> list[QPointF]:
        points = self.points or []
        lat0 = sum(p[0] for p in points) / len(points)
        scale_x = math.cos(math.radians(lat0))
        xs = [lon * scale_x for _lat, lon in points]
        ys = [lat for lat, _lon in points]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1e-9
        factor = min(width - 2 * margin, height - 2 * margin) / span
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        return [
            QPointF(width / 2 + (x - cx) * factor, height / 2 - (y - cy) * factor)
            for x, y in zip(xs, ys, strict=True)
        ]

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect()
        painter.fillRect(rect, self.palette().base())
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        caption_height = self.fontMetrics().height() + 4
        drawable = self.points is not None and len(self.points) >= 1
        if drawable:
            corners = self._projected(rect.width(), rect.height() - caption_height, 10)
            painter.setPen(QPen(QColor("#0b5cad"), 2))
            shape = QPolygonF(corners)
            if self.closed and len(corners) >= 3:
                painter.setBrush(QColor(11, 92, 173, 50))
                painter.drawPolygon(shape)
            else:
                painter.drawPolyline(shape)
            painter.setBrush(QColor("#0b5cad"))
            for corner in corners:
                painter.drawEllipse(corner, 2.5, 2.5)
        painter.setPen(self.palette().text().color())
        painter.drawText(
            rect.adjusted(4, 0, -4, -2),
            int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter),
            self.caption(),
        )
        painter.end()


class ShapeEditor(ListLineEditor):
    """A typed geotrace or geoshape with its outline drawn beside it as it is typed."""

    def __init__(self, node: FormNode, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(node, lang, parent)
        self.line.setPlaceholderText(t("line_placeholder", lang))
        self.preview = ShapePreview(node.type == "geoshape", lang, self)
        self.preview.setObjectName(f"preview_{node.name}")
        self.row.addWidget(self.preview)
        self.line.textChanged.connect(lambda text: self.preview.show_points(parse_points(text)))

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self.preview.show_points(parse_points(self.line.text()))
