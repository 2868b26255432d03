#!/usr/bin/env python3
"""Draws the stand-in photos in images/ with Pillow, as flat illustrations with soft shading (stand-ins
until the licensed photos arrive): the couple in the field, Megan in front of her house, the VELARIS arm.

Each picture is drawn at three times its size from smooth outlines (Catmull-Rom curves through a few
points), shaded by darker shapes clipped to the shape they shade, and scaled down (which anti-aliases it).
Run from the project folder: python scripts/make_placeholder_photos.py. Output is deterministic.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "images"
SS = 3  # drawn at three times the size, then scaled down

Point = tuple[float, float]
Colour = tuple[int, int, int]


def spline(points: list[Point], closed: bool = True, steps: int = 10) -> list[Point]:
    """A smooth curve through `points` (Catmull-Rom), closed into a loop or open."""
    n = len(points)
    if n < 3:
        return list(points)
    out: list[Point] = []
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if closed or i > 0 else points[0]
        p1, p2 = points[i], points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed or i + 2 < n else points[-1]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2
                                    + (-a + 3 * b - 3 * c + d) * t3) for a, b, c, d in zip(p0, p1, p2, p3)))
    if not closed:
        out.append(points[-1])
    return out


class Art:
    """A canvas in the picture's own units (`size`), drawn at SS times `final` pixels."""

    def __init__(self, size: tuple[int, int], final: tuple[int, int]) -> None:
        self.k = final[0] * SS / size[0]
        self.final = final
        self.img = Image.new("RGB", (final[0] * SS, final[1] * SS), (255, 255, 255))

    def _pts(self, pts: list[Point]) -> list[Point]:
        return [(x * self.k, y * self.k) for x, y in pts]

    def mask(self, pts: list[Point], smooth: bool = True) -> Image.Image:
        m = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(m).polygon(self._pts(spline(pts) if smooth else pts), fill=255)
        return m

    def ellipse_mask(self, box: tuple[float, float, float, float]) -> Image.Image:
        m = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(m).ellipse([v * self.k for v in box], fill=255)
        return m

    def paint(self, mask: Image.Image, colour: Colour, clip: Image.Image | None = None, blur: float = 0,
              alpha: float = 1.0) -> None:
        if blur:
            mask = mask.filter(ImageFilter.GaussianBlur(blur * self.k))
        if clip is not None:
            mask = ImageChops.multiply(mask, clip)
        if alpha < 1:
            mask = mask.point(lambda v: round(v * alpha))
        self.img.paste(colour, (0, 0), mask)

    def shape(self, pts: list[Point], colour: Colour, smooth: bool = True, **kw) -> Image.Image:
        m = self.mask(pts, smooth)
        self.paint(m, colour, **kw)
        return m

    def ellipse(self, box: tuple[float, float, float, float], colour: Colour, **kw) -> Image.Image:
        m = self.ellipse_mask(box)
        self.paint(m, colour, **kw)
        return m

    def limb_points(self, path: list[Point], widths: list[float]) -> list[Point]:
        """The outline of a tapering stroke along a smooth path (an arm, a leg, a finger) with round ends."""
        centre = spline(path, closed=False, steps=8)
        n = len(centre)
        ws = [widths[0] + (widths[-1] - widths[0]) * i / (n - 1) if len(widths) == 2
              else _interp(widths, i / (n - 1)) for i in range(n)]
        left, right = [], []
        for i, (x, y) in enumerate(centre):
            ax, ay = centre[max(0, i - 1)]
            bx, by = centre[min(n - 1, i + 1)]
            dx, dy = bx - ax, by - ay
            ln = math.hypot(dx, dy) or 1
            nx, ny = -dy / ln, dx / ln
            left.append((x + nx * ws[i] / 2, y + ny * ws[i] / 2))
            right.append((x - nx * ws[i] / 2, y - ny * ws[i] / 2))
        return left + right[::-1]

    def limb(self, path: list[Point], widths: list[float], colour: Colour, caps: bool = True,
             **kw) -> Image.Image:
        m = Image.new("L", self.img.size, 0)
        d = ImageDraw.Draw(m)
        d.polygon(self._pts(self.limb_points(path, widths)), fill=255)
        if caps:
            for (x, y), w in ((path[0], widths[0]), (path[-1], widths[-1])):
                d.ellipse([(x - w / 2) * self.k, (y - w / 2) * self.k, (x + w / 2) * self.k,
                           (y + w / 2) * self.k], fill=255)
        self.paint(m, colour, **kw)
        return m

    def line(self, pts: list[Point], width: float, colour: Colour, smooth: bool = True) -> None:
        """A stroked line with round ends and joins (a brow, a smile, a crease)."""
        d = ImageDraw.Draw(self.img)
        p = self._pts(spline(pts, closed=False, steps=8) if smooth and len(pts) > 2 else pts)
        w = width * self.k
        d.line(p, fill=colour, width=max(1, round(w)), joint="curve")
        for x, y in (p[0], p[-1]):
            d.ellipse([x - w / 2, y - w / 2, x + w / 2, y + w / 2], fill=colour)

    def gradient(self, top: Colour, bottom: Colour, y0: float = 0, y1: float | None = None) -> None:
        w, h = self.img.size
        a, b = round(y0 * self.k), h if y1 is None else round(y1 * self.k)
        d = ImageDraw.Draw(self.img)
        for y in range(a, b):
            t = (y - a) / max(1, b - a - 1)
            d.line([(0, y), (w, y)], fill=tuple(round(p + (q - p) * t) for p, q in zip(top, bottom)))

    def done(self) -> Image.Image:
        return self.img.resize(self.final, Image.Resampling.LANCZOS)


