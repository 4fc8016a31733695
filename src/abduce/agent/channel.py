"""One conversation channel to a LangChain chat model, with token counts and a call budget."""

from __future__ import annotations

import time
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.outputs import LLMResult
from langchain_core.runnables import RunnableConfig

from abduce.agent.faults import model_error
from abduce.agent.models import Budget


class BudgetExhausted(Exception):
    """Raised instead of calling the model once the task's budget is spent."""


class ModelChannel:
    """Sends messages to a chat model; counts calls, tokens and the seconds waited for them;
    refuses calls over budget."""

    def __init__(self, model: BaseChatModel) -> None:
        self.model = model
        self.start(Budget())

    def start(self, budget: Budget) -> None:
        """Reset the counters for a new task with its own budget."""
        self.budget = budget
        self.started = time.monotonic()
        self.calls = 0
        self.tokens_in = 0
        self.tokens_out = 0
        self.waited = 0.0  # seconds spent in calls to the model

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def exhausted(self) -> bool:
        return self.calls >= self.budget.max_llm_calls or self.seconds >= self.budget.max_seconds

    def ask(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        *,
        seed: int | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> str:
        """The model's reply to `messages`, cut at any `stop` string, sampled with this call's
        own `seed`, `temperature` and `max_tokens` when given (the reply cache keys on them); raises
        BudgetExhausted, or ModelError when the model's provider raises instead of replying
        (ModelServerError when its server cannot be used)."""
        if self.exhausted():
            raise BudgetExhausted
        self.calls += 1
        usage = _UsageCounter()
        sampling = {"seed": seed, "temperature": temperature, "max_tokens": max_tokens}
        given = {name: value for name, value in sampling.items() if value is not None}
        started = time.monotonic()
        try:
            config: RunnableConfig = {"callbacks": [usage]}
            reply = self.model.invoke(messages, stop=stop, config=config, **given)
        except Exception as error:  # any provider's failure, named in one line
            raise model_error(error, self.model) from error
        finally:
            self.waited += time.monotonic() - started
        self.tokens_in += usage.tokens_in
        self.tokens_out += usage.tokens_out
        return str(reply.text)


class _UsageCounter(BaseCallbackHandler):
    """Reads token usage from a finished call; cached replies carry no llm_output and cost 0."""

    def __init__(self) -> None:
        self.tokens_in = 0
        self.tokens_out = 0

    def on_llm_end(self, response: LLMResult, **kwargs: Any) -> None:
        if response.llm_output is None:
            return
        usage = response.llm_output.get("token_usage") or {}
        if usage:
            self.tokens_in += usage.get("prompt_tokens", 0)
            self.tokens_out += usage.get("completion_tokens", 0)
            return
        for generation in response.generations[0]:
            metadata = getattr(getattr(generation, "message", None), "usage_metadata", None) or {}
            self.tokens_in += metadata.get("input_tokens", 0)
            self.tokens_out += metadata.get("output_tokens", 0)
