#!/usr/bin/env python3
"""Inputs that once crashed portal or took time and memory out of all proportion (issue 14:
a security review and cmark's pathological inputs), each built by the release portal as a
small site of its own, at the sizes they were reported at. Each should take well under a
second; a crash or a hang shows here as a time of its own, never as a pass. Run by
`make bench` after the speed table, or alone: python3 Benchmarks/pathological.py."""

import pathlib
import re
import shutil
import statistics
import subprocess
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
PORTAL = REPO / ".build" / "release" / "portal"

SITE = """name: Test Safeguarding Children Board
short_name: Test LSCB
base_url: https://lscb.example.org
description: A test site.
navigation:
  - title: Home
    url: /
doors:
  - title: Home
    url: /
    text: The home page.
contacts:
  - label: If a child is in immediate danger
    phone: "999"
contacts_page: /
quick_exit: https://www.bbc.co.uk/weather
quick_exit_help: /
footer:
  - title: Home
    url: /
"""


def page(body, front=""):
    return f"---\ntitle: A page\nsummary: A summary.\n{front}---\n{body}\n"


def cases():
    nested = "*a **a " * 53_000 + "b" + " a** a*" * 53_000
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{level}: &{level} [{','.join(['*' + previous] * 9)}]\n" for level, previous in zip("bcdefghi", "abcdefgh"))
    return [
        ("a heading in 53,000 levels of emphasis", {"deep.md": page("## " + nested)}),
        ("alt text in 53,000 levels of emphasis", {"deep.md": page("![" + nested + "](/assets/site.css)")}),
        ("20,000 headings with the same text", {"same.md": page("## a\n\n" * 20_000)}),
        ("30,000 images inside images", {"images.md": page("![" * 30_000 + "a" + "](/assets/site.css)" * 30_000)}),
        ("40,000 links on one line", {"links.md": page("[a](/) " * 40_000)}),
        ("5,000 broken links on one line (refused)", {"broken.md": page("[a](/nowhere/) " * 5_000)}),
        ("40,000 links to a page of 40,000 headings", {
            "long.md": page("\n\n".join(f"## Part {n}" for n in range(1, 40_001))),
            "links.md": page("\n".join(f"[x](/long/#part-{n})" for n in range(1, 40_001)))}),
        ("front matter with 100,000 names", {"names.md": page("Text.", "".join(f"name{n}: value\n" for n in range(100_000)))}),
        ("337 bytes of YAML aliases in front matter (refused)", {"bomb.md": page("Text.", bomb)}),
        ("337 bytes of YAML aliases in a data file (refused)", {"data/business-plan-2013-14.yaml": bomb}),
        ("a CSV file with a million columns (refused)", {
            "data/wide.csv": "a" + ",1" * 1_000_000 + "\n",
            "table.md": page("```table\nfile: wide.csv\ncaption: Wide\n```")}),
    ]


def build(content, output):
    return subprocess.run([str(PORTAL), "build", "--no-search-index", "--content", str(content), "--theme", str(REPO / "Theme"),
                           "--output", str(output), "--now", "2026-11-21", "--force"], capture_output=True)


def peak_rss_mb(content, output):
    result = subprocess.run(["/usr/bin/time", "-v", str(PORTAL), "build", "--no-search-index", "--content", str(content), "--theme",
                             str(REPO / "Theme"), "--output", str(output), "--now", "2026-11-21", "--force"],
                            capture_output=True, text=True)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return int(match.group(1)) / 1024 if match else float("nan")


def main(rounds=3):
    print("\npathological inputs, release build, median of", rounds, "builds each (target < 1 s each):")
    print(f"  {'input':<52} {'median s':>8} {'peak RSS MB':>12}  outcome")
    slowest = 0.0
    for name, files in cases():
        root = pathlib.Path(tempfile.mkdtemp(prefix="pathological-", dir="/dev/shm"))
        try:
            content = root / "Content"
            for path, text in {"site.yaml": SITE, "index.md": page("Home."), **files}.items():
                (content / path).parent.mkdir(parents=True, exist_ok=True)
                (content / path).write_text(text)
            times, outcome = [], ""
            for _ in range(rounds):
                start = time.perf_counter()
                result = build(content, root / "Site")
                times.append(time.perf_counter() - start)
                outcome = {0: "built", 1: "refused, located"}.get(result.returncode, f"exit {result.returncode}")
                if result.returncode == 1 and not re.search(rb":\d+:\d+: error: ", result.stderr):
                    outcome = "refused, NOT located"
            median = statistics.median(times)
            slowest = max(slowest, median)
            print(f"  {name:<52} {median:>8.2f} {peak_rss_mb(content, root / 'Site'):>12.0f}  {outcome}")
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print(f"slowest: {slowest:.2f} s (target < 1 s)")


if __name__ == "__main__":
    main()