def _interp(values: list[float], t: float) -> float:
    f = t * (len(values) - 1)
    i = min(int(f), len(values) - 2)
    return values[i] + (values[i + 1] - values[i]) * (f - i)


def darker(c: Colour, f: float = 0.86) -> Colour:
    return tuple(round(v * f) for v in c)  # type: ignore[return-value]


def lighter(c: Colour, f: float = 0.25) -> Colour:
    return tuple(round(v + (255 - v) * f) for v in c)  # type: ignore[return-value]


def face(a: Art, cx: float, cy: float, r: float, turn: float, skin: Colour) -> None:
    """A friendly face on a head of radius r centred at (cx, cy), turned by `turn` (-1 left .. 1 right):
    eyes, brows, a small nose, a smile and rosy cheeks."""
    ink, brow = (58, 44, 40), (96, 70, 56)
    fx = cx + turn * r * 0.22
    ey = cy + r * 0.05
    for side in (-1, 1):
        ex = fx + side * r * 0.36 + (turn * r * 0.05 if side * turn < 0 else 0)
        a.ellipse((ex - r * 0.075, ey - r * 0.1, ex + r * 0.075, ey + r * 0.1), ink)
        a.line([(ex - r * 0.17, ey - r * 0.25), (ex, ey - r * 0.31), (ex + r * 0.17, ey - r * 0.26)],
               r * 0.06, brow)
        a.ellipse((ex - r * 0.2, ey + r * 0.2, ex + r * 0.14, ey + r * 0.38), (232, 140, 130), blur=r * 0.06,
                  alpha=0.45)
    a.line([(fx + turn * r * 0.08, ey + r * 0.1), (fx + turn * r * 0.16, ey + r * 0.3),
            (fx + turn * r * 0.02, ey + r * 0.34)], r * 0.05, darker(skin, 0.8))
    a.line([(fx - r * 0.22, ey + r * 0.46), (fx, ey + r * 0.58), (fx + r * 0.22, ey + r * 0.46)], r * 0.065,
           (150, 70, 66))


def grass_band(a: Art, rng: random.Random, top: float, bottom: float, count: int, tall: tuple[float, float],
               tones: list[Colour], width: float) -> None:
    """Tufts of grass blades, tapering and gently curved, in a few flat tones (one mask per tone)."""
    w = a.img.width / a.k
    masks = [Image.new("L", a.img.size, 0) for _ in tones]
    draws = [ImageDraw.Draw(m) for m in masks]
    for _ in range(count):
        x, y = rng.uniform(-10, w + 10), rng.uniform(top, bottom)
        h = rng.uniform(*tall)
        lean = rng.uniform(-0.35, 0.35) * h
        path = [(x, y), (x + lean * 0.3, y - h * 0.55), (x + lean, y - h)]
        pts = a.limb_points(path, [width, width * 0.15])
        draws[rng.randrange(len(tones))].polygon(a._pts(pts), fill=255)
    for m, tone in zip(masks, tones):
        a.paint(m, tone)


def couple() -> Image.Image:
    """Two older people stand hand in hand, waist-deep in a field of golden grass, under a blue sky and a
    pale sun: she has short grey hair and a white blouse, he a straw sun hat and a blue shirt; both smile
    and turn a little towards each other."""
    a = Art((640, 560), (1024, 896))
    a.gradient((96, 160, 214), (200, 228, 244), 0, 330)
    a.ellipse((450, 36, 570, 156), (255, 248, 224), blur=14, alpha=0.6)  # the sun's glow
    a.ellipse((478, 64, 542, 128), (255, 246, 218))
    for cx, cy, s in ((120, 92, 1.0), (300, 60, 0.7)):  # two soft clouds
        cloud = [(cx - 60 * s, cy + 14 * s), (cx - 40 * s, cy - 6 * s), (cx - 12 * s, cy - 22 * s),
                 (cx + 22 * s, cy - 14 * s), (cx + 56 * s, cy), (cx + 66 * s, cy + 14 * s)]
        a.shape(cloud, (240, 246, 252), smooth=True)
    # distant hills, then the field in bands of gold
    a.shape([(-20, 330), (-20, 292), (90, 270), (220, 290), (360, 268), (500, 284), (660, 266), (660, 330)],
            (150, 178, 150))
    a.shape([(-20, 560), (-20, 318), (160, 306), (340, 318), (500, 304), (660, 312), (660, 560)], (214, 186, 110))
    a.shape([(-20, 560), (-20, 372), (200, 358), (420, 374), (660, 356), (660, 560)], (202, 170, 92))
    rng = random.Random(7)
    grass_band(a, rng, 340, 430, 220, (20, 46), [(224, 196, 120), (190, 158, 84), (210, 178, 100)], 4)
    person_a = dict(x=262, skin=(236, 196, 164), shirt=(240, 240, 236), trousers=(72, 88, 116))
    person_b = dict(x=378, skin=(206, 152, 116), shirt=(62, 96, 146), trousers=(96, 84, 72))
    for p in (person_a, person_b):
        _body(a, p["x"], p["shirt"], p["skin"], p["trousers"])
    _arms(a, person_a, person_b)
    _head_a(a, 262, (236, 196, 164))
    _head_b(a, 378, (206, 152, 116))
    # the grass in front reaches their hips
    a.shape([(-20, 560), (-20, 462), (160, 452), (330, 462), (480, 450), (660, 458), (660, 560)], (196, 162, 84))
    grass_band(a, rng, 446, 486, 260, (24, 52), [(226, 196, 116), (186, 152, 76), (206, 174, 96),
                                                 (236, 212, 140)], 7)
    grass_band(a, rng, 500, 600, 200, (34, 72), [(214, 182, 102), (178, 144, 70), (230, 204, 128)], 9)
    return a.done()


