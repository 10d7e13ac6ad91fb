"""Draw the app icon (kampung.png, 256 px): three roofs on a green tile. Run once; PNG is shipped.

.venv/bin/python resources/icons/make_icon.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPolygonF  # noqa: E402

SIZE = 256


def draw() -> QImage:
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f6f4a"))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    houses = ((40, 150, 60, "#f4d58d"), (98, 120, 76, "#ffffff"), (160, 150, 60, "#f4d58d"))
    for x, base, width, colour in houses:
        roof = QPolygonF(
            [
                QPointF(x - 8, base),
                QPointF(x + width / 2, base - width * 0.7),
                QPointF(x + width + 8, base),
            ]
        )
        p.setBrush(QColor("#c0392b"))
        p.drawPolygon(roof)
        p.setBrush(QColor(colour))
        p.drawRect(QRectF(x, base, width, 200 - base))
        p.setBrush(QColor("#1f6f4a"))
        p.drawRect(QRectF(x + width * 0.38, 200 - width * 0.5, width * 0.24, width * 0.5))
    p.setBrush(QColor("#f4d58d"))
    p.drawRect(QRectF(28, 200, 200, 10))
    p.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication([])
    target = Path(__file__).with_name("kampung.png")
    draw().save(str(target))
    print(target)
