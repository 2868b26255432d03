"""`verify` against the ledger: the first differing object of a rebuild, and a changed environment."""

from __future__ import annotations

import io

import pikepdf

from approval_project import ARCHIVED, approve, archivable, run
from tagprint.verify.archived import first_difference


def _changed(data: bytes, change) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_the_first_differing_object_is_named(seed_profiles):
    data = seed_profiles["archive"].read_bytes()

    def content(pdf):
        page = pdf.pages[1]
        page.Contents.write(page.Contents.read_bytes().replace(b" Tm", b" Tm 0 Tw", 1))  # one more operator

    def image(pdf):
        for page in pdf.pages:
            for name, xobject in page.Resources.XObject.items():
                if xobject.get("/Subtype") == "/Image":
                    xobject.write(xobject.read_raw_bytes()[:-1] + b"\0", filter=xobject.Filter)
                    return

    def metadata(pdf):
        pdf.Root.Metadata.write(pdf.Root.Metadata.read_bytes().replace(b"KINERET", b"KINERFT"))

    def font(pdf):
        for fobj in pdf.pages[0].Resources.Font.values():
            fobj.BaseFont = pikepdf.Name("/AAAAAA+Other")
            return

    assert first_difference(data, _changed(data, content)) == \
        "page content: page 2's content differs from the rebuild"
    assert first_difference(data, _changed(data, font)).startswith("font: font /TF")
    assert first_difference(data, _changed(data, image)).startswith("image: image /")
    assert first_difference(data, _changed(data, metadata)) == \
        "metadata: the XMP metadata or document info differs from the rebuild"


def test_a_changed_environment_is_reported_with_the_match(project, capsys, monkeypatch):
    archivable(project)
    assert approve(project, capsys)[0] == 0
    import tagprint.approval.verify as verify_module
    real = verify_module.environment

    def later(families):
        env = real(families)
        return {**env, "libraries": {**env["libraries"], "reportlab": "9.9.9"}}

    monkeypatch.setattr(verify_module, "environment", later)
    code, out, err = run(project, "verify", str(project.root / ARCHIVED), capsys=capsys)
    assert code == 0 and out.startswith("match: ")
    assert "environment differs from the one recorded with the approval (1):" in out
    assert "libraries: reportlab 5.1.0 → 9.9.9" in out


def test_verify_needs_something_to_verify(project, capsys):
    archivable(project)
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 2 and "no approval ledger" in err
    assert approve(project, capsys)[0] == 0
    code, out, err = run(project, "verify", "test", "--version", "9", capsys=capsys)
    assert code == 2 and "version 9 was never approved — approved versions: 1.0" in err


def test_a_rebuild_that_differs_is_reported_with_its_reason(project, capsys, monkeypatch):
    archivable(project)
    assert approve(project, capsys)[0] == 0
    import tagprint.verify.archived as archived
    monkeypatch.setattr(archived, "tool_digest", lambda: "f" * 64)  # as if the code had changed since
    code, out, err = run(project, "verify", "test", "--version", "1.0", capsys=capsys)
    # the file is exactly what was approved (exit 0); that today's tagprint builds it otherwise is reported
    assert code == 0 and out.startswith("match: output/archive/TEST-0001/1.0/test.pdf is the approved file")
    assert "\n  rebuild differs: today's tagprint would rebuild it differently" in out
    assert "built by tagprint 0.1.0 with other code" in out
    code, strict, err = run(project, "verify", "test", "--version", "1.0", "--strict", capsys=capsys)
    assert code == 1 and strict == out
