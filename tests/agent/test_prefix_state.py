"""The local model's saved state: the file round trip (with a stand-in for llama.cpp), files
that must be refused, and a real model that restores it in a new instance."""

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from abduce.agent.prefix_state import MAGIC, load_state, save_state, state_file

STATE = bytes(range(256)) * 4


class StandIn:
    """Just the part of `llama_cpp.Llama` the state file touches."""

    def __init__(self, tokens: list[int] | None = None) -> None:
        self.tokens = tokens or []
        self.loaded = None

    def n_ctx(self) -> int:
        return 16

    def n_vocab(self) -> int:
        return 5

    def save_state(self) -> SimpleNamespace:
        input_ids = np.zeros(self.n_ctx(), dtype=np.intc)
        input_ids[: len(self.tokens)] = self.tokens
        return SimpleNamespace(input_ids=input_ids, n_tokens=len(self.tokens),
                               llama_state=STATE, llama_state_size=len(STATE))  # fmt: skip

    def load_state(self, state) -> None:
        self.loaded = state


def test_a_saved_state_loads_with_its_tokens_bytes_and_the_loader_s_seed(tmp_path):
    path = tmp_path / "kv" / "state.kv"
    save_state(StandIn([7, 8, 9]), path)
    model = StandIn()
    assert load_state(model, path, seed=42)
    state = model.loaded
    assert state.n_tokens == 3 and state.input_ids[:3].tolist() == [7, 8, 9]
    assert len(state.input_ids) == model.n_ctx()
    assert state.llama_state == STATE and state.llama_state_size == len(STATE)
    assert state.seed == 42
    assert not list(path.parent.glob("*.tmp"))  # written through a temporary file


def header(tokens: int, size: int) -> bytes:
    return MAGIC + json.dumps({"tokens": tokens, "bytes": size}).encode() + b"\n"


TOKENS = np.array([1, 2], dtype=np.int32).tobytes()


@pytest.mark.parametrize(
    "content",
    [
        None,  # no file
        b"",
        b"not a state file\n" + TOKENS + STATE,
        MAGIC + b"{not json\n" + TOKENS + STATE,
        MAGIC + b'{"tokens": 2}\n' + TOKENS + STATE,
        header(2, len(STATE)) + TOKENS + STATE[:-1],  # cut short
        header(2, len(STATE)) + TOKENS + STATE + b"x",  # too long
        header(0, len(STATE)) + STATE,  # no tokens
        header(17, len(STATE)) + TOKENS * 9 + STATE[:-4],  # more tokens than the context
    ],
)
def test_a_file_that_does_not_parse_is_refused_and_the_model_left_alone(tmp_path, content):
    path = tmp_path / "state.kv"
    if content is not None:
        path.write_bytes(content)
    model = StandIn()
    assert not load_state(model, path, seed=0)
    assert model.loaded is None


def test_one_state_file_per_model_file_and_system_prompt(tmp_path):
    small, large = tmp_path / "a.gguf", tmp_path / "b.gguf"
    small.write_bytes(b"1")
    large.write_bytes(b"22")
    names = {state_file(tmp_path, model, system) for model in (small, large)
             for system in ("one", "two")}  # fmt: skip
    assert len(names) == 4
    assert state_file(tmp_path, small, "one") == state_file(tmp_path, small, "one")


@pytest.mark.local_model
def test_a_new_model_instance_starts_from_the_saved_state(tmp_path, monkeypatch):
    import llama_cpp
    from langchain_core.messages import HumanMessage, SystemMessage

    from abduce.agent import make_llm
    from abduce.agent.local_model import model_path

    monkeypatch.setenv("ABDUCE_MODEL", str(model_path()))
    monkeypatch.setenv("ABDUCE_CACHE_DIR", str(tmp_path))
    system = SystemMessage("You answer with one word. " + "Grids are lists of rows. " * 40)
    evaluated = []
    for question in ("Name a colour.", "Name a shape."):
        llm = make_llm("local", use_cache=False)
        llm.invoke([system, HumanMessage(question)], max_tokens=1)
        evaluated.append(llama_cpp.llama_perf_context(llm.client._ctx.ctx).n_p_eval)
    assert len(list(Path(tmp_path, "kv").glob("*.kv"))) == 1
    assert evaluated[1] < evaluated[0] / 4  # the second instance skipped the shared prefix
