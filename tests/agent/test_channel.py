import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from abduce.agent import Budget, BudgetExhausted, LLMSpecError, ModelChannel, make_llm


class CountingModel(FakeListChatModel):
    """Reports token usage the way ChatLlamaCpp and ChatOpenAI do (in llm_output)."""

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        text = self._call(messages, stop, run_manager, **kwargs)
        usage = {"prompt_tokens": 10, "completion_tokens": 3}
        return ChatResult(generations=[ChatGeneration(message=AIMessage(text))],
                          llm_output={"token_usage": usage})  # fmt: skip


def test_chat_counts_tokens_and_refuses_calls_over_budget():
    channel = ModelChannel(CountingModel(responses=["a", "b", "c"]))
    channel.start(Budget(max_llm_calls=2))
    assert channel.ask([HumanMessage("hi")]) == "a"
    assert channel.ask([HumanMessage("hi again")]) == "b"
    assert (channel.calls, channel.tokens_in, channel.tokens_out) == (2, 20, 6)
    with pytest.raises(BudgetExhausted):
        channel.ask([HumanMessage("one more")])


def test_cached_replies_cost_no_tokens(tmp_path, monkeypatch):
    from langchain_community.cache import SQLiteCache

    cache = SQLiteCache(database_path=str(tmp_path / "cache.sqlite"))
    channel = ModelChannel(CountingModel(responses=["first", "second"], cache=cache))
    assert channel.ask([HumanMessage("same question")]) == "first"
    assert channel.ask([HumanMessage("same question")]) == "first"
    assert (channel.calls, channel.tokens_in, channel.tokens_out) == (2, 10, 3)


def test_time_budget():
    channel = ModelChannel(CountingModel(responses=["a"]))
    channel.start(Budget(max_seconds=1e-9))
    with pytest.raises(BudgetExhausted):
        channel.ask([HumanMessage("hi")])


@pytest.mark.parametrize("spec", ["nonsense", "openai:", "azure:gpt"])
def test_unknown_specs_are_rejected(spec):
    with pytest.raises(LLMSpecError):
        make_llm(spec)


def test_openai_compatible_spec_needs_no_key(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    model = make_llm("openai-compatible:http://127.0.0.1:9/v1#qwen", use_cache=False)
    assert model.model_name == "qwen"
    assert str(model.openai_api_base) == "http://127.0.0.1:9/v1"
    with pytest.raises(LLMSpecError, match="OPENAI_API_KEY"):
        make_llm("openai:gpt-4o-mini")


def test_instances_pass_through():
    model = FakeListChatModel(responses=["x"])
    assert make_llm(model) is model


class MetadataOnlyModel(FakeListChatModel):
    """Reports usage only on the message, as some providers do."""

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        text = self._call(messages, stop, run_manager, **kwargs)
        usage = {"input_tokens": 7, "output_tokens": 2, "total_tokens": 9}
        message = AIMessage(text, usage_metadata=usage)
        return ChatResult(generations=[ChatGeneration(message=message)], llm_output={})


def test_usage_metadata_is_counted_when_llm_output_has_none():
    channel = ModelChannel(MetadataOnlyModel(responses=["a"]))
    channel.ask([HumanMessage("hi")])
    assert (channel.tokens_in, channel.tokens_out) == (7, 2)


def test_the_client_retries_and_times_out_as_the_settings_say(monkeypatch):
    monkeypatch.setenv("ABDUCE_MAX_RETRIES", "5")
    monkeypatch.setenv("ABDUCE_REQUEST_TIMEOUT", "7.5")
    model = make_llm("openai-compatible:http://127.0.0.1:9/v1#qwen", use_cache=False)
    assert (model.max_retries, model.request_timeout) == (5, 7.5)
