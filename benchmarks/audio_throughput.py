"""Call redaction throughput: seconds of audio redacted per CPU second, ASR excluded.

Builds ~10 minutes of synthetic 8 kHz call audio (espeak-ng speech, pauses, DTMF key presses in
noise, a timed transcript with spoken card numbers), then measures in the same run:

- redaction: ``redact_call`` on the WAV (decode, analysis copy, DTMF, pauses, text engine on the
  transcript, windows, silence, verification, WAV encoding);
- baseline: the ffmpeg command line decoding and re-encoding the same audio (WAV and MP3);
- speech-to-text on its own: the pocketsphinx engine on 60 s of the same audio;
- the 8 kHz analysis copy on its own (``analysis_channels``, the resampler; ``redact_call`` makes
  it twice, once more for verification): nothing to do at 8 kHz, so try ``--rate 44100``.

CPU time is user + system of this process and of the child processes it waited for (pydub's
and the baseline's ffmpeg), from ``os.times()``. Reported as ratios, best of ``--repeat`` runs.

    .venv/bin/python benchmarks/audio_throughput.py [--minutes 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ringfence.redaction.call.asr import speech_to_text
from ringfence.redaction.call.audio.decode import decode_audio, encode_wav, to_int16
from ringfence.redaction.call.audio.resample import analysis_channels
from ringfence.redaction.call.metadata import CallMeta
from ringfence.redaction.call.redact import default_text_engine, redact_call
from ringfence.redaction.policy import load_policy

RATE = 8000
SENTENCES = [
    "hello you are through to the council how can I help you today",
    "I am calling about my council tax bill for this year",
    "can I take the first line of your address and your postcode please",
    "the bins were not collected on our street again on Tuesday",
    "I will put a note on the account and arrange a collection",
    "can I take the long number on the card please",
    "four one one one one one one one one one one one one one one one",
    "and the expiry date please",
    "oh five two seven",
    "is there anything else I can help you with today",
]
KEYS = ("123A", "456B", "789C", "*0#D")
ROWS, COLUMNS = (697, 770, 852, 941), (1209, 1336, 1477, 1633)


def _speech(text: str) -> np.ndarray:
    wav = subprocess.run(["espeak-ng", "--stdout", text], check=True, capture_output=True).stdout
    pcm = subprocess.run(
        ["sox", "-t", "wav", "-", "-r", str(RATE), "-c", "1", "-b", "16", "-t", "raw", "-"],
        input=wav,
        check=True,
        capture_output=True,
    ).stdout
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768


def _keys(digits: str, rng: np.random.Generator) -> np.ndarray:
    t = np.arange(round(0.06 * RATE)) / RATE
    tones = []
    for key in digits:
        row = next(index for index, keys in enumerate(KEYS) if key in keys)
        pair = np.sin(2 * np.pi * ROWS[row] * t) + np.sin(
            2 * np.pi * COLUMNS[KEYS[row].index(key)] * t
        )
        tones += [0.12 * pair, np.zeros(round(0.08 * RATE))]
    signal = np.concatenate(tones)
    return signal + rng.standard_normal(signal.size) * 0.02


def synthetic_call(minutes: float) -> tuple[bytes, dict[str, Any]]:
    """A long call: sentences with word timings spread evenly, pauses, a DTMF entry now and then."""
    rng, pieces, words, now = np.random.default_rng(4), [], [], 0.0
    spoken = {text: _speech(text) for text in SENTENCES}
    while now < minutes * 60:
        for index, text in enumerate(SENTENCES):
            audio = spoken[text] if index % 5 else _keys("4111111111111111", rng)
            tokens = text.split()
            step = audio.size / RATE / len(tokens)
            words += [
                {"word": token, "start": now + i * step, "end": now + (i + 0.9) * step}
                for i, token in enumerate(tokens)
            ]
            pause = np.zeros(round(rng.uniform(0.3, 1.2) * RATE))
            pieces += [audio, pause]
            now += (audio.size + pause.size) / RATE
    samples = np.concatenate(pieces) + rng.standard_normal(round(now * RATE)) * 0.002
    wav = encode_wav(to_int16(samples.astype(np.float32)[:, None]), RATE)
    meta = {"call_id": "bench", "team": "customer_services", "transcript": {"words": words}}
    return wav, meta


def _sox_rate(wav: bytes, rate: int) -> bytes:
    """The same call as a WAV at another sample rate (wideband VoIP, studio rates)."""
    command = ["sox", "-t", "wav", "-", "-r", str(rate), "-b", "16", "-t", "wav", "-"]
    return subprocess.run(command, input=wav, check=True, capture_output=True).stdout


def cpu_seconds(work: Callable[[], object], repeat: int) -> float:
    """Best CPU time (self + waited-for children) of ``repeat`` runs of ``work``."""
    best = float("inf")
    for _ in range(repeat):
        before = os.times()
        work()
        after = os.times()
        used = sum(getattr(after, f) - getattr(before, f) for f in _CPU_FIELDS)
        best = min(best, used)
    return best


_CPU_FIELDS = ("user", "system", "children_user", "children_system")


def ffmpeg_round_trip(source: Path, target: Path, *codec: str) -> None:
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-y", "-i", str(source), *codec, str(target)], check=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rate", type=int, default=RATE, help="deliver the call at this rate")
    args = parser.parse_args()

    wav, meta_json = synthetic_call(args.minutes)
    if args.rate != RATE:
        wav = _sox_rate(wav, args.rate)
    decoded = decode_audio(wav)
    duration = decoded.duration_s
    meta = CallMeta.model_validate(meta_json)
    teams = load_policy().recorded_teams("call")
    default_text_engine()  # built once per worker process: not part of a call's cost
    result = redact_call(wav, meta, teams)
    assert result.passed, result.verification.failures()

    with tempfile.TemporaryDirectory() as folder:
        source, mp3 = Path(folder) / "call.wav", Path(folder) / "call.mp3"
        source.write_bytes(wav)
        ffmpeg_round_trip(source, mp3, "-b:a", "32k")
        mp3_bytes = mp3.read_bytes()
        from_mp3 = redact_call(mp3_bytes, meta, teams)
        assert from_mp3.passed, from_mp3.verification.failures()
        results = {
            "audio_seconds": round(duration, 1),
            "redact_wav_cpu_s": cpu_seconds(lambda: redact_call(wav, meta, teams), args.repeat),
            "redact_mp3_cpu_s": cpu_seconds(
                lambda: redact_call(mp3_bytes, meta, teams), args.repeat
            ),
            "ffmpeg_wav_cpu_s": cpu_seconds(
                lambda: ffmpeg_round_trip(source, Path(folder) / "o.wav"), args.repeat
            ),
            "ffmpeg_mp3_cpu_s": cpu_seconds(
                lambda: ffmpeg_round_trip(mp3, Path(folder) / "o.mp3", "-b:a", "32k"), args.repeat
            ),
        }
    asr_seconds = min(60.0, duration)
    results["analysis_copy_cpu_s"] = cpu_seconds(
        lambda: analysis_channels(decoded.samples, decoded.sample_rate), args.repeat
    )
    asr_clip = decoded.samples[: round(asr_seconds * args.rate), 0]
    engine = speech_to_text("pocketsphinx")
    assert engine is not None
    results["sample_rate"] = args.rate
    results["asr_audio_seconds"] = asr_seconds
    results["asr_cpu_s"] = cpu_seconds(lambda: engine.transcribe(asr_clip, args.rate), 1)
    _report(results)


def _report(results: dict[str, float]) -> None:
    audio = results["audio_seconds"]
    copies = 2 * results["analysis_copy_cpu_s"]  # redact_call makes one more to verify
    ratios = {
        "redaction_x_realtime_per_core_wav": audio / results["redact_wav_cpu_s"],
        "redaction_x_realtime_per_core_mp3": audio / results["redact_mp3_cpu_s"],
        "ffmpeg_wav_round_trip_x_realtime": audio / results["ffmpeg_wav_cpu_s"],
        "ffmpeg_mp3_round_trip_x_realtime": audio / results["ffmpeg_mp3_cpu_s"],
        "redaction_cost_vs_ffmpeg_wav": results["redact_wav_cpu_s"] / results["ffmpeg_wav_cpu_s"],
        "redaction_cost_vs_ffmpeg_mp3": results["redact_mp3_cpu_s"] / results["ffmpeg_mp3_cpu_s"],
        "asr_x_realtime_per_core": results["asr_audio_seconds"] / results["asr_cpu_s"],
        "analysis_copies_share_of_redaction_wav": copies / results["redact_wav_cpu_s"],
    }
    print(json.dumps({**results, **{k: round(v, 2) for k, v in ratios.items()}}, indent=2))
    target = ratios["redaction_x_realtime_per_core_wav"] >= 200
    print(f"target >= 200x real time per core (ASR excluded): {'met' if target else 'NOT met'}")


if __name__ == "__main__":
    main()
