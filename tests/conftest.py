from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_root(monkeypatch):
    """Run with the repository as the working folder, so sample paths are short."""
    monkeypatch.chdir(ROOT)
    return ROOT


def pytest_sessionstart(session):
    """An editable install made with NEWSFACTS_COMPILE=1 puts compiled
    modules next to their sources; after an edit, the old compiled module
    would still be the one imported and the tests would pass or fail on
    code that is not there."""
    import importlib.machinery

    package = ROOT / "src" / "newsfacts"
    stale = []
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for compiled in package.rglob(f"*{suffix}"):
            source = compiled.with_name(compiled.name[: -len(suffix)] + ".py")
            if source.exists() and source.stat().st_mtime > compiled.stat().st_mtime:
                stale.append(source.name)
    if stale:
        pytest.exit(f"compiled modules older than their sources ({', '.join(sorted(stale))}): "
                    "delete them (make clean) or reinstall with NEWSFACTS_COMPILE=1", returncode=4)
