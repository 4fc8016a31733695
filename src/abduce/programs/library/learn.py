"""Stitch compresses the corpus; its abstractions become typed, named, verified functions.

A program is written for Stitch as `(lam CORE)`, `$0` its input grid and CORE what the search
enumerated: the learned final steps at its top (colour tables, neighbourhood rules, object
choices) are each task's own, so they are left out, and put back to verify. A literal is a
token of its own (`lit3`), one per distinct value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from abduce.programs import dsl
from abduce.programs.dsl import Color, Grid, Grids, Integer, Object, Objects
from abduce.programs.dsl.calls import plain
from abduce.programs.library.functions import Example, LearnedFunction, Library
from abduce.programs.search.corpus import Entry, parse_program
from abduce.programs.search.expr import INPUT, Expr, evaluate, literal, replaced, steps
from abduce.programs.search.vocabulary import Primitive, primitives
from abduce.tasks import Task, load_arc
from abduce.tasks.generate import FAMILIES, generate

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
STRUCTURED = ("Grid", "Objects", "Object", "Grids")  # what the search applies functions to
LEARNED_STEPS = {  # the search learns these from the train pairs, it does not enumerate them
    "apply_color_map": 0,  # the argument that holds the enumerated value
    "apply_local_rule": 0,
    "object_where": 0,
    "recolor_objects": 1,
}
CORE = "core"
PROGRAM_INPUT = Expr(INPUT)
SExpr = str | list["SExpr"]


def corpus_tasks() -> dict[str, Task]:
    """Every task a corpus entry may name: the ARC-AGI-1 training tasks and one instance of
    each generator family, on which the learned functions are verified."""
    return {**load_arc("training"), **{name: generate(name, 0) for name in FAMILIES}}


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
    tokens = _Tokens()
    found = stitch_core.compress(
        [f"(lam {tokens.written(parts.core)})" for _, parts in programs],
        iterations=iterations,
        max_arity=arity,
        tasks=[entry.task for entry, _ in programs],
        no_curried_metavars=True,
        no_curried_bodies=True,
    )
    bodies = {abstraction.name: _parse(abstraction.body) for abstraction in found.abstractions}
    compression = Compression(programs, [_parse(p) for p in found.rewritten], bodies, tokens)
    named = compression.functions(primitives(dsl))
    distinct: dict[str, LearnedFunction] = {}  # a function once, however many names call it
    for function in named.values():
        distinct.setdefault(function.name, function)
    library = Library(
        programs=len(programs),
        tasks=len({entry.task for entry, _ in programs}),
        cost_before=int(found.json["original_cost"]),
        cost_after=int(found.json["final_cost"]),
        functions=list(distinct.values()),
    )
    calls = _functions(library.module())
    compression.verify(named, tasks, calls)
    functions = [
        function.model_copy(update={"example": compression.example(function, named, tasks, calls)})
        for function in library.functions
    ]
    return library.model_copy(update={"functions": functions})


@dataclass(frozen=True)
class Split:
    """A program as the value the search enumerated (its core) and the learned final steps
    around it (`Expr(CORE)` where the core was)."""

    core: Expr
    around: Expr

    def program(self, core: Expr) -> Expr:
        """The program with another core."""
        return replaced(self.around, CORE, core)


def split(expr: Expr) -> Split:
    """`expr`'s core and the learned steps at its top."""
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


@dataclass(frozen=True)
class Param:
    """A learned function's parameter inside its body."""

    name: str

    def __repr__(self) -> str:
        return self.name


