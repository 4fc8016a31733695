"""abduce's settings: command-line flags ← ABDUCE_* variables ← config.toml ← defaults.

The first of these that sets a field wins. The config file sets any field by name:

    llm = "openai:gpt-4o-mini"
    planner = "llm"
    rounds = 4
    max_seconds = 120
    max_retries = 3          # retries of a request to a model server, with backoff
    request_timeout = 600    # seconds one request may take
    max_faults = 3           # bench: stop after this many faults of the model server in a row
    max_cost = 5.0           # bench: US dollars one run may spend (default: no cap)
    price_in = 0.15          # US dollars per million tokens in and out (default: the model's
    price_out = 0.60         #   list price for 'openai:<model>', else 0)
    concurrency = 8          # bench: model calls in flight per worker (remote models)

and each field has its variable: ABDUCE_LLM, ABDUCE_PLANNER, ABDUCE_CACHE_DIR, ABDUCE_MODEL, …
Directories follow the platform's conventions (platformdirs); on Linux the XDG ones:
~/.config/abduce/config.toml, ~/.local/share/abduce, ~/.cache/abduce.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from platformdirs import PlatformDirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from abduce.errors import ConfigError, UsageError, first_problem

ENV_PREFIX = "ABDUCE_"


def directories() -> PlatformDirs:
    """abduce's config, data and cache directories (read from the environment each time)."""
    return PlatformDirs("abduce", appauthor=False)


def config_file() -> Path:
    """Where the config file is read from ($XDG_CONFIG_HOME is respected)."""
    return directories().user_config_path / "config.toml"


class Settings(BaseSettings):
    """What every command uses: the model, the solver's limits, and where files are kept."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="forbid")

    llm: str | None = None
    planner: Literal["both", "llm", "search", "hybrid"] = "both"
    max_calls: int = Field(12, ge=1)
    max_seconds: float = Field(300.0, gt=0)
    search_seconds: float = Field(10.0, gt=0)
    max_evaluations: int | None = Field(None, ge=1)
    prior: str = "learned"
    library: str = "none"
    rounds: int = Field(3, ge=1)
    max_retries: int = Field(3, ge=0)
    request_timeout: float = Field(600.0, gt=0)
    max_faults: int = Field(3, ge=1)
    max_cost: float | None = Field(None, gt=0)
    price_in: float | None = Field(None, ge=0)
    price_out: float | None = Field(None, ge=0)
    concurrency: int = Field(1, ge=1)
    history_file: Path = Field(default_factory=lambda: directories().user_data_path / "history")
    conversations_dir: Path = Field(
        default_factory=lambda: directories().user_data_path / "conversations"
    )
    cache_dir: Path = Field(default_factory=lambda: directories().user_cache_path)
    model: Path | None = None

    @field_validator("prior")
    @classmethod
    def _known_prior(cls, prior: str) -> str:
        """'uniform', 'learned', or a file of learned weights (refused here if unreadable)."""
        if prior != "uniform":
            from abduce.programs.search.learned import weights

            weights(prior)
        return prior

    @field_validator("library")
    @classmethod
    def _known_library(cls, library: str) -> str:
        """'none', 'learned', or a library file (refused here if unreadable)."""
        from abduce.programs.library import library_named

        library_named(library)
        return library

    @field_validator("history_file", "conversations_dir", "cache_dir", "model")
    @classmethod
    def _expand_user(cls, path: Path | None) -> Path | None:
        return path.expanduser() if path else path

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        path = config_file()
        try:
            from_file = TomlConfigSettingsSource(settings_cls, toml_file=path)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: not valid TOML ({error})") from None
        return init_settings, env_settings, from_file


def load_settings(**flags: Any) -> Settings:
    """The settings, with `flags` (command-line values; None means not given) first.

    Raises one line naming the flag, the variable or the file at fault: UsageError for a
    flag, ConfigError for the others.
    """
    given = {name: value for name, value in flags.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as error:
        field = str(error.errors()[0]["loc"][0])
        problem = f"invalid {first_problem(error)}"
        if field in given:
            raise UsageError(f"--{field.replace('_', '-')}={given[field]!r}: {problem}") from None
        variable = ENV_PREFIX + field.upper()
        if os.environ.get(variable):
            raise ConfigError(f"{variable}={os.environ[variable]!r}: {problem}") from None
        raise ConfigError(f"{config_file()}: {problem}") from None
