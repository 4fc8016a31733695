"""`abduce prior train`: rebuild the learned prior's weights (and, from results, its corpus)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from abduce.cli.options import console
from abduce.errors import UsageError
from abduce.programs.search.corpus import (
    CORPUS_FILE,
    from_families,
    from_results,
    load_corpus,
    shipped_file,
    write_corpus,
)
from abduce.programs.search.learned import MIX, WEIGHTS_FILE, train
from abduce.tasks import load_arc
from abduce.tasks.arc import load_list

prior_app = typer.Typer(help="The DSL search's learned prior.", no_args_is_help=True)


@prior_app.command("train")
def train_prior(
    results: Annotated[
        list[Path] | None,
        typer.Option(
            "--results",
            help="Rebuild the corpus first from these ARC-AGI-1 training result files "
            "(solved tasks' programs) and the generator families' programs.",
        ),
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="The corpus file (default: the one shipped).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the weights (default: the shipped file).")
    ] = None,
    mix: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Weight of the uniform prior in the mix.")
    ] = MIX,
    without: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="Leave out the solutions of the tasks this file lists (one id per line), for "
            "an out-of-fold prior that scores them: use it with --prior FILE and --out.",
        ),
    ] = None,
) -> None:
    """Train the prior on the corpus of verified programs and write its weights."""
    corpus_path = corpus or shipped_file(CORPUS_FILE)
    if without and not out:
        raise UsageError("--without needs --out: the shipped weights are trained on every task")
    if results:
        write_corpus(from_results(results) + from_families(), corpus_path)
    left_out = {task.id for task in load_list(without)} if without else set()
    entries = [entry for entry in load_corpus(corpus_path) if entry.task not in left_out]
    weights = train(entries, load_arc("training"), mix=mix)
    out_path = out or shipped_file(WEIGHTS_FILE)
    weights.dump(out_path)
    console.print(
        f"trained on {weights.tasks} ARC tasks and {weights.families} families, "
        f"{len(weights.primitives)} primitives, mix {weights.mix}: {out_path}",
        highlight=False,
    )
