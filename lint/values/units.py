"""The project's pint registry: units of value cells, defined in units.txt.

pint is imported on first use, never at module import: a pre-commit run lints one file
and should not pay for pint unless a rule compares quantities.
"""

from __future__ import annotations

import decimal
import functools
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
    return unit_registry().parse_units(unit.translate(_SYMBOL_NAMES))


@functools.lru_cache(maxsize=1024)
def conversion_factor(from_unit: str | None, to_unit: str | None) -> decimal.Decimal | None:
    """How many ``to_unit`` one ``from_unit`` is (万元 → 元: 10000); None when they measure
    different things (场 and 个) or a unit is unknown.

    Checks compare thousands of value pairs; the same unit on both sides (by far the most
    common case) is answered without pint, and every other pair asks pint once.
    """
    if from_unit == to_unit:
        return decimal.Decimal(1)
    from pint.errors import PintError

    try:
        return decimal.Decimal(to_quantity(1, from_unit).to(_units(to_unit) if to_unit else "").magnitude)
    except PintError:
        return None
