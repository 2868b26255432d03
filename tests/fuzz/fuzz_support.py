"""What every fuzz test shares: settings, a throw-away project per example, and the property itself.

The property (issue #7): whatever the layout and content files hold, a build ends in exactly one of

- a PDF that passes our checks (`tagprint.verify.verify` and pikepdf opens it), or
- a clean `InputError` whose every problem names a file of the project, a line >= 1, a message and a fix.

Anything else (a traceback, a hang) is a bug in tagprint.

Knobs (environment variables):

    TAGPRINT_FUZZ_EXAMPLES=5000   examples per property test (default: a CI-sized number per test)
    TAGPRINT_FUZZ_RANDOM=1        do not derandomize: every run explores new inputs
    TAGPRINT_FUZZ_TIMEOUT=30      seconds one build may take before it counts as a hang (a bug)
    TAGPRINT_FUZZ_MEMORY_MB=2000  memory one build may take on top of the test process (more: MemoryError,
                                  a bug) — so an input that explodes cannot take the machine down
    TAGPRINT_FUZZ_COLLECT=f.jsonl campaign mode: bugs are appended to f.jsonl (one line each: a
                                  signature, the YAML files, the traceback) instead of failing the test,
                                  so one run finds every distinct bug rather than stopping at the first
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pikepdf
import resource
from hypothesis import HealthCheck, Phase, event, note, settings

from conftest import REPO

from tagprint.errors import InputError, Problem

# Hypothesis keeps its caches and patch files here, not in the working tree
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "tagprint-fuzz-hypothesis"))

TIMEOUT = float(os.environ.get("TAGPRINT_FUZZ_TIMEOUT", "30"))
MEMORY_MB = int(os.environ.get("TAGPRINT_FUZZ_MEMORY_MB", "2000"))
COLLECT = os.environ.get("TAGPRINT_FUZZ_COLLECT", "")


def fuzz_settings(default_examples: int, scale: float = 1.0) -> settings:
    """CI: `default_examples`, derandomized (reproducible). Campaign: TAGPRINT_FUZZ_EXAMPLES × scale."""
    wanted = os.environ.get("TAGPRINT_FUZZ_EXAMPLES")
    examples = max(default_examples, int(int(wanted) * scale)) if wanted else default_examples
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=not os.environ.get("TAGPRINT_FUZZ_RANDOM"),
        database=None,
        print_blob=True,
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],  # no explain: slow
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                               HealthCheck.large_base_example],
    )


# ---- the files of one generated project --------------------------------------------------------

@dataclass(frozen=True)
class Files:
    """A generated project: the layout `layouts/test.yaml` and the content `content/test.yaml` (None: no
    content file). `extra` holds any other files, relative path → text. Text is written as UTF-8 with
    `surrogateescape`, so a lone surrogate U+DC80…U+DCFF in the text becomes a raw invalid byte."""

    layout: str
    content: str | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def all(self) -> list[tuple[str, str]]:
        out = [("layouts/test.yaml", self.layout)]
        if self.content is not None:
            out.append(("content/test.yaml", self.content))
        return out + list(self.extra)

    def shown(self, most: int = 6000) -> str:
        """The files as a person reads them in a failure report (long ones cut: see print_blob)."""
        def cut(text: str) -> str:
            return text if len(text) <= most else f"{text[:most]}\n[… {len(text) - most:,} more characters]"
        return "\n".join(f"--- {path} ---\n{cut(text)}" for path, text in self.all())


class Bug(AssertionError):
    """The property does not hold: an InputError that breaks the error contract, or a hang."""

    def __init__(self, what: str, problem: object = None):
        """`what` names the broken promise (it is the bug's signature); `problem` is the InputError's
        Problem that breaks it, or any detail."""
        shown = f"{problem!s}  ({problem!r})" if isinstance(problem, Problem) else str(problem)
        super().__init__(what if problem is None else f"{what}: {shown}")
        self.what = what
        self.problem = problem


class Hang(Bug):
    """A build that does not end within TAGPRINT_FUZZ_TIMEOUT seconds."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expired(signum, frame):
        raise Hang(f"the build took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def memory_limit(megabytes: int) -> Iterator[None]:
    """Caps the address space at its present size plus `megabytes` (Linux), so that an input which makes
    a build allocate without end raises MemoryError instead of waking the OOM killer."""
    try:
        status = Path("/proc/self/status").read_text()
        size = int(re.search(r"VmSize:\s+(\d+) kB", status).group(1)) * 1024  # type: ignore[union-attr]
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (OSError, AttributeError, ValueError):
        yield
        return
    cap = size + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def new_project(base: Path) -> Path:
    """A project folder like tests/conftest.py's Project: the repository's theme and images, no layouts."""
    root = Path(tempfile.mkdtemp(prefix="p", dir=base))
    (root / "layouts" / "themes").mkdir(parents=True)
    (root / "content").mkdir()
    shutil.copy(REPO / "layouts" / "themes" / "kineret.yaml", root / "layouts" / "themes" / "kineret.yaml")
    shutil.copytree(REPO / "images", root / "images", ignore=shutil.ignore_patterns("*.py"))
    return root


def write_files(root: Path, files: Files) -> None:
    for relative, text in files.all():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", errors="surrogateescape"))


@contextlib.contextmanager
def project_with(files: Files) -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="tagprint-fuzz-"))
    try:
        root = new_project(base)
        write_files(root, files)
        yield root
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ---- the property ------------------------------------------------------------------------------

