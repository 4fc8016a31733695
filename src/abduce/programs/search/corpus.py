"""The corpus of verified programs the learned prior trains on: each names the task it solves
(an ARC-AGI-1 training task id, or a generator family) and the DSL primitives it calls.

>>> primitives_used("def transform(grid):\\n    return tile(trim(Grid(grid)), 2, 2).to_list()")
['tile', 'trim']
"""

from __future__ import annotations

import ast
import gzip
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from abduce.programs import dsl
from abduce.programs.search.expr import INPUT, Expr, literal
from abduce.tasks.generate import FAMILIES

DATA_PACKAGE = "abduce.programs.search.data"
CORPUS_FILE = "corpus.jsonl"
ARC_SOURCE: Final = "arc-agi-1-training"
FAMILY_SOURCE: Final = "family"


class Entry(BaseModel):
    """One program that reproduces every pair of a task (train and test)."""

    model_config = ConfigDict(frozen=True)

    task: str  # an ARC-AGI-1 training task id, or a family name
    source: Literal["arc-agi-1-training", "family"]
    program: str
    primitives: tuple[str, ...]


@cache
def _dsl_names() -> frozenset[str]:
    return frozenset(dsl.__all__) - {"Grid"}


def primitives_used(program: str) -> list[str]:
    """The DSL functions the program calls, sorted, each once."""
    return sorted(
        {
            node.func.id
            for node in ast.walk(ast.parse(program))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _dsl_names()
        }
    )


def parse_program(source: str) -> Expr | None:
    """A found program (`def transform(grid)` over the DSL) as the search's expression, if it
    is one: assignments and a return of DSL calls on `Grid(grid)` and literals (numbers,
    truth values, strings, tables of them); the `def`s before it are sub-programs passed by
    name, or learned functions, inlined where they are called. None for anything else
    (loops, arithmetic, …).

    >>> parse_program("def transform(grid):\\n    x1 = trim(Grid(grid))\\n    return x1.to_list()")
    Expr(op='trim', args=(Expr(op='grid', args=(), literal=None),), literal=None)
    """
    try:
        *before, transform = ast.parse(source).body
        helpers = {node.name: node for node in before if isinstance(node, ast.FunctionDef)}
        if not isinstance(transform, ast.FunctionDef) or transform.name != "transform":
            return None
        return _returned(transform, {}, helpers)
    except (SyntaxError, ValueError, RecursionError):
        return None


def _returned(
    function: ast.FunctionDef, names: dict[str, Expr], helpers: dict[str, ast.FunctionDef]
) -> Expr:
    """What `function` returns, its parameters bound by `names`."""
    for statement in function.body:
        match statement:
            case ast.Expr(value=ast.Constant(value=str())):  # a docstring
                continue
            case ast.Assign(targets=[ast.Name(id=name)], value=value):
                names[name] = _parsed(value, names, helpers)
            case ast.Return(value=ast.Call(func=ast.Attribute(attr="to_list", value=value))):
                return _parsed(value, names, helpers)
            case ast.Return(value=value) if value is not None and function.name != "transform":
                return _parsed(value, names, helpers)
            case _:
                break
    raise ValueError(f"{function.name} is not a DSL program")


def _parsed(node: ast.expr, names: dict[str, Expr], helpers: dict[str, ast.FunctionDef]) -> Expr:
    match node:
        case ast.Call(func=ast.Name(id="Grid"), args=[ast.Name(id="grid")]):
            return Expr(INPUT)
        case ast.Call(func=ast.Name(id=name), args=args, keywords=[]) if name in _dsl_names():
            return Expr(name, tuple(_parsed(arg, names, helpers) for arg in args))
        case ast.Call(func=ast.Name(id=name), args=args, keywords=[]) if name in helpers:
            params = [param.arg for param in helpers[name].args.args]
            given = [_parsed(arg, names, helpers) for arg in args]
            return _returned(helpers[name], dict(zip(params, given, strict=True)), helpers)
        case ast.Name(id=name) if name in names:
            return names[name]
        case ast.Name(id=name) if name in helpers:  # a sub-program, a function of its grid
            [param] = [param.arg for param in helpers[name].args.args]
            return literal(_returned(helpers[name], {param: Expr(INPUT)}, helpers))
        case ast.Constant() | ast.Tuple():
            return literal(ast.literal_eval(node))
    raise ValueError(f"not a DSL expression: {ast.unparse(node)}")


def _lines(path: Path) -> list[str]:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode().splitlines()


def from_results(paths: Iterable[Path]) -> list[Entry]:
    """The programs of solved tasks in benchmark result files (JSON lines, optionally
    gzipped). A colour-remapped task counts for the task it was remapped from
    (`source_id`): its program solves a recoloured copy, so it uses the same primitives."""
    found: dict[tuple[str, str], Entry] = {}
    for path in paths:
        for line in _lines(path):
            row = json.loads(line)
            if not row.get("solved") or not row.get("program"):
                continue
            task = row.get("source_id") or row["task_id"]
            program = row["program"]
            entry = Entry(
                task=task,
                source=ARC_SOURCE,
                program=program,
                primitives=tuple(primitives_used(program)),
            )
            found.setdefault((task, program), entry)
    return sorted(found.values(), key=lambda e: (e.task, e.program))


def from_families() -> list[Entry]:
    """The program of each generator family (not an ARC task: for training only)."""
    return [
        Entry(
            task=family.name,
            source=FAMILY_SOURCE,
            program=family.program,
            primitives=tuple(primitives_used(family.program)),
        )
        for family in FAMILIES.values()
    ]


def write_corpus(entries: Iterable[Entry], path: Path) -> None:
    """Write the entries as JSON lines."""
    path.write_text("".join(entry.model_dump_json() + "\n" for entry in entries))


def shipped_file(name: str) -> Path:
    """Where a data file shipped with the search lives."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def load_corpus(path: Path | None = None) -> list[Entry]:
    """The entries of a corpus file; by default the one shipped with abduce."""
    text = (path or shipped_file(CORPUS_FILE)).read_text()
    return [Entry.model_validate_json(line) for line in text.splitlines() if line.strip()]
