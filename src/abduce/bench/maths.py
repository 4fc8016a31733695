"""Grading a model's reply to a generated maths problem.

Numbers, sets of roots and assignments are read here with strict regular expressions (no
eval). Expressions are compared by an injected `equivalent(a, b)` that the caller runs in a
sandbox: model text must never reach sympy's parser in the host process, so this module only
cleans and forwards it.

>>> final_answer("Hence the area is 7/3.\\n**ANSWER:** $\\\\boxed{\\\\frac{7}{3}}$.")
'7/3'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from abduce.tasks.maths import MathProblem

Equivalent = Callable[[str, str], bool]
TOLERANCE = Fraction(1, 10**6)

_MARKER = re.compile(r"answer\s*[:：]", re.IGNORECASE)
_WRAPPER = re.compile(r"\\(?:boxed|fbox|text|mathrm|textbf|mathbf|operatorname)\s*\{")
_BRACED = r"\{((?:[^{}]|\{[^{}]*\})*)\}"  # one level of nested braces, as in \frac{x^{2}}{2}
_FRACTION = re.compile(rf"\\[dt]?frac\s*{_BRACED}\s*{_BRACED}")
_LATEX_WORD = re.compile(r"\\(sin|cos|tan|exp|log|ln|sqrt|pi)\b")
_LATEX_IN = re.compile(r"\\in(?![a-z])")
_LATEX_SPACE = re.compile(r"\\[,;:! ]")
_REPLACEMENTS = (
    ("\\left", ""),
    ("\\right", ""),
    ("\\cdot", "*"),
    ("\\times", "*"),
    ("\\pm", "±"),
    ("\\infty", "oo"),
    ("\\{", "{"),
    ("\\}", "}"),
    ("\\(", ""),
    ("\\)", ""),
    ("\\[", ""),
    ("\\]", ""),
    ("−", "-"),  # the unicode minus sign
    ("×", "*"),
    ("·", "*"),
    ("$", ""),
    ("`", ""),
)

_NUMBER = r"[+-]?(?:\d+/\d+|\d+(?:\.\d*)?|\.\d+)"
_QUANTITY = re.compile(rf"[$€£]?\s*({_NUMBER})\s*[A-Za-z%°/²³ .]*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_EULER = re.compile(r"(?<![A-Za-z_])e(?![A-Za-z_(])")
_ROOT_NAME = re.compile(r"\b[a-z](?:_?\{?\d+\}?)?\s*(?:=|∈)")
_PLUS_MINUS = re.compile(rf"±\s*({_NUMBER})")
_SEPARATOR = re.compile(r",|;|\band\b|\bor\b")
_ASSIGNMENT = re.compile(rf"\s*([a-z])\s*=\s*({_NUMBER})\s*")
_TUPLE = re.compile(r"\s*\(([^()]*)\)\s*=\s*\(([^()]*)\)\s*")


def final_answer(text: str) -> str:
    """The answer a reply commits to, cleaned of markdown and LaTeX noise.

    That is the first non-empty line after the last "ANSWER:" marker; without a marker, what
    the last \\boxed{...} holds, else the last non-empty line.
    """
    markers = list(_MARKER.finditer(text))
    if not markers and (boxed := _last_boxed(text)) is not None:
        return _clean(boxed)
    rest = text[markers[-1].end() :] if markers else text
    lines = [cleaned for cleaned in map(_clean, rest.splitlines()) if cleaned]
    if not lines:
        return ""
    return lines[0] if markers else lines[-1]


def grade(problem: MathProblem, text: str, equivalent: Equivalent) -> bool:
    """Whether the reply `text` states `problem.answer`; expressions go to `equivalent`."""
    if problem.kind not in _GRADERS:
        raise ValueError(f"no grader for problem kind {problem.kind!r}")
    given = final_answer(text)
    return bool(given) and _GRADERS[problem.kind](given, problem.answer, equivalent)


def _last_boxed(text: str) -> str | None:
    """What the last \\boxed{...} in `text` holds, braces balanced; None if there is none."""
    start = text.rfind("\\boxed{")
    if start < 0:
        return None
    begin = end = start + len("\\boxed{")
    depth = 1
    while end < len(text) and depth:
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        end += 1
    return text[begin : end - 1]


def _clean(line: str) -> str:
    for old, new in _REPLACEMENTS:
        line = line.replace(old, new)
    line = _unwrap(line)
    while (match := _FRACTION.search(line)) is not None:
        line = line[: match.start()] + _ratio(*match.groups()) + line[match.end() :]
    line = _LATEX_WORD.sub(r"\1", line)
    line = _LATEX_IN.sub("∈", line)
    line = _LATEX_SPACE.sub(" ", line)
    return line.strip().strip("* ").rstrip(".").strip()


def _unwrap(line: str) -> str:
    """Replace \\boxed{...} and similar one-argument commands by their argument."""
    while (match := _WRAPPER.search(line)) is not None:
        depth, end = 1, match.end()
        while end < len(line) and depth:
            depth += {"{": 1, "}": -1}.get(line[end], 0)
            end += 1
        inner = line[match.end() : end - 1] if depth == 0 else line[match.end() :]
        line = line[: match.start()] + inner + line[end:]
    return line


def _ratio(numerator: str, denominator: str) -> str:
    def part(text: str) -> str:
        return text if text.isalnum() else f"({text})"

    return f"{part(numerator.strip())}/{part(denominator.strip())}"


# --- numbers -----------------------------------------------------------------------------


def _fraction(text: str) -> Fraction | None:
    if re.fullmatch(_NUMBER, text.strip()) is None:
        return None
    try:
        return Fraction(text.strip())
    except ZeroDivisionError:
        return None


def _number(text: str) -> Fraction | None:
    """A single number, perhaps after "name =": "I = 7/3" -> 7/3, "1,024" -> 1024."""
    return _fraction(_right_side(text))


def _quantity(text: str) -> Fraction | None:
    """A single number, perhaps after "name =" and before units: "t = 12 minutes" -> 12."""
    match = _QUANTITY.fullmatch(_right_side(text))
    return None if match is None else _fraction(match.group(1))


def _right_side(text: str) -> str:
    """What follows the last "=", before any "≈", without thousands separators."""
    return _THOUSANDS.sub("", text.rsplit("=", 1)[-1].split("≈")[0]).strip()


def _equal(a: Fraction | None, b: Fraction | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= TOLERANCE


def _same_number(given: str, expected: str, equivalent: Equivalent) -> bool:
    return _equal(_number(given), _number(expected))


def _same_quantity(given: str, expected: str, equivalent: Equivalent) -> bool:
    """Like _same_number, but units may follow: "12 minutes", "$44.20", "9 units"."""
    return _equal(_quantity(given), _number(expected))


# --- roots and assignments ---------------------------------------------------------------


def _roots(text: str) -> list[Fraction] | None:
    """Distinct numbers of "1, 2", "x = 1 or x = 2", "{1, 2}", "x ∈ {1, 2}", "x = ±2"."""
    text = _PLUS_MINUS.sub(r"-\1, \1", _ROOT_NAME.sub(" ", text))
    text = text.translate(str.maketrans("", "", "{}[]()"))
    parts = [part for part in _SEPARATOR.split(text) if part.strip()]
    values = [value for value in map(_fraction, parts) if value is not None]
    return sorted(set(values)) if values and len(values) == len(parts) else None


def _same_roots(given: str, expected: str, equivalent: Equivalent) -> bool:
    a, b = _roots(given), _roots(expected)
    return (
        a is not None
        and b is not None
        and len(a) == len(b)
        and all(_equal(p, q) for p, q in zip(a, b, strict=True))
    )


def _assignment(text: str) -> dict[str, Fraction] | None:
    """Values of "x = 1, y = -2" (any order, "," ";" or "and") or "(x, y) = (1, -2)"."""
    if (match := _TUPLE.fullmatch(text)) is not None:
        names, values = (part.split(",") for part in match.groups())
        if len(names) != len(values):
            return None
        items = [f"{name}={value}" for name, value in zip(names, values, strict=True)]
    else:
        items = [part for part in _SEPARATOR.split(text) if part.strip()]
    result: dict[str, Fraction] = {}
    for item in items:
        matched = _ASSIGNMENT.fullmatch(item)
        if matched is None:
            return None
        name, value = matched.group(1), _fraction(matched.group(2))
        if value is None or result.setdefault(name, value) != value:
            return None
    return result or None


def _same_assignment(given: str, expected: str, equivalent: Equivalent) -> bool:
    a, b = _assignment(given), _assignment(expected)
    return (
        a is not None
        and b is not None
        and a.keys() == b.keys()
        and all(_equal(a[name], b[name]) for name in b)
    )


# --- expressions -------------------------------------------------------------------------


def _expression(text: str) -> str | None:
    """The right-hand side of "f'(x) = ...", in sympy notation; None if brackets do not balance.

    Only text is rewritten: ^ -> **, braces -> parentheses, a lone e -> E (Euler's number).
    """
    text = text.rsplit("=", 1)[-1].strip()
    text = _EULER.sub("E", text.replace("^", "**").replace("{", "(").replace("}", ")"))
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return None
    return text if text and depth == 0 else None


def _same_expression(given: str, expected: str, equivalent: Equivalent) -> bool:
    expression = _expression(given)
    return expression is not None and equivalent(expression, expected)


def _same_antiderivative(given: str, expected: str, equivalent: Equivalent) -> bool:
    """Antiderivatives may differ by a constant (or carry "+ C"): compare their derivatives."""
    expression = _expression(given)
    return expression is not None and equivalent(f"diff({expression}, x)", f"diff({expected}, x)")


def _same_value(given: str, expected: str, equivalent: Equivalent) -> bool:
    """Limits: numbers compare here; anything else (exp(2), pi/4) goes to `equivalent`."""
    a, b = _number(given), _number(expected)
    if a is not None and b is not None:
        return _equal(a, b)
    return _same_expression(given, expected, equivalent)


_GRADERS: dict[str, Callable[[str, str, Equivalent], bool]] = {
    "roots": _same_roots,
    "linear_system": _same_assignment,
    "derivative": _same_expression,
    "integral": _same_antiderivative,
    "definite_integral": _same_number,
    "limit": _same_value,
    "simplify": _same_expression,
    "modular": _same_number,
    "shortest_path": _same_quantity,
    "word_problem": _same_quantity,
}
