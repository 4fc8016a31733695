"""The per-task part of a report: grids, attempts, hypothesis, program, verdicts, trace."""

from __future__ import annotations

import re

from networkx import DiGraph
from pygments import highlight
from pygments.formatter import Formatter
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from abduce.agent.models import ExampleVerdict
from abduce.bench.html import Html, esc, grid_svg, join
from abduce.bench.results import ResultLine
from abduce.tasks import Example, Task, TaskNotFoundError, find_arc_task, is_grid

OPEN_TASKS = 25  # reports with at most this many tasks show every task unfolded
MARKS = {"solved": "✓", "unsolved": "✗", "unknown": "?"}
MARK_OK, MARK_BAD = Html(' <b class="ok">✓</b>'), Html(' <b class="bad">✗</b>')
CODE: Formatter[str] = HtmlFormatter(cssclass="code")


def code_style() -> str:
    """The CSS rules of the highlighted programs."""
    rules = CODE.get_style_defs(".code").splitlines()
    return "\n".join(rule for rule in rules if rule.startswith(".code"))


def status(line: ResultLine) -> str:
    """'solved', 'unsolved', or 'unknown' when the expected outputs are unknown."""
    return "unknown" if line.solved is None else "solved" if line.solved else "unsolved"


def anchor(task_id: str) -> str:
    return "task-" + re.sub(r"[^\w@.-]", "_", task_id)


def task_link(task_id: str, text: str | None = None) -> Html:
    return Html(f'<a href="#{esc(anchor(task_id))}">{esc(text or task_id)}</a>')


def tasks_section(lines: list[ResultLine]) -> Html:
    """An index of every task, then one section per task, sorted by id."""
    ordered = sorted(lines, key=lambda line: line.task_id)
    index = join(
        f'<a class="{status(line)}" href="#{esc(anchor(line.task_id))}">{esc(line.task_id)}</a>'
        for line in ordered
    )
    opened = len(lines) <= OPEN_TASKS
    tasks = join(task_section(line, opened) for line in ordered)
    return Html(
        f'<section id="tasks"><h2>Tasks</h2><nav class="index">{index}</nav>{tasks}</section>'
    )


def task_section(line: ResultLine, opened: bool = True) -> Html:
    """One task: its grids and attempts, the hypothesis, program, verdicts and trace."""
    kind = status(line)
    facts = " · ".join([
        f"{line.seconds:.1f} s" + (f" ({line.model_seconds:.1f} s the model's)"
                                   if line.model_seconds else ""),
        f"{line.llm_calls} LLM calls",
        f"{line.tokens_in:,} / {line.tokens_out:,} tokens in / out",
        f"stopped: {line.stopped or '—'}",
    ])  # fmt: skip
    summary = (
        f'<summary><span class="mark">{MARKS[kind]}</span><b>{esc(line.task_id)}</b>'
        f'<span class="muted">{esc(facts)}</span></summary>'
    )
    body = join([remap_note(line), examples(line), solution(line), trace_details(line)])
    return Html(
        f'<section class="task {kind}" id="{esc(anchor(line.task_id))}">'
        f'<details{" open" if opened else ""}>{summary}<div class="body">{body}</div></details>'
        "</section>"
    )


def remap_note(line: ResultLine) -> Html:
    if not line.remap:
        return Html("")
    moved = ", ".join(f"{a}→{b}" for a, b in enumerate(line.remap.permutation) if a != b)
    return Html(
        f'<p class="note">Solved with its colours permuted ({esc(moved)}): the grids show the '
        "task and the attempts as the solver saw them.</p>"
    )


def solver_task(line: ResultLine) -> Task | None:
    """The task as the solver saw it: the one recorded in the line (in older files, the ARC
    task of that id; None for an unknown one), remapped like the line."""
    task = line.task or arc_task(line.source_id)
    return line.remap.task(task) if task and line.remap else task


def arc_task(task_id: str) -> Task | None:
    try:
        return find_arc_task(task_id)
    except TaskNotFoundError:
        return None


def examples(line: ResultLine) -> Html:
    """Every train pair (with the program's output where it failed), then every test input
    with its attempts and expected output, drawn as grids."""
    task = solver_task(line)
    wrong = {verdict.index: verdict.output for verdict in line.verdicts if not verdict.passed}
    groups = [
        figures_for_train(number, pair, wrong.get(number - 1))
        for number, pair in enumerate(task.train if task else [], 1)
    ]
    seen = line.remap.grid if line.remap else None
    tests, attempts = task.test if task else [], line.attempts
    for index in range(max(len(tests), len(attempts))):
        pair = tests[index] if index < len(tests) else None
        tries = attempts[index] if index < len(attempts) else []
        tries = [seen(grid) if seen and is_grid(grid) else grid for grid in tries]
        name = f"test {index + 1}" if len(tests) > 1 else "test"
        groups.append(figures_for_test(name, pair, tries))
    pairs = join(f'<div class="pair">{join(figures)}</div>' for figures in groups if any(figures))
    return Html(f'<div class="examples">{pairs}</div>')


def figures_for_train(number: int, pair: Example, output: object) -> list[Html]:
    """A train pair, and the program's output when it did not reproduce the pair."""
    figures = [grid_svg(pair.input, f"train {number} input")]
    if pair.output:
        figures.append(grid_svg(pair.output, f"train {number} output"))
    if is_grid(output):
        figures.append(grid_svg(output, "program output", mark=MARK_BAD))
    return figures


