"""How many of the development texts' claims get a currency, a norm_value
and a period: the figures that say whether the normalised fields are there
to sum, compare and plot.

Usage (from the repository root):

    .venv/bin/python bench/dev_periods.py
    .venv/bin/python bench/dev_periods.py --newsfacts .venv-compiled/bin/newsfacts
    .venv/bin/python bench/dev_periods.py --sample 40 --seed 14   # claims to check by hand

Each text of --data/texts is run through `newsfacts extract --format jsonl`
twice: as it is, and with `--date` from bench/dev_dates.tsv where that
table gives one (the date read by eye from the text's own words, for the
texts whose dateline or date line the reader does not find). Printed:

- money and price claims with a `currency`;
- physical claims (PHYSICAL_KINDS) with a `norm_value` (a range: with
  `norm_low` and `norm_high`);
- claims with a `time` that get a `period`, without and with the dates, for
  all texts and for the texts with a date (carried or given);
- a line per text with a date: its timed claims, and how many get a
  period without and with it.

--sample N prints N claims for reading against the text, with their time,
period, unit, norm_unit and currency (the dates given where the table has
one): N // --texts claims from each of --texts texts, all chosen at random
(--seed). --timed-sample N prints N claims with a time from the texts with
a date, to check how their periods were resolved.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATES = ROOT / "bench" / "dev_dates.tsv"
MONEY_KINDS = ("money", "price")
# The kinds with a unit of measurement that converts (README, "Normalised
# units"); counts, percentages and multiples only take the kind's name.
PHYSICAL_KINDS = ("weight", "area", "length", "volume", "energy", "power", "speed", "temperature", "duration")


@dataclass(frozen=True)
class DatedText:
    name: str
    date: str  # YYYY-MM-DD, or "" where the text does not tell it
    how: str  # carried, dateline, latest, year or none (see the table's header)


def read_dates(path: Path) -> list[DatedText]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t")
    return [DatedText(row["text"], row["date"], row["how"]) for row in reader]


def claims_of(newsfacts: str, text: Path, date: str) -> list[dict[str, object]]:
    command = [newsfacts, "extract", "--format", "jsonl", str(text)]
    if date:
        command += ["--date", date]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        sys.exit(f"{text}: newsfacts failed: {done.stderr.strip()}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def share(part: int, whole: int) -> str:
    return f"{part} of {whole}" + (f" ({part / whole:.0%})" if whole else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "dev",
                        help="the development set (its texts/ folder is read)")
    parser.add_argument("--dates", type=Path, default=DATES, help="the table of the texts' dates")
    parser.add_argument("--newsfacts", default=str(ROOT / ".venv" / "bin" / "newsfacts"), help="the command to run")
    parser.add_argument("--sample", type=int, default=0, help="print this many claims of --texts texts")
    parser.add_argument("--texts", type=int, default=10, help="how many texts --sample draws from")
    parser.add_argument("--timed-sample", type=int, default=0, help="print this many timed claims of the dated texts")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    texts = sorted((args.data / "texts").glob("*.txt"))
    if not texts:
        sys.exit(f"{args.data / 'texts'}: no texts")
    dates = {row.name: row for row in read_dates(args.dates)}
    missing = [text.name for text in texts if text.name not in dates]
    if missing:
        sys.exit(f"{args.dates}: no row for {', '.join(missing)}")

    money = money_with_currency = physical = physical_normalised = 0
    timed = periods_bare = periods_dated = 0
    dated_timed = dated_periods_bare = dated_periods_dated = 0
    dated_claims: list[tuple[str, dict[str, object]]] = []
    claims_by_text: dict[str, list[dict[str, object]]] = {}
    per_text: list[str] = []
    for text in texts:
        row = dates[text.name]
        bare = claims_of(args.newsfacts, text, "")
        given = row.date if row.how != "carried" else ""
        dated = claims_of(args.newsfacts, text, given) if given else bare
        if [c["text"] for c in bare] != [c["text"] for c in dated]:
            sys.exit(f"{text.name}: --date changed which claims were found")
        claims_by_text[text.name] = dated
        for claim in bare:
            if claim["kind"] in MONEY_KINDS:
                money += 1
                money_with_currency += claim["currency"] is not None
            if claim["kind"] in PHYSICAL_KINDS:
                physical += 1
                # A range (3到4天) has norm_low and norm_high instead.
                physical_normalised += claim["norm_value"] is not None or claim["norm_low"] is not None
        text_timed = [(b, d) for b, d in zip(bare, dated) if b["time"] is not None]
        text_bare = sum(b["period"] is not None for b, _ in text_timed)
        text_dated = sum(d["period"] is not None for _, d in text_timed)
        timed += len(text_timed)
        periods_bare += text_bare
        periods_dated += text_dated
        if row.date:
            dated_timed += len(text_timed)
            dated_periods_bare += text_bare
            dated_periods_dated += text_dated
            dated_claims += [(text.name, d) for _, d in text_timed]
            per_text.append(f"  {text.name[:40]:40} {row.date:10} {row.how:8}"
                            f" timed {len(text_timed):3}  period {text_bare:3} -> {text_dated:3}")

    print(f"money and price claims with a currency: {share(money_with_currency, money)}")
    print(f"physical claims with a norm_value:      {share(physical_normalised, physical)}")
    print(f"claims with a time that get a period, all {len(texts)} texts:")
    print(f"  without --date: {share(periods_bare, timed)}")
    print(f"  with the dates: {share(periods_dated, timed)}")
    print(f"the same for the {len(per_text)} texts with a date (carried or given):")
    print(f"  without --date: {share(dated_periods_bare, dated_timed)}")
    print(f"  with the dates: {share(dated_periods_dated, dated_timed)}")
    print("\n".join(per_text))
    chance = random.Random(args.seed)
    if args.sample:
        names = chance.sample(sorted(claims_by_text), min(args.texts, len(claims_by_text)))
        each = max(1, args.sample // len(names))
        print(f"\n{each} claims from each of {len(names)} texts:")
        for name in sorted(names):
            claims = claims_by_text[name]
            for claim in sorted(chance.sample(claims, min(each, len(claims))), key=lambda c: c["start"]):
                show(name, claim)
    if args.timed_sample:
        print(f"\n{args.timed_sample} claims with a time, from the texts with a date:")
        chosen = chance.sample(dated_claims, min(args.timed_sample, len(dated_claims)))
        for name, claim in sorted(chosen, key=lambda pair: (pair[0], pair[1]["start"])):
            show(name, claim)
    return 0


def show(name: str, claim: dict[str, object]) -> None:
    print(f"{name[:3]} line {claim['line']}: {claim['text']}  time={claim['time']} period={claim['period']}"
          f" unit={claim['unit']} norm_unit={claim['norm_unit']} norm_value={claim['norm_value']}"
          f" currency={claim['currency']}\n    {claim['sentence']}")


if __name__ == "__main__":
    raise SystemExit(main())
