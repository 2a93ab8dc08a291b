"""The project's pint registry (lint/values/units.txt) and quantities of parsed values."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pint
import pytest

import lint.values
from lint.values import parse_value, to_quantity, unit_registry

REPO = Path(__file__).resolve().parents[2]


def quantity(text: str) -> pint.Quantity:
    return parse_value(text).quantity


def test_wan_yuan_is_ten_thousand_yuan():
    assert quantity("1.5万元") == quantity("15000元")
    assert quantity("1.5万元").to("元").magnitude == Decimal(15000)


def test_money_units_share_one_dimension():
    assert to_quantity(3, "千元") == to_quantity(3000, "元")
    assert to_quantity(1, "亿元") == to_quantity(10000, "万元")
    assert to_quantity(1, "万元").dimensionality == to_quantity(1, "元").dimensionality


def test_chang_and_changci_are_one_unit():
    assert quantity("5场") == quantity("5场次")
    assert quantity("≥2场次").to("场").magnitude == 2


def test_counters_are_different_dimensions():
    with pytest.raises(pint.DimensionalityError):
        quantity("5场").to("个")
    assert quantity("5场") != quantity("5个")
    with pytest.raises(pint.DimensionalityError):
        quantity("3人").to("人次")


def test_rate_units_are_built_from_their_pieces():
    registry = unit_registry()
    rate = quantity("≤210元/人/天")
    assert rate.magnitude == 210
    assert rate.units == registry.parse_units("元") / registry.parse_units("人") / registry.parse_units("天")
    assert quantity("≤105000元/人/年").dimensionality == rate.dimensionality
    assert quantity("4个/年").to("个/月").magnitude == Decimal(4) / 12
    per_year = registry.parse_units("宗") / registry.parse_units("年")
    assert quantity("90宗/年").dimensionality == per_year.dimensionality
    assert quantity("≤800元/亩").to("元/平方米").magnitude == Decimal("1.2")


def test_percent_and_permille_are_dimensionless_fractions():
    assert quantity("90%") == Decimal("0.9")
    assert quantity("90%").units == unit_registry().percent
    assert quantity("百分之九十") == quantity("90%")
    assert quantity("5‰") == Decimal("0.005")
    assert quantity("12").dimensionless and quantity("12") == 12


def test_time_units():
    assert quantity("1天") == quantity("1日")
    assert quantity("1年").to("月").magnitude == 12
    assert quantity("1周").to("天").magnitude == 7
    assert quantity("2小时") < quantity("1天")
    assert quantity("≤60 日").to("天").magnitude == 60
    assert quantity("3个月") == to_quantity(3, "个月")


def test_multiplier_of_a_count_is_applied():
    assert quantity("1.5万人次") == to_quantity(15000, "人次")


def test_quantity_is_none_without_a_magnitude():
    for text in ("良好", "", "2025年12月", "2023-2025年", "通过本项目的实施，有效提升我会信息安全水平"):
        assert parse_value(text).quantity is None
    compound = parse_value("2500个（旧中心）8000个（新中心）")
    assert compound.quantity is None
    assert [part.quantity for part in compound.parts] == [to_quantity(2500, "个"), to_quantity(8000, "个")]


def test_range_quantity_is_its_lower_end():
    assert quantity("80%-90%") == to_quantity(80, "%")


def test_is_numeric():
    assert parse_value("≥85%").is_numeric
    assert parse_value("10~20场").is_numeric
    assert parse_value("专版数量≥1 个，宣传视频及快闪数量≥1 个").is_numeric
    assert not parse_value("良好").is_numeric
    assert not parse_value("2025年").is_numeric


def test_registry_is_built_once():
    assert unit_registry() is unit_registry()


def test_registry_is_ours_not_pints_default():
    registry = unit_registry()
    assert registry is not pint.get_application_registry()
    with pytest.raises(pint.UndefinedUnitError):
        registry.parse_units("meter")
    with pytest.raises(pint.UndefinedUnitError):
        to_quantity(1, "斤")


def test_definitions_file_ships_in_the_package():
    assert (Path(lint.values.__file__).parent / "units.txt").is_file()


def test_import_does_not_import_pint():
    result = subprocess.run(
        [sys.executable, "-c", "import lint.values, sys; print('pint' in sys.modules)"],
        capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "False"


def test_parsing_does_not_import_pint():
    code = ("import sys; from lint.values import parse_value, parse_amount; "
            "parse_value('≥1.5万人次'); parse_value('2500个（旧中心）8000个（新中心）'); parse_amount('954,112.00元'); "
            "print('pint' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "False"
