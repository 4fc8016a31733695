"""What runs: the sandbox for untrusted programs (and, later, the grid DSL and search)."""

from abduce.programs.sandbox import RunResult, Sandbox, default_sandbox

__all__ = ["RunResult", "Sandbox", "default_sandbox"]
