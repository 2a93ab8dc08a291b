"""The project's pint registry: units of value cells, defined in units.txt.

pint is imported on first use, never at module import: a pre-commit run lints one file
and should not pay for pint unless a rule compares quantities.
"""

from __future__ import annotations

import decimal
import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

_DEFINITIONS = Path(__file__).with_name("units.txt")
# The registry names % and ‰ percent and permille (pint's expression parser does not
# take the symbols).
_SYMBOL_NAMES = str.maketrans({"%": "percent", "‰": "permille"})


@functools.cache
def unit_registry() -> pint.UnitRegistry:
    """The registry built from units.txt (once), with Decimal magnitudes."""
    import pint

    registry = pint.UnitRegistry(None, non_int_type=decimal.Decimal)
    registry.load_definitions(str(_DEFINITIONS))
    return registry


def to_quantity(number: decimal.Decimal | int | float | str, unit: str | None) -> pint.Quantity:
    """number × unit in the project registry; no unit → dimensionless.

    `unit` is unit text as TargetValue.unit holds it ("万元", "元/人/天", "%").
    Raises pint.UndefinedUnitError for a unit the registry does not define.
    """
    registry = unit_registry()
    magnitude = number if isinstance(number, decimal.Decimal) else decimal.Decimal(str(number))
    if unit is None:
        return registry.Quantity(magnitude)
    return registry.Quantity(magnitude, _units(unit))


@functools.lru_cache(maxsize=256)
def _units(unit: str) -> pint.Unit:
    # pint's parser recurses once per operator: a chain the grammar would never produce
    # ("元" + "/人" × 1,000) is refused here rather than overflow the stack.
    from lint.values.grammar import MAX_RATE_DEPTH

    if unit.count("/") > MAX_RATE_DEPTH or len(unit) > 32:
        from pint.errors import UndefinedUnitError

        raise UndefinedUnitError(unit)
    return unit_registry().parse_units(unit.translate(_SYMBOL_NAMES))


@functools.lru_cache(maxsize=1024)
def conversion_factor(from_unit: str | None, to_unit: str | None) -> decimal.Decimal | None:
    """How many ``to_unit`` one ``from_unit`` is (万元 → 元: 10000); None when they measure
    different things (场 and 个) or a unit is unknown.

    Checks compare thousands of value pairs. Equal units are answered at once; any other
    pair compares the units' signatures (dimensions and factor to base units), which pint
    computes once per unit and :func:`_signatures` remembers across runs.
    """
    if from_unit == to_unit:
        return decimal.Decimal(1)
    source, target = _signature(from_unit), _signature(to_unit)
    if source is None or target is None or source[0] != target[0]:
        return None
    return source[1] / target[1]


def _signature(unit: str | None) -> tuple[tuple, decimal.Decimal] | None:
    table = _signatures()
    key = unit or ""
    if key not in table:
        table[key] = _pint_signature(unit)
        from lint import usercache

        usercache.write(_signature_file(), json.dumps(table, ensure_ascii=False).encode("utf-8"))
    entry = table[key]
    return None if entry is None else (tuple(tuple(pair) for pair in entry[0]), decimal.Decimal(entry[1]))


def _pint_signature(unit: str | None) -> list | None:
    from pint.errors import PintError

    try:
        base = to_quantity(1, unit).to_base_units()
    except PintError:
        return None
    return [sorted([str(name), float(power)] for name, power in base.dimensionality.items()), str(base.magnitude)]


@functools.cache
def _signature_file() -> str:
    """The user-cache entry's name (:mod:`lint.usercache`), keyed by the definitions file."""
    from lint import usercache

    return f"units_{usercache.digest(_DEFINITIONS.read_bytes())}.json"


@functools.cache
def _signatures() -> dict:
    """pint's answers about our units from earlier runs, keyed by the definitions file's hash:
    a run whose units are all known never imports pint (~100 ms of a pre-commit run)."""
    from lint import usercache

    try:
        table = json.loads(usercache.read(_signature_file()) or b"{}")
    except ValueError:
        return {}
    return table if isinstance(table, dict) else {}
