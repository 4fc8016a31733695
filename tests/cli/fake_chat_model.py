"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for `abduce chat` tests.

Each script is a table: the first row whose marker is in the last message gives the reply.
A question containing HOLD is answered only once the test opens the server's gate, so that
a test can interrupt the answer while the model is known to be thinking; a question
containing LOOP gets a program that never returns.
"""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

from tests.cli.fake_openai import serve

HOLD = "hold on"
LOOP = "loop forever"
PLAN = 'with "Approach:"'  # ask_plan.md
PROGRAM = "code block that defines answer()"  # ask_program.md and ask_revise.md
WORD_PROGRAM = "returns the final"  # word_program.md and word_revise.md
WORD_STEPS = "Think step by step"  # word_steps.md

APPROACH = "Approach: solve the cubic with sympy.solve and check the roots by substitution."
FOREVER = "```python\ndef answer():\n    while True:\n        pass\n```"
APPLES = "```python\ndef answer():\n    picked = 8 * 3\n    return picked - 4\n```"


def _program(roots: str) -> str:
    return f"""```python
from symbolic.algebra import solve

def answer():
    roots = solve("x**3 - 6*x**2 + 11*x - 6 = 0", "x")
    return {roots}
```"""


SCRIPTS: dict[str, list[tuple[str, str]]] = {
    "right": [
        (WORD_PROGRAM, APPLES),  # every seed gets the same program: it counts once
        (WORD_STEPS, "8 * 3 = 24 apples\n24 - 4 = 20\nAnswer: 20"),
        (PLAN, APPROACH),
        (LOOP, FOREVER),
        (PROGRAM, _program("roots")),
    ],
    "wrong": [(PLAN, APPROACH), (PROGRAM, _program('["1", "2", "4"]'))],
}


class Gate:
    """Holds back the replies to HOLD questions until opened; tells when one is held."""

    def __init__(self) -> None:
        self.holding = threading.Event()
        self.opened = threading.Event()


def start(script: str = "right", gate: Gate | None = None) -> tuple[ThreadingHTTPServer, str]:
    """Start a server playing SCRIPTS[script] on a free port; returns it and its base URL."""

    def reply(last: str) -> str:
        if HOLD in last and gate is not None:
            gate.holding.set()
            gate.opened.wait(timeout=600)
        return next((text for marker, text in SCRIPTS[script] if marker in last), "I do not know.")

    return serve(reply)
