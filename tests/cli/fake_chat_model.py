"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for `abduce chat` tests.

Each script is a table: the first row whose marker is in the last message gives the reply.
A question containing SLOW makes the server wait before replying, so that a test can
interrupt the answer.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


def _handler(script: list[tuple[str, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            last = request["messages"][-1]["content"]
            if SLOW in last:
                time.sleep(30)
            text = next((reply for marker, reply in script if marker in last), "I do not know.")
            body = json.dumps({
                "id": "fake", "object": "chat.completion", "created": 0, "model": request["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
            }).encode()  # fmt: skip
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def start(script: str = "right") -> tuple[ThreadingHTTPServer, str]:
    """Start a server playing SCRIPTS[script] on a free port; returns it and its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(SCRIPTS[script]))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"
