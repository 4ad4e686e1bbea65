from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_root(monkeypatch):
    """Run with the repository as the working folder, so sample paths are short."""
    monkeypatch.chdir(ROOT)
    return ROOT
