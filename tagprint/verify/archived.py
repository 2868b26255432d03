"""Rebuild an archived PDF from its embedded sources and compare: what `render.py verify` builds on.

`rebuild_check(data)` says whether the file's embedded sources still match their manifest and rebuild
the file byte for byte, and if not, names the first kind of object that differs (page content, font,
image, metadata, …).
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pikepdf

from ..errors import InputError, Problem, Where, relative
from ..profiles.archive import MANIFEST, extract_sources
from ..tool import tool_digest


class NotArchived(Exception):
    """The file cannot be verified at all: not a PDF, or no embedded tagprint sources."""


@dataclass
class RebuildCheck:
    identical: bool
    differences: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)


def _safe(name: str) -> bool:
    p = PurePosixPath(name)
    return not p.is_absolute() and ".." not in p.parts and name != ""


def embedded_project(data: bytes) -> tuple[dict[str, bytes], dict]:
    """The sources embedded in an archived PDF and its manifest; NotArchived if it has none."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            files = extract_sources(pdf)
    except pikepdf.PdfError as exc:
        raise NotArchived(f"cannot read the PDF ({exc})") from None
    if MANIFEST not in files:
        raise NotArchived("no embedded sources — only archive-profile PDFs can be verified")
    manifest = json.loads(files.pop(MANIFEST))
    layouts = [n for n in files if n.startswith("layouts/") and n.count("/") == 1]
    if len(layouts) != 1 or not all(_safe(n) for n in files):
        raise NotArchived("the embedded sources are not a tagprint project")
    return files, manifest


def write_project(files: dict[str, bytes], root: Path) -> Path:
    """Writes embedded sources as a project folder; returns its layout file."""
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return next(root / n for n in files if n.startswith("layouts/") and n.count("/") == 1)


def rebuild(root: Path, layout: Path, manifest: dict) -> bytes:
    """The archive PDF the sources in `root` make: the variant and output the manifest names."""
    from ..load.variants import variants_of
    from ..pipeline import prepare, render
    from ..profiles import ARCHIVE

    chosen = manifest.get("build", {})
    variant = None
    if chosen.get("variant"):
        variant = next((v for v in variants_of(root, layout) or [] if v.get("id") == chosen["variant"]), None)
        if variant is None:
            raise InputError([Problem(Where(relative(layout, root)), f"variant '{chosen['variant']}' is not in the "
                                      "embedded data file", "the embedded sources do not make this document")])
    prepared = prepare(root, layout, variant)
    output = chosen.get("output", "slides" if prepared.document.kind == "deck" else "")
    return render(prepared, ARCHIVE, output).data


def rebuild_check(data: bytes) -> RebuildCheck:
    files, manifest = embedded_project(data)
    differences = []
    for name, digest in manifest["inputs"].items():
        if name not in files:
            differences.append(f"source {name} is listed in the manifest but not embedded")
        elif hashlib.sha256(files[name]).hexdigest() != digest:
            differences.append(f"source {name} does not match its SHA-256 in the manifest")
    if manifest["tool"]["sha256"] != tool_digest():
        differences.append(f"built by tagprint {manifest['tool']['version']} with other code "
                           f"({manifest['tool']['sha256'][:12]}…); this is {tool_digest()[:12]}…")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        layout = write_project(files, root)
        try:
            rebuilt = rebuild(root, layout, manifest)
        except InputError as exc:
            differences.append(f"the embedded sources no longer build: {exc.problems[0]}")
            rebuilt = None
    if rebuilt is not None and rebuilt != data:
        differences.append(first_difference(data, rebuilt))
    return RebuildCheck(not differences, differences, manifest)


def _resources(page: pikepdf.Page, kind: str) -> pikepdf.Dictionary:
    """The page's resources of one kind (/Font, /XObject); empty when it has none."""
    resources = page.obj.get("/Resources")
    found = resources.get(kind) if isinstance(resources, pikepdf.Dictionary) else None
    return found if isinstance(found, pikepdf.Dictionary) else pikepdf.Dictionary()


def _fonts(page: pikepdf.Page) -> dict[str, bytes]:
    out = {}
    for name, font in dict(_resources(page, "/Font")).items():
        descendants = font.get("/DescendantFonts")
        top = descendants[0] if descendants else font
        descriptor = top.get("/FontDescriptor", pikepdf.Dictionary())
        program = next((descriptor[k] for k in ("/FontFile2", "/FontFile3", "/FontFile") if k in descriptor), None)
        widths = top.get("/W", top.get("/Widths"))
        out[str(name)] = (str(font.get("/BaseFont")).encode() + (program.read_bytes() if program is not None else b"")
                          + repr(widths).encode())
    return out


def _images(page: pikepdf.Page) -> dict[str, bytes]:
    out = {}
    for name, xobject in dict(_resources(page, "/XObject")).items():
        if xobject.get("/Subtype") == "/Image":
            out[str(name)] = xobject.read_raw_bytes()
    return out


def first_difference(original: bytes, rebuilt: bytes) -> str:
    """The first kind of object in which two PDFs differ, in words: pages, page content, font, image,
    metadata, embedded files, structure tree; else their sizes."""
    with pikepdf.open(io.BytesIO(original)) as a, pikepdf.open(io.BytesIO(rebuilt)) as b:
        if len(a.pages) != len(b.pages):
            return f"pages: the file has {len(a.pages)} pages, the rebuild {len(b.pages)}"
        for i, (pa, pb) in enumerate(zip(a.pages, b.pages), start=1):
            if pa.Contents.read_bytes() != pb.Contents.read_bytes():
                return f"page content: page {i}'s content differs from the rebuild"
            fa, fb = _fonts(pa), _fonts(pb)
            for name in sorted(set(fa) | set(fb)):
                if fa.get(name) != fb.get(name):
                    return f"font: font {name} on page {i} differs from the rebuild"
            ia, ib = _images(pa), _images(pb)
            for name in sorted(set(ia) | set(ib)):
                if ia.get(name) != ib.get(name):
                    return f"image: image {name} on page {i} differs from the rebuild"
        if a.Root.Metadata.read_bytes() != b.Root.Metadata.read_bytes() or dict(a.docinfo) != dict(b.docinfo):
            return "metadata: the XMP metadata or document info differs from the rebuild"
        if extract_sources(a) != extract_sources(b):
            return "embedded files: the embedded sources differ from the rebuild"
        if _tree(a.Root.StructTreeRoot) != _tree(b.Root.StructTreeRoot):
            return "structure tree: the tags differ from the rebuild"
    return f"other objects: the bytes differ from the rebuild ({len(original):,} vs {len(rebuilt):,} bytes)"


def _tree(node, depth: int = 0) -> str:
    if depth > 200:
        return ""
    if isinstance(node, pikepdf.Dictionary):
        parts = [f"{k}={node[k]}" for k in ("/S", "/Alt", "/ActualText", "/Lang") if k in node]
        return "(" + " ".join(parts) + _tree(node.get("/K"), depth + 1) + ")"
    if isinstance(node, pikepdf.Array):
        return "[" + ",".join(_tree(k, depth + 1) for k in node) + "]"
    return str(node) if not isinstance(node, pikepdf.Stream) else ""
