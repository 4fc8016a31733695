"""Tests for the integer tools, on literal numbers."""

from __future__ import annotations

import pytest

from abduce.programs.symbolic import number_theory as nt


@pytest.mark.parametrize(
    ("n", "expected"),
    [(360, {"2": 3, "3": 2, "5": 1}), (97, {"97": 1}), (1, {}), (-12, {"-1": 1, "2": 2, "3": 1})],
)
def test_factorint(n: int, expected: dict[str, int]) -> None:
    assert nt.factorint(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(2, True), (97, True), (1, False), (91, False), (2**61 - 1, True)]
)
def test_isprime(n: int, expected: bool) -> None:
    assert nt.isprime(n) is expected


@pytest.mark.parametrize(
    ("values", "gcd", "lcm"), [([12, 18, 30], 6, 180), ([7], 7, 7), ([4, 9], 1, 36)]
)
def test_gcd_and_lcm(values: list[int], gcd: int, lcm: int) -> None:
    assert (nt.gcd(values), nt.lcm(values)) == (gcd, lcm)


@pytest.mark.parametrize(("value", "modulus", "expected"), [(3, 7, 5), (10, 17, 12), (-1, 5, 4)])
def test_mod_inverse(value: int, modulus: int, expected: int) -> None:
    assert nt.mod_inverse(value, modulus) == expected


def test_mod_inverse_of_a_non_unit() -> None:
    with pytest.raises(ValueError, match="2 has no inverse modulo 4"):
        nt.mod_inverse(2, 4)


@pytest.mark.parametrize(
    ("base", "exponent", "modulus", "expected"),
    [(2, 10, 1000, 24), (3, 200, 13, 9), (3, -1, 7, 5), (5, 0, 3, 1)],
)
def test_mod_power(base: int, exponent: int, modulus: int, expected: int) -> None:
    assert nt.mod_power(base, exponent, modulus) == expected


def test_mod_power_by_zero() -> None:
    with pytest.raises(ValueError, match="must not be 0"):
        nt.mod_power(2, 3, 0)
