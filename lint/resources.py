"""Where the bundled rule pack and schemas are.

In the repository they sit at the top (``rules/``, ``schema/``); the wheel carries them as
``lint/_data/``. An editable install or a checkout run finds the top-level folders.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"jxlint is installed without its {name}/ folder")


@functools.cache
def schema(name: str) -> dict:
    with open(data_dir("schema") / f"{name}.schema.json", encoding="utf-8") as handle:
        return json.load(handle)
