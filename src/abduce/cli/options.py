"""Options and output shared by the commands."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

console = Console()


class UsageError(Exception):
    """An option value the command cannot use."""


LLMOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        "--model",
        help="'local' (default, or $ABDUCE_LLM), 'openai:<model>', "
        "'openai-compatible:<base_url>', optionally followed by '#<model>'.",
    ),
]
SeedOption = Annotated[int, typer.Option(help="Sampling seed (part of the cache key).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not reuse cached replies.")]