def _body(a: Art, x: float, shirt: Colour, skin: Colour, trousers: Colour) -> None:
    neck = a.shape([(x - 10, 230), (x + 10, 230), (x + 11, 262), (x - 11, 262)], skin, smooth=False)
    a.ellipse((x - 16, 226, x + 16, 250), darker(skin, 0.86), clip=neck, blur=2)  # the shade under the chin
    a.shape([(x - 36, 470), (x - 34, 370), (x + 34, 370), (x + 36, 470)], trousers, smooth=False)
    torso = [(x - 44, 268), (x - 20, 256), (x, 262), (x + 20, 256), (x + 44, 268), (x + 48, 290),
             (x + 40, 340), (x + 38, 380), (x, 386), (x - 38, 380), (x - 40, 340), (x - 48, 290)]
    torso = [(px, py + 6) for px, py in torso]
    m = a.shape(torso, shirt)
    # soft shade on the side away from the sun (the sun is at the upper right)
    a.shape([(x - 60, 250), (x - 20, 250), (x - 28, 320), (x - 22, 400), (x - 60, 400)], darker(shirt, 0.9),
            clip=m, blur=6)
    # the collar
    a.shape([(x - 16, 263), (x, 276), (x + 16, 263), (x + 10, 282), (x, 286), (x - 10, 282)],
            darker(shirt, 0.93))
    a.line([(x - 15, 264), (x, 278), (x + 15, 264)], 2.2, darker(shirt, 0.78))
    for y in (300, 324, 348):  # buttons
        a.ellipse((x - 2, y - 2, x + 2, y + 2), darker(shirt, 0.75))


def _arms(a: Art, pa: dict, pb: dict) -> None:
    xa, xb = pa["x"], pb["x"]
    # the outer arms hang relaxed at their sides
    for x, side, p in ((xa, -1, pa), (xb, 1, pb)):
        m = a.limb([(x + side * 40, 282), (x + side * 50, 330), (x + side * 48, 384)], [24, 19], p["shirt"])
        a.limb([(x + side * 36, 270), (x + side * 46, 330), (x + side * 44, 384)], [10, 8],
               darker(p["shirt"], 0.9), clip=m, blur=3)
        a.limb([(x + side * 48, 388), (x + side * 47, 404)], [16, 14], p["skin"])
    # the inner arms reach down and join hands between them
    hand = ((xa + xb) / 2, 392)
    ma = a.limb([(xa + 40, 282), (xa + 50, 334), (hand[0] - 12, hand[1] - 10)], [24, 19], pa["shirt"])
    a.limb([(xa + 40, 300), (xa + 46, 334), (hand[0] - 14, hand[1] - 12)], [8, 6], darker(pa["shirt"], 0.9),
           clip=ma, blur=3)
    a.limb([(xb - 40, 282), (xb - 50, 334), (hand[0] + 12, hand[1] - 10)], [24, 19], pb["shirt"])
    # her hand in his: his fingers wrap round the back of hers
    hx, hy = hand
    a.shape([(hx - 16, hy - 14), (hx - 2, hy - 16), (hx + 10, hy - 6), (hx + 8, hy + 8), (hx - 6, hy + 10),
             (hx - 16, hy + 2)], pa["skin"])
    a.shape([(hx + 16, hy - 14), (hx + 4, hy - 12), (hx - 8, hy - 4), (hx - 10, hy + 6), (hx - 2, hy + 12),
             (hx + 12, hy + 8), (hx + 18, hy - 2)], pb["skin"])
    for dy in (-2, 4):
        a.line([(hx - 8, hy + dy), (hx + 2, hy + dy + 2)], 1.2, darker(pb["skin"], 0.8), smooth=False)
    a.line([(hx - 2, hy - 12), (hx + 6, hy - 16)], 1.4, darker(pa["skin"], 0.85), smooth=False)  # her thumb


