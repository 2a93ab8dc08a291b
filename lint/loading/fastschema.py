"""Schema validation at the speed of a CI gate.

jsonschema gives the best errors but interprets the schema on every call (~30 ms for a
seed file). fastjsonschema compiles a schema to plain Python that accepts a valid document
in well under a millisecond. Valid documents — nearly all of them — take the fast path;
only a document it rejects goes through jsonschema, for every error with its location.

Compiling costs ~50 ms per schema, so the generated code is kept, compiled, in the user's
cache folder (:mod:`lint.usercache`): every later start-up loads it in about a millisecond.
"""

from __future__ import annotations

import functools
import json
import marshal
import re
import sys
from typing import Callable

from lint import usercache
from lint.resources import schema


@functools.cache
def fast_validator(name: str) -> Callable[[object], object]:
    """A compiled validator for ``schema/<name>.schema.json``; raises on an invalid document."""
    document = schema(name)
    digest = usercache.digest(json.dumps(document, sort_keys=True), sys.implementation.cache_tag or "")
    # Marshalled bytecode, not a .py module: Python may be told not to write .pyc files
    # (PYTHONDONTWRITEBYTECODE), and compiling the generated source costs as much as generating it.
    cached = usercache.folder() / f"schema_{name.replace('-', '_')}_{digest}.marshal"
    try:
        entry, code = marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        import fastjsonschema

        source = fastjsonschema.compile_to_code(document)
        entry = re.search(r"^def (\w+)\(", source, re.MULTILINE)[1]  # the first function is the schema's own
        code = compile(source, f"<schema {name}>", "exec")
        usercache.write(cached, marshal.dumps((entry, code)))
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - our own schema's generated validator, not user input
    return namespace[entry]


def is_valid(name: str, instance: object) -> bool:
    try:
        fast_validator(name)(instance)
    except Exception:  # noqa: BLE001 - JsonSchemaValueException, or anything odd data makes it raise
        return False
    return True
