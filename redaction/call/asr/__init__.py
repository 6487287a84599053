"""Speech-to-text with word timestamps, for calls whose event carries no transcript."""

from ringfence.redaction.call.asr.base import SpeechToText
from ringfence.redaction.call.asr.registry import AsrSettings, speech_to_text

__all__ = ["AsrSettings", "SpeechToText", "speech_to_text"]
