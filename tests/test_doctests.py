"""The examples in the package's docstrings, run against the package as
installed. The extraction modules are compiled with mypyc, so pytest's own
--doctest-modules (which imports each .py file by path) cannot collect
them: the examples are read from the source and run in the namespace of
the imported module, compiled or not."""
from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

import newsfacts

PACKAGE = Path(newsfacts.__file__).parent


def _examples() -> list[doctest.DocTest]:
    parser = doctest.DocTestParser()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        module_name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        for node in nodes:
            docstring = ast.get_docstring(node, clean=True)
            if not docstring or ">>>" not in docstring:
                continue
            name = f"{module_name}.{getattr(node, 'name', '')}".rstrip(".")
            found.append(parser.get_doctest(docstring, {"__module_name__": module_name}, name, str(path),
                                            getattr(node, "lineno", 0)))
    return found


EXAMPLES = _examples()


def test_docstrings_have_examples() -> None:
    assert len(EXAMPLES) >= 10  # the collection above works, so the runs below mean something


# Examples of what needs an optional extra, by the name of the docstring.
NEEDS_EXTRA = {"newsfacts.to_dataframe": "pandas", "newsfacts.io.dataframe.to_dataframe": "pandas"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_docstring_example(example: doctest.DocTest) -> None:
    if example.name in NEEDS_EXTRA:
        pytest.importorskip(NEEDS_EXTRA[example.name])
    module = importlib.import_module(example.globs.pop("__module_name__"))
    example.globs.update(vars(module))
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    result = runner.run(example, out=report.append)
    assert result.failed == 0, "".join(report)