class _Tokens:
    """Literal values as Stitch tokens, one per distinct value, and back."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.names: dict[tuple[type, object], str] = {}

    def written(self, expr: Expr) -> str:
        """`expr` as Stitch reads it."""
        if expr.op == INPUT:
            return "$0"
        if expr.is_literal:
            key = (type(expr.literal), expr.literal)
            if key not in self.names:
                self.names[key] = f"lit{len(self.values)}"
                self.values[self.names[key]] = expr.literal
            return self.names[key]
        return f"({expr.op} {' '.join(self.written(arg) for arg in expr.args)})"


@dataclass(frozen=True)
class Compression:
    """What Stitch made of the corpus: each program rewritten with its abstractions."""

    programs: Sequence[tuple[Entry, Split]]
    rewritten: Sequence[SExpr]
    bodies: Mapping[str, SExpr]  # each abstraction's body, by Stitch's name
    tokens: _Tokens

    def expand(
        self,
        node: SExpr,
        args: Sequence[Expr] = (),
        given: Expr = PROGRAM_INPUT,
        kept: Mapping[str, LearnedFunction] | None = None,
    ) -> Expr:
        """`node` as an expression, `#i` standing for `args[i]` and `$0` for `given`; an
        abstraction in `kept` stays a call of its learned function, any other is inlined."""
        if isinstance(node, str):
            if node == "$0":
                return given
            if node.startswith("#"):
                return args[int(node[1:])]
            if node in self.bodies:
                return self._call(node, [], given, kept)
            return literal(self.tokens.values[node])
        head, *rest = node
        assert isinstance(head, str)
        if head == "lam":
            return self.expand(rest[0], args, given, kept)
        actual = [self.expand(arg, args, given, kept) for arg in rest]
        if head in self.bodies:
            return self._call(head, actual, given, kept)
        return Expr(head, tuple(actual))

    def _call(
        self,
        name: str,
        actual: list[Expr],
        given: Expr,
        kept: Mapping[str, LearnedFunction] | None,
    ) -> Expr:
        if kept and name in kept:
            function = kept[name]
            bound = {"x0": given} | {f"a{index + 1}": arg for index, arg in enumerate(actual)}
            return Expr(function.name, tuple(bound[param] for param, _ in function.params))
        return self.expand(self.bodies[name], actual, given, kept)

    def functions(self, known: Mapping[str, Primitive]) -> dict[str, LearnedFunction]:
        """The abstractions the search can apply, by Stitch's name, with the corpus
        programs that call them once rewritten; those no program calls are left out. An
        abstraction that computes what an earlier one does (its parameters named otherwise)
        calls the earlier function: several Stitch names may map to one function."""
        kept: dict[str, LearnedFunction] = {}
        for stitch_name, body in self.bodies.items():
            function = self._function(body, known, {f.name for f in kept.values()})
            if function:
                same = next((f for f in kept.values() if _same(f, function)), None)
                kept[stitch_name] = (
                    same.model_copy(update={"params": function.params, "body": function.body})
                    if same
                    else function
                )
        users: dict[str, list[str]] = {function.name: [] for function in kept.values()}
        for (entry, _), program in zip(self.programs, self.rewritten, strict=True):
            for name in {step.op for step in steps(self.expand(program, kept=kept))} & set(users):
                users[name].append(entry.task)
        return {
            stitch_name: function.model_copy(
                update={
                    "uses": len(users[function.name]),
                    "tasks": sorted(set(users[function.name])),
                }
            )
            for stitch_name, function in kept.items()
            if users[function.name]
        }

    def _function(
        self, body: SExpr, known: Mapping[str, Primitive], taken: set[str]
    ) -> LearnedFunction | None:
        """The abstraction as a learned function, if the search can apply it: two or more
        primitives, every parameter of a searched type, a structured one first."""
        found = [int(token[1:]) for token in re.findall(r"#\d+", str(body))]
        params = [Param(f"a{index + 1}") for index in range(max(found, default=-1) + 1)]
        first = Param("x0")
        template = self.expand(body, [literal(p) for p in params], literal(first))
        applied = steps(template)  # none for a literal
        if len(applied) < 2:
            return None
        types: dict[Param, object] = {}
        names = ([first] if self._takes_input(body) else []) + params
        if not _infer(template, None, types, known) or set(types) != set(names):
            return None
        returns = known[template.op].returns
        if returns not in TYPE_NAMES or any(types[p] not in TYPE_NAMES for p in names):
            return None
        signature = sorted(
            ((p.name, TYPE_NAMES[types[p]]) for p in names), key=lambda p: p[1] not in STRUCTURED
        )
        if signature[0][1] not in STRUCTURED:
            return None
        ops = [step.op for step in applied]
        phrases = [_phrase(step, known[step.op]) for step in applied]
        phrase = ", then ".join([phrases[0], *(p[:1].lower() + p[1:] for p in phrases[1:])])
        name = "_then_".join(ops[:MOST_STEPS]) + ("_etc" if len(ops) > MOST_STEPS else "")
        while name in taken or name in known:
            name += "_2"
        return LearnedFunction(
            name=name,
            params=signature,
            returns=TYPE_NAMES[returns],
            body=_python(template),
            phrase=phrase + ".",
            uses=0,
            tasks=[],
        )

    def _takes_input(self, node: SExpr) -> bool:
        """Whether an abstraction is a function of a program's input: a `lam`, perhaps by
        way of an earlier abstraction that is one."""
        head = node if isinstance(node, str) else node[0]
        if head == "lam":
            return True
        earlier = self.bodies.get(head) if isinstance(head, str) else None
        return earlier is not None and self._takes_input(earlier)

    def verify(
        self,
        kept: Mapping[str, LearnedFunction],
        tasks: Mapping[str, Task],
        calls: Mapping[str, Any],
    ) -> None:
        """Every program rewritten with the kept functions (its final steps put back)
        computes what it computed before on every input of its task, and inlining every
        abstraction gives its core back exactly."""
        for (entry, parts), program in zip(self.programs, self.rewritten, strict=True):
            if self.expand(program) != parts.core:
                raise AssertionError(f"rewriting changed the program of {entry.task}")
            task = tasks.get(entry.task)
            if task is None:
                continue
            before = parts.program(parts.core)
            after = parts.program(self.expand(program, kept=kept))
            for example in [*task.train, *task.test]:
                grid = Grid(example.input)
                if _outcome(after, grid, calls) != _outcome(before, grid, calls):
                    raise AssertionError(f"a learned function changed an output of {entry.task}")

    def example(
        self,
        function: LearnedFunction,
        kept: Mapping[str, LearnedFunction],
        tasks: Mapping[str, Task],
        calls: Mapping[str, Any],
    ) -> Example | None:
        """The function's first call in the corpus, on its task's first train input, when
        its arguments can be written down (grids, numbers, strings, tables)."""
        for (entry, _), program in zip(self.programs, self.rewritten, strict=True):
            task = tasks.get(entry.task)
            if task is None or entry.task not in function.tasks:
                continue
            found = steps(self.expand(program, kept=kept))
            call = next((step for step in found if step.op == function.name), None)
            if call is None:  # another program of the task calls it
                continue
            grid = Grid(task.train[0].input)
            args = [evaluate(arg, grid, dict(calls)) for arg in call.args]
            output = calls[function.name](*args)
            if all(map(_plain, args)):
                return Example(task=entry.task, args=list(map(plain, args)), output=plain(output))
        return None


def _same(first: LearnedFunction, second: LearnedFunction) -> bool:
    """Whether two functions compute the same thing, their parameters taken in order."""

    def positional(function: LearnedFunction) -> tuple[object, ...]:
        body = function.body
        for index, (name, _) in enumerate(function.params):
            body = re.sub(rf"\b{name}\b", f"#{index}", body)
        return function.returns, [kind for _, kind in function.params], body

    return positional(first) == positional(second)


def _phrase(step: Expr, primitive: Primitive) -> str:
    """The primitive's phrase, its colour named when a step of a learned function fixes it
    ("colour 1") or an earlier step computes it ("that colour")."""
    phrase = primitive.phrase.rstrip(".")
    colors = [arg for arg, kind in zip(step.args, primitive.params, strict=True) if kind is Color]
    if len(colors) != 1 or phrase.count("the given colour") != 1:
        return phrase
    [color] = colors
    if not color.is_literal:
        return phrase.replace("the given colour", "that colour")
    if isinstance(color.literal, Param):
        return phrase
    return phrase.replace("the given colour", f"colour {color.literal}")


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


def _infer(
    expr: Expr, expected: object, types: dict[Param, object], known: Mapping[str, Primitive]
) -> bool:
    """Record each parameter's type from where it is passed; False on a conflict."""
    if expr.is_literal:
        if isinstance(expr.literal, Param):
            return types.setdefault(expr.literal, expected) == expected
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


def _functions(module: Any) -> dict[str, Any]:
    return {name: getattr(module, name) for name in [*dsl.__all__, *module.__all__]}


def _outcome(expr: Expr, grid: Grid, calls: Mapping[str, Any]) -> object:
    """What `expr` computes on `grid`, or the kind of error it raises."""
    try:
        return evaluate(expr, grid, dict(calls))
    except Exception as error:  # a DSL function refusing its input is an outcome too
        return type(error)


def _plain(value: object) -> bool:
    if isinstance(value, Grid | bool | int | str):
        return True
    return isinstance(value, tuple) and all(isinstance(v, int | tuple) for v in value)
