"""Pictures decoded honestly: each bad picture the prepress review found is either handled correctly
(checked from the PDF's image and from PDFium's render of the page) or one clear problem at its line."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageCms

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError

A98 = Path("/usr/share/color/icc/ghostscript/a98.icc")  # Adobe RGB (1998) compatible, from libgs-common
FOGRA39 = Path(__file__).resolve().parents[2] / "tagprint" / "profiles" / "icc" / "fogra39.icc"
FIGURE = """\
body:
  - type: paragraph
    text: A picture follows.
  - type: figure
    image: {name}
    alt: A test picture
    width: {width}
"""


def _project(project, name: str, picture: bytes, width: float = 72) -> None:
    (project.root / "images" / name).write_bytes(picture)
    project.layout(MINIMAL_LAYOUT)
    project.content(FIGURE.format(name=name, width=width))


def _build(project, profile: str) -> bytes:
    from tagprint.pipeline import build

    return build(project.root, project.root / "layouts" / "test.yaml", profile).data


def _images(data: bytes) -> list[dict]:
    """Every image XObject of the PDF: its dictionary keys, raw bytes and decoded picture."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image" and "/SMask" not in str(
                    obj.get("/Type", "")):
                is_mask = any(isinstance(o, pikepdf.Stream) and o.get("/SMask") is not None
                              and o.get("/SMask").objgen == obj.objgen for o in pdf.objects)
                if is_mask:
                    continue
                out.append({"filter": str(obj.get("/Filter")), "space": str(obj.get("/ColorSpace")),
                            "size": (int(obj.Width), int(obj.Height)), "raw": obj.read_raw_bytes(),
                            "smask": obj.get("/SMask") is not None,
                            "picture": _decoded(obj)})
    return out


def _decoded(obj) -> Image.Image:
    import warnings

    with warnings.catch_warnings():  # (pikepdf says a CMYK picture with a soft mask becomes RGBA)
        warnings.simplefilter("ignore", UserWarning)
        return pikepdf.PdfImage(obj).as_pil_image()


