"""Stitch compresses the corpus; its abstractions become typed, named, verified functions.

A program is the s-expression `(lam BODY)`, `$0` its input grid; a literal is a token of its
own (`lit3`), so that a table learned for one task is never mistaken for another's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from abduce.programs import dsl
from abduce.programs.dsl import Color, Grid, Grids, Integer, Object, Objects
from abduce.programs.library.functions import Example, LearnedFunction, Library
from abduce.programs.search.corpus import Entry, parse_program
from abduce.programs.search.expr import INPUT, Expr, evaluate, literal, steps
from abduce.programs.search.vocabulary import Primitive, primitives
from abduce.tasks import Task

ITERATIONS = 20  # abstractions Stitch may propose
ARITY = 2
MOST_STEPS = 3  # primitives named in a learned function's name
TYPE_NAMES: dict[object, str] = {
    Grid: "Grid",
    Objects: "Objects",
    Object: "Object",
    Grids: "Grids",
    Color: "Color",
    Integer: "Integer",
    bool: "bool",
}
STRUCTURED = ("Grid", "Objects", "Object", "Grids")
SExpr = str | list["SExpr"]
PARAM = "param"


@dataclass(frozen=True)
class Param:
    """A learned function's parameter inside its body."""

    name: str

    def __repr__(self) -> str:
        return self.name


def learn(
    entries: Sequence[Entry],
    tasks: Mapping[str, Task],
    iterations: int = ITERATIONS,
    arity: int = ARITY,
) -> Library:
    """The functions that compress the corpus `entries` (whose tasks `tasks` holds), kept
    when the search can apply them, each verified on every program that uses it."""
    import stitch_core

    programs = [
        (entry, parts)
        for entry in entries
        if (expr := parse_program(entry.program)) and (parts := split(expr)).core.op != INPUT
    ]
    tokens: dict[str, object] = {}
    named: dict[tuple[type, object], str] = {}
    sources = [f"(lam {_to_stitch(parts.core, tokens, named)})" for _, parts in programs]
    found = stitch_core.compress(
        sources,
        iterations=iterations,
        max_arity=arity,
        tasks=[entry.task for entry, _ in programs],
        no_curried_metavars=True,
        no_curried_bodies=True,
    )
    bodies = {a.name: _parse(a.body) for a in found.abstractions}
    known = primitives(dsl)
    kept: dict[str, LearnedFunction] = {}
    taken: set[str] = set()
    for stitch_name, body in bodies.items():
        function = _function(body, bodies, tokens, known, taken)
        if function:
            kept[stitch_name] = function
    rewritten = [_parse(text) for text in found.rewritten]
    kept = _with_uses(kept, programs, rewritten, bodies, tokens)
    callables = Library(
        programs=0, tasks=0, cost_before=0, cost_after=0, functions=list(kept.values())
    ).module()
    functions = [
        function.model_copy(update={"example": _example(function, programs, rewritten, kept,
                                                         bodies, tokens, tasks, callables)})
        for function in kept.values()
    ]  # fmt: skip
    _verify(programs, rewritten, kept, bodies, tokens, tasks, callables)
    return Library(
        programs=len(programs),
        tasks=len({entry.task for entry, _ in programs}),
        cost_before=int(found.json["original_cost"]),
        cost_after=int(found.json["final_cost"]),
        functions=functions,
    )


# ---------------------------------------------------------------- learned final steps

LEARNED_STEPS = {  # the search learns these from the train pairs, it does not enumerate them
    "apply_color_map": 0,  # which argument holds the enumerated value
    "apply_local_rule": 0,
    "object_where": 0,
    "recolor_objects": 1,
}


@dataclass(frozen=True)
class Split:
    """A program as the value the search enumerated (its core) and the learned final steps
    (tables of colours, rules, choices) around it."""

    core: Expr
    around: Expr  # the program with `Expr(CORE)` where the core was

    def program(self, core: Expr) -> Expr:
        """The program with another core."""
        return _replace(self.around, core)


CORE = "core"


def split(expr: Expr) -> Split:
    """`expr`'s core and what surrounds it: the learned steps at its top are left out of
    compression (their tables are each task's own), and put back to verify."""
    if expr.op == "overlay" and len(expr.args) == 2 and expr.args[1].op == INPUT:
        inner = split(expr.args[0])
        return Split(inner.core, Expr("overlay", (inner.around, expr.args[1])))
    index = LEARNED_STEPS.get(expr.op)
    if index is None:
        return Split(expr, Expr(CORE))
    inner = split(expr.args[index])
    args = list(expr.args)
    args[index] = inner.around
    return Split(inner.core, Expr(expr.op, tuple(args), expr.literal))


def _replace(expr: Expr, core: Expr) -> Expr:
    if expr.op == CORE:
        return core
    if not expr.args:
        return expr
    return Expr(expr.op, tuple(_replace(arg, core) for arg in expr.args), expr.literal)


# ---------------------------------------------------------------- s-expressions


