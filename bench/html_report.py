"""The HTML report of a large corpus: how long it takes to write, how large
it is, and how long headless chromium takes to open it, open a document
and apply a kind filter.

Usage (from the repository root, with the project's virtualenv, and
Debian's chromium and chromium-driver installed):

    .venv/bin/python bench/html_report.py                # 1,000 documents
    .venv/bin/python bench/html_report.py --documents 50 # quick check

Steps:

1. Build a JSON Lines corpus of --documents records, each made of
   --paragraphs paragraphs drawn (random.Random(--seed)) from the non-empty
   lines of samples/*.txt, with a blank line after every 10. Written to
   bench/corpus-report.jsonl.
2. Run `newsfacts extract --jsonl-field content --id-field id
   bench/corpus-report.jsonl -o bench/out-report.html` as a child process
   (wall time: extraction and report), then, in this process, extract the
   same corpus and time the report's writing alone.
3. In headless chromium at 1280x800: load the page (until its script has
   run), open the middle document, apply a kind filter (until the browser
   has laid the page out again) and clear it, each timed in the page with
   performance.now() and from outside by Selenium's round trip.
4. Print the figures; --json PATH writes them as JSON as well.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus-report.jsonl"
REPORT = ROOT / "bench" / "out-report.html"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000, help="records in the corpus (default 1000)")
    parser.add_argument("--paragraphs", type=int, default=55, help="paragraphs per record (default 55)")
    parser.add_argument("--seed", type=int, default=1, help="seed for drawing paragraphs (default 1)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here as JSON")
    return parser.parse_args(argv)


def build_corpus(documents: int, paragraphs: int, seed: int) -> None:
    lines = [line.strip() for path in sorted((ROOT / "samples").glob("*.txt"))
             for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    chooser = random.Random(seed)
    with CORPUS.open("w", encoding="utf-8") as out:
        for number in range(documents):
            drawn = [chooser.choice(lines) for _ in range(paragraphs)]
            text = "\n\n".join("\n".join(drawn[i:i + 10]) for i in range(0, len(drawn), 10))
            out.write(json.dumps({"id": f"doc-{number:04d}", "content": text}, ensure_ascii=False) + "\n")


def write_report() -> dict:
    executable = Path(sys.executable).with_name("newsfacts")
    started = time.perf_counter()
    subprocess.run([str(executable), "extract", "--quiet", "--jsonl-field", "content", "--id-field", "id",
                    str(CORPUS), "-o", str(REPORT)], check=True)
    command = time.perf_counter() - started

    import newsfacts
    from newsfacts.io.html_report import Report

    report = Report()
    for line in CORPUS.open(encoding="utf-8"):
        record = json.loads(line)
        report.add(record["id"], record["content"], newsfacts.extract(record["content"], source=record["id"]))
    started = time.perf_counter()
    claims = report.write(io.StringIO())
    rendering = time.perf_counter() - started
    return {"documents": len(report.documents), "claims": claims, "command_s": round(command, 2),
            "report_writing_s": round(rendering, 2), "report_bytes": REPORT.stat().st_size}


def browse() -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)
    try:
        driver.set_window_size(1280, 800)
        started = time.perf_counter()
        driver.get(REPORT.as_uri())  # returns once the page has loaded and its script has run
        load_outside = time.perf_counter() - started
        load = driver.execute_script(
            "var t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime")
        middle = driver.execute_script("return document.querySelectorAll('script[id^=d]').length") // 2
        timed = """
            var done = arguments[arguments.length - 1], started = performance.now();
            (%s)();
            document.body.offsetHeight;  // the layout the change asks for
            requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - started); }, 0); });
        """
        driver.set_script_timeout(30)
        opening = driver.execute_async_script(timed % f"function () {{ location.hash = '#d{middle}'; "
                                              "window.dispatchEvent(new HashChangeEvent('hashchange')); }")
        kind = driver.execute_script("return document.querySelector('#kind-filter option:nth-child(2)').value")
        started = time.perf_counter()
        filtering = driver.execute_async_script(timed % f"function () {{ var s = document.getElementById('kind-filter');"
                                                f" s.value = '{kind}'; s.dispatchEvent(new Event('change')); }}")
        filter_outside = time.perf_counter() - started
        shown = driver.execute_script("return document.getElementById('shown').textContent")
        index = driver.execute_async_script(timed % "function () { location.hash = '#';"
                                            " window.dispatchEvent(new HashChangeEvent('hashchange')); }")
        return {"page_load_ms": round(load), "page_load_outside_s": round(load_outside, 2),
                "open_document_ms": round(opening), "kind_filter_ms": round(filtering),
                "kind_filter_outside_s": round(filter_outside, 2), "filtered": f"{kind}: {shown}",
                "back_to_index_ms": round(index)}
    finally:
        driver.quit()


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    build_corpus(args.documents, args.paragraphs, args.seed)
    figures = {"corpus_bytes": CORPUS.stat().st_size, **write_report(), **browse()}
    for name, value in figures.items():
        print(f"{name:24} {value:,}" if isinstance(value, int) else f"{name:24} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
