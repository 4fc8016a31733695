from pathlib import Path

import pytest

from abduce.cli.config import Settings, load_settings
from abduce.errors import ConfigError


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty home: no config file, no ABDUCE_* or XDG_* variables."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "ABDUCE_LLM", "ABDUCE_ROUNDS",
                 "ABDUCE_MAX_SECONDS", "ABDUCE_HISTORY_FILE", "ABDUCE_CONVERSATIONS_DIR"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def write_config(home: Path, text: str) -> Path:
    path = home / ".config" / "abduce" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    return path


def test_defaults_live_under_the_xdg_data_directory(home, monkeypatch):
    settings = load_settings()
    assert (settings.llm, settings.rounds, settings.max_seconds) == (None, 3, 300.0)
    assert settings.history_file == home / ".local" / "share" / "abduce" / "history"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    assert load_settings().conversations_dir == home / "data" / "abduce" / "conversations"


def test_the_environment_overrides_the_config_file(home, monkeypatch):
    write_config(home, 'llm = "openai:gpt-4o-mini"\nrounds = 5\nhistory_file = "~/h"\n')
    monkeypatch.setenv("ABDUCE_ROUNDS", "2")
    monkeypatch.setenv("ABDUCE_MAX_SECONDS", "12.5")
    settings = load_settings()
    assert settings == Settings(
        llm="openai:gpt-4o-mini",
        rounds=2,
        max_seconds=12.5,
        history_file=home / "h",
        conversations_dir=home / ".local" / "share" / "abduce" / "conversations",
    )


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
            "",
            {"ABDUCE_ROUNDS": "many"},
            "ABDUCE_ROUNDS='many': invalid rounds: Input should be a valid integer, unable to parse string as an integer",
        ),
        (
            "",
            {"ABDUCE_MAX_SECONDS": "-1"},
            "ABDUCE_MAX_SECONDS='-1': invalid max_seconds: Input should be greater than 0",
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
