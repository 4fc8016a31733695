"""`abduce chat` and `abduce ask`: questions answered by programs, checked independently."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.syntax import Syntax

from abduce.agent.answer import Agent, Answer
from abduce.agent.ballot import number_text
from abduce.cli.options import LLMOption, NoCacheOption, SeedOption, console
from abduce.errors import UsageError
from abduce.settings import load_settings

VerboseOption = Annotated[bool, typer.Option("--verbose", help="Also show the programs.")]


def chat(
    llm: LLMOption = None,
    resume: Annotated[
        bool, typer.Option("--continue", help="Resume the last conversation.")
    ] = False,
    verbose: VerboseOption = False,
    seed: SeedOption = 0,
    no_cache: NoCacheOption = False,
) -> None:
    """Talk to the agent: every answer is computed by a program and checked."""
    from abduce.cli.repl import run_repl

    settings = load_settings(llm=llm)
    run_repl(settings, resume=resume, verbose=verbose, seed=seed, use_cache=not no_cache)


def ask(
    question: Annotated[
        str | None, typer.Argument(help="The question; with --json and none, read stdin.")
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON line per answer (questions from stdin).")
    ] = False,
    llm: LLMOption = None,
    verbose: VerboseOption = False,
    seed: SeedOption = 0,
    no_cache: NoCacheOption = False,
) -> None:
    """Answer one question (or, with --json, one per line of stdin) and exit."""
    if question is None and not json_output:
        raise UsageError("give a question, or --json to read one per line from stdin")
    questions = [question] if question else [line.strip() for line in sys.stdin]
    settings = load_settings(llm=llm)
    with console.status("loading the model…"):
        agent = Agent(
            settings.llm,
            rounds=settings.rounds,
            max_seconds=settings.max_seconds,
            seed=seed,
            use_cache=not no_cache,
        )
    for text in filter(None, questions):
        if json_output:
            print(agent.ask(text).model_dump_json(), flush=True)
            continue
        with console.status("working it out…"):
            answer = agent.ask(text)
        show(answer, verbose)


def show(answer: Answer, verbose: bool) -> None:
    """The answer, its mark and (verbose) the program that computed it, or a word problem's
    candidates with the derivations that agree."""
    if verbose and answer.candidates:
        show_candidates(answer)
    elif verbose and answer.approach:
        console.print(f"[dim]approach:[/] {answer.approach}", highlight=False)
    if verbose and answer.program and not answer.candidates:
        console.print(Syntax(answer.program, "python", theme="ansi_dark"))
    console.print(f"[bold]{answer.text}[/]", highlight=False)
    color = "green" if answer.verified else "yellow"
    console.print(f"[{color}]{answer.mark}[/]", highlight=False)


def show_candidates(answer: Answer) -> None:
    """Each sampled answer with its origin and seed; the ones that agree, in full."""
    for candidate in answer.candidates:
        agrees = candidate.value is not None and candidate.value == answer.value
        found = candidate.error if candidate.value is None else number_text(candidate.value)
        mark = " [green](agrees)[/]" if agrees else ""
        console.print(f"[dim]{candidate.describe()}:[/] {found}{mark}", highlight=False)
        if agrees and candidate.method == "program":
            console.print(Syntax(candidate.source, "python", theme="ansi_dark"))
        elif agrees:
            console.print(candidate.source, highlight=False, markup=False)
