"""Grade-school word problems (GSM8K train, `../shared/data/gsm8k_train_500.jsonl`): the model
answering with chain-of-thought vs the agent's word-problem path. Appends one JSON line per
problem (resumable), then prints a Markdown summary for benchmarks/RESULTS.md.

    python benchmarks/word_problems.py --mode direct --limit 100 --out runs/words_direct.jsonl
    python benchmarks/word_problems.py --mode agent --limit 100 --out runs/words_agent.jsonl
    python benchmarks/word_problems.py --summary runs/words_direct.jsonl runs/words_agent.jsonl

Both are graded against the reference number: the agent by the value it computed, the direct
answer by the number after its last 'ANSWER:'. With the local model, the tokens llama.cpp
actually evaluated (after reusing the KV cache's shared prefix) are counted too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from abduce.agent import ModelChannel, make_llm
from abduce.agent.answer import Agent
from abduce.agent.llm import default_spec
from abduce.agent.models import Budget
from abduce.agent.prompts import prompt_hash
from abduce.agent.word_problems import stated_answer

DATA = Path(__file__).parents[1] / "../shared/data/gsm8k_train_500.jsonl"
DIRECT = "Answer the question. Think step by step, then end with one line 'ANSWER: <number>'."
TOLERANCE = 1e-6


class EvalCounter:
    """Counts the tokens a llama.cpp model evaluates: prompt tokens not reused from its KV
    cache, plus one per generated token."""

    def __init__(self, llm: BaseChatModel) -> None:
        self.count = 0
        client = getattr(llm, "client", None)
        if client is not None and hasattr(client, "eval"):
            evaluate = client.eval

            def counted(tokens: Any) -> None:
                self.count += len(tokens)
                evaluate(tokens)

            client.eval = counted


def right(value: float | None, expected: str) -> bool:
    return value is not None and abs(value - float(expected.replace(",", ""))) <= TOLERANCE


def direct(channel: ModelChannel, question: str) -> dict[str, Any]:
    channel.start(Budget(max_llm_calls=1))
    text = channel.ask([SystemMessage(DIRECT), HumanMessage(question)])
    return {
        "value": stated_answer(text),
        "text": text,
        "verified": None,
        "llm_calls": channel.calls,
        "tokens_in": channel.tokens_in,
        "tokens_out": channel.tokens_out,
    }


def agent_answer(agent: Agent, question: str) -> dict[str, Any]:
    answer = agent.ask(question)
    agent.reset()  # every problem on its own
    return {
        "value": answer.value if isinstance(answer.value, float | int) else None,
        "text": answer.text,
        "verified": answer.verified,
        "check": answer.check,
        "candidates": [candidate.model_dump() for candidate in answer.candidates],
        "llm_calls": answer.llm_calls,
        "tokens_in": answer.tokens_in,
        "tokens_out": answer.tokens_out,
    }


def done(path: Path) -> set[int]:
    """Problem indexes already in a results file (a line torn by a killed run is ignored)."""
    if not path.exists():
        return set()
    indexes = set()
    for text in path.read_text(encoding="utf-8").splitlines():
        try:
            indexes.add(json.loads(text)["index"])
        except json.JSONDecodeError:
            continue
    return indexes


def run(args: argparse.Namespace) -> None:
    problems = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()]
    finished = done(args.out)
    llm = make_llm(args.llm, seed=args.seed, use_cache=False)
    counter = EvalCounter(llm)
    answerer = Agent(llm, seed=args.seed, use_cache=False) if args.mode == "agent" else None
    channel = ModelChannel(llm)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as sink:
        for index in range(args.start, args.start + args.limit):
            if index in finished:
                continue
            problem = problems[index]
            before, started = counter.count, time.monotonic()
            if answerer is not None:
                result = agent_answer(answerer, problem["question"])
            else:
                result = direct(channel, problem["question"])
            line = {
                "index": index,
                "mode": args.mode,
                "model": args.llm or default_spec(),
                "seed": args.seed,
                "prompt_hash": prompt_hash(),
                "expected": problem["answer"],
                "correct": right(result["value"], problem["answer"]),
                "seconds": round(time.monotonic() - started, 2),
                "tokens_evaluated": counter.count - before,
                **result,
            }
            sink.write(json.dumps(line, ensure_ascii=False) + "\n")
            sink.flush()
            print(
                f"{index}: correct={line['correct']} verified={line['verified']} "
                f"{line['seconds']} s",
                flush=True,
            )


def summary(paths: list[Path]) -> str:
    rows = [
        "| mode | problems | right | verified ✓ | verified ✓ but wrong | median s | "
        "median LLM calls | median tokens in/out | median tokens evaluated per call |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for path in paths:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        correct = sum(line["correct"] for line in lines)
        verified = sum(bool(line["verified"]) for line in lines)
        wrong = sum(bool(line["verified"]) and not line["correct"] for line in lines)
        per_call = [line["tokens_evaluated"] / max(1, line["llm_calls"]) for line in lines]
        rows.append(
            f"| {lines[0]['mode']} | {len(lines)} | {correct} ({100 * correct / len(lines):.0f} %)"
            f" | {verified} | {wrong} | {statistics.median(line['seconds'] for line in lines):.1f}"
            f" | {statistics.median(line['llm_calls'] for line in lines):g}"
            f" | {statistics.median(line['tokens_in'] for line in lines):.0f}"
            f"/{statistics.median(line['tokens_out'] for line in lines):.0f}"
            f" | {statistics.median(per_call):.0f} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("direct", "agent"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--start", type=int, default=0, help="the first problem's index")
    parser.add_argument("--limit", type=int, default=100, help="how many problems")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--llm", default=None)
    parser.add_argument("--summary", type=Path, nargs="+", help="summarise results files")
    args = parser.parse_args()
    if args.summary:
        print(summary(args.summary))
    elif args.mode and args.out:
        run(args)
    else:
        parser.error("give --mode and --out, or --summary FILES")


if __name__ == "__main__":
    main()
