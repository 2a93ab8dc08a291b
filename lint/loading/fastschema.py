"""Schema validation at the speed of a CI gate.

jsonschema gives the best errors but interprets the schema on every call (~30 ms for a
seed file). fastjsonschema compiles a schema to plain Python that accepts a valid document
in well under a millisecond. Valid documents — nearly all of them — take the fast path;
only a document it rejects goes through jsonschema, for every error with its location.

Compiling costs ~50 ms per schema, so the generated code is kept as a module in the user's
cache folder (:mod:`lint.usercache`), where Python's own bytecode cache makes every later
start-up cost about a millisecond.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from typing import Callable

from lint import usercache
from lint.resources import schema


@functools.cache
def fast_validator(name: str) -> Callable[[object], object]:
    """A compiled validator for ``schema/<name>.schema.json``; raises on an invalid document."""
    document = schema(name)
    digest = usercache.digest(json.dumps(document, sort_keys=True))
    module_path = usercache.folder() / f"schema_{name.replace('-', '_')}_{digest}.py"
    if not module_path.exists():
        import fastjsonschema

        usercache.write(module_path, fastjsonschema.compile_to_code(document).encode("utf-8"))
    try:
        spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.validate
    except (OSError, SyntaxError, AttributeError, ImportError):  # unwritable or damaged cache
        import fastjsonschema

        return fastjsonschema.compile(document)


def is_valid(name: str, instance: object) -> bool:
    try:
        fast_validator(name)(instance)
    except Exception:  # noqa: BLE001 - JsonSchemaValueException, or anything odd data makes it raise
        return False
    return True
