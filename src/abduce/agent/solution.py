"""The result of solving one task."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from abduce.agent.models import ExampleVerdict
from abduce.agent.trace import TraceField


class Solution(BaseModel):
    """Attempts per test input (at most two each), the winning hypothesis and program,
    its per-example verdicts, the cost, and the full trace of the run."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    task_id: str
    attempts: list[list[object]]
    hypothesis: str | None
    program: str | None
    verdicts: list[ExampleVerdict]
    passed_train: bool
    correct: bool | None
    stopped: str
    llm_calls: int
    tokens_in: int
    tokens_out: int
    seconds: float
    model_seconds: float = 0.0  # of those, waiting for the model's replies
    model: str
    evaluations: int = 0  # of the DSL search, and the cost levels it reached
    levels: int = 0
    trace: TraceField
