"""Which speech-to-text engine runs, chosen by configuration (``RINGFENCE_ASR_ENGINE``).

Built in: ``pocketsphinx`` (offline, the US English model the package ships) and ``none``
(no transcription). Any other engine is named as ``package.module:factory``, where ``factory()``
returns an object with ``name`` and ``transcribe(samples, sample_rate)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

from ringfence.errors import ConfigurationError
from ringfence.redaction.call.asr.base import SpeechToText


class AsrSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RINGFENCE_ASR_", frozen=True)
    engine: str = "pocketsphinx"


class AsrConfigurationError(ConfigurationError):
    """The configured engine cannot be loaded: no input will ever fix that."""

    reason = "asr_unavailable"


def _pocketsphinx() -> SpeechToText:
    from ringfence.redaction.call.asr.pocketsphinx_engine import PocketsphinxEngine

    return PocketsphinxEngine()


_BUILT_IN: dict[str, Callable[[], SpeechToText]] = {"pocketsphinx": _pocketsphinx}


@lru_cache(maxsize=4)
def speech_to_text(name: str) -> SpeechToText | None:
    """The engine called ``name``, built once per process (None for ``none``)."""
    if name == "none":
        return None
    if name in _BUILT_IN:
        return _BUILT_IN[name]()
    module_name, _, factory_name = name.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), factory_name)
    except (ImportError, AttributeError, ValueError) as error:
        raise AsrConfigurationError(f"speech-to-text engine {name!r} cannot be loaded") from error
    engine: SpeechToText = factory()
    return engine
