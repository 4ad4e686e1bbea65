"""Snapshots: the claims the command line gives for every text in samples/.

tests/golden/NAME.jsonl is a snapshot of today's output for
samples/NAME.txt, not the truth: the truth is the gold of the dev set
(../shared/data/dev/gold, annotated by hand per ANNOTATION.md), which
tools/score.py measures against. A snapshot makes every change of output
visible; it is compared as parsed records, so only what the claims say
counts, not how the JSON is spelled.

After a deliberate change, `make golden` (python tests/test_golden.py
--regenerate) rewrites the snapshots and prints each changed claim with
whether it moved toward the gold or away from it; read that before
committing.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
GOLD = ROOT.parent / "shared" / "data" / "dev" / "gold"
# The fields a snapshot change is judged on, as tools/score.py judges them.
_EXACT = ("value", "low", "high", "unit", "kind", "qualifier", "change")
_PHRASES = ("measure", "time", "entity")


def run_cli(sample: Path) -> str:
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", f"samples/{sample.name}"])
    assert result.exit_code == 0, result.output
    return result.stdout


def parsed(jsonl: str) -> list[dict]:
    return [json.loads(line) for line in jsonl.splitlines() if line.strip()]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_sample_matches_its_snapshot(sample: Path, in_root) -> None:
    snapshot = parsed((GOLDEN / f"{sample.stem}.jsonl").read_text(encoding="utf-8"))
    now = parsed(run_cli(sample))
    changed = [line for line in _changes(snapshot, now, _gold(sample.stem))]
    assert not changed, "output differs from the snapshot (make golden shows it):\n" + "\n".join(changed)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_spans_point_into_the_text(sample: Path) -> None:
    content = sample.read_text(encoding="utf-8")
    for claim in parsed((GOLDEN / f"{sample.stem}.jsonl").read_text(encoding="utf-8")):
        assert content[claim["start"] : claim["end"]] == claim["text"]


def test_every_sample_has_a_snapshot() -> None:
    assert SAMPLES
    assert {s.stem for s in SAMPLES} == {g.stem for g in GOLDEN.glob("*.jsonl")}


def _gold(stem: str) -> list[dict] | None:
    path = GOLD / f"{stem}.jsonl"
    return parsed(path.read_text(encoding="utf-8")) if path.exists() else None


def _changes(before: list[dict], after: list[dict], gold: list[dict] | None) -> list[str]:
    """One line per claim that differs between two snapshots, saying which
    fields changed and, where the dev set's gold is at hand, whether each
    moved toward it or away from it."""
    old = {(c["start"], c["end"]): c for c in before}
    new = {(c["start"], c["end"]): c for c in after}
    lines = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        truth = _gold_claim(gold, key) if gold is not None else None
        text = (b or a or {}).get("text")
        if a is None or b is None:
            found = "gone" if b is None else "new"
            verdict = "" if gold is None else (" (in the gold)" if truth else " (not in the gold)")
            lines.append(f"  {key[0]}-{key[1]} {text}: {found}{verdict}")
            continue
        fields = [name for name in a if a.get(name) != b.get(name) and name != "sentence"]
        for name in fields:
            lines.append(f"  {key[0]}-{key[1]} {text}: {name} {a.get(name)!r} -> {b.get(name)!r}"
                         + _direction(name, a.get(name), b.get(name), truth, gold is not None))
    return lines


def _gold_claim(gold: list[dict], key: tuple[int, int]) -> dict | None:
    """The gold claim whose span overlaps KEY most, as the scorer matches them."""
    best, overlap = None, 0
    for claim in gold:
        shared = min(key[1], claim["end"]) - max(key[0], claim["start"])
        if shared > overlap:
            best, overlap = claim, shared
    return best


def _direction(name: str, old, new, truth: dict | None, have_gold: bool) -> str:
    if not have_gold:
        return ""
    if truth is None:
        return " (no gold claim here)"
    if name not in _EXACT + _PHRASES:
        return ""
    expected = truth.get(name)
    if name in _PHRASES:
        before, after = _overlap(old, expected), _overlap(new, expected)
    else:
        before, after = float(old == expected), float(new == expected)
    if after > before:
        return f"  toward the gold ({expected!r})"
    if after < before:
        return f"  AWAY from the gold ({expected!r})"
    return f"  neither nearer nor further from the gold ({expected!r})"


def _overlap(found, expected) -> float:
    """Character-overlap F1 of two phrases (1 when both are None)."""
    if not found or not expected:
        return float(not found and not expected)
    common = sum(min(found.count(ch), expected.count(ch)) for ch in set(found))
    if not common:
        return 0.0
    precision, recall = common / len(found), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def regenerate() -> None:
    os.chdir(ROOT)
    GOLDEN.mkdir(exist_ok=True)
    for stale in GOLDEN.glob("*.jsonl"):
        if not (ROOT / "samples" / f"{stale.stem}.txt").exists():
            stale.unlink()
            print(f"removed tests/golden/{stale.name} (no such sample)")
    for sample in SAMPLES:
        path = GOLDEN / f"{sample.stem}.jsonl"
        now = run_cli(sample)
        before = parsed(path.read_text(encoding="utf-8")) if path.exists() else []
        changes = _changes(before, parsed(now), _gold(sample.stem))
        path.write_text(now, encoding="utf-8")
        if changes:
            print(f"tests/golden/{path.name}: {len(changes)} change(s)")
            print("\n".join(changes))
    print("snapshots written; review `git diff tests/golden` before committing")


if __name__ == "__main__" and "--regenerate" in sys.argv:
    regenerate()
