"""A scripted OpenAI-compatible HTTP server on 127.0.0.1, for CLI tests without a real model."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HYPOTHESES = "Hypothesis 1: mirror each row left to right"
PROGRAM = "```python\ndef transform(grid):\n    return [row[::-1] for row in grid]\n```"


def serve(reply: Callable[[str], str]) -> tuple[ThreadingHTTPServer, str]:
    """Start a server answering each chat request with `reply(last message)`, on a free port;
    returns it and its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            text = reply(request["messages"][-1]["content"])
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

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"


def start() -> tuple[ThreadingHTTPServer, str]:
    """The ARC loop's script: hypotheses when asked for them, else the mirroring program."""
    return serve(lambda last: HYPOTHESES if "Describe the hidden rule" in last else PROGRAM)