def _head_a(a: Art, x: float, skin: Colour) -> None:
    """Short wavy grey hair, turned a little to her left (towards him)."""
    cx, cy, r = x + 2, 214, 24
    hair, hair_dark = (214, 214, 218), (184, 184, 192)
    a.shape([(cx - 26, 226), (cx - 30, 200), (cx - 18, 184), (cx + 4, 178), (cx + 24, 186), (cx + 30, 204),
             (cx + 28, 226), (cx + 18, 236), (cx - 20, 238)], hair_dark)  # the hair behind
    a.ellipse((cx - 27, 218, cx - 17, 234), darker(skin, 0.92))  # her ear
    head = a.ellipse((cx - r, cy - r * 1.08, cx + r, cy + r * 1.1), skin)
    a.shape([(cx + 30, 190), (cx + 12, 230), (cx + 40, 250)], darker(skin, 0.9), clip=head, blur=5)
    a.shape([(cx - 27, 214), (cx - 24, 194), (cx - 10, 182), (cx + 8, 180), (cx + 24, 188), (cx + 28, 204),
             (cx + 24, 202), (cx + 12, 196), (cx, 198), (cx - 14, 202), (cx - 20, 212)], hair)
    a.line([(cx - 8, 186), (cx + 6, 184), (cx + 18, 190)], 1.4, lighter(hair, 0.5))
    face(a, cx, cy + 2, r, 0.6, skin)


def _head_b(a: Art, x: float, skin: Colour) -> None:
    """A straw sun hat with a band, grey hair at the temples, turned a little to his right (towards her)."""
    cx, cy, r = x - 2, 216, 25
    a.ellipse((cx + 16, 218, cx + 28, 236), darker(skin, 0.92))  # his ear
    head = a.ellipse((cx - r, cy - r * 1.08, cx + r, cy + r * 1.12), skin)
    a.shape([(cx + 34, 190), (cx + 14, 232), (cx + 44, 250)], darker(skin, 0.9), clip=head, blur=5)
    a.shape([(cx + 14, 208), (cx + 26, 206), (cx + 26, 226), (cx + 20, 222)], (170, 164, 160))  # temple hair
    straw, band = (230, 204, 140), (150, 80, 60)
    brim = [(cx - 58, 200), (cx - 30, 190), (cx, 188), (cx + 30, 190), (cx + 58, 200), (cx + 30, 208),
            (cx, 209), (cx - 30, 208)]
    a.shape(brim, straw)
    crown = a.shape([(cx - 28, 198), (cx - 26, 178), (cx - 14, 166), (cx + 8, 164), (cx + 24, 172),
                     (cx + 28, 198), (cx, 201)], straw)
    a.shape([(cx + 6, 160), (cx + 40, 160), (cx + 40, 210), (cx + 12, 210)], darker(straw, 0.9), clip=crown,
            blur=4)
    a.shape([(cx - 28, 186), (cx + 28, 186), (cx + 28, 196), (cx - 28, 196)], band, smooth=False, clip=crown)
    a.line([(cx - 50, 202), (cx, 206), (cx + 50, 202)], 1.4, darker(straw, 0.85))
    face(a, cx, cy + 3, r, -0.6, skin)


def megan() -> Image.Image:
    """Megan stands on the path in front of her house in a red coat, smiling, a canvas tote bag hanging
    from her right hand and a teal thermos flask (steel cup lid, side handle) held in her left; the house
    behind her has a brown roof, cream siding, two windows and a green lawn with shrubs."""
    a = Art((480, 640), (840, 1120))
    a.gradient((150, 196, 232), (214, 232, 246), 0, 260)
    # the house: cream siding under a brown roof, two windows and a door behind her
    siding, roof = (236, 226, 208), (122, 74, 62)
    a.shape([(-10, 700), (-10, 214), (240, 96), (490, 214), (490, 700)], siding, smooth=False)
    for y in range(232, 560, 18):
        a.shape([(-10, y), (490, y), (490, y + 2), (-10, y + 2)], darker(siding, 0.95), smooth=False)
    a.shape([(-20, 214), (240, 86), (500, 214), (500, 234), (240, 110), (-20, 234)], roof, smooth=False)
    a.shape([(-20, 234), (240, 110), (500, 234), (500, 240), (240, 118), (-20, 240)], darker(siding, 0.8),
            smooth=False)  # the shadow under the eaves
    for x0 in (28, 352):
        a.shape([(x0 - 8, 272), (x0 + 108, 272), (x0 + 108, 400), (x0 - 8, 400)], (250, 248, 242), smooth=False)
        for px in (x0, x0 + 54):
            a.shape([(px, 280), (px + 46, 280), (px + 46, 392), (px, 392)], (120, 156, 184), smooth=False)
            a.shape([(px, 280), (px + 46, 280), (px, 340)], (150, 184, 208), smooth=False)  # a reflection
        a.shape([(x0 - 14, 400), (x0 + 114, 400), (x0 + 114, 408), (x0 - 14, 408)], darker(siding, 0.85),
                smooth=False)  # the sill
    a.shape([(196, 300), (284, 300), (284, 560), (196, 560)], (92, 112, 128), smooth=False)  # the door
    a.shape([(202, 306), (278, 306), (278, 428), (202, 428)], (104, 126, 142), smooth=False)
    # the lawn, a path to the door and shrubs by the wall
    a.shape([(-10, 540), (490, 540), (490, 650), (-10, 650)], (128, 164, 104), smooth=False)
    a.shape([(196, 540), (284, 540), (330, 650), (150, 650)], (214, 206, 192), smooth=False)
    for cx in (-6, 86, 394, 486):
        a.shape([(cx - 58, 556), (cx - 52, 516), (cx - 24, 494), (cx + 10, 490), (cx + 44, 504), (cx + 58, 530),
                 (cx + 58, 556)], (84, 128, 84))
        a.shape([(cx - 40, 520), (cx - 20, 500), (cx + 10, 498), (cx + 30, 506), (cx + 10, 512), (cx - 20, 516)],
                (108, 150, 100))
    a.ellipse((150, 600, 330, 626), (96, 124, 84), blur=4, alpha=0.55)  # her shadow on the path
    _megan(a)
    return a.done()


