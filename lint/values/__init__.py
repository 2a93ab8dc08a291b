"""The value parser: a target-value cell's text → :class:`TargetValue`.

    >>> v = parse_value("≥1.5万人次")
    >>> v.kind, v.comparison, v.number, v.unit
    (<ValueKind.QUANTITY: 'quantity'>, <Comparison.GE: '≥'>, Decimal('15000'), '人次')

Importing this package does not import pint; `TargetValue.quantity`, `unit_registry`
and `to_quantity` do, on first use.
"""

from lint.values.grammar import GRADED_WORDS, QUALITATIVE_WORDS
from lint.values.model import Comparison, TargetValue, ValueKind
from lint.values.parser import parse_amount, parse_value
from lint.values.units import conversion_factor, to_quantity, unit_registry

__all__ = [
    "GRADED_WORDS",
    "QUALITATIVE_WORDS",
    "Comparison",
    "TargetValue",
    "ValueKind",
    "parse_amount",
    "parse_value",
    "conversion_factor",
    "to_quantity",
    "unit_registry",
]
