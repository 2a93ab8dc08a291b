"""Schema validation at the speed of a CI gate.

jsonschema gives the best errors but interprets the schema on every call (~30 ms for a
seed file). fastjsonschema compiles a schema to plain Python that accepts a valid document
in well under a millisecond. Valid documents — nearly all of them — take the fast path;
only a document it rejects goes through jsonschema, for every error with its location.

Compiling costs ~35 ms per schema (three schemas: ~75 ms of a 380 ms pre-commit run on one
file), so the generated code is kept, compiled, in the user's cache folder
(:mod:`lint.usercache`): every later start-up loads it in well under a millisecond. That
folder is trusted only when nothing but the user can write it, and an entry is used only
after its content digest checks out — marshalled code is never loaded from anywhere a
checked-out repository can write, nor from a damaged file.
"""

from __future__ import annotations

import functools
import json
import marshal
import re
import sys
import types
from typing import Callable

from lint import usercache
from lint.resources import schema


@functools.cache
def available() -> bool:
    """Whether the fast path exists here, decided once per process: fastjsonschema is a declared
    dependency, but a trimmed install may lack it, and then every document takes jsonschema's
    slower path (``jxlint check -v`` says so)."""
    try:
        import fastjsonschema  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def fast_validator(name: str) -> Callable[[object], object]:
    """A compiled validator for ``schema/<name>.schema.json``; raises on an invalid document.
    Only called when :func:`available`."""
    document = schema(name)
    digest = usercache.digest(json.dumps(document, sort_keys=True), sys.implementation.cache_tag or "")
    # Marshalled bytecode, not a .py module: Python may be told not to write .pyc files
    # (PYTHONDONTWRITEBYTECODE), and compiling the generated source costs as much as generating it.
    cached = f"schema_{name.replace('-', '_')}_{digest}.marshal"
    loaded = _load(usercache.read_marshalled(cached))
    if loaded is None:
        import fastjsonschema

        source = fastjsonschema.compile_to_code(document)
        entry = re.search(r"^def (\w+)\(", source, re.MULTILINE)[1]  # the first function is the schema's own
        code = compile(source, f"<schema {name}>", "exec")
        usercache.write(cached, marshal.dumps((entry, code)))
    else:
        entry, code = loaded
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - our own schema's generated validator, from a verified trusted cache or just built
    return namespace[entry]


def _load(loaded: object) -> tuple[str, types.CodeType] | None:
    """A verified entry's (function name, code), or None when it holds something of another
    shape (its payload's digest was checked by :func:`lint.usercache.read`)."""
    if (not isinstance(loaded, tuple) or len(loaded) != 2 or not isinstance(loaded[0], str)
            or not isinstance(loaded[1], types.CodeType)):
        return None
    return loaded


def is_valid(name: str, instance: object) -> bool:
    """True when the fast path accepts ``instance``; False sends it to jsonschema, which then
    reports every error (or, without the fast path, decides alone)."""
    if not available():
        return False
    validator = fast_validator(name)
    try:
        validator(instance)
    except Exception:  # noqa: BLE001 - JsonSchemaValueException, or anything odd data makes generated code raise
        return False
    return True
