"""How scripts/test shares the suite between its two processes (tests/conftest.py): all
browser tests in one unit of work, every other test on its own."""

from __future__ import annotations

from pathlib import Path

from conftest import BROWSER_MODULES, _browser_modules, work_unit


def test_the_browser_modules_are_read_from_their_mark(tmp_path: Path) -> None:
    folder = tmp_path / "tests"
    folder.mkdir()
    (folder / "test_page.py").write_text(
        "import pytest\n\npytestmark = pytest.mark.browser\n", encoding="utf-8"
    )
    (folder / "test_data.py").write_text(
        "import pytest\n\n# pytestmark = pytest.mark.browser\n"
        "@pytest.mark.browser\ndef test_one() -> None: ...\n",
        encoding="utf-8",
    )
    assert _browser_modules(folder) == {"tests/test_page.py"}


def test_browser_tests_are_one_unit_of_work_and_others_their_own() -> None:
    assert "tests/test_accessibility.py" in BROWSER_MODULES
    assert "tests/test_build.py" not in BROWSER_MODULES
    for module in BROWSER_MODULES:
        assert work_unit(f"{module}::test_x[fi-home]") == "browser"
    other = "tests/test_build.py::test_every_internal_link_resolves"
    assert work_unit(other) == other
