"""`bench --concurrency`: wall time of the LLM loop against a server that is slow to answer.

A scripted OpenAI-compatible server (tests/cli/fault_openai.py) answers every request after
`--delay` seconds; `abduce bench` runs `--limit` ARC tasks through the LLM loop with
`--max-calls` calls each, once at each concurrency, timed end to end (start-up included), at
a stated price per million tokens. Besides the command's wall time (start-up included) it
reports the tasks' span: from the first task's start to the last one's end, as the results
lines record them. Prints Markdown for RESULTS.md.

    python benchmarks/concurrency.py [--limit 20] [--max-calls 4] [--delay 1]
                                     [--concurrency 1 8] [--price-in 0.15] [--price-out 0.60]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the test's scripted server
from abduce.bench import read_results  # noqa: E402
from tests.cli.fault_openai import FaultServer  # noqa: E402


def run(args: argparse.Namespace, base: str, concurrency: int, out: Path) -> float:
    """Wall seconds of one `abduce bench` command."""
    command = [sys.executable, "-m", "abduce", "bench", "arc1-training",
               "--limit", str(args.limit), "--planner", "llm", "--max-calls", str(args.max_calls),
               "--llm", f"openai-compatible:{base}#fake", "--no-cache", "--out", str(out),
               "--concurrency", str(concurrency), "--price-in", str(args.price_in),
               "--price-out", str(args.price_out)]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--max-calls", type=int, default=4)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--price-in", type=float, default=0.15)
    parser.add_argument("--price-out", type=float, default=0.60)
    args = parser.parse_args()
    rows = []
    for concurrency in args.concurrency:
        server = FaultServer()
        server.delay = args.delay
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "runs.jsonl"
            seconds = run(args, server.base, concurrency, out)
            lines = read_results(out)
        server.stop()
        assert len(lines) == args.limit, f"{len(lines)} lines"
        calls = sum(line.llm_calls for line in lines)
        tokens = sum(line.tokens_in + line.tokens_out for line in lines)
        cost = sum(line.cost or 0.0 for line in lines)
        ends = [line.finished_at or 0.0 for line in lines]
        span = max(ends) - min(end - line.seconds for end, line in zip(ends, lines, strict=True))
        rows.append((concurrency, seconds, span, calls, server.peak, tokens, cost))
    print("| concurrency | command wall s | speed-up | tasks' span s | speed-up | model calls "
          "| most in flight | tokens | cost $ |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    first = rows[0]
    for concurrency, seconds, span, calls, peak, tokens, cost in rows:
        faster = f"{first[1] / seconds:.1f}× | {span:.1f} | {first[2] / span:.1f}×"
        print(f"| {concurrency} | {seconds:.1f} | {faster} | {calls} | {peak} | {tokens:,} "
              f"| {cost:.4f} |")  # fmt: skip


if __name__ == "__main__":
    main()
