"""Integer arithmetic: prime factorisation, primality, gcd and lcm, modular inverse and power."""

from __future__ import annotations

import math

import sympy

__all__ = ["factorint", "isprime", "gcd", "lcm", "mod_inverse", "mod_power"]


def factorint(n: int) -> dict[str, int]:
    """The prime factorisation of an integer, as prime (a string) → exponent."""
    return {str(prime): int(exponent) for prime, exponent in sympy.factorint(n).items()}


def isprime(n: int) -> bool:
    """Whether an integer is prime."""
    return bool(sympy.isprime(n))


def gcd(values: list[int]) -> int:
    """The greatest common divisor of a list of integers."""
    return math.gcd(*values)


def lcm(values: list[int]) -> int:
    """The least common multiple of a list of integers."""
    return math.lcm(*values)


def mod_inverse(value: int, modulus: int) -> int:
    """The inverse of `value` modulo `modulus`; an error if they are not coprime."""
    try:
        return pow(value, -1, modulus)
    except ValueError:
        raise ValueError(f"{value} has no inverse modulo {modulus}") from None


def mod_power(base: int, exponent: int, modulus: int) -> int:
    """`base` to the power `exponent`, modulo `modulus`."""
    if modulus == 0:
        raise ValueError("the modulus must not be 0")
    return pow(base, exponent, modulus)