def _to_stitch(expr: Expr, tokens: dict[str, object], named: dict[tuple[type, object], str]) -> str:
    """`expr` as Stitch reads it; a literal becomes the token `named` gives its value (a new
    one, recorded in both tables, for a value not seen before)."""
    if expr.op == INPUT:
        return "$0"
    if expr.is_literal:
        key = (type(expr.literal), expr.literal)
        if key not in named:
            named[key] = f"lit{len(tokens)}"
            tokens[named[key]] = expr.literal
        return named[key]
    return f"({expr.op} {' '.join(_to_stitch(arg, tokens, named) for arg in expr.args)})"


def _parse(text: str) -> SExpr:
    """An s-expression as nested lists of tokens."""
    stack: list[list[SExpr]] = [[]]
    for token in re.findall(r"[()]|[^\s()]+", text):
        if token == "(":
            stack.append([])
        elif token == ")":
            done = stack.pop()
            stack[-1].append(done)
        else:
            stack[-1].append(token)
    return stack[0][0]


def _expand(
    node: SExpr,
    args: Sequence[Expr],
    given: Expr,
    bodies: Mapping[str, SExpr],
    tokens: Mapping[str, object],
    kept: Mapping[str, LearnedFunction] | None = None,
) -> Expr:
    """`node` as an expression, `#i` standing for `args[i]` and `$0` for `given`; an
    abstraction in `kept` stays a call of its learned function, any other is inlined."""
    if isinstance(node, str):
        if node == "$0":
            return given
        if node.startswith("#"):
            return args[int(node[1:])]
        if node in bodies:
            return _call(node, [], given, bodies, tokens, kept)
        return literal(tokens[node])
    head, *rest = node
    assert isinstance(head, str)
    if head == "lam":
        return _expand(rest[0], args, given, bodies, tokens, kept)
    actual = [_expand(arg, args, given, bodies, tokens, kept) for arg in rest]
    if head in bodies:
        return _call(head, actual, given, bodies, tokens, kept)
    return Expr(head, tuple(actual))


def _call(
    name: str,
    actual: list[Expr],
    given: Expr,
    bodies: Mapping[str, SExpr],
    tokens: Mapping[str, object],
    kept: Mapping[str, LearnedFunction] | None,
) -> Expr:
    if kept and name in kept:
        function = kept[name]
        named = {"x0": given} | {f"a{index + 1}": arg for index, arg in enumerate(actual)}
        return Expr(function.name, tuple(named[param] for param, _ in function.params))
    return _expand(bodies[name], actual, given, bodies, tokens, kept)


# ---------------------------------------------------------------- functions


def _function(
    body: SExpr,
    bodies: Mapping[str, SExpr],
    tokens: Mapping[str, object],
    known: Mapping[str, Primitive],
    taken: set[str],
) -> LearnedFunction | None:
    """The abstraction as a learned function, if the search can apply it: two or more
    primitives, every parameter of one searched type, a searched value out."""
    arity = _arity(body, bodies)
    params = [Param(f"a{index + 1}") for index in range(arity)]
    takes_input = _takes_input(body, bodies)
    first = Param("x0")
    template = _expand(body, [literal(p) for p in params], literal(first), bodies, tokens)
    if template.is_literal or len(steps(template)) < 2:
        return None
    types: dict[Param, object] = {}
    if not _infer(template, None, types, known):
        return None
    returns = known[template.op].returns
    names = ([first] if takes_input else []) + params
    if set(types) != set(names) or returns not in TYPE_NAMES:
        return None
    if any(types[p] not in TYPE_NAMES for p in names):
        return None
    # a structured value first: the search applies a function to one
    signature = sorted(
        ((p.name, TYPE_NAMES[types[p]]) for p in names), key=lambda p: p[1] not in STRUCTURED
    )
    if signature[0][1] not in STRUCTURED:
        return None
    ops = [step.op for step in steps(template)]
    phrases = [known[op].phrase.rstrip(".") for op in ops]
    phrase = ", then ".join([phrases[0], *(p[:1].lower() + p[1:] for p in phrases[1:])])
    name = "_then_".join(ops[:MOST_STEPS]) + ("_etc" if len(ops) > MOST_STEPS else "")
    while name in taken or name in known:
        name += "_2"
    taken.add(name)
    return LearnedFunction(
        name=name,
        params=signature,
        returns=TYPE_NAMES[returns],
        body=_python(template),
        phrase=phrase + ".",
        uses=0,
        tasks=[],
    )


def _arity(node: SExpr, bodies: Mapping[str, SExpr]) -> int:
    found = [int(token[1:]) for token in re.findall(r"#\d+", str(node))]
    return max(found) + 1 if found else 0


def _takes_input(node: SExpr, bodies: Mapping[str, SExpr]) -> bool:
    """Whether the abstraction is a function of a program's input (a `lam`, perhaps by way
    of an earlier abstraction that is one)."""
    if isinstance(node, str):
        return node in bodies and _takes_input(bodies[node], bodies)
    head = node[0]
    return head == "lam" or (
        isinstance(head, str) and head in bodies and _takes_input(bodies[head], bodies)
    )