# every operator of PDF 32000-1 (Annex A); anything else in a content stream is a broken number or name
PDF_OPERATORS = set("""b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k
    l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \"""".split())


def _streams(pdf: pikepdf.Pdf) -> Iterator[tuple[str, object]]:
    """Every page's content and every form XObject it uses (illustrations are drawn as forms)."""
    seen: set[tuple[int, int]] = set()

    def forms(resources: object, where: str) -> Iterator[tuple[str, object]]:
        xobjects = resources.get("/XObject", {}) if isinstance(resources, pikepdf.Dictionary) else {}
        for name, xobject in dict(xobjects).items():
            if xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                yield f"{where} form {name}", xobject
                yield from forms(xobject.get("/Resources"), f"{where} form {name}")

    for number, page in enumerate(pdf.pages, start=1):
        yield f"page {number}", page
        yield from forms(page.obj.get("/Resources"), f"page {number}")


def check_pdf(data: bytes) -> None:
    """Our checks (verify: every operator tagged or an artifact, every MCID claimed), pikepdf opens it,
    and — beyond verify — every content stream holds only PDF operators: a NaN or infinite coordinate
    is written as `-nan` / `inf`, which a parser reads as an unknown operator, and verify lets it pass."""
    from tagprint.verify import verify

    verify(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 1
        assert "/StructTreeRoot" in pdf.Root
        for where, stream in _streams(pdf):
            unknown = sorted({str(op) for _, op in pikepdf.parse_content_stream(stream)} - PDF_OPERATORS)
            if unknown:
                raise Bug("a content stream holds what is not a PDF operator", f"{where}: {unknown}")


def check_problems(error: InputError, root: Path) -> None:
    if not error.problems:
        raise Bug("InputError without problems")
    for problem in error.problems:
        where = problem.where
        if not where.file or not (root / where.file).is_file():
            raise Bug("a problem names no file of the project", problem)
        if not isinstance(where.line, int) or where.line < 1:
            raise Bug("a problem has no line >= 1", problem)
        if not problem.message.strip():
            raise Bug("a problem has no message", problem)
        if not problem.fix.strip():
            raise Bug("a problem has no fix", problem)


def build_every_profile(root: Path, layout: str = "test") -> int:
    """Builds the layout in every profile it lists (and every output it makes), like the command line;
    returns the number of PDFs made."""
    from tagprint.pipeline import prepare, render
    from tagprint.profiles import profiles

    prepared = prepare(root, root / "layouts" / f"{layout}.yaml")
    made = 0
    for name in prepared.document.profiles:
        for output in getattr(prepared.document, "outputs", None) or ("",):
            built = render(prepared, profiles()[name], output) if output else render(prepared, profiles()[name])
            check_pdf(built.data)
            made += 1
    return made


def check_build(root: Path, layout: str = "test", timeout: float | None = None, memory: int | None = None) -> str:
    """The property for one project: 'built' or 'rejected'; any other outcome raises."""
    try:
        with time_limit(timeout or TIMEOUT), memory_limit(memory or MEMORY_MB):
            build_every_profile(root, layout)
    except InputError as error:
        check_problems(error, root)
        return "rejected"
    return "built"


def run_property(files: Files, test: str, timeout: float | None = None, memory: int | None = None) -> None:
    """One example of a property test: writes the project, builds it and checks the outcome."""
    note(files.shown())
    with project_with(files) as root:
        try:
            outcome = check_build(root, timeout=timeout, memory=memory)
        except Exception as exc:
            if not COLLECT:
                raise
            record(test, files, exc)
            outcome = "bug"
    event(outcome)


# ---- campaign mode: collect every distinct bug ---------------------------------------------------

def signature(exc: BaseException) -> str:
    """A short name for a bug: the exception type and the innermost tagprint frame (or, for a broken
    error contract, what is broken and the problem's message with its particulars removed)."""
    if isinstance(exc, Bug) and isinstance(exc.problem, Problem):
        problem = exc.problem
        path = re.sub(r"\[\d+\]", "[#]", problem.where.path)  # type: ignore[attr-defined]
        if problem.where.file.startswith("content/"):  # type: ignore[attr-defined]
            path = re.sub(r"^[^.\[]+", "<id>", path)  # the content id
        words = " ".join(re.sub(r"'[^']*'|\d+", "…", problem.message).split()[:4])  # type: ignore[attr-defined]
        return f"Bug: {exc.what}: {path}: {words}"
    if isinstance(exc, Bug) and not isinstance(exc, Hang):
        return f"Bug: {exc.what}"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/tagprint/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].name}:{frames[-1].lineno}" if frames else "?"
    checks = sorted(set(re.findall(r"check='([\w-]+)'", str(exc))))  # the preflight's findings
    return f"{type(exc).__name__} at {where}" + (f" ({', '.join(checks)})" if checks else "")


def record(test: str, files: Files, exc: BaseException) -> None:
    line = {
        "signature": signature(exc),
        "test": test,
        "size": sum(len(t) for _, t in files.all()),
        "files": dict(files.all()),
        "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-4000:],
    }
    with open(COLLECT, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=True) + "\n")


__all__ = ["Bug", "Files", "Hang", "check_build", "check_pdf", "check_problems", "fuzz_settings", "new_project",
           "project_with", "run_property", "signature", "time_limit", "write_files"]

