"""Speech-to-text with word timestamps, for calls whose event carries no transcript."""

from redaction.asr.base import SpeechToText
from redaction.asr.registry import AsrSettings, speech_to_text

__all__ = ["AsrSettings", "SpeechToText", "speech_to_text"]
