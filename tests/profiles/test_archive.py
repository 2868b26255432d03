"""The archive: PDF/A-3a + PDF/UA-1 identification, embedded sources, write-once store, verify."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf

from conftest import SEED_ACCEPT
import pypdf

REPO = Path(__file__).resolve().parents[2]


def test_pdfa_identification_and_extension_schemas(seed_profiles):
    reader = pypdf.PdfReader(seed_profiles["archive"])
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "<pdfaid:part>3</pdfaid:part>" in xmp and "<pdfaid:conformance>A</pdfaid:conformance>" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp
    assert "<tagprint:materialId>US-KIN-0001</tagprint:materialId>" in xmp
    assert "<tagprint:version>1.0</tagprint:version>" in xmp
    assert "/ID" in reader.trailer and not reader.is_encrypted
    (intent,) = reader.trailer["/Root"]["/OutputIntents"]
    assert intent.get_object()["/S"] == "/GTS_PDFA1"


def test_sources_embedded_as_associated_files_matching_the_manifest(seed_profiles):
    with pikepdf.open(seed_profiles["archive"]) as pdf:
        specs = list(pdf.Root.AF)
        files = {}
        for spec in specs:
            assert spec.AFRelationship == "/Source"
            assert str(spec.F) == str(spec.UF)
            assert str(spec.EF.F.Subtype).startswith("/")
            files[str(spec.UF)] = spec.EF.F.read_bytes()
    manifest = json.loads(files.pop("tagprint-manifest.json"))
    assert sorted(files) == sorted(manifest["inputs"]) == [
        "content/kineret-dtt-ra.yaml", "images/couple-walking.jpg", "images/megan-outdoors.jpg",
        "layouts/kineret-dtt-ra.yaml", "layouts/themes/kineret.yaml"]
    for name, data in files.items():
        assert hashlib.sha256(data).hexdigest() == manifest["inputs"][name]
        assert data == (REPO / name).read_bytes()


def _copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for folder in ("layouts", "content", "images"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("*.py"))
    return root


def _render(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), *args],
                          capture_output=True, text=True)


def test_write_once_store_refuses_a_changed_document(tmp_path):
    root = _copy_project(tmp_path)
    approve = ("approve", "kineret-dtt-ra", "--version", "1.0", "--by", "Dr Quinn", *SEED_ACCEPT)
    first = _render(root, *approve)
    assert first.returncode == 0, first.stderr
    archived = root / "output" / "archive" / "US-KIN-0001" / "1.0" / "kineret-dtt-ra.pdf"
    original = archived.read_bytes()
    again = _render(root, *approve)
    assert again.returncode == 0 and again.stdout.startswith("already approved: output/archive/US-KIN-0001/1.0/")
    content = root / "content" / "kineret-dtt-ra.yaml"
    text = content.read_text()
    assert "Placeholder for an approved citation" in text
    content.write_text(text.replace("Placeholder for an approved citation", "Placeholder for an approved source", 1))
    changed = _render(root, *approve)
    assert changed.returncode == 2
    assert "version 1.0 of kineret-dtt-ra was approved by Dr Quinn" in changed.stderr
    assert "new document.version" in changed.stderr
    assert archived.read_bytes() == original
    layout = root / "layouts" / "kineret-dtt-ra.yaml"
    layout.write_text(layout.read_text().replace('version: "1.0"', 'version: "1.1"'))
    bumped = _render(root, "approve", "kineret-dtt-ra", "--version", "1.1", "--by", "Dr Quinn", *SEED_ACCEPT)
    assert bumped.returncode == 0, bumped.stderr
    assert (root / "output" / "archive" / "US-KIN-0001" / "1.1" / "kineret-dtt-ra.pdf").is_file()
    assert archived.read_bytes() == original


def test_verify_round_trip_and_tampering(seed_profiles, tmp_path):
    output = seed_profiles["archive"].parents[3]
    ok = _render(REPO, "--output", str(output), "verify", str(seed_profiles["archive"]))
    assert ok.returncode == 0 and ok.stdout.startswith("match: ")
    assert "rebuilds it byte for byte from its embedded sources" in ok.stdout
    tampered = tmp_path / "tampered.pdf"
    with pikepdf.open(seed_profiles["archive"]) as pdf:
        page = pdf.pages[1]
        page.Contents.write(page.Contents.read_bytes().replace(b" Tm", b" Tm 0 Tw", 1))  # one more operator
        pdf.save(tampered)
    bad = _render(REPO, "--output", str(output), "verify", str(tampered))
    assert bad.returncode == 1
    assert bad.stdout.startswith("not approved: tampered.pdf: no ledger entry has its SHA-256")
    assert "page content: page 2's content differs from the rebuild" in bad.stdout


def test_verify_refuses_a_file_without_sources(seed_profiles):
    run = _render(REPO, "--output", str(seed_profiles["archive"].parents[3]), "verify", str(seed_profiles["screen"]))
    assert run.returncode == 2 and "no embedded sources" in run.stderr
