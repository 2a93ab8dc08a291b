"""The value parser: a target-value cell's text → :class:`TargetValue`.

    >>> v = parse_value("≥1.5万人次")
    >>> v.kind, v.comparison, v.number, v.unit
    (<ValueKind.QUANTITY: 'quantity'>, <Comparison.GE: '≥'>, Decimal('15000'), '人次')

Importing this package does not import pint; `TargetValue.quantity`, `unit_registry`
and `to_quantity` do, on first use.
"""

from lint.values.grammar import (
    BASE_UNITS,
    COUNT_UNITS,
    FOLD,
    GRADED_WORDS,
    MONEY_UNITS,
    QUALITATIVE_WORDS,
    SUFFIX_COMPARISONS,
)
from lint.values.model import Comparison, TargetValue, ValueKind
from lint.values.parser import (
    AmountReading,
    QuantityInText,
    parse_amount,
    parse_value,
    quantities_in,
    read_amount,
    without_dates,
)
from lint.values.units import conversion_factor, to_quantity, unit_registry

# The vocabulary checks share with the parser: units by kind, the suffix comparison words
# (以上, 及以下 …) and FOLD, the table that folds full-width digits and signs.
__all__ = [
    "BASE_UNITS",
    "COUNT_UNITS",
    "FOLD",
    "GRADED_WORDS",
    "MONEY_UNITS",
    "QUALITATIVE_WORDS",
    "SUFFIX_COMPARISONS",
    "QuantityInText",
    "quantities_in",
    "without_dates",
    "Comparison",
    "TargetValue",
    "ValueKind",
    "AmountReading",
    "parse_amount",
    "read_amount",
    "parse_value",
    "conversion_factor",
    "to_quantity",
    "unit_registry",
]
