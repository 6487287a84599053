"""The layout's rules (docs/architecture.md): pure redaction, edges kept apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# folder -> ringfence subpackages it must never import
FORBIDDEN = {
    "redaction": ("ringfence.streams", "ringfence.storage", "ringfence.cli"),
    "storage": ("ringfence.streams", "ringfence.cli"),
    "streams": ("ringfence.cli",),
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_folder_does_not_import_what_it_must_not(folder: str) -> None:
    broken = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in _imports(path)
        if name.startswith(FORBIDDEN[folder])
    ]
    assert broken == []


def test_no_generic_top_level_imports_remain() -> None:
    """Everything is imported through the ringfence namespace, never as bare ``streams``."""
    bare = [
        f"{path.relative_to(ROOT)} imports {name}"
        for folder in (*FORBIDDEN, "cli", "tests", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in ("streams", "redaction", "storage", "cli")
    ]
    assert bare == []
