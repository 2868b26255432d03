"""The command line on generated projects: `tagprint.cli.main([..., "--root", ROOT])` exits 0 (every PDF
written, each passing our checks) or 2 (bad input: no PDF and no temporary file in output/), never 1 (an
internal error), and writes nothing outside output/."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from hypothesis import example, given, note, strategies as st

import fuzz_examples as bugs

from fuzz_strategies import dump, mangled_text, mutated, valid_documents
from fuzz_support import Files, check_pdf, fuzz_settings, project_with, time_limit, TIMEOUT

from tagprint.cli import main
from tagprint.errors import InputError


@st.composite
def cli_projects(draw) -> tuple[Files, tuple[str, ...]]:
    layout, content = draw(valid_documents())
    second = dict(layout, document=dict(layout["document"], title="Second", material_id="TEST-0002"))
    what = draw(st.sampled_from(["valid", "content", "layout", "second", "text"]))
    if what == "content":
        content = draw(mutated(content, most=2))
    elif what == "layout":
        layout = draw(mutated(layout, most=2))
    elif what == "second":
        second = draw(mutated(second, most=2))
    layout_text, content_text = dump(layout), dump(content)
    if what == "text":
        content_text = draw(mangled_text(content_text))
    extra = (("layouts/second.yaml", dump(second)),) if draw(st.booleans()) else ()
    args = draw(st.sampled_from([(), ("build", "test"), ("--profile", "screen"), ("build", "test", "--profile", "email")]))
    return Files(layout_text, content_text, extra), args


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(files: Files, args: tuple[str, ...]) -> None:
    note(files.shown())
    with project_with(files) as root:
        before = files_under(root)
        out, err = io.StringIO(), io.StringIO()
        with time_limit(TIMEOUT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, "--root", str(root)])
        note(f"exit {code}\nstdout:\n{out.getvalue()}\nstderr:\n{err.getvalue()}")
        assert code in (0, 2), f"exit code {code} (internal error):\n{err.getvalue()}"
        after = files_under(root)
        outside = {name for name in set(after) | set(before)
                   if not name.startswith("output/") and before.get(name) != after.get(name)}
        assert not outside, f"files changed outside output/: {sorted(outside)}"
        written = {name: data for name, data in after.items() if name.startswith("output/")}
        leftovers = [name for name in written if name.endswith(".tmp") or Path(name).name.startswith(".")]
        assert not leftovers, f"temporary files left in output/: {leftovers}"
        pdfs = sorted(name for name in written if name.endswith(".pdf"))
        if code == 2:
            assert "problem(s)" in err.getvalue()
            # README: a document with problems is not written, the others are. A layout that is bad as a
            # whole leaves no PDF behind; a profile that failed (say, email over budget) leaves none of its
            # own, and what was written is whole.
            for layout in ("test", "second"):
                if rejected_as_a_whole(root, layout):
                    mine = [n for n in pdfs if Path(n).stem == layout or Path(n).stem.startswith(layout + "-")]
                    assert not mine, f"exit 2, layout {layout!r} is bad, but its PDFs were written: {mine}"
            failed = [line.split()[0:2] for line in out.getvalue().splitlines() if line.rstrip().endswith("failed")]
            for name, profile in failed:
                target = f"output/{name}.pdf" if profile == "screen" else f"output/{name}-{profile}.pdf"
                assert target not in pdfs, f"{name} in {profile} failed but {target} was written"
            for name in pdfs:
                check_pdf(written[name])
        else:
            assert pdfs, f"exit 0 but no PDF written:\n{out.getvalue()}"
            for name in pdfs:
                check_pdf(written[name])


def rejected_as_a_whole(root: Path, layout: str) -> bool:
    from tagprint.pipeline import prepare

    if not (root / "layouts" / f"{layout}.yaml").is_file():
        return False
    try:
        prepare(root, root / "layouts" / f"{layout}.yaml")
    except InputError:
        return True
    return False


@fuzz_settings(10, scale=0.1)
@given(project=cli_projects())
@example(project=(bugs.ARCHIVE_VERSION_LEAVES_OUTPUT, ()))
@example(project=(bugs.SCREEN_WRITTEN_WHEN_EMAIL_FAILS, ()))
@example(project=(bugs.STRING_AS_LAYOUT, ()))
def test_command_line_exits_0_or_2_and_leaves_output_clean(project):
    files, args = project
    run_cli(files, args)