def _megan(a: Art) -> None:
    x = 240
    skin, coat, legs, hair = (226, 180, 146), (176, 62, 72), (52, 60, 84), (98, 64, 44)
    shoe = (60, 44, 40)
    # legs (apart a little) and shoes
    for side in (-1, 1):
        a.limb([(x + side * 14, 480), (x + side * 18, 548), (x + side * 20, 596)], [26, 22, 18], legs)
        sx = x + side * 24
        a.shape([(sx - 14, 612), (sx - 12, 600), (sx - 4, 594), (sx + 6, 596), (sx + 14, 604), (sx + 15, 612)],
                shoe)
    # her hair behind her shoulders
    a.shape([(x - 40, 300), (x - 44, 262), (x - 36, 236), (x, 226), (x + 36, 236), (x + 44, 262), (x + 40, 300),
             (x + 20, 306), (x - 20, 306)], darker(hair, 0.85))
    # neck
    neck = a.shape([(x - 10, 276), (x + 10, 276), (x + 12, 304), (x - 12, 304)], skin, smooth=False)
    a.ellipse((x - 18, 270, x + 18, 294), darker(skin, 0.86), clip=neck, blur=2)
    # the coat: shoulders, a belted waist, flaring to the knee
    body = [(x - 50, 312), (x - 22, 298), (x, 304), (x + 22, 298), (x + 50, 312), (x + 54, 340), (x + 46, 400),
            (x + 42, 420), (x + 56, 500), (x + 20, 506), (x - 20, 506), (x - 56, 500), (x - 42, 420),
            (x - 46, 400), (x - 54, 340)]
    m = a.shape(body, coat)
    a.shape([(x - 80, 290), (x - 26, 290), (x - 32, 380), (x - 22, 520), (x - 80, 520)], darker(coat, 0.86),
            clip=m, blur=7)
    a.shape([(x - 60, 408), (x + 60, 408), (x + 60, 418), (x - 60, 418)], darker(coat, 0.78), smooth=False,
            clip=m)  # the belt
    a.line([(x + 4, 306), (x + 6, 408)], 1.6, darker(coat, 0.72), smooth=False)  # the opening of the coat
    a.line([(x + 6, 418), (x + 8, 504)], 1.6, darker(coat, 0.72), smooth=False)
    for y in (332, 362, 392, 440):
        a.ellipse((x - 7, y - 3.5, x, y + 3.5), darker(coat, 0.6))
    # the collar, folded over
    for side in (-1, 1):
        a.shape([(x + side * 4, 306), (x + side * 22, 298), (x + side * 34, 310), (x + side * 14, 344)],
                lighter(coat, 0.08), smooth=False)
    # her right arm (at the viewer's left) hangs with the tote bag
    arm = a.limb([(x - 46, 318), (x - 60, 372), (x - 64, 430)], [26, 20], coat)
    a.limb([(x - 52, 318), (x - 66, 372), (x - 70, 430)], [10, 8], darker(coat, 0.82), clip=arm, blur=3)
    bag, bag_dark = (224, 202, 150), (186, 160, 108)
    hx, hy = x - 64, 444
    a.line([(hx - 6, hy - 2), (hx - 18, 468)], 3.5, bag_dark, smooth=False)  # the handles
    a.line([(hx + 6, hy - 2), (hx + 18, 468)], 3.5, bag_dark, smooth=False)
    b = a.shape([(hx - 34, 466), (hx + 34, 466), (hx + 40, 548), (hx - 40, 548)], bag, smooth=False)
    a.shape([(hx - 60, 460), (hx - 20, 460), (hx - 24, 560), (hx - 60, 560)], darker(bag, 0.9), clip=b, blur=4)
    a.shape([(hx - 36.5, 500), (hx + 36.5, 500), (hx + 37, 510), (hx - 37, 510)], (0, 115, 119), smooth=False,
            clip=b)  # a teal stripe across the bag
    a.shape([(hx - 9, 430), (hx + 9, 430), (hx + 11, 444), (hx + 5, 454), (hx - 5, 454), (hx - 11, 444)],
            skin)  # her hand closed round the handles, the thumb over them
    a.line([(hx - 8, 440), (hx - 2, 446), (hx + 6, 444)], 1.3, darker(skin, 0.8))
    a.limb([(x - 63, 420), (x - 64, 432)], [23, 23], lighter(coat, 0.07), caps=False)  # the cuff
    # her left arm (at the viewer's right) bends at the elbow to hold the flask at her waist
    arm = a.limb([(x + 46, 318), (x + 58, 372), (x + 40, 400)], [26, 20], coat)
    a.limb([(x + 52, 342), (x + 62, 374), (x + 46, 404)], [8, 6], darker(coat, 0.84), clip=arm, blur=3)
    _thermos(a, x + 28, skin)
    a.limb([(x + 44, 396), (x + 34, 399)], [22, 22], lighter(coat, 0.07), caps=False)  # the cuff
    fx = x + 28
    a.shape([(fx - 14, 390), (fx + 4, 388), (fx + 16, 394), (fx + 16, 410), (fx - 2, 414), (fx - 16, 408)],
            skin)  # her hand round the flask's body
    for dy in (396, 403):
        a.line([(fx - 14, dy), (fx + 2, dy)], 1.2, darker(skin, 0.8), smooth=False)
    # head
    cx, cy, r = x, 252, 27
    a.ellipse((cx - 31, 250, cx - 21, 266), darker(skin, 0.92))
    a.ellipse((cx + 21, 250, cx + 31, 266), darker(skin, 0.92))
    head = a.ellipse((cx - r, cy - r * 1.1, cx + r, cy + r * 1.12), skin)
    a.shape([(cx - 40, 230), (cx - 16, 270), (cx - 40, 290)], darker(skin, 0.92), clip=head, blur=5)
    # her hair: a side parting, falling to the shoulders
    a.shape([(cx - 30, 258), (cx - 31, 234), (cx - 20, 220), (cx, 214), (cx + 22, 218), (cx + 32, 234),
             (cx + 32, 256), (cx + 26, 240), (cx + 10, 230), (cx - 12, 228), (cx - 24, 240)], hair)
    for side in (-1, 1):
        a.shape([(cx + side * 24, 238), (cx + side * 34, 250), (cx + side * 38, 290), (cx + side * 42, 304),
                 (cx + side * 26, 302), (cx + side * 24, 270)], hair)
    a.line([(cx - 14, 222), (cx + 8, 218), (cx + 22, 224)], 1.4, lighter(hair, 0.25))
    face(a, cx, cy + 2, r, 0.0, skin)


