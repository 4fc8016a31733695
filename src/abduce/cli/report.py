"""`abduce report`: a results file as one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from abduce.bench import ResultLine, read_results
from abduce.bench.report import render_report
from abduce.errors import UsageError
from abduce.tasks import TaskNotFoundError


def report(
    results: Annotated[
        Path, typer.Argument(help="Results file: one JSON line per task, plain or gzipped.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")],
    compare: Annotated[
        Path | None, typer.Option(help="Another results file: gained and lost tasks.")
    ] = None,
) -> None:
    """Write an HTML report: scores, Γ/Δ, plots, and every task's grids, program and trace."""
    lines = _read(results)
    other = _read(compare) if compare else None
    html = render_report(
        lines,
        title=results.name,
        compare=other,
        compare_title=compare.name if compare else None,
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    solved = sum(bool(line.solved) for line in lines)
    compared = f", compared with {len(other)} in {compare}" if other else ""
    print(f"wrote {output}: {len(lines)} tasks, {solved} solved{compared}")


def _read(path: Path) -> list[ResultLine]:
    if not path.is_file():
        raise TaskNotFoundError(f"{path}: no such results file")
    lines = read_results(path)
    if not lines:
        raise UsageError(f"{path}: no result lines in it")
    return lines
