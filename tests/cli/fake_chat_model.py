"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for `abduce chat` tests.

Each script is a table: the first row whose marker is in the last message gives the reply.
A question containing SLOW makes the server wait before replying, so that a test can
interrupt the answer.
"""

from __future__ import annotations

import time
from http.server import ThreadingHTTPServer

from tests.cli.fake_openai import serve

SLOW = "take your time"
PLAN = 'with "Approach:"'  # ask_plan.md
PROGRAM = "code block that defines answer()"  # ask_program.md and ask_revise.md

APPROACH = "Approach: solve the cubic with sympy.solve and check the roots by substitution."


def _program(roots: str) -> str:
    return f"""```python
from symbolic.algebra import solve

def answer():
    roots = solve("x**3 - 6*x**2 + 11*x - 6 = 0", "x")
    return {roots}
```"""


SCRIPTS: dict[str, list[tuple[str, str]]] = {
    "right": [(PLAN, APPROACH), (PROGRAM, _program("roots"))],
    "wrong": [(PLAN, APPROACH), (PROGRAM, _program('["1", "2", "4"]'))],
}


def start(script: str = "right") -> tuple[ThreadingHTTPServer, str]:
    """Start a server playing SCRIPTS[script] on a free port; returns it and its base URL."""

    def reply(last: str) -> str:
        if SLOW in last:
            time.sleep(30)
        return next((text for marker, text in SCRIPTS[script] if marker in last), "I do not know.")

    return serve(reply)
