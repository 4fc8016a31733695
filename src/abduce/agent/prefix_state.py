"""The local model's state after its first call with a system prompt, kept on disk.

The system prompt carries the DSL reference (~6,000 tokens), which llama.cpp evaluates once
per process: about 1.5 minutes on 2 cores before the first token. The first call of a process
with a new system prompt saves the KV state it leaves (the prompt and the reply); a later
process with the same model and system prompt loads it, and llama.cpp then evaluates only
what its prompt does not share with the saved tokens (the system prompt at least).

One file per model and system prompt, `<digest>.kv` in the cache directory's `kv/`: a magic
line, a JSON header line, the tokens (int32) and llama.cpp's state bytes. Written to a
temporary file and renamed, so that workers starting together never read half a file; a file
that does not parse is ignored and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from langchain_community.chat_models import ChatLlamaCpp
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.messages import BaseMessage, SystemMessage
from langchain_core.outputs import ChatResult
from pydantic import PrivateAttr

MAGIC = b"abduce-kv-state-1\n"


def state_file(directory: Path, model: Path, system: str) -> Path:
    """Where the state for this model file and system prompt is kept."""
    identity = f"{model.name}\n{model.stat().st_size}\n{system}"
    return directory / f"{hashlib.sha256(identity.encode()).hexdigest()[:32]}.kv"


def save_state(llama: Any, path: Path) -> None:
    """Write the model's current KV state and tokens to `path`, atomically."""
    state = llama.save_state()
    tokens = np.asarray(state.input_ids[: state.n_tokens], dtype=np.int32)
    header = {"tokens": int(state.n_tokens), "bytes": int(state.llama_state_size)}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(MAGIC + json.dumps(header).encode() + b"\n")
        out.write(tokens.tobytes())
        out.write(state.llama_state[: header["bytes"]])
    os.replace(temporary, path)


def load_state(llama: Any, path: Path, seed: int) -> bool:
    """Restore the state saved in `path` into the model, keeping its sampling `seed`; False
    if there is none or it does not parse (then the model is left as it was)."""
    import llama_cpp

    try:
        data = path.read_bytes()
    except OSError:
        return False
    if not data.startswith(MAGIC):
        return False
    try:
        end = data.index(b"\n", len(MAGIC))
        header = json.loads(data[len(MAGIC) : end])
        count, size = int(header["tokens"]), int(header["bytes"])
    except (ValueError, KeyError, TypeError):
        return False
    start = end + 1 + 4 * count
    if not 0 < count <= llama.n_ctx() or len(data) != start + size:
        return False
    input_ids = np.zeros(llama.n_ctx(), dtype=np.intc)
    input_ids[:count] = np.frombuffer(data[end + 1 : start], dtype=np.int32)
    llama.load_state(
        llama_cpp.LlamaState(
            input_ids=input_ids,
            scores=np.zeros((1, llama.n_vocab()), dtype=np.single),  # re-evaluated anyway
            n_tokens=count,
            llama_state=data[start:],
            llama_state_size=size,
            seed=seed,
        )
    )
    return True


class ChatLlamaCppSavedPrefix(ChatLlamaCpp):
    """`ChatLlamaCpp` whose first call with a system prompt starts from the state a previous
    process saved after its own first call with it, or saves one if there was none."""

    state_dir: Path
    _seen: set[Path] = PrivateAttr(default_factory=set)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        path = self._first_call(messages)
        restored = path is not None and load_state(self.client, path, self.seed)
        result: ChatResult = super()._generate(messages, stop, run_manager, **kwargs)
        if path is not None and not restored:
            with contextlib.suppress(OSError):  # a cache that cannot be written is no cache
                save_state(self.client, path)
        return result

    def _first_call(self, messages: list[BaseMessage]) -> Path | None:
        """The state file for this call's system prompt, if it is the first in this process."""
        if not messages or not isinstance(messages[0], SystemMessage):
            return None
        system = messages[0].content
        path = state_file(self.state_dir, Path(self.model_path), str(system))
        if path in self._seen:
            return None
        self._seen.add(path)
        return path
