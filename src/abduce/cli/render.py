"""Terminal rendering: ARC grids as coloured cells, solutions as panels."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from abduce.agent import Solution
from abduce.agent.planner import SearchPlanner
from abduce.programs.search.corpus import primitives_used
from abduce.programs.search.hints import Hint
from abduce.programs.search.learned import searchable_names
from abduce.programs.search.shapes import shape_rule
from abduce.tasks import Rows, Task, check_grid

PALETTE = (
    "#000000", "#0074d9", "#ff4136", "#2ecc40", "#ffdc00",
    "#aaaaaa", "#f012be", "#ff851b", "#7fdbff", "#870c25",
)  # fmt: skip


def grid_text(grid: Rows) -> Text:
    """A grid as rows of coloured cells showing their digits."""
    text = Text()
    for number, row in enumerate(grid):
        if number:
            text.append("\n")
        for cell in row:
            foreground = "black" if cell in (4, 5, 8) else "white"
            text.append(f"{cell} ", style=f"{foreground} on {PALETTE[cell]}")
    return text


def grids_row(titles: list[str], grids: list[Rows]) -> Table:
    """Grids side by side with titles."""
    table = Table(box=None, padding=(0, 2))
    for title in titles:
        table.add_column(title, no_wrap=True)
    table.add_row(*(grid_text(grid) for grid in grids))
    return table


def task_view(task: Task) -> Group:
    """Every train pair, input beside output."""
    pairs = [
        grids_row([f"train {i} input", f"train {i} output"], [ex.input, ex.known_output()])
        for i, ex in enumerate(task.train, 1)
    ]
    return Group(*pairs)


def solution_view(task: Task, solution: Solution) -> Group:
    """The hypothesis, the program, the verdicts and the attempts beside the expected output."""
    verdicts = " ".join("✓" if v.passed else "✗" for v in solution.verdicts) or "none"
    mark = {True: "[green]correct[/]", False: "[red]wrong[/]", None: "[yellow]unknown[/]"}
    parts: list[RenderableType] = [
        Text.from_markup(f"[bold]hypothesis:[/] {solution.hypothesis or '(none)'}"),
        Text.from_markup(
            f"[bold]train verdicts:[/] {verdicts}   [bold]stopped:[/] {solution.stopped}"
        ),
    ]
    if solution.program:
        parts.append(Syntax(solution.program, "python", theme="ansi_dark"))
    for i, (test, attempts) in enumerate(zip(task.test, solution.attempts, strict=True), 1):
        titles = [f"test {i} input"] + [f"attempt {n}" for n in range(1, len(attempts) + 1)]
        grids = [test.input, *map(check_grid, attempts)]
        if test.output is not None:
            titles.append("expected")
            grids.append(test.output)
        parts.append(grids_row(titles, grids))
    parts.append(
        Text.from_markup(
            f"[bold]result:[/] {mark[solution.correct]}   {solution.llm_calls} LLM calls, "
            f"{solution.tokens_in} tokens in, {solution.tokens_out} out, {solution.seconds:.1f} s, "
            f"model {solution.model}"
        )
    )
    return Group(*parts)


def prior_view(search: SearchPlanner, program: str | None, shown: int = 8) -> Text:
    """The prior the search used for the task: its likeliest primitives, and the rank of
    each searched primitive the found program applies."""
    names = searchable_names()
    label = search.prior + (" and the hint" if search.hint else "")
    chances = search.used.primitives if search.used else {}
    if not chances:
        return Text(f"prior: {label}, all {len(names)} primitives alike")
    ranked = sorted(names, key=lambda name: -chances[name])
    likeliest = ", ".join(f"{name} {chances[name]:.3f}" for name in ranked[:shown])
    lines = [f"prior: {label}; likeliest: {likeliest}"]
    used = [name for name in primitives_used(program or "") if name in chances]
    if used:
        ranks = ", ".join(f"{name} #{ranked.index(name) + 1}" for name in used)
        lines.append(f"the program's primitives rank {ranks} of {len(names)}")
    return Text("\n".join(lines))


def hint_view(hint: Hint, title: str = "hint") -> Text:
    """Which words of a hint (or of the model's reply) raised which primitives or literals
    in the search's prior."""
    if not hint.matches:
        return Text(f"{title}: no word matched a primitive, a colour or a number", "yellow")
    lines = [f"  {word} → {', '.join(found)}" for word, found in hint.matches.items()]
    return Text("\n".join([f"{title} (weight {hint.weight} in the prior):", *lines]))


def shape_view(task: Task) -> Text:
    """The rule the search fitted for the outputs' size, and the sizes it predicts."""
    rule = shape_rule(task)
    if rule is None:
        return Text("output size: no rule fits every train pair")
    sizes = ", ".join("?" if s is None else f"{s[0]}x{s[1]}" for s in rule.shapes)
    return Text(f"output size: {rule.name}; test outputs {sizes}")
