"""Prompt tokens llama.cpp evaluates per call, with and without reusing the shared task prefix.

Runs the real loop's calls (planner, then the synthesizer on each hypothesis) for a few tasks
with the local model, then replays exactly the same messages with the KV cache cleared before
every call. Prints a Markdown table for benchmarks/RESULTS.md.

    python benchmarks/prefix_reuse.py [--tasks benchmarks/arc1_training_20.txt] [--count 5]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

import llama_cpp
from langchain_core.callbacks import BaseCallbackHandler

import abduce
from abduce.agent import Budget, LLMPlanner, LLMSynthesizer, ModelChannel, make_llm
from abduce.tasks import ArcDomain


class PerfProbe(BaseCallbackHandler):
    """Records llama.cpp's own counters around every call: tokens evaluated and times."""

    def __init__(self, client: llama_cpp.Llama) -> None:
        self.client = client
        self.calls: list[dict] = []
        self.messages: list[list] = []

    def _counters(self) -> tuple[float, float, int, int]:
        data = llama_cpp.llama_perf_context(self.client._ctx.ctx)
        return data.t_p_eval_ms, data.t_eval_ms, data.n_p_eval, data.n_eval

    def on_chat_model_start(self, serialized, messages, **kwargs) -> None:
        self.messages.append(messages[0])
        self.before = self._counters()

    def on_llm_end(self, response, **kwargs) -> None:
        after = self._counters()
        deltas = (a - b for a, b in zip(after, self.before, strict=True))
        prompt_ms, gen_ms, prompt_n, gen_n = deltas
        usage = response.llm_output["token_usage"]
        self.calls.append(
            {
                "prompt_tokens": usage["prompt_tokens"],
                "evaluated": prompt_n,
                "generated": gen_n,
                "prompt_ms": prompt_ms,
                "gen_ms": gen_ms,
            }
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=Path, default=Path("benchmarks/arc1_training_20.txt"))
    parser.add_argument("--count", type=int, default=5)
    args = parser.parse_args()
    ids = [line for line in args.tasks.read_text().split("\n") if line and line[0] != "#"]
    training = abduce.load_arc("training")
    model = make_llm("local", use_cache=False)
    probe = PerfProbe(model.client)
    model.callbacks = [probe]
    channel = ModelChannel(model)
    channel.start(Budget(max_llm_calls=10_000, max_seconds=1e9))
    domain = ArcDomain()
    planner, synthesizer = LLMPlanner(channel, domain), LLMSynthesizer(channel, domain)
    for task_id in ids[: args.count]:
        task = training[task_id]
        for hypothesis in planner.propose(task, []):
            synthesizer.implement(task, hypothesis)
    reused = probe.calls
    replay = PerfProbe(model.client)
    model.callbacks = [replay]
    for messages in probe.messages:
        model.client.reset()
        model.invoke(messages)
    fresh = replay.calls
    report(reused, fresh, args.count)


def report(reused: list[dict], fresh: list[dict], tasks: int) -> None:
    def median(calls: list[dict], key: str) -> float:
        return statistics.median(call[key] for call in calls)

    def rate(calls: list[dict], count: str, ms: str) -> float:
        return sum(c[count] for c in calls) / (sum(c[ms] for c in calls) / 1000)

    print(f"{len(reused)} calls over {tasks} tasks")
    print("| | prompt tokens / call (median) | evaluated / call (median) | evaluated, total |")
    print("|---|---|---|---|")
    for name, calls in (("prefix reused", reused), ("cache cleared", fresh)):
        total = sum(c["evaluated"] for c in calls)
        print(
            f"| {name} | {median(calls, 'prompt_tokens'):.0f} | "
            f"{median(calls, 'evaluated'):.0f} | {total} |"
        )
    print(
        f"generation {rate(reused, 'generated', 'gen_ms'):.1f} tok/s, "
        f"prompt evaluation {rate(fresh, 'evaluated', 'prompt_ms'):.1f} tok/s"
    )


if __name__ == "__main__":
    main()
