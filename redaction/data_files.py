"""Reading Ringfence's data files: the packaged copy, or a council's own file instead."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def read_data_text(name: str, override: Path | None = None) -> str:
    """``redaction/data/<name>`` as shipped, or the file at ``override`` when given."""
    if override is not None:
        return Path(override).read_text("utf-8")
    return resources.files("ringfence.redaction").joinpath(f"data/{name}").read_text("utf-8")


def first_line(error: BaseException) -> str:
    """A one-line description of a load error (validation errors run to many lines)."""
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__
