"""Throughput benchmark for `newsfacts extract`, against jieba and a bare regex scan.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/run.py                 # 20 MB corpus, seed 1
    .venv/bin/python bench/run.py --mb 1          # quick check / CI
    .venv/bin/python bench/run.py --json bench/out-figures.json

Steps:

1. Build a corpus of at least --mb megabytes (10^6 bytes of UTF-8) from
   samples/*.txt: every non-empty line of every sample is a paragraph; the whole
   paragraph list is shuffled (random.Random(--seed)) and appended again and again
   until the size is reached. Paragraphs are joined with "\\n", with a blank line
   after every 30 of them, so the text still looks like a run of news articles.
   Written to bench/corpus.txt.
2. Run `newsfacts extract bench/corpus.txt --format jsonl -o bench/out.jsonl --quiet`
   as a child process; wall time, and that child's own peak RSS (os.wait4, in
   a small Python process of its own, so that this one's memory stays out).
   Claims are the lines of bench/out.jsonl.
3. On the same text, in this process: jieba.lcut over the whole corpus (after
   jieba.initialize(), so dictionary loading is not counted) as the reference, and
   counting re.finditer(r"\\d+", text) as the floor.
4. Long paragraphs: the first --long-mb megabytes of the corpus, its
   line breaks taken out so that each paragraph is one line of about
   LONG_PARAGRAPH_CHARS characters (thousands of sentences, as wire copy
   without line breaks), written to bench/long-paragraphs.txt and run as in
   step 2. Its throughput should be that of the corpus: the work for a
   claim's time and entity does not grow with its paragraph.
5. Cold start: `newsfacts extract SMALLEST_SAMPLE --format jsonl` and
   `newsfacts --help`, three runs each, best and median.
6. Print a table; --json PATH writes every figure as JSON as well.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT / "bench" / "corpus.txt"
OUTPUT = ROOT / "bench" / "out.jsonl"
LONG_CORPUS = ROOT / "bench" / "long-paragraphs.txt"
LONG_PARAGRAPH_CHARS = 150_000  # under the 200,000-character line limit
PARAGRAPHS_PER_DOCUMENT = 30
COLD_RUNS = 3
MB = 1_000_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20, help="corpus size in 10^6 bytes (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="shuffle seed (default 1)")
    parser.add_argument("--long-mb", type=float, default=2, help="size of the long-paragraph case (default 2)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write all figures here as JSON")
    return parser.parse_args(argv)


def newsfacts_executable() -> str:
    beside = Path(sys.executable).with_name("newsfacts")
    if beside.exists():
        return str(beside)
    found = shutil.which("newsfacts")
    if found is None:
        sys.exit("newsfacts executable not found next to this python nor on PATH")
    return found


def sample_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        paragraphs.extend(line.strip() for line in text.splitlines() if line.strip())
    if not paragraphs:
        sys.exit(f"no paragraphs found in {SAMPLES}/*.txt")
    return paragraphs


def build_corpus(paragraphs: list[str], target_bytes: int, seed: int) -> str:
    """Shuffled rounds of all paragraphs until at least target_bytes of UTF-8."""
    rng = random.Random(seed)
    documents: list[str] = []
    current: list[str] = []
    size = 0
    while size < target_bytes:
        round_ = paragraphs[:]
        rng.shuffle(round_)
        for paragraph in round_:
            current.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 1
            if len(current) == PARAGRAPHS_PER_DOCUMENT:
                documents.append("\n".join(current))
                current = []
                size += 1
            if size >= target_bytes:
                break
    if current:
        documents.append("\n".join(current))
    return "\n\n".join(documents) + "\n"


# The command runs under a small Python of its own that reports the
# command's peak RSS: measured from this process, the figure would include
# this process's own memory (the corpus it built), which a child made by
# vfork shares until it runs the command.
_PEAK_RSS = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\npeak-rss-kb {usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(cmd: list[str]) -> tuple[float, int, str]:
    """Run cmd; return wall seconds, its own peak RSS in KB, and its stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _PEAK_RSS, *cmd], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=ROOT)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.wait()
    seconds = time.perf_counter() - start
    proc.stderr.close()
    stderr, _, peak = stderr.rpartition("\npeak-rss-kb ")
    if proc.returncode != 0 or not peak.strip().isdigit():
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{stderr}")
    return seconds, int(peak), stderr


def long_paragraphs(text: str, target_bytes: int) -> str:
    """The first TARGET_BYTES of TEXT as paragraphs of one line each, of
    about LONG_PARAGRAPH_CHARS characters (sentences joined, line breaks out)."""
    sentences = [s + "。" for line in text.splitlines() for s in line.split("。") if s.strip()]
    lines, current, size, total = [], [], 0, 0
    for sentence in sentences:
        current.append(sentence)
        size += len(sentence)
        total += len(sentence.encode("utf-8"))
        if size >= LONG_PARAGRAPH_CHARS or total >= target_bytes:
            lines.append("".join(current))
            current, size = [], 0
            if total >= target_bytes:
                break
    if current:
        lines.append("".join(current))
    return "\n\n".join(lines) + "\n"


def bench_newsfacts(exe: str, corpus_bytes: int, path: Path = CORPUS) -> dict:
    corpus, output = str(path.relative_to(ROOT)), str(OUTPUT.relative_to(ROOT))
    cmd = [exe, "extract", corpus, "--format", "jsonl", "-o", output, "--quiet"]
    seconds, rss_kb, _ = run_measured(cmd)
    with OUTPUT.open("rb") as f:
        claims = sum(1 for _ in f)
    return {
        "command": cmd,
        "mb": corpus_bytes / MB,
        "seconds": seconds,
        "mb_per_s": corpus_bytes / MB / seconds,
        "claims": claims,
        "claims_per_s": claims / seconds,
        "peak_rss_mb": rss_kb * 1024 / MB,
    }


