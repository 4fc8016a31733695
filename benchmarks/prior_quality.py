"""How well each prior predicts the primitives of the programs known to solve training tasks,
independent of the search's luck: bits (−log2 p) per program under the uniform prior, an
out-of-fold learned prior, and the hybrid prior (the model's rules and sketches for the task
mixed into that learned prior, as `--planner hybrid` builds it). Fewer bits is better: the
enumeration's cost of a program is about its bits.

The tasks are those of `--tasks` with a known program (solved by some method: in the corpus,
or in the result files `--results` names);
`--weights` must be trained without them (`abduce prior train --without TASKS --out W`). The
model's replies come from the reply cache when a hybrid run already asked them.

    python benchmarks/prior_quality.py --tasks hs100.txt --weights oof.json [--llm local]
                                       [--results R.jsonl.gz ...] [--no-hybrid]
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Mapping
from pathlib import Path

from abduce.agent.channel import ModelChannel
from abduce.agent.llm import make_llm
from abduce.agent.planner import HybridPlanner, SearchPlanner
from abduce.programs.search.corpus import ARC_SOURCE, from_results, load_corpus
from abduce.programs.search.hints import hint_prior
from abduce.programs.search.learned import searchable_names, weights
from abduce.tasks import ArcDomain, load_arc
from abduce.tasks.arc import load_list


def bits(program: tuple[str, ...], chances: Mapping[str, float]) -> float:
    """−log2 of the chance of each searched primitive the program applies, summed."""
    return sum(-math.log2(chances[name]) for name in program if name in chances)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, required=True, help="a list of training task ids")
    parser.add_argument("--weights", required=True, help="learned weights trained without them")
    parser.add_argument("--results", type=Path, nargs="*", default=[], help="more programs")
    parser.add_argument("--llm", default="local")
    parser.add_argument("--no-hybrid", action="store_true", help="leave the model out")
    args = parser.parse_args()

    programs: dict[str, set[tuple[str, ...]]] = {}
    for entry in load_corpus() + from_results(args.results):
        if entry.source == ARC_SOURCE:
            programs.setdefault(entry.task, set()).add(entry.primitives)
    wanted = [task.id for task in load_list(args.tasks)]
    scored = [task_id for task_id in wanted if task_id in programs]
    training = load_arc("training")
    uniform = dict.fromkeys(searchable_names(), 1 / len(searchable_names()))
    learned = weights(args.weights)
    planner = None
    if not args.no_hybrid:
        channel = ModelChannel(make_llm(args.llm))
        planner = HybridPlanner(channel, ArcDomain(), SearchPlanner())
    rows: dict[str, list[float]] = {"uniform": [], "learned, out of fold": [], "hybrid": []}
    model_seconds: list[float] = []
    for task_id in scored:
        task = training[task_id]
        priors = {"uniform": uniform, "learned, out of fold": learned.prior(task).primitives}
        if planner:
            started = time.monotonic()
            reply = planner.ask(task)
            model_seconds.append(time.monotonic() - started)
            steered = hint_prior(reply, learned.prior(task))
            priors["hybrid"] = steered.prior.primitives
        for name, chances in priors.items():
            rows[name].append(statistics.mean(bits(p, chances) for p in programs[task_id]))
        print(task_id, {name: round(row[-1], 1) for name, row in rows.items() if row}, flush=True)

    print(f"\n{len(scored)} of the {len(wanted)} tasks have known programs; bits per program:\n")
    print("| prior | mean bits | median bits | bits per primitive |")
    print("|---|---|---|---|")
    length = statistics.mean(len(p) for task_id in scored for p in programs[task_id])
    for name, row in rows.items():
        if row:
            mean = statistics.mean(row)
            print(f"| {name} | {mean:.2f} | {statistics.median(row):.2f} | {mean / length:.2f} |")
    if model_seconds:
        print(f"\nthe model's call: median {statistics.median(model_seconds):.1f} s a task")


if __name__ == "__main__":
    main()