def _thermos(a: Art, fx: float, skin: Colour) -> None:
    """A thermos flask held upright at her waist: a wide teal body with rounded shoulders, a brushed-steel
    cup for a lid with a rim, a steel band at the foot and a black carrying handle on its side."""
    body, body_dark, steel, steel_dark, ink = (0, 118, 122), (0, 92, 96), (206, 212, 220), (150, 158, 170), \
        (44, 48, 56)
    a.limb([(fx - 17, 364), (fx - 25, 372), (fx - 25, 416), (fx - 17, 424)], [5, 5], ink, caps=True)  # handle
    m = a.shape([(fx - 17, 360), (fx - 14, 352), (fx - 8, 348), (fx + 8, 348), (fx + 14, 352), (fx + 17, 360),
                 (fx + 17, 446), (fx + 15, 450), (fx - 15, 450), (fx - 17, 446)], body, smooth=False)
    a.shape([(fx + 5, 340), (fx + 24, 340), (fx + 24, 456), (fx + 5, 456)], body_dark, smooth=False, clip=m)
    a.shape([(fx - 12, 356), (fx - 8, 356), (fx - 8, 440), (fx - 12, 440)], (64, 160, 164), smooth=False,
            clip=m, blur=1.5)  # the shine
    a.shape([(fx - 18, 438), (fx + 18, 438), (fx + 18, 450), (fx - 18, 450)], steel, smooth=False, clip=m)
    a.shape([(fx - 9, 340), (fx + 9, 340), (fx + 9, 349), (fx - 9, 349)], steel_dark, smooth=False)  # the neck
    cup = a.shape([(fx - 14, 318), (fx + 14, 318), (fx + 15, 342), (fx - 15, 342)], steel, smooth=False)
    a.shape([(fx + 4, 314), (fx + 20, 314), (fx + 20, 346), (fx + 4, 346)], steel_dark, smooth=False, clip=cup,
            alpha=0.55)
    a.shape([(fx - 16, 338), (fx + 16, 338), (fx + 16, 344), (fx - 16, 344)], steel_dark, smooth=False)  # rim
    a.line([(fx - 10, 322), (fx - 10, 336)], 1.6, (240, 243, 247), smooth=False)  # a glint on the cup


