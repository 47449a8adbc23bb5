"""`make bench`: planaudit measured against the floor it cannot go below, in one run, as ratios.

The machine is noisy, so each figure is the median of several runs, and each comparison runs
its two sides alternately. Data sets are generated once (seeded) into benchmarks/.data/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
BIN = Path(sys.executable).parent
PLANAUDIT = str(BIN / "planaudit")
PYTHON = sys.executable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import startup  # noqa: E402
from benchmarks.generate import generate  # noqa: E402

SETS = {"100x100": (100, 100), "1000x100": (1000, 100), "3000x150": (3000, 150)}
PARSE_ONLY = (
    "import sys, yaml\n"
    "from pathlib import Path\n"
    "for path in sorted(Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(path.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)
PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def data_set(name: str) -> Path:
    files, indicators = SETS[name]
    folder = DATA / name
    if len(list(folder.glob("*.yaml"))) != files:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"  generating {name} ({files} files × {indicators} indicators)…", flush=True)
        generate(folder, files, indicators, seed=2018)
    return folder


def seconds(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def medians(first: Sequence[str], second: Sequence[str], runs: int) -> tuple[float, float]:
    """Median seconds of two commands, run alternately so that both see the same noise."""
    a, b = [], []
    for _ in range(runs):
        a.append(seconds(first))
        b.append(seconds(second))
    return statistics.median(a), statistics.median(b)


def peak_mb(command: Sequence[str]) -> float:
    """Peak resident memory of the largest process the command starts, in MB."""
    out = subprocess.run([PYTHON, "-c", PEAK_RSS, *command], capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def check(folder: Path, *options: str, format: str = "json") -> list[str]:
    return [PLANAUDIT, "check", str(folder), "--format", format, "--fail-on", "never", *options]


def report(folder: Path, format: str, *options: str) -> list[str]:
    """`check` writing a report of `format` to a file (a workbook cannot go to stdout)."""
    output = DATA / f"report.{format}"
    return [PLANAUDIT, "check", str(folder), "--format", format, "--fail-on", "never", "-o",
            str(output), *options]  # fmt: skip


def row(label: str, figure: str, goal: str, met: bool) -> None:
    print(f"  {label:<58} {figure:>24}   goal {goal:<12} {'met' if met else 'NOT MET'}")


def ratio(label: str, ours: float, base: float, goal: float) -> None:
    figure = f"{ours:.2f}s / {base:.2f}s = {ours / base:.2f}×"
    row(label, figure, f"≤ {goal}×", ours / base <= goal)


def timed(command: Sequence[str]) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one run."""
    out = subprocess.run(
        [PYTHON, "-c", "import resource, subprocess, sys, time\n"
         "start = time.perf_counter()\n"
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
         "took = time.perf_counter() - start\n"
         "print(took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n", *command],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    took, peak = out.stdout.split()
    return float(took), int(peak) / 1024


def hostile_data() -> Path:
    """The small files with huge costs of issue 10, at two sizes each (to see the growth)."""
    folder = DATA / "hostile"
    if (folder / "done").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    print("  generating the hostile inputs…", flush=True)
    head = "plan: P\nyear: 2018\nas_of: 2018-06-30\n"
    for count in (2_450_000, 4_900_000):
        items = ",".join(["1"] * count)
        (folder / f"ints-{count}.yaml").write_text(f"{head}indicators: [{items}]\n")
    edges = folder / "edges"
    edges.mkdir(exist_ok=True)
    for number in range(4):
        (edges / f"e{number}.yaml").write_text(
            "plan: P\nperiod: {start: 0002-01-01, end: 9998-12-31}\nas_of: 0500-06-30\n"
            "indicators:\n  - name: a\n    target: 100\n    actual: 1\n"
            "    schedule: [10, 30, 60, 100]\n"
        )
    start = date(2018, 1, 1).toordinal()
    for dates in (10_000, 20_000):
        rows = ["plan: P", "period: {start: 2018-01-01, end: 2079-12-31}", "as_of: 2079-12-31",
                "indicators:"]  # fmt: skip
        for indicator in range(3):
            rows.append(f"  - name: i{indicator}\n    target: 100000\n    actual:")
            rows += [f"      {date.fromordinal(start + d)}: {d}" for d in range(dates)]
        (folder / f"history-{dates}.yaml").write_text("\n".join(rows) + "\n")
    clauses = [f"第{i}项工作完成年度任务的{i % 100}%，" for i in range(200_000)]
    (folder / "report.txt").write_text("".join(clauses), encoding="utf-8")
    for quotes in (2_500, 5_000):
        rows = ["plan: P", "year: 2018", "as_of: 2018-06-30", "indicators:"]
        rows += [f'  - name: i{i}\n    source: "第{(i * 7919) % 200_000}项工作完成年度任务的'
                 f'{i % 100}%，第项"' for i in range(quotes)]  # fmt: skip
        (folder / f"quotes-{quotes}.yaml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "done").write_text("")
    return folder


def hostile(runs: int) -> None:
    """Small files with huge costs (issue 10): each run at two sizes; linear time doubles."""
    folder = hostile_data()
    print("hostile inputs: time and peak memory, at half and full size")
    cases = [
        ("4 plans of a 9,997-year period, --forecast (150 bytes each)",
         [PLANAUDIT, "check", str(folder / "edges"), "-f", "json", "--forecast"], None),
        ("history, 3 indicators × 20,000 report dates (10,000)",
         [PLANAUDIT, "history", str(folder / "history-20000.yaml"), "-f", "json"],
         [PLANAUDIT, "history", str(folder / "history-10000.yaml"), "-f", "json"]),
        ("verify, 5,000 quotes against a 9 MB report (2,500)",
         [PLANAUDIT, "verify", str(folder / "quotes-5000.yaml"), "-r", str(folder / "report.txt")],
         [PLANAUDIT, "verify", str(folder / "quotes-2500.yaml"), "-r",
          str(folder / "report.txt")]),
        ("validate, indicators a list of 4.9 M integers, 9.8 MB (2.45 M)",
         [PLANAUDIT, "validate", str(folder / "ints-4900000.yaml")],
         [PLANAUDIT, "validate", str(folder / "ints-2450000.yaml")]),
    ]  # fmt: skip
    for label, full, half in cases:
        took, peak = timed(full)
        if half is None:
            row(label, f"{took:.2f}s, {peak:.0f} MB", "< 2 s", took < 2)
            continue
        half_took, _ = timed(half)
        growth = took / half_took
        row(label, f"{took:.1f}s ({half_took:.1f}s), {peak:.0f} MB", "linear: ≤ 2.5×",
            growth <= 2.5)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--skip-national", action="store_true", help="skip 3,000 × 150")
    parser.add_argument("--skip-hostile", action="store_true", help="skip the hostile inputs")
    arguments = parser.parse_args()
    runs = arguments.runs
    cores = len(os.sched_getaffinity(0))
    print(f"planaudit benchmark — Python {sys.version.split()[0]}, {cores} cores available")
    small, large = data_set("100x100"), data_set("1000x100")

    print("start-up")
    chaoyang = [
        PLANAUDIT,
        "check",
        str(ROOT / "plans" / "chaoyang-2018.yaml"),
        "--fail-on",
        "never",
    ]
    floor = [PYTHON, "-c", "import typer, rich.console, rich.table, yaml"]
    ours, base = medians(chaoyang, floor, runs * 3)
    ratio("check chaoyang-2018.yaml / import typer, rich, yaml", ours, base, 1.3)
    startup.measure(runs * 9, row, DATA)

    print("scale: 1,000 files × 100 indicators")
    size = sum(p.stat().st_size for p in large.glob("*.yaml")) / 1e6
    ours, base = medians(check(large), [PYTHON, "-c", PARSE_ONLY, str(large)], runs)
    ratio(f"check --format json / yaml.load CSafeLoader ({size:.0f} MB)", ours, base, 1.0)
    serial, _ = medians(check(large, "--jobs", "1"), [PYTHON, "-c", "pass"], max(1, runs // 2))
    row("  the same on one process (--jobs 1)", f"{serial:.2f}s = {serial / base:.2f}×", "—", True)

    print("formats for the meeting and the office: 1,000 files × 100 indicators")
    for format in ("html", "xlsx"):
        ours, base = medians(report(large, format), report(large, "json"), runs)
        ratio(f"check --format {format} / --format json (both to a file)", ours, base, 2.0)
        memory = peak_mb(report(large, format, "--jobs", "1"))
        row(f"  peak memory, --format {format} (--jobs 1)", f"{memory:.0f} MB", "≤ 250 MB",
            memory <= 250)  # fmt: skip

    print("growth")
    ten, one = medians(check(large), check(small), runs)
    ratio("1,000 files / 100 files", ten, one, 10.5)
    memory_large = peak_mb(check(large, "--jobs", "1"))
    memory_small = peak_mb(check(small, "--jobs", "1"))
    flat = memory_large <= memory_small * 1.25
    row("peak memory, 100,000 indicators (--jobs 1)", f"{memory_large:.0f} MB", "≤ 250 MB",
        memory_large <= 250)  # fmt: skip
    row("peak memory, 1,000 files / 100 files (--jobs 1)",
        f"{memory_large:.0f} / {memory_small:.0f} MB", "flat", flat)  # fmt: skip
    for format in ("sarif", "gitlab"):  # the CI formats stream too
        big, few = (peak_mb(check(data, "--jobs", "1", format=format)) for data in (large, small))
        row(f"peak memory, --format {format}, 1,000 files / 100 files",
            f"{big:.0f} / {few:.0f} MB", "flat", big <= few * 1.25)  # fmt: skip
    largest = peak_mb(check(large))
    row(f"largest process, 100,000 indicators (--jobs {cores})", f"{largest:.0f} MB", "≤ 250 MB",
        largest <= 250)  # fmt: skip

    if not arguments.skip_hostile:
        hostile(runs)

    if not arguments.skip_national:
        print("national scale: 3,000 files × 150 indicators")
        national = data_set("3000x150")
        took = seconds(check(national))
        row("check --format json", f"{took:.1f}s", "< 30 s", took < 30)


if __name__ == "__main__":
    main()
