"""When a run stops before its last task: the model server's faults, or its cost."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from abduce.bench.cost import Price
from abduce.bench.jobs import Fault, Outcome
from abduce.errors import AbduceError, CostLimitReached, ModelServerError


class Limits(BaseModel):
    """Stop after `max_faults` faults of the model server in a row (a finished task resets
    the count), or before the next task would likely take the cost past `max_cost` dollars."""

    model_config = ConfigDict(frozen=True)

    max_faults: int = Field(3, ge=1)
    max_cost: float | None = Field(None, gt=0)
    price: Price = Price()


class Guard:
    """Counts the outcomes of a run of `jobs` jobs as they arrive and says when the run must
    stop, and why."""

    def __init__(self, limits: Limits, jobs: int) -> None:
        self.limits = limits
        self.jobs = jobs
        self.in_a_row = 0
        self.faults: list[Fault] = []
        self.outcomes = 0
        self.spent = 0.0
        self.reason: AbduceError | None = None

    @property
    def wasted(self) -> float:
        """Dollars spent on the faulted jobs, which recorded nothing."""
        return sum(self.cost(fault) for fault in self.faults)

    def cost(self, outcome: Outcome) -> float:
        return self.limits.price.cost(outcome.tokens_in, outcome.tokens_out)

    def add(self, outcome: Outcome) -> None:
        self.outcomes += 1
        self.spent += self.cost(outcome)
        if isinstance(outcome, Fault):
            self.faults.append(outcome)
            self.in_a_row += 1
        else:
            self.in_a_row = 0
        if self.reason is not None:
            return
        if self.in_a_row >= self.limits.max_faults:
            self.reason = self.faults[-1].error
        elif self._next_would_pass_the_cap():
            cap = self.limits.max_cost
            self.reason = CostLimitReached(
                f"stopped at ${self.spent:.4f} of --max-cost ${cap}: the next task would "
                "likely pass it; the same command resumes with the tasks left"
            )

    def stopped(self) -> bool:
        return self.reason is not None

    def _next_would_pass_the_cap(self) -> bool:
        cap = self.limits.max_cost
        left = self.outcomes < self.jobs
        return cap is not None and left and self.spent + self.spent / self.outcomes > cap

    def error(self) -> AbduceError | None:
        """Why the run did not finish every job: what stopped it, or the faulted jobs it went
        past (not recorded, so exit code 0 would be a lie)."""
        if self.reason is not None or not self.faults:
            return self.reason
        last = self.faults[-1].error
        return ModelServerError(
            f"{len(self.faults)} task(s) not recorded after faults of the model server (the "
            f"last: {last}); the same command runs them again"
        )