def _place(pts: list[Point], origin: Point, angle: float) -> list[Point]:
    """Points drawn upright round the wrist (0, 0), turned by `angle` degrees and moved to `origin`."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return [(origin[0] + x * c - y * s, origin[1] + x * s + y * c) for x, y in pts]


def forearm() -> Image.Image:
    """VELARIS stand-in, seen from above: a relaxed bare forearm with clear, smooth, even skin rests on a
    folded white towel on a light wooden table, the elbow bent and the hand lying palm-down, its fingers
    loose and the thumb beside them; the upper arm rises to the top-left corner into the short sleeve of a
    violet T-shirt; a sprig of eucalyptus lies on the table at the top right. Soft light from the upper
    left; every object casts a small shadow down and to the right."""
    a = Art((448, 448), (896, 896))
    wood = (228, 208, 182)
    a.gradient(lighter(wood, 0.25), wood)
    rng = random.Random(11)
    for _ in range(9):  # faint grain running across the table
        y = rng.uniform(0, 448)
        a.line([(-10, y), (150, y + rng.uniform(-4, 4)), (300, y + rng.uniform(-4, 4)), (460, y)], 1.4,
               darker(wood, 0.95))
    _sprig(a, 296, 96, 118)
    _towel(a)
    skin, shade = (232, 186, 154), (212, 162, 130)
    elbow, wrist = (92, 300), (262, 290)
    shadow = (176, 172, 176)
    # the shadow of the arm and hand on the towel, soft, a little down and to the right
    for m in (a.limb_points([(elbow[0] + 7, elbow[1] + 9), (wrist[0] + 7, wrist[1] + 9)], [62, 48]),):
        a.paint(a.mask(m), shadow, blur=6, alpha=0.5, clip=a.mask(_TOWEL))
    a.paint(a.mask(_place(_HAND_SHADOW, (wrist[0] + 7, wrist[1] + 10), _ANGLE)), shadow, blur=5, alpha=0.6,
            clip=a.mask(_TOWEL))
    # the upper arm, rising towards the shoulder beyond the top-left corner
    upper = a.limb([elbow, (40, 180), (-6, 60)], [64, 72, 80], skin)
    a.limb([(elbow[0] + 22, elbow[1] - 10), (64, 176), (22, 60)], [14, 22, 26], shade, clip=upper, blur=7)
    # the forearm, widest below the elbow, tapering to the wrist
    fore = a.limb([elbow, (150, 294), wrist], [64, 58, 46], skin)
    a.limb([(elbow[0] + 4, elbow[1] + 22), (150, 314), (wrist[0], wrist[1] + 17)], [16, 14, 8], shade,
           clip=fore, blur=6)
    a.limb([(elbow[0] + 16, elbow[1] - 14), (160, 278), (wrist[0] - 10, wrist[1] - 13)], [8, 6, 3],
           lighter(skin, 0.35), clip=fore, blur=5)  # the light along the top of the arm
    a.line([(elbow[0] - 14, elbow[1] + 14), (elbow[0] - 8, elbow[1] + 22), (elbow[0] + 2, elbow[1] + 26)], 1.3,
           darker(skin, 0.88))  # the point of the elbow
    _hand(a, wrist, skin, shade)
    _sleeve(a)
    return a.done()


_ANGLE = -3  # the line of the forearm, in degrees
# the towel, folded into a long pad: four corners (drawn with straight sides)
_TOWEL: list[Point] = [(18, 226), (440, 206), (448, 372), (26, 396)]
# the outline of the hand's shadow, in the hand's own frame (the wrist at 0, 0, the fingers along +x)
_HAND_SHADOW: list[Point] = [(0, -24), (30, -42), (76, -48), (140, -28), (146, 0), (134, 30), (76, 34), (0, 24)]


def _towel(a: Art) -> None:
    cloth, fold, stripe = (248, 247, 250), (226, 224, 232), (176, 160, 214)
    a.shape([(x + 6, y + 9) for x, y in _TOWEL], darker((228, 208, 182), 0.86), smooth=False, blur=5, alpha=0.6)
    m = a.shape(_TOWEL, cloth, smooth=False)
    # the folded edge along the near side, the layers showing at the right-hand end
    a.shape([(26, 396), (448, 372), (448, 362), (26, 386)], fold, smooth=False, clip=m, blur=1)
    for k in (0, 1):
        a.line([(432 - k * 6, 210 + k * 3), (440 - k * 6, 368 - k * 2)], 1.4, fold, smooth=False)
    for off in (30, 42):  # two woven stripes near the left end
        a.shape([(18 + off, 225), (24 + off, 225), (32 + off, 395), (26 + off, 395)], stripe, smooth=False, clip=m)
    a.shape([(18, 226), (440, 206), (440, 240), (18, 262)], (236, 234, 242), clip=m, blur=14, alpha=0.6)


def _hand(a: Art, wrist: Point, skin: Colour, shade: Colour) -> None:
    """The hand palm-down, relaxed: the back of the hand, four loose fingers a little apart and the thumb
    lying beside the index finger (on the side towards the body)."""
    P = lambda pts: _place([(x * 1.1, y * 1.1) for x, y in pts], wrist, _ANGLE)  # noqa: E731  (x along the hand)
    nail, crease = lighter(skin, 0.22), darker(skin, 0.86)
    # the thumb, first, under the edge of the hand
    thumb = a.limb(P([(6, -16), (30, -33), (50, -39), (66, -38)]), [26, 21, 18, 16], skin)
    a.limb(P([(10, -10), (34, -27), (52, -32), (66, -32)]), [6, 5, 4], shade, clip=thumb, blur=2.5)
    a.line(P([(40, -42), (42, -37), (40, -32)]), 1.1, darker(skin, 0.86))  # the crease of its joint
    a.shape(P([(58, -42), (65, -43), (71, -40), (71, -35), (64, -34), (58, -36)]), nail)
    back = a.shape(P([(-6, -20), (24, -27), (54, -29), (68, -25), (74, -10), (73, 6), (66, 22), (52, 27),
                      (20, 26), (-6, 20)]), skin)
    fingers = [(15, 60, 46, 4, 13.5), (5, 66, 60, 1, 15.5), (-8, 68, 64, -1, 16), (-19, 64, 58, -3, 15)]
    for y0, x0, length, tilt, w in fingers:
        t = math.radians(tilt)
        pts = [(x0 - 8, y0), (x0 + length * 0.5 * math.cos(t), y0 + length * 0.5 * math.sin(t)),
               (x0 + length * math.cos(t), y0 + length * math.sin(t))]
        f = a.limb(P(pts), [w, w * 0.95, w * 0.84], skin)
        a.limb(P([(x0 + 4, y0 + w * 0.35), (pts[2][0], pts[2][1] + w * 0.3)]), [w * 0.35, w * 0.2], shade, clip=f,
               blur=2)
        for k, cw in ((0.36, w * 0.5), (0.7, w * 0.4)):  # creases over the finger joints
            cx = x0 + length * k * math.cos(t)
            cy = y0 + length * k * math.sin(t)
            a.line(P([(cx + 1, cy - cw / 2), (cx - 1, cy), (cx + 1, cy + cw / 2)]), 1.1, crease)
        nx, ny = pts[2][0] - 3, pts[2][1] - 1
        a.shape(P([(nx - 4, ny - w * 0.24), (nx + 2, ny - w * 0.26), (nx + 4, ny), (nx + 2, ny + w * 0.26),
                   (nx - 4, ny + w * 0.24)]), nail)
    a.shape(P([(-10, 12), (80, 14), (80, 40), (-10, 40)]), shade, clip=back, blur=7)  # the far side in shade


def _sleeve(a: Art) -> None:
    """The short sleeve of a violet T-shirt at the top-left corner, its hem round the upper arm."""
    tee = (132, 112, 184)
    m = a.shape([(-20, -20), (96, -20), (84, 60), (56, 128), (-20, 116)], tee, smooth=False)
    a.shape([(40, -20), (120, -20), (90, 140), (40, 140)], darker(tee, 0.86), clip=m, blur=8)
    a.limb([(-12, 110), (24, 122), (58, 126)], [12, 12], darker(tee, 0.9), clip=m)  # the hem
    a.line([(-12, 104), (24, 116), (56, 120)], 1.2, darker(tee, 0.8))


def _sprig(a: Art, x0: float, y0: float, length: float) -> None:
    """A sprig of eucalyptus lying on the table: a curved stem from (x0, y0) to the right, round leaves on
    short stalks, and its soft shadow."""
    stem, leaf, leaf_dark = (112, 138, 120), (156, 184, 162), (128, 160, 140)

    def at(t: float) -> Point:
        return x0 + length * t, y0 - 24 * math.sin(math.pi * t) + 8 * t

    leaves = [(t, side) for t, side in ((0.12, 1), (0.3, -1), (0.5, 1), (0.7, -1), (0.88, 1))]
    for dx, dy, colour in ((5, 7, None), (0, 0, stem)):
        m = Image.new("L", a.img.size, 0)
        d = ImageDraw.Draw(m)
        d.line(a._pts([(x + dx, y + dy) for x, y in (at(i / 10) for i in range(11))]), fill=255,
               width=round(3 * a.k))
        if colour is None:  # the shadow: stem and leaves together
            for t, side in leaves:
                cx, cy = at(t)
                ox, oy = cx + 4 + dx, cy + side * 18 + dy
                d.ellipse([v * a.k for v in (ox - 14, oy - 11, ox + 14, oy + 11)], fill=255)
            a.paint(m, (150, 128, 104), blur=3, alpha=0.5)
        else:
            a.paint(m, colour)
    for i, (t, side) in enumerate(leaves):
        cx, cy = at(t)
        ox, oy = cx + 4, cy + side * 10
        a.line([(cx, cy), (ox, oy)], 1.6, stem, smooth=False)
        a.ellipse((ox - 14, oy - 11 + side * 8, ox + 14, oy + 11 + side * 8), leaf if i % 2 else leaf_dark)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    # drawn at the print profile's 300 ppi at the placed size
    couple().save(OUT / "couple-walking.jpg", quality=80, optimize=True)
    megan().save(OUT / "megan-outdoors.jpg", quality=80, optimize=True)
    forearm().save(OUT / "velaris-forearm.jpg", quality=80, optimize=True)
    for p in sorted(OUT.glob("*.jpg")):
        print(p.name, p.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
