"""Shared test helpers: a throw-away project folder, and building it through the real pipeline."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_LAYOUT = "kineret-dtt-ra"
# the seed stands in placeholders for its safety text and references: an approval names them on purpose
SEED_ACCEPT = ("--accept", "placeholder:safety[0]", "--accept", "placeholder:references[0]")

MINIMAL_LAYOUT = """\
document:
  title: Test document
  lang: en-US
  material_id: TEST-0001
  date: 11/2026
  created: 2026-11-01
theme: kineret
templates:
  plain:
    regions:
      main: {box: [40, 40, 532, 700]}
pages:
  - template: plain
    regions:
      main: [body]
"""


def two_column_layout(title: str, material_id: str, flow: str) -> str:
    """A layout whose one content id flows through two 256 pt columns, page after page."""
    return f"""\
document:
  title: {title}
  lang: en-US
  material_id: {material_id}
  date: 11/2026
  created: 2026-11-01
theme: kineret
templates:
  columns:
    regions:
      left: {{box: [40, 40, 256, 700]}}
      right: {{box: [316, 40, 256, 700]}}
pages:
  - template: columns
    flow: [{flow}]
"""


class Project:
    """A copy of the repository's theme and images in a temporary folder, with files the test writes."""

    def __init__(self, root: Path):
        self.root = root
        (root / "layouts" / "themes").mkdir(parents=True)
        (root / "content").mkdir()
        shutil.copy(REPO / "layouts" / "themes" / "kineret.yaml", root / "layouts" / "themes" / "kineret.yaml")
        shutil.copytree(REPO / "images", root / "images", ignore=shutil.ignore_patterns("*.py"))

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def layout(self, text: str = MINIMAL_LAYOUT, name: str = "test") -> Path:
        return self.write(f"layouts/{name}.yaml", text)

    def content(self, text: str, name: str = "test") -> Path:
        return self.write(f"content/{name}.yaml", text)

    def build(self, name: str = "test"):
        from tagprint.pipeline import build
        return build(self.root, self.root / "layouts" / f"{name}.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory) -> Path:
    """The seed leave-behind, built once per test session through the real command line."""
    from tagprint.commands.cli import main
    out = tmp_path_factory.mktemp("output")
    assert main(["--root", str(REPO), "--output", str(out), "build", SEED_LAYOUT]) == 0
    return out / f"{SEED_LAYOUT}.pdf"


def _every_profile(out: Path, name: str, material_id: str) -> dict[str, Path]:
    """A layout in every profile, built once through the real command line (the archive profile through
    an approval of version 1.0, the only way it is written)."""
    from tagprint.commands.cli import main
    assert main(["--root", str(REPO), "--output", str(out), "build", name]) == 0
    assert main(["--root", str(REPO), "--output", str(out), "approve", name, "--version", "1.0",
                 "--by", "Test Reviewer", *SEED_ACCEPT]) == 0
    return {
        "screen": out / f"{name}.pdf",
        "print": out / f"{name}-print.pdf",
        "email": out / f"{name}-email.pdf",
        "archive": out / "archive" / material_id / "1.0" / f"{name}.pdf",
    }


@pytest.fixture(scope="session")
def seed_profiles(tmp_path_factory) -> dict[str, Path]:
    """The seed leave-behind in every profile."""
    return _every_profile(tmp_path_factory.mktemp("profiles"), SEED_LAYOUT, "US-KIN-0001")


@pytest.fixture(scope="session")
def velaris_profiles(tmp_path_factory) -> dict[str, Path]:
    """The second example (a three-page psoriasis leave-behind) in every profile."""
    return _every_profile(tmp_path_factory.mktemp("velaris"), "velaris-psoriasis", "US-VEL-0002")


@pytest.fixture(scope="session")
def block_examples_profiles(tmp_path_factory) -> dict[str, Path]:
    """The block examples (one of every block type; page 3: charts and a QR code) in every profile."""
    from tagprint.commands.cli import main
    out = tmp_path_factory.mktemp("block-examples")
    assert main(["--root", str(REPO), "--output", str(out), "build", "block-examples"]) == 0
    assert main(["--root", str(REPO), "--output", str(out), "approve", "block-examples", "--version", "1",
                 "--by", "Test Reviewer"]) == 0
    return {"screen": out / "block-examples.pdf", "print": out / "block-examples-print.pdf",
            "email": out / "block-examples-email.pdf",
            "archive": out / "archive" / "TP-BLOCKS" / "1" / "block-examples.pdf"}


@pytest.fixture(scope="session")
def norvalin_profiles(tmp_path_factory) -> dict[str, Path]:
    """The third example (A4, German, brand fonts from fonts/ and a wheel) in every profile."""
    return _every_profile(tmp_path_factory.mktemp("norvalin"), "norvalin-de", "DE-NOR-0003")