def _rendered_picture(data: bytes) -> Image.Image:
    """The picture as PDFium paints it: the page rendered at 4× and cropped to the image's box (the
    image drawn last on page 1)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    images = [o for o in page.get_objects(max_depth=3) if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    left, bottom, right, top = images[-1].get_bounds()
    scale = 4
    bitmap = page.render(scale=scale).to_pil().convert("RGB")
    height = page.get_height()
    box = (round(left * scale) + 2, round((height - top) * scale) + 2, round(right * scale) - 2,
           round((height - bottom) * scale) - 2)
    crop = bitmap.crop(box)
    pdf.close()
    return crop


def _png(image: Image.Image, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **params)
    return out.getvalue()


def _jpeg(image: Image.Image, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, **params)
    return out.getvalue()


def _photo(size=(320, 320)) -> Image.Image:
    """A smooth photo-like picture (many colours)."""
    image = Image.new("RGB", size)
    image.putdata([(x * 255 // size[0], y * 255 // size[1], (x + y) * 127 // (size[0] + size[1]))
                   for y in range(size[1]) for x in range(size[0])])
    return image


def test_a_jpeg_with_garbage_in_the_middle_is_one_problem_at_its_line(project):
    data = bytearray(_jpeg(_photo()))
    rng = random.Random(7)
    middle = len(data) // 2
    for i in range(middle, middle + 1500):
        data[i] = rng.randrange(255)  # no 0xFF: Pillow decodes it silently, with garbage bands
    Image.open(io.BytesIO(bytes(data))).load()  # (Pillow's decoder does not complain)
    _project(project, "garbage.jpg", bytes(data))
    with pytest.raises(InputError) as caught:
        _build(project, "screen")
    problems = [p for p in caught.value.problems if "garbage.jpg" in p.message]
    assert len(problems) == 1
    assert "corrupt" in problems[0].message and problems[0].where.file.endswith("content/test.yaml")
    assert problems[0].where.line == 5


def test_a_jpegs_verdict_is_kept_by_its_bytes(tmp_path, monkeypatch):
    """The strict decoder's verdict is kept on disk by the picture's bytes: asked again (a new process),
    the same bytes get the same verdict without decoding; other bytes are decoded."""
    from tagprint.profiles import images

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    data = bytearray(_jpeg(_photo()))
    rng = random.Random(7)
    for i in range(len(data) // 2, len(data) // 2 + 1500):
        data[i] = rng.randrange(255)
    sound, corrupt = _jpeg(_photo()), bytes(data)
    first = images.decode_problem(corrupt)
    assert first is not None and "corrupt" in first and images.decode_problem(sound) is None
    decoded = []
    real = images._strict_jpeg_problem
    monkeypatch.setattr(images, "_strict_jpeg_problem", lambda b: decoded.append(b) or real(b))
    assert images.decode_problem(corrupt) == first and images.decode_problem(sound) is None
    assert decoded == []  # both kept
    other = _jpeg(_photo((40, 30)))
    assert images.decode_problem(other) is None and decoded == [other]
    assert len(list((tmp_path / "tagprint" / "pictures").iterdir())) == 3


def test_a_16_bit_greyscale_png_keeps_its_greys(project):
    image = Image.new("I;16", (320, 320))
    image.putdata([(y * 65535) // 319 for y in range(320) for _ in range(320)])  # black at top, white below
    _project(project, "grey16.png", _png(image))
    for profile in ("screen", "print"):
        rendered = _rendered_picture(_build(project, profile)).convert("L")
        w, h = rendered.size  # a strip down the middle (the corners are rounded off)
        top = rendered.crop((w * 2 // 5, 0, w * 3 // 5, h // 8)).getextrema()
        bottom = rendered.crop((w * 2 // 5, h * 7 // 8, w * 3 // 5, h)).getextrema()
        assert top[1] < 70 and bottom[0] > 200, (profile, top, bottom)  # a ramp, not a white picture


def test_an_rgba_png_keeps_its_alpha_as_a_soft_mask(project):
    image = Image.new("RGBA", (320, 320), (255, 0, 0, 0))  # hidden red outside the disc
    from PIL import ImageDraw
    ImageDraw.Draw(image).ellipse((40, 40, 280, 280), fill=(0, 90, 200, 255))
    _project(project, "alpha.png", _png(image))
    for profile in ("screen", "print"):
        data = _build(project, profile)
        (picture,) = _images(data)
        assert picture["smask"], profile
        rendered = _rendered_picture(data)
        corner = rendered.getpixel((rendered.width // 2, 8))  # outside the disc, inside the rounded box
        centre = rendered.getpixel((rendered.width // 2, rendered.height // 2))
        assert min(corner) > 240, (profile, corner)  # the page shows through, never the hidden red
        assert centre[2] > centre[0] + 60, (profile, centre)  # the blue disc


def test_an_exif_rotated_jpeg_is_placed_upright(project):
    stored = Image.new("RGB", (480, 320), (200, 30, 30))
    stored.paste((30, 30, 200), (0, 0, 240, 320))  # left half blue as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view: the blue half comes out on top
    _project(project, "rotated.jpg", _jpeg(stored, exif=exif.tobytes()))
    for profile in ("screen", "print"):
        data = _build(project, profile)
        (picture,) = _images(data)
        assert picture["size"][0] < picture["size"][1], profile  # upright: taller than wide
        rendered = _rendered_picture(data)
        top = rendered.getpixel((rendered.width // 2, rendered.height // 6))
        bottom = rendered.getpixel((rendered.width // 2, rendered.height * 5 // 6))
        assert top[2] > top[0] and bottom[0] > bottom[2], (profile, top, bottom)


def test_a_cmyk_photo_separated_for_the_press_passes_through_untouched(project):
    from tagprint.profiles.images import limit_ink, total_ink

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    fogra = ImageCms.ImageCmsProfile(io.BytesIO(FOGRA39.read_bytes()))
    cmyk = limit_ink(ImageCms.profileToProfile(_photo(), srgb, fogra, outputMode="CMYK"), 2.9)
    assert total_ink(cmyk) <= 2.9 + 1 / 255
    source = _jpeg(cmyk, icc_profile=FOGRA39.read_bytes())
    _project(project, "separated.jpg", source)
    (picture,) = _images(_build(project, "print"))
    assert picture["raw"] == source  # the photo's own bytes, not separated again


def test_an_adobe_rgb_photo_is_read_in_adobe_rgb(project):
    colour = (60, 170, 90)
    source = _jpeg(Image.new("RGB", (320, 320), colour), icc_profile=A98.read_bytes())
    _project(project, "adobe.jpg", source)
    (picture,) = _images(_build(project, "screen"))
    expected = ImageCms.profileToProfile(Image.new("RGB", (1, 1), colour), ImageCms.ImageCmsProfile(str(A98)),
                                         ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))).getpixel((0, 0))
    image = picture["picture"].convert("RGB")
    got = image.getpixel((image.width // 2, image.height // 2))
    assert max(abs(a - b) for a, b in zip(got, expected)) <= 4, (got, expected)
    assert max(abs(a - b) for a, b in zip(expected, colour)) > 20  # (read as sRGB it would be far off)


def test_dark_greys_keep_their_steps_in_print(project):
    """sRGB greys 0–40 printed with black-point compensation: each step its own ink level (without it,
    they collapsed into two printed levels)."""
    ramp = Image.new("RGB", (41 * 8, 320))
    ramp.putdata([((x // 8),) * 3 for y in range(320) for x in range(41 * 8)])
    _project(project, "greys.png", _png(ramp), width=72)
    (picture,) = _images(_build(project, "print"))
    cmyk = picture["picture"]
    assert cmyk.mode == "CMYK"
    levels = {cmyk.getpixel((x * 8 + 4, 160)) for x in range(41)}
    assert len(levels) == 41  # (without black-point compensation FOGRA39 gives 29)


def test_line_art_stays_lossless_in_every_profile(project):
    art = Image.new("RGB", (400, 400), (255, 255, 255))
    from PIL import ImageDraw
    draw = ImageDraw.Draw(art)
    for i in range(0, 400, 20):
        draw.line((i, 0, i, 400), fill=(0, 0, 0), width=2)
    _project(project, "lines.png", _png(art))
    for profile in ("screen", "print", "email"):
        (picture,) = _images(_build(project, profile))
        assert "FlateDecode" in picture["filter"] and "DCT" not in picture["filter"], profile


def test_the_ink_limit_holds_on_the_jpegs_own_pixels(project):
    """Sharp dark edges make a JPEG ring above the limit it was separated within: the photo module applies
    the limit after the last lossy step, so the print preflight (which measures every pixel) finds none."""
    from tagprint.preflight.checks.print_images import darkest_ink

    photo = _photo()
    from PIL import ImageDraw
    draw = ImageDraw.Draw(photo)
    for i in range(0, 320, 16):
        draw.rectangle((i, 0, i + 7, 320), fill=(10, 20, 60))
    _project(project, "edges.jpg", _jpeg(photo))
    data = _build(project, "print")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tops = [darkest_ink(obj) for obj in pdf.objects
                if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
                and obj.get("/ColorSpace") == "/DeviceCMYK"]
    assert tops and max(tops) <= 3.0 + 1 / 255


def test_a_jpeg_tagged_srgb_passes_through_on_screen(project):
    from tagprint.profiles.color import srgb_icc

    source = _jpeg(_photo((300, 300)), icc_profile=srgb_icc())
    _project(project, "tagged.jpg", source, width=144)  # 150 ppi: no downsampling on screen
    (picture,) = _images(_build(project, "screen"))
    assert picture["raw"] == source


def test_a_photo_with_alpha_is_a_jpeg_with_a_soft_mask(project):
    photo = _photo().convert("RGBA")
    alpha = Image.new("L", photo.size, 0)
    from PIL import ImageDraw
    ImageDraw.Draw(alpha).ellipse((40, 40, 280, 280), fill=255)
    photo.putalpha(alpha)
    _project(project, "photo-alpha.png", _png(photo))
    for profile in ("screen", "print"):
        data = _build(project, profile)
        (picture,) = _images(data)
        assert picture["smask"] and "DCTDecode" in picture["filter"], profile  # a photo: JPEG, its alpha kept
        rendered = _rendered_picture(data)
        assert min(rendered.getpixel((rendered.width // 2, 8))) > 240, profile