def bench_jieba(text: str, corpus_bytes: int) -> dict:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    tokens = jieba.lcut(text)
    seconds = time.perf_counter() - start
    return {"mb": corpus_bytes / MB, "seconds": seconds, "mb_per_s": corpus_bytes / MB / seconds, "tokens": len(tokens)}


def bench_regex(text: str, corpus_bytes: int) -> dict:
    start = time.perf_counter()
    matches = sum(1 for _ in re.finditer(r"\d+", text))
    seconds = time.perf_counter() - start
    return {"mb": corpus_bytes / MB, "seconds": seconds, "mb_per_s": corpus_bytes / MB / seconds, "matches": matches}


def bench_repeated(cmd: list[str], runs: int = COLD_RUNS) -> dict:
    times = [_wall_seconds(cmd) for _ in range(runs)]
    return {"command": cmd, "runs": times, "best": min(times), "median": statistics.median(times)}


def _wall_seconds(cmd: list[str]) -> float:
    """CMD's wall time, started directly (a cold start, with nothing around it)."""
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {result.returncode}:\n{result.stderr.decode('utf-8', 'replace')}")
    return time.perf_counter() - start


def pipeline_compiled(exe: str) -> str:
    """"yes" when the installed newsfacts.core.pipeline is a compiled extension
    (an editable install, or NEWSFACTS_COMPILE=0, leaves it interpreted)."""
    python = Path(exe).with_name("python")
    probe = "import newsfacts.core.pipeline as p; print('yes' if not p.__file__.endswith('.py') else 'no')"
    result = subprocess.run([str(python) if python.exists() else sys.executable, "-c", probe],
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def smallest_sample() -> Path:
    return min(SAMPLES.glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))


def summary_lines(results: dict) -> list[str]:
    cold, help_ = results["cold_start"], results["help"]
    return [
        f"extraction modules compiled (mypyc): {results['compiled']}",
        f"newsfacts / jieba throughput ratio: {results['ratio_newsfacts_to_jieba']:.2f}",
        f"cold start (shortest sample): best {cold['best']:.2f}s, median {cold['median']:.2f}s",
        f"--help: best {help_['best']:.2f}s, median {help_['median']:.2f}s",
    ]


def table_rows(results: dict) -> list[list[str]]:
    nf, jb, rx = results["newsfacts"], results["jieba"], results["regex"]
    return [
        ["newsfacts extract", f"{nf['mb']:.2f}", f"{nf['seconds']:.2f}", f"{nf['mb_per_s']:.3f}",
         f"{nf['claims_per_s']:,.0f}", f"{nf['peak_rss_mb']:.1f}"],
        *([["newsfacts, long paragraphs", f"{lp['mb']:.2f}", f"{lp['seconds']:.2f}", f"{lp['mb_per_s']:.3f}",
             f"{lp['claims_per_s']:,.0f}", f"{lp['peak_rss_mb']:.1f}"]] if (lp := results.get("long_paragraphs")) else []),
        ["jieba.lcut", f"{jb['mb']:.2f}", f"{jb['seconds']:.2f}", f"{jb['mb_per_s']:.3f}", "", ""],
        ["regex \\d+ scan", f"{rx['mb']:.2f}", f"{rx['seconds']:.3f}", f"{rx['mb_per_s']:.1f}", "", ""],
    ]


HEADERS = ["", "input MB", "seconds", "MB/s", "claims/s", "peak RSS MB"]


def print_report(results: dict) -> None:
    rows, lines = table_rows(results), summary_lines(results)
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        print_plain(rows, lines)
        return
    table = Table(title=f"newsfacts benchmark ({results['newsfacts']['claims']:,} claims)")
    for i, header in enumerate(HEADERS):
        table.add_column(header, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    console = Console()
    console.print(table)
    for line in lines:
        console.print(line, markup=False, highlight=False)


def print_plain(rows: list[list[str]], lines: list[str]) -> None:
    widths = [max(len(r[i]) for r in [HEADERS, *rows]) for i in range(len(HEADERS))]
    for row in [HEADERS, *rows]:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    for line in lines:
        print(line)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    exe = newsfacts_executable()

    text = build_corpus(sample_paragraphs(), int(args.mb * MB), args.seed)
    CORPUS.write_text(text, encoding="utf-8")
    corpus_bytes = CORPUS.stat().st_size
    log(f"corpus: {CORPUS.relative_to(ROOT)}, {corpus_bytes / MB:.2f} MB")

    log("running newsfacts extract ...")
    results: dict = {"seed": args.seed, "corpus_bytes": corpus_bytes, "compiled": pipeline_compiled(exe),
                     "newsfacts": bench_newsfacts(exe, corpus_bytes)}
    if args.long_mb > 0:
        LONG_CORPUS.write_text(long_paragraphs(text, int(args.long_mb * MB)), encoding="utf-8")
        log(f"running newsfacts extract on {LONG_CORPUS.relative_to(ROOT)} ...")
        results["long_paragraphs"] = bench_newsfacts(exe, LONG_CORPUS.stat().st_size, LONG_CORPUS)
    log("running jieba.lcut ...")
    results["jieba"] = bench_jieba(text, corpus_bytes)
    results["regex"] = bench_regex(text, corpus_bytes)
    results["ratio_newsfacts_to_jieba"] = results["newsfacts"]["mb_per_s"] / results["jieba"]["mb_per_s"]
    log("timing cold starts ...")
    sample = smallest_sample()
    results["cold_start"] = bench_repeated([exe, "extract", str(sample.relative_to(ROOT)), "--format", "jsonl"])
    results["help"] = bench_repeated([exe, "--help"])

    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
