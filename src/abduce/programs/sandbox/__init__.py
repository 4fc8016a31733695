"""Run untrusted programs (model-written code) in isolated, limited worker processes.

Design: a few fork servers start once, import numpy, networkx and sympy, and then fork a fresh
child for every program, so no program sees state another left behind. Each child is confined
before it runs anything, in layers that each stop an attack on their own where they can:

- kernel: rlimits (CPU seconds, heap, no file writes, few files, no processes), root dropped
  to nobody, a network namespace without interfaces, and Landlock (read-only libraries, no
  TCP, no signals out) inherited from the server;
- Python: an audit hook that refuses every event not known to be harmless (processes,
  sockets, writes, reads outside the libraries, ctypes and mmap loading, tracing), and an
  import allow-list; ctypes itself is never loaded into a server;
- parent: a wall-clock timeout that kills the child (and a server that stops answering, with
  its whole process group), results as capped JSON lines parsed into plain data, never
  unpickled.

The parent never imports `worker/`: those files run inside the sandbox processes.
"""

from abduce.programs.sandbox.pool import Sandbox, default_sandbox, run_program
from abduce.programs.sandbox.results import RunResult

__all__ = ["RunResult", "Sandbox", "default_sandbox", "run_program"]
