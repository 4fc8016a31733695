"""A model provider's exception as abduce's error: a fault of the model server (the run cannot
proceed) or a refusal of this one request (the task ends, the run goes on).

The OpenAI client has already retried what retrying can help (connection errors, timeouts,
429 and 5xx, with backoff and `retry-after`) `max_retries` times before anything gets here.
"""

from __future__ import annotations

import json

from langchain_core.language_models import BaseChatModel

from abduce.errors import (
    ModelAuthError,
    ModelError,
    ModelNotFound,
    ModelProtocolError,
    ModelRateLimited,
    ModelServerFailed,
    ModelTimeout,
    ModelUnreachable,
    first_line,
)


def model_error(error: Exception, model: BaseChatModel) -> ModelError:
    """The error to raise for `error`, which `model` raised instead of replying."""
    import openai

    where = _address(model)
    retries = int(getattr(model, "max_retries", None) or 0)
    tries = f"after {retries} {'retry' if retries == 1 else 'retries'}"
    if isinstance(error, openai.APITimeoutError | TimeoutError):
        return ModelTimeout(f"the model at {where} did not answer in time ({tries})")
    if isinstance(error, openai.APIConnectionError | ConnectionError):
        return ModelUnreachable(f"cannot reach the model at {where}: {_reason(error)}")
    if isinstance(error, openai.AuthenticationError | openai.PermissionDeniedError):
        return ModelAuthError(
            f"the model at {where} refused the API key (HTTP {error.status_code}): "
            "check OPENAI_API_KEY"
        )
    if isinstance(error, openai.NotFoundError):
        name = getattr(model, "model_name", "?")
        return ModelNotFound(f"the server at {where} has no model {name!r} (HTTP 404)")
    if isinstance(error, openai.RateLimitError):
        return ModelRateLimited(f"the model at {where} is rate-limited (HTTP 429, {tries})")
    if isinstance(error, openai.APIStatusError) and error.status_code >= 500:
        return ModelServerFailed(f"the model at {where} failed (HTTP {error.status_code}, {tries})")
    if isinstance(error, openai.APIResponseValidationError | json.JSONDecodeError):
        return ModelProtocolError(f"the model at {where} sent a reply that is not a chat reply")
    return ModelError(first_line(error))


def _address(model: BaseChatModel) -> str:
    """The server's base URL for an OpenAI-compatible model, else the model's class."""
    client = getattr(model, "root_client", None)
    base = getattr(client, "base_url", None)
    return str(base).rstrip("/") if base is not None else type(model).__name__


def _reason(error: BaseException) -> str:
    """The innermost cause's words, as 'connection refused' or 'name or service not known'."""
    cause = error.__cause__ or error.__context__
    while cause is not None:
        error, cause = cause, cause.__cause__ or cause.__context__
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return text[0].lower() + text[1:]
