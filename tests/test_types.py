"""newsfacts.core type-checks: mypyc compiles it for a regular install and
refuses code mypy rejects, so the pure-Python development build checks it
too, rather than leaving it to the first compiled build."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")
CORE = Path(__file__).resolve().parent.parent / "src" / "newsfacts" / "core"


def test_core_type_checks_as_the_compiled_build_needs() -> None:
    files = sorted(str(path) for path in CORE.rglob("*.py") if path.name != "__init__.py")
    result = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary", *files],
                            capture_output=True, text=True, cwd=CORE.parent.parent, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
