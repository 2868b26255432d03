#!/usr/bin/env python3
"""Draws the placeholder photos in images/ with Pillow (stand-ins until the licensed photos arrive).

Run from the project folder: python scripts/make_placeholder_photos.py. Output is deterministic.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "images"


def vertical_gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size)
    px = ImageDraw.Draw(img)
    for y in range(h):
        t = y / max(1, h - 1)
        px.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    return img


def person(d: ImageDraw.ImageDraw, x: int, ground: int, height: int, shirt: tuple, trousers: tuple,
           skin: tuple, hair: tuple, lean: int = 0, hat: tuple | None = None, reach: int = 0) -> None:
    """A stylised figure, flat shapes and no face (a stand-in, not a portrait): hair or a sun hat, a
    neck, a shirt with sleeves, an arm reaching sideways by `reach` (to hold a hand), trousers."""
    head = height // 8
    top = ground - height
    hx = x + lean
    d.rounded_rectangle([x - head // 3, top + int(head * 1.7), x + head // 3, top + int(head * 2.4)],
                        radius=head // 4, fill=skin)  # neck
    d.ellipse([hx - head, top, hx + head, top + 2 * head], fill=skin)
    if hat:
        d.ellipse([hx - int(head * 1.8), top + int(head * 0.35), hx + int(head * 1.8), top + int(head * 0.8)],
                  fill=hat)  # brim
        d.pieslice([hx - int(head * 1.05), top - int(head * 0.45), hx + int(head * 1.05), top + int(head * 1.2)],
                   180, 360, fill=hat)
    else:
        d.pieslice([hx - head - 3, top - 4, hx + head + 3, top + int(head * 1.5)], 165, 375, fill=hair)
    body_top = top + 2 * head + 2
    shoulders = int(head * 1.5)
    d.rounded_rectangle([x - shoulders, body_top, x + shoulders, body_top + int(height * 0.38)],
                        radius=head // 2, fill=shirt)
    # arms: the outer one hangs at the side, the inner one reaches towards the other person's hand
    for side in (-1, 1):
        sx = x + side * (shoulders - head // 3)
        if side * reach > 0:
            hand = (x + reach, body_top + int(height * 0.22))
        else:
            hand = (sx + side * head // 3, body_top + int(height * 0.36))
        d.line([(sx, body_top + head // 2), hand], fill=shirt, width=int(head * 0.7))
        d.ellipse([hand[0] - head // 3, hand[1] - head // 3, hand[0] + head // 3, hand[1] + head // 3], fill=skin)
    leg_top = body_top + int(height * 0.36)
    d.polygon([(x - int(head * 1.3), leg_top), (x + int(head * 1.3), leg_top), (x + int(head * 1.1), ground),
               (x - int(head * 1.1), ground)], fill=trousers)


def couple() -> Image.Image:
    w, h = 640, 560
    img = vertical_gradient((w, h), (92, 156, 214), (198, 226, 244))
    d = ImageDraw.Draw(img)
    d.ellipse([470, 40, 560, 130], fill=(255, 244, 214))
    rng = random.Random(7)
    horizon = 330
    d.rectangle([0, horizon, w, h], fill=(170, 160, 92))
    def grass(count: int, low: int, tall: tuple[int, int]) -> None:
        for _ in range(count):
            x = rng.randrange(w)
            y = rng.randrange(low, h + 40)
            height = rng.randrange(*tall)
            tone = rng.randrange(-30, 30)
            d.line([(x, y), (x + rng.randrange(-12, 12), y - height)],
                   fill=(186 + tone, 170 + tone, 96 + tone // 2), width=2)
    grass(1400, horizon + 10, (30, 110))  # the field behind them
    # two figures side by side holding hands: one with grey hair in a light shirt, one in a straw sun hat
    # and a blue shirt; the grass in front reaches their knees
    person(d, 250, 520, 300, (226, 232, 240), (70, 86, 110), (224, 184, 150), (200, 200, 204), lean=4, reach=58)
    person(d, 370, 525, 320, (60, 92, 140), (90, 80, 70), (205, 160, 120), (120, 110, 100), lean=-4,
           hat=(222, 196, 132), reach=-58)
    grass(1500, 470, (20, 70))
    return img.filter(ImageFilter.GaussianBlur(0.6))


def megan() -> Image.Image:
    w, h = 480, 640
    img = vertical_gradient((w, h), (150, 196, 232), (222, 236, 246))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 210), (250, 110), (480, 210), (480, 640), (0, 640)], fill=(232, 222, 206))  # house
    d.polygon([(0, 210), (250, 110), (480, 210), (480, 228), (250, 128), (0, 228)], fill=(120, 70, 60))
    for x0 in (40, 330):
        d.rectangle([x0, 280, x0 + 110, 400], fill=(96, 128, 150))
        d.rectangle([x0 + 52, 280, x0 + 58, 400], fill=(240, 236, 228))
    d.rectangle([0, 560, w, h], fill=(120, 150, 96))
    x, ground = 240, 620
    d.ellipse([x - 36, 170, x + 36, 250], fill=(214, 170, 136))  # head, tilted up
    d.pieslice([x - 44, 160, x + 44, 260], 150, 390, fill=(90, 60, 40))
    d.rounded_rectangle([x - 70, 262, x + 70, 470], radius=26, fill=(176, 62, 72))  # coat
    d.rectangle([x - 60, 470, x + 60, ground], fill=(52, 60, 84))
    d.rounded_rectangle([x + 70, 330, x + 96, 420], radius=8, fill=(200, 204, 210))  # thermos
    d.rounded_rectangle([x - 140, 360, x - 70, 450], radius=10, fill=(222, 200, 150))  # tote bag
    d.arc([x - 130, 300, x - 80, 380], 180, 360, fill=(160, 130, 90), width=6)
    return img.filter(ImageFilter.GaussianBlur(0.5))


def capsule(d: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float], width: float,
            fill: tuple) -> None:
    """A straight stroke with round ends (a finger, a forearm) from a to b."""
    d.line([a, b], fill=fill, width=round(width))
    for x, y in (a, b):
        d.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill=fill)


def forearm() -> Image.Image:
    """VELARIS stand-in: a bare forearm and relaxed hand, clear smooth skin, resting across a pale folded
    towel in soft daylight from the upper left, a sprig of leaves beside it. No face, no person beyond
    the arm."""
    w, h = 560, 560
    img = vertical_gradient((w, h), (236, 230, 244), (214, 204, 228))  # a pale violet wall
    d = ImageDraw.Draw(img)
    # the towel: a light folded cloth across the lower two thirds, with soft fold lines
    d.polygon([(0, 200), (w, 150), (w, h), (0, h)], fill=(246, 244, 240))
    d.polygon([(0, 200), (w, 150), (w, 168), (0, 220)], fill=(232, 228, 222))  # the folded edge
    for y0, y1 in ((330, 300), (430, 392), (505, 470)):
        d.line([(0, y0), (w, y1)], fill=(234, 230, 224), width=5)
    # a sprig of eucalyptus lying on the towel at the top right, for calm
    d.line([(w - 100, 168), (w - 215, 206)], fill=(112, 138, 120), width=4)
    for i, t in enumerate((0.15, 0.35, 0.55, 0.75)):
        cx, cy = w - 100 - 115 * t, 168 + 38 * t
        side = -1 if i % 2 else 1
        d.ellipse([cx - 18 + side * 16, cy - 12 - side * 10, cx + 18 + side * 16, cy + 12 - side * 10],
                  fill=(150, 176, 156))
    skin, skin_light = (222, 178, 146), (236, 198, 168)
    # the soft shadow the arm casts on the towel, offset down-right and blurred
    mask = Image.new("L", (w, h), 0)
    md = ImageDraw.Draw(mask)
    capsule(md, (-40, 480), (300, 342), 112, 110)
    md.ellipse([280, 300, 450, 405], fill=110)
    img.paste((150, 140, 150), (0, 0), mask.filter(ImageFilter.GaussianBlur(16)))
    d = ImageDraw.Draw(img)
    # the forearm from the lower left, widening towards the elbow, and the hand resting palm down
    capsule(d, (-60, 450), (268, 310), 112, skin)
    d.polygon([(-60, 390), (268, 262), (268, 352), (-60, 520)], fill=skin)
    capsule(d, (-40, 412), (250, 288), 30, skin_light)  # daylight along the top of the arm
    d.ellipse([236, 262, 372, 356], fill=skin)  # the back of the hand
    for (ax, ay), (bx, by), width in (((336, 276), (420, 268), 27), ((344, 300), (436, 300), 28),
                                      ((340, 324), (426, 334), 27), ((330, 344), (400, 362), 24)):
        capsule(d, (ax, ay), (bx, by), width, skin)  # four relaxed fingers
        d.ellipse([bx - 6, by - 5, bx + 8, by + 5], fill=(232, 192, 168))  # a fingernail
    capsule(d, (296, 284), (356, 258), 26, skin)  # the thumb, tucked along the index finger
    d.ellipse([350, 253, 364, 263], fill=(232, 192, 168))
    d.arc([250, 270, 330, 330], 200, 300, fill=(210, 166, 134), width=2)  # the wrist crease
    # framed close: the hand and forearm fill the picture, little wall above, the fingertips clear of the edge
    img = img.crop((40, 100, 500, 560)).resize((w, h), Image.Resampling.LANCZOS)
    return img.filter(ImageFilter.GaussianBlur(0.7))


def print_resolution(img: Image.Image, factor: float) -> Image.Image:
    """Enlarged for the print profile's 300 ppi at the placed size, then sharpened."""
    size = (round(img.width * factor), round(img.height * factor))
    return img.resize(size, Image.Resampling.LANCZOS).filter(ImageFilter.UnsharpMask(2, 60, 2))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    print_resolution(couple(), 1.6).save(OUT / "couple-walking.jpg", quality=80, optimize=True)
    print_resolution(megan(), 1.75).save(OUT / "megan-outdoors.jpg", quality=80, optimize=True)
    print_resolution(forearm(), 1.6).save(OUT / "velaris-forearm.jpg", quality=80, optimize=True)
    for p in sorted(OUT.glob("*.jpg")):
        print(p.name, p.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
