"""Symbolic problems with answers known by construction: the model answering directly vs the
agent (program + independent check). Appends one JSON line per problem (resumable), then
prints a Markdown summary for benchmarks/RESULTS.md.

    python benchmarks/math_verified.py --mode direct --out runs/math_direct.jsonl
    python benchmarks/math_verified.py --mode agent --out runs/math_agent.jsonl
    python benchmarks/math_verified.py --summary runs/math_direct.jsonl runs/math_agent.jsonl
    python benchmarks/math_verified.py --regrade runs/math_direct.jsonl   # after a grader fix
    python benchmarks/math_verified.py --mode agent --limit 60 --kind word_problem --out F

Answers are graded in the sandbox (expression equivalence): model text is never parsed here.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from langchain_core.messages import HumanMessage, SystemMessage

from abduce.agent import ModelChannel, make_llm
from abduce.agent.answer import Agent
from abduce.agent.llm import default_spec
from abduce.agent.models import Budget
from abduce.agent.prompts import prompt_hash
from abduce.bench.maths import grade
from abduce.tasks.maths import MathProblem, generate_problems
from abduce.tools import ToolError, find_tool

DIRECT = (
    "Answer the question. Think step by step, then end with one line 'ANSWER: <answer>', "
    "giving {answer_format}."
)


def equivalent(first: str, second: str) -> bool:
    """Whether two expressions are equal, decided by SymPy in the sandbox."""
    try:
        return bool(find_tool("sympy.equivalent").invoke({"first": first, "second": second}))
    except ToolError:
        return False


def direct(channel: ModelChannel, problem: MathProblem) -> dict:
    channel.start(Budget(max_llm_calls=1))
    system = SystemMessage(DIRECT.format(answer_format=problem.answer_format))
    text = channel.ask([system, HumanMessage(problem.question)])
    usage = {
        "llm_calls": channel.calls,
        "tokens_in": channel.tokens_in,
        "tokens_out": channel.tokens_out,
    }
    return {"text": text, "verified": None, "check": None, "seconds": channel.seconds, **usage}


def agent_answer(agent: Agent, problem: MathProblem) -> dict:
    answer = agent.ask(problem.question)
    agent.reset()  # every problem on its own
    return {
        "text": answer.text.removesuffix(" + C"),
        "verified": answer.verified,
        "check": answer.check,
        "program": answer.program,
        "seconds": answer.seconds,
        "llm_calls": answer.llm_calls,
        "tokens_in": answer.tokens_in,
        "tokens_out": answer.tokens_out,
    }


def answered(path: Path) -> set[str]:
    """Problem ids already in a results file (a line torn by a killed run is ignored)."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    for text in path.read_text(encoding="utf-8").splitlines():
        try:
            ids.add(json.loads(text)["task_id"])
        except json.JSONDecodeError:
            continue
    return ids


def run(args: argparse.Namespace) -> None:
    problems = generate_problems(args.count, args.seed)[: args.limit]
    problems = [problem for problem in problems if args.kind in (None, problem.kind)]
    done = answered(args.out)
    llm = make_llm(args.llm, seed=args.seed, use_cache=False)
    answerer = Agent(llm, use_cache=False) if args.mode == "agent" else ModelChannel(llm)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as sink:
        for problem in problems:
            if problem.id in done:
                continue
            if args.mode == "agent":
                result = agent_answer(answerer, problem)
            else:
                result = direct(answerer, problem)
            line = {
                "task_id": problem.id,
                "kind": problem.kind,
                "mode": args.mode,
                "model": args.llm or default_spec(),
                "seed": args.seed,
                "prompt_hash": prompt_hash(),
                "expected": problem.answer,
                "correct": grade(problem, result["text"], equivalent),
                **result,
            }
            sink.write(json.dumps(line, ensure_ascii=False) + "\n")
            sink.flush()
            print(
                f"{problem.id}: correct={line['correct']} verified={line['verified']}", flush=True
            )


def regrade(paths: list[Path], count: int, seed: int) -> None:
    """Grade the recorded replies again (the grader changed, the replies did not)."""
    problems = {problem.id: problem for problem in generate_problems(count, seed)}
    for path in paths:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for line in lines:
            line["correct"] = grade(problems[line["task_id"]], line["text"], equivalent)
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        path.write_text(text, encoding="utf-8")


def summary(paths: list[Path]) -> str:
    rows = ["| mode | problems | correct | verified ✓ | verified ✓ but wrong | median s | "
            "median tokens in/out |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for path in paths:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        correct = sum(line["correct"] for line in lines)
        verified = sum(bool(line["verified"]) for line in lines)
        false = sum(bool(line["verified"]) and not line["correct"] for line in lines)
        seconds = statistics.median(line["seconds"] for line in lines)
        tokens_in = statistics.median(line["tokens_in"] for line in lines)
        tokens_out = statistics.median(line["tokens_out"] for line in lines)
        share = f"{correct}/{len(lines)} ({100 * correct / len(lines):.1f} %)"
        rows.append(f"| {lines[0]['mode']} | {len(lines)} | {share} | {verified} | {false} | "
                    f"{seconds:.1f} | {tokens_in:.0f}/{tokens_out:.0f} |")  # fmt: skip
    kinds = sorted({json.loads(line)["kind"] for path in paths
                    for line in path.read_text(encoding="utf-8").splitlines()})  # fmt: skip
    rows += ["", "| kind | " + " | ".join(str(path.name) for path in paths) + " |",
             "|---|" + "---|" * len(paths)]  # fmt: skip
    for kind in kinds:
        cells = []
        for path in paths:
            lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            mine = [line for line in lines if line["kind"] == kind]
            cells.append(f"{sum(line['correct'] for line in mine)}/{len(mine)}")
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("direct", "agent"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--count", type=int, default=200, help="problems generated")
    parser.add_argument("--limit", type=int, default=None, help="only the first N (balanced)")
    parser.add_argument("--kind", default=None, help="only problems of this kind")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--llm", default=None)
    parser.add_argument("--summary", type=Path, nargs="+", help="summarise results files")
    parser.add_argument("--regrade", type=Path, nargs="+", help="grade results files again")
    args = parser.parse_args()
    if args.regrade:
        regrade(args.regrade, args.count, args.seed)
    elif args.summary:
        print(summary(args.summary))
    elif args.mode and args.out:
        run(args)
    else:
        parser.error("give --mode and --out, or --summary FILES")


if __name__ == "__main__":
    main()
