"""Settings of `abduce chat`: defaults ← ~/.config/abduce/config.toml ← ABDUCE_* variables.

A config file sets any of the fields by name:

    llm = "openai:gpt-4o-mini"
    rounds = 4
    max_seconds = 120
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from abduce.errors import ConfigError, first_problem

ENV_PREFIX = "ABDUCE_"


def _xdg(variable: str, fallback: str) -> Path:
    """$variable/abduce, or ~/fallback/abduce when it is unset."""
    return Path(os.environ.get(variable) or Path.home() / fallback) / "abduce"


def _data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share")


def config_file() -> Path:
    """Where the config file is read from ($XDG_CONFIG_HOME is respected)."""
    return _xdg("XDG_CONFIG_HOME", ".config") / "config.toml"


class Settings(BaseModel):
    """What `abduce chat` uses: the model, its rounds and time, and where it keeps files."""

    model_config = ConfigDict(extra="forbid")

    llm: str | None = None
    rounds: int = Field(3, ge=1)
    max_seconds: float = Field(300.0, gt=0)
    history_file: Path = Field(default_factory=lambda: _data_dir() / "history")
    conversations_dir: Path = Field(default_factory=lambda: _data_dir() / "conversations")

    @field_validator("history_file", "conversations_dir")
    @classmethod
    def _expand_user(cls, path: Path) -> Path:
        return path.expanduser()


def load_settings() -> Settings:
    """Defaults, then the config file, then the ABDUCE_* environment variables.

    Raises ConfigError with one line naming the file or the variable at fault.
    """
    path = config_file()
    from_file = _read_toml(path)
    _validate(from_file, lambda field: str(path))
    from_env = {
        field: os.environ[ENV_PREFIX + field.upper()]
        for field in Settings.model_fields
        if os.environ.get(ENV_PREFIX + field.upper())
    }
    merged = {**from_file, **from_env}
    return _validate(merged, lambda field: f"{ENV_PREFIX}{field.upper()}={from_env[field]!r}")


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None


def _validate(values: dict[str, Any], source: Callable[[str], str]) -> Settings:
    """Settings from `values`; a problem is reported against `source(field)`."""
    try:
        return Settings(**values)
    except ValidationError as error:
        field = str(error.errors()[0]["loc"][0])
        raise ConfigError(f"{source(field)}: invalid {first_problem(error)}") from None
