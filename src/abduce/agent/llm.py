"""Build a LangChain chat model from a spec: 'local', 'openai:<model>',
'openai-compatible:<base_url>[#model]', or any BaseChatModel instance."""

from __future__ import annotations

import os
import warnings
from functools import cache

from langchain_core.caches import BaseCache
from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from abduce.agent import local_model
from abduce.errors import LLMSpecError
from abduce.settings import load_settings

DEFAULT_SPEC = "local"
LOCAL_CONTEXT = 16384
MAX_TOKENS = 700


LLMSpec = str | BaseChatModel | None


def default_spec() -> str:
    """The spec used when none is given: the `llm` setting ($ABDUCE_LLM, the config file),
    else 'local'."""
    return load_settings().llm or DEFAULT_SPEC


class Server(BaseModel):
    """How to talk to a model server: seconds one request may take, and how many times a
    failed one is retried (None: the settings' `request_timeout` and `max_retries`)."""

    model_config = ConfigDict(frozen=True)

    request_timeout: float | None = Field(None, gt=0)
    max_retries: int | None = Field(None, ge=0)


def make_llm(
    spec: LLMSpec = None,
    *,
    temperature: float = 0.2,
    seed: int = 0,
    use_cache: bool = True,
    server: Server | None = None,
) -> BaseChatModel:
    """The chat model a spec names; model instances are returned unchanged."""
    if isinstance(spec, BaseChatModel):
        return spec
    spec = spec or default_spec()
    llm_cache = response_cache() if use_cache else None
    if spec == "local":
        return _local_model(temperature, seed, llm_cache)
    provider, _, rest = spec.partition(":")
    server = server or Server()
    if provider == "openai" and rest:
        return _openai_model(rest, None, temperature, seed, llm_cache, server)
    if provider == "openai-compatible" and rest:
        base_url, _, model = rest.partition("#")
        return _openai_model(model or "default", base_url, temperature, seed, llm_cache, server)
    raise LLMSpecError(
        f"unknown LLM spec {spec!r}; use 'local', 'openai:<model>' or "
        "'openai-compatible:<base_url>[#model]'"
    )


def describe_llm(spec: LLMSpec = None) -> dict[str, str]:
    """What a spec resolves to, without loading any weights (for `abduce models`)."""
    if isinstance(spec, BaseChatModel):
        return {"spec": "instance", "class": type(spec).__name__}
    spec = spec or default_spec()
    if spec != "local":
        return {"spec": spec, "class": "ChatOpenAI"}
    override = load_settings().model
    joined = local_model.cache_dir() / "models" / local_model.MODEL_FILE
    size = local_model.installed_size()
    if override:
        weights, state = str(override), "from the model setting (ABDUCE_MODEL)"
    elif joined.is_file():
        weights, state = str(joined), "ready"
    elif size:
        weights, state = str(joined), f"parts installed ({size:,} bytes), joined on first use"
    else:
        weights, state = "not installed", f"install with: {local_model.INSTALL_HINT}"
    return {
        "spec": "local",
        "class": "ChatLlamaCpp (llama-cpp-python)",
        "model": local_model.MODEL_NAME if not override else override.name,
        "weights": weights,
        "state": state,
        "cache": str(local_model.cache_dir()),
    }


@cache
def response_cache() -> BaseCache:
    """LangChain's SQLite cache of LLM responses under the cache directory."""
    from langchain_community.cache import SQLiteCache

    # SQLiteCache.lookup calls `loads` without `allowed_objects`: nothing for us to pass.
    warnings.filterwarnings("ignore", "The default value of `allowed_objects`")
    path = local_model.cache_dir() / "llm-cache.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return SQLiteCache(database_path=str(path))


def _local_model(temperature: float, seed: int, llm_cache: BaseCache | None) -> BaseChatModel:
    try:
        import llama_cpp  # noqa: F401

        from abduce.agent.prefix_state import ChatLlamaCppSavedPrefix
    except ImportError:
        raise LLMSpecError(
            f"llama-cpp-python is not installed; install with: {local_model.INSTALL_HINT}"
        ) from None
    try:
        path = local_model.model_path()
    except local_model.ModelNotInstalled as error:
        raise LLMSpecError(str(error)) from None
    return ChatLlamaCppSavedPrefix(
        state_dir=local_model.cache_dir() / "kv",
        model_path=str(path),
        n_ctx=LOCAL_CONTEXT,
        n_batch=512,
        n_threads=os.cpu_count() or 2,
        max_tokens=MAX_TOKENS,
        temperature=temperature,
        repeat_penalty=1.0,  # llama.cpp's default; code repeats tokens by nature
        rope_freq_base=0.0,  # 0 = the model's own RoPE settings; ChatLlamaCpp's defaults
        rope_freq_scale=0.0,  # (10000, 1) silently corrupt Qwen's long-range attention
        seed=seed,
        streaming=False,  # the non-streaming path reports token usage
        verbose=False,
        cache=llm_cache,
    )


def _openai_model(
    model: str,
    base_url: str | None,
    temperature: float,
    seed: int,
    llm_cache: BaseCache | None,
    server: Server,
) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    settings = load_settings(**server.model_dump())  # what `server` leaves out: the settings
    api_key = os.environ.get("OPENAI_API_KEY") or ("not-needed" if base_url else None)
    if api_key is None:
        raise LLMSpecError("OPENAI_API_KEY is not set; export it to use 'openai:' models")
    return ChatOpenAI(
        model_name=model,
        openai_api_base=base_url,
        openai_api_key=SecretStr(api_key),
        temperature=temperature,
        seed=seed,
        max_tokens=MAX_TOKENS,
        # the client's backoff: connection errors, timeouts, 429, 5xx
        max_retries=settings.max_retries,
        request_timeout=settings.request_timeout,
        cache=llm_cache,
    )
