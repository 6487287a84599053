"""Tunable thresholds of call redaction, read from ``RINGFENCE_AUDIO_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class AudioSettings(BaseSettings):
    """Thresholds for payment windows, pauses and DTMF. Defaults suit 8 kHz telephone audio.

    Picklable, so it can travel to a worker process with the audio.
    """

    model_config = SettingsConfigDict(env_prefix="RINGFENCE_AUDIO_", frozen=True)

    # Payment windows on the timeline.
    safety_margin_s: float = Field(default=0.25, ge=0, description="added to both window ends")
    merge_gap_s: float = Field(
        default=20.0, ge=0, description="findings this close merge in a call taking a payment"
    )
    merge_gap_without_context_s: float = Field(default=3.0, ge=0)
    max_widen_s: float = Field(
        default=1.5, ge=0, description="furthest a window end moves to reach a pause"
    )
    card_min_digits: int = Field(default=13, ge=8, description="digits of a card-length number")
    dtmf_context_presses: int = Field(
        default=4, ge=1, description="this many key presses mean the call takes a payment"
    )
    span_tolerance_s: float = Field(
        default=0.05, ge=0, description="how far an event or word may lie past the audio's end"
    )

    # Pause (silence) detection, relative to the call's own levels.
    pause_min_s: float = Field(default=0.15, gt=0)
    pause_above_floor_db: float = Field(
        default=10.0, gt=0, description="a frame is quiet below the noise floor plus this"
    )
    pause_below_speech_db: float = Field(
        default=20.0, gt=0, description="...and always below the loud speech level minus this"
    )

    # DTMF detection (ITU-T Q.24 style checks on 8 kHz analysis audio).
    dtmf_window_s: float = Field(default=0.0256, gt=0, description="205 samples at 8 kHz")
    dtmf_hop_s: float = Field(default=0.005, gt=0)
    dtmf_min_tone_ratio: float = Field(
        default=0.6, gt=0, le=1, description="share of the frame's power in the two tones"
    )
    dtmf_max_twist_db: float = Field(default=8.0, gt=0)
    dtmf_group_dominance_db: float = Field(
        default=6.0, ge=0, description="winning tone over the runner-up of its group"
    )
    dtmf_min_level_dbfs: float = Field(default=-45.0, description="quietest tone considered")
    dtmf_min_frames: int = Field(
        default=4, ge=1, description="consecutive frames with the same key make a press"
    )
