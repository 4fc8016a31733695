"""An OpenAI-compatible server on 127.0.0.1 that answers like fake_openai or with a fault:
401, 404, 429, 500, a body that is not JSON, or no answer at all; and a closed port."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.cli.fake_openai import HYPOTHESES, PROGRAM

FAULTS = ("401", "403", "404", "429", "500", "not-json", "hang")


class FaultServer:
    """Answers request n as `schedule[n - 1]` says while the schedule lasts, then its first
    `healthy` requests with the ARC loop's script and the others as `fault` says (None: the
    script too), each after `delay` seconds; counts the requests it received, and the most it
    held at once."""

    def __init__(
        self, fault: str | None = None, healthy: int = 0, schedule: Sequence[str | None] = ()
    ) -> None:
        self.fault = fault
        self.healthy = healthy
        self.schedule = list(schedule)
        self.delay = 0.0
        self.requests = 0
        self.holding = 0
        self.peak = 0
        self.released = threading.Event()
        counting = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with counting:
                    server.requests += 1
                    server.holding += 1
                    server.peak = max(server.peak, server.holding)
                    fault = server.fault_of(server.requests)
                try:
                    self._answer(request, fault)
                finally:
                    with counting:
                        server.holding -= 1

            def _answer(self, request: dict[str, object], fault: str | None) -> None:
                if fault == "hang":
                    server.released.wait(30)
                    return
                time.sleep(server.delay)
                if fault == "not-json":
                    self._send(200, b"{not json")
                elif fault is not None:
                    error = {"error": {"message": f"fault {fault}", "type": "fault"}}
                    self._send(int(fault), json.dumps(error).encode())
                else:
                    self._send(200, _reply(request))

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if status == 429:
                    self.send_header("retry-after", "0.1")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}/v1"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def fault_of(self, request: int) -> str | None:
        if request <= len(self.schedule):
            return self.schedule[request - 1]
        return self.fault if request > self.healthy else None

    def stop(self) -> None:
        self.released.set()
        self.http.shutdown()
        self.http.server_close()


def _reply(request: dict[str, object]) -> bytes:
    messages = request["messages"]
    assert isinstance(messages, list)
    text = HYPOTHESES if "Describe the hidden rule" in messages[-1]["content"] else PROGRAM
    return json.dumps({
        "id": "fake", "object": "chat.completion", "created": 0, "model": request["model"],
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
    }).encode()  # fmt: skip


def closed_port() -> str:
    """The base URL of a port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
