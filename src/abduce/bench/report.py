"""A self-contained HTML report of a results file: scores, Γ/Δ, plots and every task."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from itertools import accumulate, compress

from abduce.agent.models import Budget
from abduce.bench.html import Html, Series, esc, join, page, step_plot, table
from abduce.bench.report_tasks import code_style, task_link, tasks_section
from abduce.bench.results import ResultLine
from abduce.bench.scores import Score, family, remap_label, robustness, score, scores_by

COLORS = (("#1a7f37", "#8c959f"), ("#0969da", "#54aeff"))  # (solved, finished) per file
SCORE_HEAD = ("group", "tasks", "solved", "rate", "passed train", "median s/task", "LLM calls",
              "tokens in", "tokens out")  # fmt: skip


def render_report(
    lines: list[ResultLine],
    *,
    title: str,
    compare: list[ResultLine] | None = None,
    compare_title: str | None = None,
) -> str:
    """One HTML document, with no external resources, describing the result lines."""
    runs = [(title, lines)]
    sections = [header(title, lines), summary_section(lines), robustness_section(lines)]
    if compare is not None:
        runs.append((compare_title or "compared", compare))
        sections.append(compare_section(*runs))
    sections += [plots_section(runs), tasks_section(lines)]
    return page(title, join(sections), code_style())


def header(title: str, lines: list[ResultLine]) -> Html:
    """The title and the facts of the run: size, solve rate, model, budget, dates."""
    solved = sum(bool(line.solved) for line in lines)
    finished = [line.finished_at for line in lines if line.finished_at]
    facts = {
        "tasks": len(lines),
        "solved": f"{solved} ({solved / len(lines):.1%})" if lines else "0",
        "model": distinct(line.model for line in lines),
        "planner": distinct(line.planner for line in lines),
        "budget": distinct(budget_text(line.budget) for line in lines),
        "seed": distinct(line.seed for line in lines),
        "prompts": distinct(line.prompt_hash for line in lines),
        "finished": " – ".join(sorted({date(min(finished)), date(max(finished))}))
        if finished
        else "—",
    }
    items = join(
        f"<div><dt>{esc(key)}</dt><dd>{esc(value)}</dd></div>" for key, value in facts.items()
    )
    return Html(f'<header><h1>{esc(title)}</h1><dl class="facts">{items}</dl></header>')


def distinct(values: Iterable[object]) -> str:
    """The different values, sorted and comma-separated; '—' when there are none."""
    return ", ".join(sorted({str(value) for value in values if value is not None})) or "—"


def budget_text(budget: Budget | None) -> str | None:
    if not budget:
        return None
    return " · ".join(
        f"{key.replace('_', ' ')} {value:g}"
        if isinstance(value, float | int)
        else f"{key.replace('_', ' ')} {value}"
        for key, value in budget.model_dump().items()
    )


def date(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(timestamp))


def run_label(line: ResultLine) -> str:
    """Which solver made a line: 'model · planner'."""
    return " · ".join(part for part in (line.model, line.planner) if part)


def summary_section(lines: list[ResultLine]) -> Html:
    return Html(f'<section id="summary"><h2>Summary</h2>{summary_table(lines)}</section>')


def summary_table(lines: list[ResultLine]) -> Html:
    """Scores by model and planner, by remapping when there is any, by generator family
    when tasks share one, and over all tasks when several solvers are mixed."""
    groups = [("by model · planner", scores_by(lines, key=run_label))]
    if any(line.remap for line in lines):
        groups.append(("by remapping", scores_by(lines, key=remap_label)))
    originals = [line for line in lines if not line.remap]
    families = scores_by(originals, key=family)
    if len(families) < len(originals):
        groups.append(("by family", families))
    rows: list[Sequence[object]] = []
    if len(groups[0][1]) > 1:
        rows.append(score_row(score("all tasks", lines)))
    for name, scores in groups:
        rows += [[name], *map(score_row, scores)]
    return table(SCORE_HEAD, rows)


def score_row(row: Score) -> list[object]:
    return [row.group, row.tasks, row.solved, f"{row.rate:.1%}", row.passed_train,
            f"{row.median_seconds:.1f}", row.llm_calls, f"{row.tokens_in:,}",
            f"{row.tokens_out:,}"]  # fmt: skip


def robustness_section(lines: list[ResultLine]) -> Html:
    """Γ, Γ' and Δ per remapping mode, and every task whose result flipped."""
    results = robustness(lines)
    if not results:
        return Html("")
    head = ("remapping", "tasks", "remapped", "Γ", "Γ'", "Δ = Γ − Γ'", "flips")
    rows = [
        [r.mode, r.originals, r.remapped, f"{r.gamma:.1%}", f"{r.gamma_remapped:.1%}",
         f"{r.delta:+.1%}", len(r.flips)]
        for r in results
    ]  # fmt: skip
    flips = join(
        f'<li class="{"lost" if flip.solved_original else "gained"}">'
        f"{task_link(flip.task_id)} "
        f"{'solved, but not' if flip.solved_original else 'unsolved, but solved'} under "
        f"{task_link(f'{flip.task_id}@{flip.remap}', flip.remap)}</li>"
        for r in results
        for flip in r.flips
    )
    listed = f'<ul class="flips">{flips}</ul>' if flips else "<p>No result flipped.</p>"
    return Html(
        '<section id="robustness"><h2>Robustness to colour remapping</h2>'
        f"{table(head, rows)}{listed}</section>"
    )


