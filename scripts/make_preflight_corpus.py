"""Regenerates the preflight corpus in tests/preflight/fixtures/: tagged PDFs written by four generators
other than tagprint, from the small sources next to them. The PDFs are committed, so the tests need none of
these tools; run this only after changing a source (or to try a newer version of a tool):

    python -m venv /tmp/corpus && /tmp/corpus/bin/pip install pikepdf weasyprint typst
    /tmp/corpus/bin/python scripts/make_preflight_corpus.py [NAME-PREFIX …]

Which tool makes a file is said by its source's name:

- `chromium-*.html`     Chromium headless, `--export-tagged-pdf --print-to-pdf` (Debian's chromium);
- `libreoffice-*.html`  LibreOffice Writer, PDF/UA export (Debian's libreoffice-writer-nogui);
- `weasyprint-*.html`   WeasyPrint, `pdf_variant="pdf/ua-1"` (needs Debian's pango);
- `*.typ`               Typst (the PyPI package), PDF standard ua-1.

Chromium tags its output but does not claim PDF/UA-1: it writes no XMP metadata (no dc:title, no
pdfuaid:part) and no /Contents on link annotations. The script adds exactly those, with pikepdf, and nothing
else, so the files are what Chromium writes plus the two things PDF/UA-1 asks of every file; a source whose
name ends in `-raw.html` is kept as Chromium wrote it. The dates are fixed (SOURCE_DATE_EPOCH for WeasyPrint
and Typst, the info dictionary and XMP rewritten for Chromium and LibreOffice), so the same tool versions
write the same bytes.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "preflight" / "fixtures"
WHEN = datetime.datetime(2026, 11, 30, tzinfo=datetime.timezone.utc)
PDF_DATE = "D:20261130000000Z"
os.environ["SOURCE_DATE_EPOCH"] = str(int(WHEN.timestamp()))  # WeasyPrint's dates

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--export-tagged-pdf",
                  "--no-pdf-header-footer"]
LIBREOFFICE_FILTER = 'pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"}}'


def typst_pdf(source: Path, target: Path) -> None:
    import typst

    target.write_bytes(typst.compile(source, pdf_standards=["ua-1"], timestamp=WHEN))


def weasyprint_pdf(source: Path, target: Path) -> None:
    import weasyprint

    html = weasyprint.HTML(filename=str(source), base_url=str(FIXTURES))
    target.write_bytes(html.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"tagprint-preflight",
                                      uncompressed_pdf=False))


def chromium_pdf(source: Path, target: Path) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        written = Path(out) / target.name
        subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={written}",
                        source.as_uri()], check=True, capture_output=True, timeout=300)
        _settle(written, target, finish=not source.stem.endswith("-raw"))


def libreoffice_pdf(source: Path, target: Path) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run([exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--infilter=HTML (StarWriter)", "--convert-to", LIBREOFFICE_FILTER, "--outdir", out,
                        str(source)], check=True, capture_output=True, timeout=300)
        _settle(Path(out) / target.name, target, finish=False)


def _settle(written: Path, target: Path, finish: bool) -> None:
    """Fixed dates and ID; for Chromium, the XMP and link /Contents that PDF/UA-1 asks for."""
    import pikepdf

    with pikepdf.open(written) as pdf:
        title = str(pdf.docinfo.get("/Title", target.stem))
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                pdf.docinfo[key] = PDF_DATE
        if finish:
            with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
                meta["dc:title"] = title
                meta["pdfuaid:part"] = "1"
            for page in pdf.pages:
                for annot in page.obj.get("/Annots", []):
                    uri = annot.get("/A", {}).get("/URI") if annot.get("/Subtype") == pikepdf.Name.Link else None
                    if uri is not None and "/Contents" not in annot:
                        annot.Contents = pikepdf.String(f"Link to {uri}")
        if "/Metadata" in pdf.Root:
            with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
                for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                    if key in meta:
                        meta[key] = WHEN.isoformat()
        pdf.save(target, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)


def generator(source: Path):
    if source.suffix == ".typ":
        return typst_pdf
    if source.suffix == ".html":
        return {"chromium": chromium_pdf, "libreoffice": libreoffice_pdf,
                "weasyprint": weasyprint_pdf}.get(source.stem.split("-")[0])
    return None


def main(prefixes: list[str]) -> None:
    for source in sorted(FIXTURES.iterdir()):
        make = generator(source)
        if make is None or (prefixes and not source.name.startswith(tuple(prefixes))):
            continue
        target = source.with_suffix(".pdf")
        make(source, target)
        print(f"{source.name} → {target.name} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
