"""Time to the first token of a new process with the local model: cold (no saved state) and
warm (the state a previous process saved after its first call with the same system prompt).

Each run is a fresh interpreter that builds the local model and asks it the first call of an
ARC task (the system prompt with the DSL reference, then the task), one token, with no
response cache. The saved states live in a temporary cache directory; the model file is the
one abduce uses. Prints a Markdown table for benchmarks/RESULTS.md.

    python benchmarks/prefix_state.py [--task 007bbfb7] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from abduce.agent.local_model import model_path

CHILD = """
import json, sys, time
started = time.monotonic()
from langchain_core.messages import HumanMessage
from abduce.agent import make_llm
from abduce.agent.prompts import task_messages
from abduce.tasks import ArcDomain, find_arc_task
messages = task_messages(ArcDomain(), find_arc_task(sys.argv[1]))
messages.append(HumanMessage("Say one word."))
imported = time.monotonic()
llm = make_llm("local", use_cache=False)
loaded = time.monotonic()
llm.invoke(messages, max_tokens=1)
answered = time.monotonic()
print(json.dumps({"imports": imported - started, "load": loaded - imported,
                  "first_token": answered - loaded, "total": answered - started}))
"""


def run_once(task: str, cache: Path, model: Path) -> dict[str, float]:
    """One fresh process's timings (seconds)."""
    env = {**os.environ, "ABDUCE_CACHE_DIR": str(cache), "ABDUCE_MODEL": str(model)}
    said = subprocess.run([sys.executable, "-c", CHILD, task], env=env, capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    timings: dict[str, float] = json.loads(said.strip().splitlines()[-1])
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", default="007bbfb7")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    model = model_path()
    rows: dict[str, list[dict[str, float]]] = {"cold": [], "warm": []}
    for _ in range(args.repeats):
        with tempfile.TemporaryDirectory() as cache:
            rows["cold"].append(run_once(args.task, Path(cache), model))
            rows["warm"].append(run_once(args.task, Path(cache), model))
            saved = sum(path.stat().st_size for path in Path(cache, "kv").glob("*.kv"))
    print(f"task {args.task}, {args.repeats} pairs of runs, state file {saved / 1e6:.0f} MB\n")
    print("| process | imports s | model load s | time to first token s | total s |")
    print("|---|---|---|---|---|")
    for name, runs in rows.items():
        cells = [statistics.median(run[key] for run in runs) for key in
                 ("imports", "load", "first_token", "total")]  # fmt: skip
        print(f"| {name} | " + " | ".join(f"{cell:.1f}" for cell in cells) + " |")


if __name__ == "__main__":
    main()
