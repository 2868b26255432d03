"""`render.py verify FILE.pdf`: rebuild an archived PDF from its embedded sources and compare bytes."""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path, PurePosixPath

import pikepdf

from ..errors import InputError
from ..profiles.archive import MANIFEST, extract_sources
from ..tool import tool_digest


def _safe(name: str) -> bool:
    p = PurePosixPath(name)
    return not p.is_absolute() and ".." not in p.parts and name != ""


def verify_archived(pdf_path: Path) -> int:
    """Prints "identical" (exit 0) or what differs (exit 1); exit 2 when the file cannot be verified."""
    from ..pipeline import build

    try:
        data = pdf_path.read_bytes()
        with pikepdf.open(io.BytesIO(data)) as pdf:
            files = extract_sources(pdf)
    except (OSError, pikepdf.PdfError) as exc:
        print(f"error: {pdf_path}: cannot read the PDF ({exc}) — name an archived tagprint PDF", file=sys.stderr)
        return 2
    if MANIFEST not in files:
        print(f"error: {pdf_path}: no embedded sources — only archive-profile PDFs can be verified", file=sys.stderr)
        return 2
    manifest = json.loads(files.pop(MANIFEST))
    differences = []
    for name, digest in manifest["inputs"].items():
        if name not in files:
            differences.append(f"source {name} is listed in the manifest but not embedded")
        elif hashlib.sha256(files[name]).hexdigest() != digest:
            differences.append(f"source {name} does not match its SHA-256 in the manifest")
    if manifest["tool"]["sha256"] != tool_digest():
        differences.append(f"built by tagprint {manifest['tool']['version']} with other code "
                           f"({manifest['tool']['sha256'][:12]}…); this is {tool_digest()[:12]}…")
    layouts = [n for n in files if n.startswith("layouts/") and n.count("/") == 1]
    if len(layouts) != 1 or not all(_safe(n) for n in files):
        print(f"error: {pdf_path}: the embedded sources are not a tagprint project", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, content in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(content)
        try:
            rebuilt = build(root, root / layouts[0], "archive").data
        except InputError as exc:
            differences.append(f"the embedded sources no longer build: {exc.problems[0]}")
            rebuilt = None
    if rebuilt is not None and rebuilt != data:
        differences.append(_describe(data, rebuilt))
    if differences:
        for line in differences:
            print(f"differs: {line}")
        return 1
    print(f"identical: {pdf_path} rebuilds byte for byte from its embedded sources")
    return 0


def _describe(original: bytes, rebuilt: bytes) -> str:
    """Where two PDFs differ, in words: page content, object count or size."""
    with pikepdf.open(io.BytesIO(original)) as a, pikepdf.open(io.BytesIO(rebuilt)) as b:
        if len(a.pages) != len(b.pages):
            return f"the file has {len(a.pages)} pages, the rebuild {len(b.pages)}"
        for i, (pa, pb) in enumerate(zip(a.pages, b.pages), start=1):
            if pa.Contents.read_bytes() != pb.Contents.read_bytes():
                return f"page {i}'s content differs from the rebuild"
        if a.Root.Metadata.read_bytes() != b.Root.Metadata.read_bytes():
            return "the XMP metadata differs from the rebuild"
    return f"the bytes differ from the rebuild ({len(original):,} vs {len(rebuilt):,} bytes)"
