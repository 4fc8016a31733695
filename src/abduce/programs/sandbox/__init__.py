"""Run untrusted programs (model-written code) in isolated, limited worker processes.

A few fork servers start once, import numpy, networkx and sympy, and then fork a fresh child
for every program, so that no program sees state another left behind. Each child is
confined before it runs anything, in layers that each stop attacks on their own:

- kernel: rlimits (CPU seconds, heap, no file writes, few files, no processes), nobody
  instead of root where nobody can read the libraries, a network namespace without
  interfaces, and Landlock inherited from the server (reads only below the libraries, no
  writes, no exec but Python's, no TCP, no signals out);
- Python: an audit hook that refuses every event not known to be harmless (processes,
  sockets, writes, reads outside the libraries, tracing, refused modules), and an import
  allow-list; what acts in C without an audit event is never loaded (ctypes) or replaced by
  a refusal before the fork (fork_exec, mkfifo, the clock...);
- parent: a wall-clock timeout per program, and a server that stops answering is killed
  with its process group and replaced; results come back as capped JSON lines, parsed into
  plain data here and never unpickled.

Linux only. The parent never imports `worker/`: those files run inside the sandbox.
tests/security holds the attack corpus; benchmarks/RESULTS.md the throughput.
"""

from abduce.programs.sandbox.pool import LIBRARIES, Sandbox, default_sandbox
from abduce.programs.sandbox.results import RunResult

__all__ = ["LIBRARIES", "RunResult", "Sandbox", "default_sandbox"]
