"""What runs: the sandbox for untrusted programs (and, later, the grid DSL and search)."""

from abduce.programs.sandbox import RunResult, run_program

__all__ = ["RunResult", "run_program"]