def _infer(
    expr: Expr, expected: object, types: dict[Param, object], known: Mapping[str, Primitive]
) -> bool:
    """Record each parameter's type from where it is passed; False on a conflict."""
    if expr.is_literal:
        if isinstance(expr.literal, Param):
            seen = types.setdefault(expr.literal, expected)
            return seen == expected
        return True
    primitive = known.get(expr.op)
    if primitive is None or len(primitive.params) != len(expr.args):
        return False
    return all(
        _infer(arg, kind, types, known)
        for arg, kind in zip(expr.args, primitive.params, strict=True)
    )


def _python(expr: Expr) -> str:
    if expr.is_literal:
        return repr(expr.literal)
    return f"{expr.op}({', '.join(_python(arg) for arg in expr.args)})"


# ---------------------------------------------------------------- uses and checks


def _with_uses(
    kept: dict[str, LearnedFunction],
    programs: Sequence[tuple[Entry, Split]],
    rewritten: Sequence[SExpr],
    bodies: Mapping[str, SExpr],
    tokens: Mapping[str, object],
) -> dict[str, LearnedFunction]:
    """The kept functions with the corpus programs that call them once rewritten; those
    that no program calls are dropped."""
    users: dict[str, list[str]] = {name: [] for name in kept}
    for (entry, _), program in zip(programs, rewritten, strict=True):
        expr = _expand(program, [], Expr(INPUT), bodies, tokens, kept)
        called = {step.op for step in steps(expr)}
        for stitch_name, function in kept.items():
            if function.name in called:
                users[stitch_name].append(entry.task)
    return {
        name: function.model_copy(
            update={"uses": len(users[name]), "tasks": sorted(set(users[name]))}
        )
        for name, function in kept.items()
        if users[name]
    }


def _verify(
    programs: Sequence[tuple[Entry, Split]],
    rewritten: Sequence[SExpr],
    kept: Mapping[str, LearnedFunction],
    bodies: Mapping[str, SExpr],
    tokens: Mapping[str, object],
    tasks: Mapping[str, Task],
    callables: Any,
) -> None:
    """Every program rewritten with the kept functions computes what it computed before, on
    every input of its task; and inlining them gives the program back exactly."""
    functions = _functions(callables)
    for (entry, parts), program in zip(programs, rewritten, strict=True):
        if _expand(program, [], Expr(INPUT), bodies, tokens) != parts.core:
            raise AssertionError(f"rewriting changed the program of {entry.task}")
        task = tasks.get(entry.task)
        if task is None:
            continue
        original = parts.program(parts.core)
        expr = parts.program(_expand(program, [], Expr(INPUT), bodies, tokens, kept))
        for example in [*task.train, *task.test]:
            grid = Grid(example.input)
            if _outcome(expr, grid, functions) != _outcome(original, grid, functions):
                raise AssertionError(f"a learned function changed the output on {entry.task}")


def _outcome(expr: Expr, grid: Grid, functions: Mapping[str, Any]) -> object:
    """What `expr` computes on `grid`, or the kind of error it raises."""
    try:
        return evaluate(expr, grid, dict(functions))
    except Exception as error:  # a DSL function refusing its input is an outcome too
        return type(error)


def _functions(module: Any) -> dict[str, Any]:
    return {name: getattr(module, name) for name in [*dsl.__all__, *module.__all__]}


def _example(
    function: LearnedFunction,
    programs: Sequence[tuple[Entry, Split]],
    rewritten: Sequence[SExpr],
    kept: Mapping[str, LearnedFunction],
    bodies: Mapping[str, SExpr],
    tokens: Mapping[str, object],
    tasks: Mapping[str, Task],
    callables: Any,
) -> Example | None:
    """The function's first call in the corpus, on its task's first train input, with
    arguments and output that can be written down (grids, numbers, truth values, strings,
    tables)."""
    functions = _functions(callables)
    for (entry, _), program in zip(programs, rewritten, strict=True):
        task = tasks.get(entry.task)
        if task is None or entry.task not in function.tasks:
            continue
        expr = _expand(program, [], Expr(INPUT), bodies, tokens, kept)
        call = next((step for step in steps(expr) if step.op == function.name), None)
        if call is None:  # another program of the task calls it
            continue
        grid = Grid(task.train[0].input)
        args = [evaluate(arg, grid, functions) for arg in call.args]
        output = functions[function.name](*args)
        if all(_plain(value) for value in [*args, output]):
            return Example(task=entry.task, args=[_data(a) for a in args], output=_data(output))
    return None


def _plain(value: object) -> bool:
    if isinstance(value, Grid | bool | int | str):
        return True
    return isinstance(value, tuple) and all(isinstance(v, int | tuple) for v in value)


def _data(value: object) -> object:
    return value.to_list() if isinstance(value, Grid) else value