def compare_section(run: tuple[str, list[ResultLine]], other: tuple[str, list[ResultLine]]) -> Html:
    """Both files' scores in one table, and the tasks solved in one file but not the other."""
    (title, lines), (other_title, other_lines) = run, other
    solved = {line.task_id: bool(line.solved) for line in lines}
    other_solved = {line.task_id: bool(line.solved) for line in other_lines}
    both = solved.keys() & other_solved.keys()
    gained = sorted(task for task in both if solved[task] and not other_solved[task])
    lost = sorted(task for task in both if other_solved[task] and not solved[task])
    only = (
        f"{len(both)} tasks in both files; {len(solved.keys() - both)} only in {esc(title)}, "
        f"{len(other_solved.keys() - both)} only in {esc(other_title)}."
    )
    return Html(
        f'<section id="compare"><h2>Compared with {esc(other_title)}</h2>'
        f"{compare_table([run, other])}<p>{only}</p>"
        f"{id_list(f'Gained: solved in {title}, not in {other_title}', gained, 'gained')}"
        f"{id_list(f'Lost: solved in {other_title}, not in {title}', lost, 'lost')}</section>"
    )


def compare_table(runs: list[tuple[str, list[ResultLine]]]) -> Html:
    """The scores of each file, by model and planner and by remapping, aligned by column."""
    rows: list[Sequence[object]] = []
    for title, lines in runs:
        rows += [[title], *map(score_row, scores_by(lines, key=run_label))]
        if any(line.remap for line in lines):
            rows += map(score_row, scores_by(lines, key=remap_label))
    return table(SCORE_HEAD, rows)


def id_list(heading: str, task_ids: list[str], kind: str) -> Html:
    links = join(f"<li>{task_link(task_id)}</li>" for task_id in task_ids) or "<li>none</li>"
    return Html(f'<h3>{esc(heading)} ({len(task_ids)})</h3><ul class="ids {kind}">{links}</ul>')


def plots_section(runs: list[tuple[str, list[ResultLine]]]) -> Html:
    """Solved tasks against wall time, and against the time each task may take."""
    timed = all(line.finished_at for _, lines in runs for line in lines)
    wall, budget = [], []
    for (title, lines), (solved_color, finished_color) in zip(runs, COLORS, strict=False):
        name = f"{title}: " if len(runs) > 1 else ""
        seconds = [line.seconds for line in lines]
        times = finish_times(lines) if timed else list(accumulate(seconds))
        solved = [bool(line.solved) for line in lines]
        wall.append(Series(f"{name}finished", cumulative(times), finished_color, dashed=True))
        wall.append(Series(f"{name}solved", cumulative(compress(times, solved)), solved_color))
        budget.append(Series(f"{name}solved", cumulative(compress(seconds, solved)), solved_color))
    x_wall = "wall seconds since the run started" if timed else "seconds, summed over tasks"
    return Html(
        '<section id="plots"><h2>Solved over time</h2><div class="plots">'
        f"<figure><figcaption>Tasks finished and solved against wall time</figcaption>"
        f"{step_plot(wall, x_label=x_wall, y_label='tasks')}</figure>"
        "<figure><figcaption>Tasks solved within a per-task budget of x seconds</figcaption>"
        f"{step_plot(budget, x_label='seconds per task', y_label='tasks solved')}</figure>"
        "</div></section>"
    )


def finish_times(lines: list[ResultLine]) -> list[float]:
    """When each task finished, in seconds since the earliest task started."""
    finished = [(line.finished_at or 0.0, line.seconds) for line in lines]
    start = min((at - seconds for at, seconds in finished), default=0.0)
    return [at - start for at, _ in finished]


def cumulative(xs: Iterable[float]) -> list[tuple[float, float]]:
    """(x, how many values are ≤ x) at each value."""
    return [(x, count) for count, x in enumerate(sorted(xs), 1)]
