import os
from pathlib import Path

import pytest

from abduce.errors import ConfigError, UsageError
from abduce.settings import load_settings


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty home: no config file, no ABDUCE_* or XDG_* variables."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in list(os.environ):
        if name.startswith(("ABDUCE_", "XDG_")):
            monkeypatch.delenv(name)
    return tmp_path


def write_config(home: Path, text: str) -> Path:
    path = home / ".config" / "abduce" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    return path


def test_defaults_live_under_the_xdg_directories(home, monkeypatch):
    settings = load_settings()
    assert (settings.llm, settings.rounds, settings.max_seconds) == (None, 3, 300.0)
    assert (settings.planner, settings.max_calls, settings.search_seconds) == ("both", 12, 10.0)
    assert settings.history_file == home / ".local" / "share" / "abduce" / "history"
    assert settings.cache_dir == home / ".cache" / "abduce"
    assert settings.model is None
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cached"))
    settings = load_settings()
    assert settings.conversations_dir == home / "data" / "abduce" / "conversations"
    assert settings.cache_dir == home / "cached" / "abduce"


def test_the_environment_overrides_the_config_file(home, monkeypatch):
    write_config(home, 'llm = "openai:gpt-4o-mini"\nrounds = 5\nhistory_file = "~/h"\n')
    monkeypatch.setenv("ABDUCE_ROUNDS", "2")
    monkeypatch.setenv("ABDUCE_MAX_SECONDS", "12.5")
    monkeypatch.setenv("ABDUCE_CACHE_DIR", "~/cache")
    monkeypatch.setenv("ABDUCE_REQUEST_TIMEOUT", "0.5")
    monkeypatch.setenv("ABDUCE_LLM", "")  # empty: as if unset
    settings = load_settings()
    assert settings.model_dump() == {
        "llm": "openai:gpt-4o-mini",
        "planner": "both",
        "max_calls": 12,
        "max_seconds": 12.5,
        "search_seconds": 10.0,
        "max_evaluations": None,
        "prior": "learned",
        "library": "none",
        "rounds": 2,
        "max_retries": 3,
        "request_timeout": 0.5,
        "max_faults": 3,
        "max_cost": None,
        "price_in": None,
        "price_out": None,
        "concurrency": 1,
        "history_file": home / "h",
        "conversations_dir": home / ".local" / "share" / "abduce" / "conversations",
        "cache_dir": home / "cache",
        "model": None,
    }


@pytest.mark.parametrize(
    ("in_file", "in_environment", "flag", "wins"),
    [
        (None, None, None, None),
        ("file", None, None, "file"),
        ("file", "variable", None, "variable"),
        (None, "variable", None, "variable"),
        ("file", "variable", "flag", "flag"),
        ("file", None, "flag", "flag"),
    ],
)
def test_a_flag_beats_a_variable_beats_the_file_beats_the_default(
    home, monkeypatch, in_file, in_environment, flag, wins
):
    write_config(home, f'llm = "{in_file}"\n' if in_file else "")
    if in_environment:
        monkeypatch.setenv("ABDUCE_LLM", in_environment)
    assert load_settings(llm=flag).llm == wins


def test_xdg_config_home_is_respected(home, monkeypatch):
    path = home / "elsewhere" / "abduce" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text('llm = "local"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "elsewhere"))
    assert load_settings().llm == "local"


@pytest.mark.parametrize(
    ("config", "variables", "message"),
    [
        ("rounds = \n", {}, "{path}: not valid TOML (Invalid value (at line 1, column 10))"),
        ("rounds = 0\n", {}, "{path}: invalid rounds: Input should be greater than or equal to 1"),
        ("colour = 1\n", {}, "{path}: invalid colour: Extra inputs are not permitted"),
        (
            'planner = "oracle"\n',
            {},
            "{path}: invalid planner: Input should be 'both', 'llm', 'search' or 'hybrid'",
        ),
        (
            "",
            {"ABDUCE_ROUNDS": "many"},
            "ABDUCE_ROUNDS='many': invalid rounds: Input should be a valid integer, unable to parse string as an integer",
        ),
        (
            "",
            {"ABDUCE_MAX_SECONDS": "-1"},
            "ABDUCE_MAX_SECONDS='-1': invalid max_seconds: Input should be greater than 0",
        ),
        (
            "max_calls = 0\n",
            {"ABDUCE_MAX_CALLS": "0"},
            "ABDUCE_MAX_CALLS='0': invalid max_calls: Input should be greater than or equal to 1",
        ),
    ],
)
def test_a_bad_value_is_one_line_naming_its_source(home, monkeypatch, config, variables, message):
    path = write_config(home, config)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert str(raised.value) == message.format(path=path)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            {"max_calls": 0},
            "--max-calls=0: invalid max_calls: Input should be greater than or equal to 1",
        ),
        (
            {"planner": "oracle"},
            "--planner='oracle': invalid planner: Input should be 'both', 'llm', 'search' or 'hybrid'",
        ),
        (
            {"search_seconds": 0.0},
            "--search-seconds=0.0: invalid search_seconds: Input should be greater than 0",
        ),
    ],
)
def test_a_bad_flag_is_a_usage_error_naming_the_flag(home, flags, message):
    write_config(home, "max_calls = 3\n")
    with pytest.raises(UsageError) as raised:
        load_settings(**flags)
    assert str(raised.value) == message
