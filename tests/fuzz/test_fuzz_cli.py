"""The command line on generated projects: `tagprint.commands.cli.main([..., "--root", ROOT])` exits 0 (every PDF
written, each passing our checks) or 2 (bad input: no PDF and no temporary file in output/), never 1 (an
internal error), and writes nothing outside output/."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from hypothesis import event, example, given, note, strategies as st

import fuzz_examples as bugs

from fuzz_strategies import dump, mangled_text, mutated, valid_documents
from fuzz_support import COLLECT, TIMEOUT, Bug, Files, check_pdf, fuzz_settings, project_with, record, time_limit

from tagprint.commands.cli import main
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
        try:
            check_cli(root, files, args)
        except Exception as exc:
            if not COLLECT:
                raise
            record("cli", files, exc)


def check_cli(root: Path, files: Files, args: tuple[str, ...]) -> None:
    before = files_under(root)
    out, err = io.StringIO(), io.StringIO()
    with time_limit(TIMEOUT), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*args, "--root", str(root)])
    note(f"exit {code}\nstdout:\n{out.getvalue()}\nstderr:\n{err.getvalue()}")
    event(f"exit {code}")
    if code not in (0, 2):
        frames = re.findall(r'File ".*/tagprint/([^"]+)", line (\d+), in (\w+)', err.getvalue())
        last = f" at {frames[-1][0]}:{frames[-1][2]}" if frames else ""
        raise Bug(f"exit code {code}{last}", err.getvalue())
    after = files_under(root)
    outside = sorted(name for name in set(after) | set(before)
                     if not name.startswith("output/") and before.get(name) != after.get(name))
    if outside:
        raise Bug("files changed outside output/", outside)
    written = {name: data for name, data in after.items() if name.startswith("output/")}
    leftovers = [name for name in written if name.endswith(".tmp") or Path(name).name.startswith(".")]
    if leftovers:
        raise Bug("temporary files left in output/", leftovers)
    pdfs = sorted(name for name in written if name.endswith(".pdf"))
    if code == 2:
        if "error: " not in err.getvalue():  # README: each problem is listed as "error: file:line:col: …"
            raise Bug("exit 2 without a problem listed", err.getvalue())
        # README: a document with problems is not written, the others are. A layout that is bad as a whole
        # leaves no PDF; a profile that failed (say, email over budget) leaves none of its own; what was
        # written is whole.
        for layout in ("test", "second"):
            mine = [n for n in pdfs if Path(n).stem == layout or Path(n).stem.startswith(layout + "-")]
            if mine and rejected_as_a_whole(root, layout):
                raise Bug("exit 2, a layout is bad as a whole, but its PDFs were written", mine)
        for line in out.getvalue().splitlines():
            cells = line.split()
            if len(cells) >= 2 and cells[-1] == "failed":
                name, profile = cells[0], cells[1]
                target = f"output/{name}.pdf" if profile == "screen" else f"output/{name}-{profile}.pdf"
                if target in pdfs:
                    raise Bug(f"{name} failed in {profile} but {target} was written", pdfs)
        for name in pdfs:
            check_pdf(written[name])
    else:
        if not pdfs and "nothing to build: the layouts list only profiles that an approval writes" not in err.getvalue():
            raise Bug("exit 0 but no PDF written", out.getvalue())
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