def figures_for_test(name: str, pair: Example | None, attempts: list[object]) -> list[Html]:
    """A test input, the attempts at it (marked right or wrong) and the expected output."""
    expected = pair.output if pair else None
    figures = [grid_svg(pair.input, f"{name} input")] if pair else []
    for number, grid in enumerate(attempts, 1):
        mark = Html("") if expected is None else MARK_OK if grid == expected else MARK_BAD
        if is_grid(grid):
            figures.append(grid_svg(grid, f"attempt {number}", mark=mark))
    return figures + ([grid_svg(expected, "expected")] if expected else [])


def solution(line: ResultLine) -> Html:
    """The hypothesis in words, the program, highlighted, and its verdicts."""
    parts = []
    if line.hypothesis:
        parts.append(f'<h4>Hypothesis</h4><p class="hypothesis">{esc(line.hypothesis)}</p>')
    if line.program:
        parts.append(f"<h4>Program</h4>{highlight(line.program, PythonLexer(), CODE)}")
    if line.verdicts:
        items = join(map(verdict_item, line.verdicts))
        parts.append(f'<h4>Verdicts on the train pairs</h4><ul class="verdicts">{items}</ul>')
    return join(parts) or Html('<p class="note">No hypothesis or program was kept.</p>')


def verdict_item(verdict: ExampleVerdict) -> Html:
    """One train example's verdict: ✓ or ✗, its score, and the error if there was one."""
    passed = verdict.passed
    error = f" <code>{esc(verdict.error)}</code>" if verdict.error else ""
    return Html(
        f'<li class="{"ok" if passed else "bad"}">{"✓" if passed else "✗"} '
        f"train {verdict.index + 1} · score {verdict.score:.2f}{error}</li>"
    )


def trace_details(line: ResultLine) -> Html:
    """The trace, folded, as nested lists: task → hypotheses → programs → verdicts."""
    trace = line.trace
    if not trace:
        return Html("")
    hypotheses = linked(trace.graph, trace.root, "proposed")
    steerings = linked(trace.graph, trace.root, "searched-with")
    items = join(
        [
            *(steering_item(trace.graph, node) for node in steerings),
            *(hypothesis_item(trace.graph, node) for node in hypotheses),
        ]
    )
    counts = f"{plural(len(hypotheses), 'hypothesis', 'hypotheses')}, " + plural(
        len(trace.nodes("program")), "program", "programs"
    )
    return Html(
        f'<details class="trace"><summary>Trace: {counts}</summary><ul class="tree">'
        f"<li>task <b>{esc(line.task_id)}</b><ul>{items}</ul></li></ul></details>"
    )


def linked(graph: DiGraph[str], node: str, relation: str) -> list[str]:
    """Where the edges of one relation lead from `node`, in the order they were added."""
    return [to for to in graph.successors(node) if graph.edges[node, to]["relation"] == relation]


def hypothesis_item(graph: DiGraph[str], node: str) -> str:
    programs = join(
        program_item(graph, program) for program in linked(graph, node, "implemented-by")
    )
    text = esc(graph.nodes[node].get("text", ""))
    return f"<li>hypothesis <b>{esc(node)}</b>: {text}<ul>{programs}</ul></li>"


def steering_item(graph: DiGraph[str], node: str) -> str:
    """A search's prior: its likeliest primitives, the words and sketches it came from."""
    data = graph.nodes[node]
    parts = [f"likeliest: {esc(', '.join(data['likeliest']))}"] if data["likeliest"] else []
    parts += [f"{esc(word)} → {esc(', '.join(found))}" for word, found in data["words"].items()]
    parts += [f"sketch <pre>{esc(sketch)}</pre>" for sketch in data["sketches"]]
    if data.get("model_failed"):
        parts.append(f"the model gave nothing: {esc(data['model_failed'])}")
    items = join(f"<li>{part}</li>" for part in parts)
    return f"<li>search with the {esc(data['prior'])} prior<ul>{items}</ul></li>"


def ranks_note(ranks: dict[str, dict[str, int]]) -> str:
    """Where the program's primitives ranked under each prior (1 = likeliest)."""
    lines = [
        f"{esc(prior)}: " + ", ".join(f"{esc(name)} #{rank}" for name, rank in found.items())
        for prior, found in ranks.items()
        if found
    ]
    return f'<li class="muted">its primitives rank {"; ".join(lines)}</li>' if lines else ""


def program_item(graph: DiGraph[str], node: str) -> str:
    """A program: what it revised, its source (folded) and its verdict."""
    revised = join(
        f' <span class="muted">revised from {esc(earlier)}</span>'
        for earlier in linked(graph, node, "revised-from")
    )
    verdicts = join(
        f'<li class="{"ok" if data["passed"] else "bad"}">verdict: '
        f"{'passed' if data['passed'] else 'failed'}, accuracy {data['accuracy']:.0%}</li>"
        for data in (graph.nodes[verdict] for verdict in linked(graph, node, "verified"))
    )
    source = esc(graph.nodes[node].get("source", ""))
    ranks = ranks_note(graph.nodes[node].get("ranks", {}))
    return (
        f"<li>program <b>{esc(node)}</b>{revised}<details><summary>source</summary>"
        f"<pre>{source}</pre></details><ul>{verdicts}{ranks}</ul></li>"
    )


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
