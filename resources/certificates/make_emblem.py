"""Draw `emblem-generic.png`: a neutral shield used until a city supplies its own emblem.

Real city emblems (lambang daerah) belong to the city and are set by a regional regulation, so
the project ships only this generic stand-in: a shield with a star, a row of houses (the kampung)
and water, drawn from primitives. Re-run after changing it:

    .venv/bin/python resources/certificates/make_emblem.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).with_name("emblem-generic.png")
W, H = 600, 720
SS = 4  # supersampling factor for smooth edges

NAVY = (24, 52, 94, 255)
GOLD = (196, 150, 48, 255)
GREEN = (34, 110, 70, 255)
WATER = (58, 120, 190, 255)
WHITE = (255, 255, 255, 255)
ROOF = (170, 40, 40, 255)


def _shield(w: float, h: float, inset: float) -> list[tuple[float, float]]:
    """Outline of a heater shield: flat top, straight sides, curved point at the bottom."""
    left, right, top = inset, w - inset, inset
    side_bottom = h * 0.52
    pts = [(left, top), (right, top), (right, side_bottom)]
    steps = 40
    cx, tip = w / 2, h - inset
    ctrl = (right, side_bottom + (tip - side_bottom) * 0.62)
    for i in range(1, steps + 1):  # right flank: quadratic curve bulging outwards to the tip
        t = i / steps
        x = (1 - t) ** 2 * right + 2 * (1 - t) * t * ctrl[0] + t**2 * cx
        y = (1 - t) ** 2 * side_bottom + 2 * (1 - t) * t * ctrl[1] + t**2 * tip
        pts.append((x, y))
    for i in range(steps - 1, -1, -1):  # mirror for the left flank
        x, y = pts[3 + i]
        pts.append((w - x, y))
    return pts


def _star(cx: float, cy: float, r_out: float, r_in: float) -> list[tuple[float, float]]:
    pts = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def draw() -> Image.Image:
    w, h = W * SS, H * SS
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.polygon(_shield(w, h, 4 * SS), fill=GOLD)
    d.polygon(_shield(w, h, 26 * SS), fill=NAVY)
    d.polygon(_shield(w, h, 40 * SS), fill=GOLD)
    d.polygon(_shield(w, h, 46 * SS), fill=NAVY)

    d.polygon(_star(w / 2, h * 0.2, 95 * SS, 38 * SS), fill=GOLD)

    # Row of three houses: the kampung.
    base_y, house_w, gap = h * 0.52, 110 * SS, 20 * SS
    start = w / 2 - (3 * house_w + 2 * gap) / 2
    for i in range(3):
        x0 = start + i * (house_w + gap)
        x1 = x0 + house_w
        d.rectangle([x0 + 12 * SS, base_y - 70 * SS, x1 - 12 * SS, base_y], fill=WHITE)
        d.polygon(
            [(x0, base_y - 66 * SS), ((x0 + x1) / 2, base_y - 130 * SS), (x1, base_y - 66 * SS)],
            fill=ROOF,
        )
        door_w = 26 * SS
        cx = (x0 + x1) / 2
        d.rectangle([cx - door_w / 2, base_y - 42 * SS, cx + door_w / 2, base_y], fill=NAVY)
    d.rectangle(
        [start - 10 * SS, base_y, start + 3 * house_w + 2 * gap + 10 * SS, base_y + 14 * SS],
        fill=GREEN,
    )

    # Three waves: the river.
    for k in range(3):
        y0 = h * 0.62 + k * 34 * SS
        pts = []
        for i in range(0, 121):
            x = w * 0.27 + (w * 0.46) * i / 120
            pts.append((x, y0 + 9 * SS * math.sin(i / 120 * 4 * math.pi)))
        d.line(pts, fill=WATER if k != 1 else WHITE, width=12 * SS, joint="curve")

    return img.resize((W, H), Image.LANCZOS)


if __name__ == "__main__":
    draw().save(OUT, optimize=True)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
