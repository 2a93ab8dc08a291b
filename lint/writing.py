"""Writing files safely: never half a file, never over one the user did not mean to lose."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExists(Exception):
    pass


def write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    Without ``force`` an existing file is left alone (:class:`OutputExists`).
    """
    if path.exists() and not force:
        raise OutputExists(str(path))
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
