"""The public API as a user of the library meets it: what `import
newsfacts` offers, help() on it, the type information it ships, and
whether the extraction stages run compiled."""
from __future__ import annotations

import importlib.resources
import inspect

import newsfacts


def test_dir_lists_the_public_api() -> None:
    assert dir(newsfacts) == sorted([*newsfacts.__all__, "__version__"])
    for name in newsfacts.__all__:
        assert getattr(newsfacts, name) is not None


def test_help_shows_what_extract_does() -> None:
    doc = inspect.getdoc(newsfacts.extract)
    assert doc and doc.startswith("Every quantitative claim in TEXT")
    assert list(inspect.signature(newsfacts.extract).parameters) == [
        "text", "source", "offset", "first_line", "kinds", "min_value", "small_counts", "document_date", "currency",
        "provenance"]
    assert inspect.getdoc(newsfacts.extract_file)


def test_the_package_ships_its_type_information() -> None:
    assert (importlib.resources.files("newsfacts") / "py.typed").is_file()


def test_the_dask_helpers_are_reachable_as_documented() -> None:
    # newsfacts.dask.extract_bag, as the README shows; the module itself
    # imports dask only when called.
    assert callable(newsfacts.dask.extract_bag)


def test_extract_gives_claims() -> None:
    (claim,) = newsfacts.extract("攸县卫生厕所普及率达93.59%。")
    assert isinstance(claim, newsfacts.Claim)
    assert claim.kind is newsfacts.Kind.PERCENT


def test_version_says_how_the_extraction_was_installed() -> None:
    from typer.testing import CliRunner

    from newsfacts.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    import newsfacts.core.pipeline as pipeline

    compiled = not pipeline.__file__.endswith(".py")
    assert result.stdout.startswith(f"newsfacts {newsfacts.__version__} (")
    assert ("compiled with mypyc" in result.stdout) == compiled
