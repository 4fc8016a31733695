"""Learned functions as data (the versioned library file) and as Python over the DSL."""

from __future__ import annotations

import ast
import hashlib
import re
from functools import cache
from keyword import iskeyword
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from abduce.errors import AbduceError, first_problem
from abduce.programs import dsl
from abduce.programs.search.corpus import shipped_file
from abduce.programs.search.vocabulary import Vocabulary, dsl_vocabulary

VERSION = 1
LIBRARY_FILE = "library.json"
MAX_SHARE = 0.5  # of a prior's mass for all learned functions: the DSL's primitives keep the rest
TYPES = ("Grid", "Objects", "Object", "Grids", "Color", "Integer", "bool")  # searched types


class LibraryError(AbduceError, ValueError):
    """A library file cannot be used."""


class Example(BaseModel):
    """A call of a learned function taken from the corpus: its arguments and its output."""

    model_config = ConfigDict(frozen=True)

    task: str
    args: list[Any]  # grids as lists of rows, numbers, truth values, strings, tables
    output: Any  # as `dsl.calls.plain` writes it


class LearnedFunction(BaseModel):
    """A function Stitch found in the corpus: its signature, its body over the DSL, what it
    does in words, and how often the corpus uses it."""

    model_config = ConfigDict(frozen=True)

    name: str
    params: list[tuple[str, str]]  # (name, DSL type name)
    returns: str
    body: str  # a Python expression over the DSL and the parameters
    phrase: str
    uses: int  # corpus programs that call it once rewritten
    tasks: list[str]  # the tasks those programs solve
    example: Example | None = None

    @model_validator(mode="after")
    def _only_dsl(self) -> LearnedFunction:
        """Refuse anything but DSL calls on the parameters and plain literals: the body is
        run in this process, and a library file may come from anywhere."""
        names = [self.name, *(name for name, _ in self.params)]
        if not all(name.isidentifier() and not iskeyword(name) for name in names):
            raise ValueError(f"{self.name!r}: a name that is not an identifier")
        if self.name in dsl.__all__ or len(set(names)) != len(names):
            raise ValueError(f"{self.name!r}: a name the DSL or another parameter has")
        if any(kind not in TYPES for _, kind in self.params) or self.returns not in TYPES:
            raise ValueError(f"{self.name}: a type the search does not build")
        params = {name for name, _ in self.params}
        try:
            body = ast.parse(self.body, mode="eval")
        except SyntaxError:
            raise ValueError(f"{self.name}: its body is not a Python expression") from None
        if not all(_allowed(node, params) for node in ast.walk(body)):
            raise ValueError(f"{self.name}: its body is more than DSL calls and literals")
        return self

    @property
    def signature(self) -> str:
        """`name(params) -> result`, as the DSL reference and `library show` write it."""
        params = ", ".join(f"{name}: {kind}" for name, kind in self.params)
        return f"{self.name}({params}) -> {self.returns}"

    @property
    def source(self) -> str:
        """The function as Python, as a program that calls it carries it."""
        return f"def {self.signature}:\n    {self.phrase!r}\n    return {self.body}\n"


def _allowed(node: ast.AST, params: set[str]) -> bool:
    """Whether a node of a learned function's body is a DSL call, a parameter or a literal."""
    match node:
        case ast.Expression() | ast.Load() | ast.Tuple():
            return True
        case ast.Call(func=ast.Name(id=name), keywords=[]):
            return name in dsl.__all__
        case ast.Name(id=name):
            return name in params or name in dsl.__all__
        case ast.Constant(value=value):
            return isinstance(value, int | str)
    return False


class Library(BaseModel):
    """The learned functions, with the corpus they were learned from and how much they
    shrank it (Stitch's cost, before and after rewriting)."""

    model_config = ConfigDict(frozen=True)

    version: int = VERSION
    programs: int
    tasks: int
    cost_before: int
    cost_after: int
    functions: list[LearnedFunction]

    @property
    def name(self) -> str:
        """Its format's version, how many functions it has and a digest of them, as result
        lines record it: `library/1:3:5f0c2a9e41b7`."""
        digest = hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:12]
        return f"library/{self.version}:{len(self.functions)}:{digest}"

    def dump(self, path: Path) -> None:
        path.write_text(self.model_dump_json() + "\n")

    def carried(self, code: str) -> str:
        """`code` with the definitions of the learned functions it calls but does not define
        put before it, so that it runs in the sandbox over `dsl` alone."""
        called = [
            f.source
            for f in self.functions
            if re.search(rf"\b{f.name}\(", code) and f"def {f.name}(" not in code
        ]
        return "\n\n".join(["from dsl import *", *called, code]) if called else code

    def module(self) -> ModuleType:
        """The functions as a module beside `dsl`, each defined from its source."""
        module = ModuleType("learned", "Functions learned from the corpus.")
        namespace = module.__dict__
        namespace.update({name: getattr(dsl, name) for name in dir(dsl) if name[0] != "_"})
        for function in self.functions:
            exec(compile(function.source, f"<learned {function.name}>", "exec"), namespace)
        namespace["__all__"] = [function.name for function in self.functions]
        return module


def library_vocabulary(library: Library) -> Vocabulary:
    """The DSL's vocabulary and the library's functions, each as likely as the share of the
    corpus's programs that call it (those that compress more cost the search less)."""
    definitions = {function.name: function.source for function in library.functions}
    shares = {f.name: f.uses / max(library.programs, 1) for f in library.functions}
    scale = min(1.0, MAX_SHARE / max(sum(shares.values()), 1e-9))
    chances = {name: share * scale for name, share in shares.items()}
    return dsl_vocabulary().extended(library.module(), definitions, chances)


def load_library(path: Path) -> Library:
    """The library in a file that `abduce library learn` wrote."""
    try:
        library = Library.model_validate_json(path.read_text())
    except OSError as error:
        raise LibraryError(f"{path}: {error.strerror or error}") from None
    except ValidationError as error:
        problem = first_problem(error)
        raise LibraryError(f"{path}: not a library of learned functions ({problem})") from None
    if library.version != VERSION:
        raise LibraryError(f"{path}: library version {library.version}, not {VERSION}")
    return library


@cache
def library_named(name: str) -> Library | None:
    """The library a setting names: 'none', 'learned' (the shipped one) or a file's path."""
    if name == "none":
        return None
    return shipped_library() if name == "learned" else load_library(Path(name))


@cache
def shipped_library() -> Library:
    """The library shipped with abduce, read once."""
    return load_library(shipped_file(LIBRARY_FILE))
