"""The result of solving one task."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_serializer, field_validator

from abduce.agent.models import ExampleVerdict
from abduce.agent.trace import Trace


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
    model: str
    trace: Trace

    @field_validator("trace", mode="before")
    @classmethod
    def _trace_from_data(cls, value: object) -> object:
        return Trace.from_dict(value) if isinstance(value, dict) else value

    @field_serializer("trace")
    def _trace_data(self, trace: Trace) -> dict[str, Any]:
        return trace.to_dict()
