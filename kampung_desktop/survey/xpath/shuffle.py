"""Choice order for `randomize=true` (with an optional `seed`), exactly as ODK Collect orders it.

JavaRosa shuffles with its own Fisher-Yates variant driven by a Park-Miller generator, so that a
seeded order is the same on every platform (Collect, Enketo, and here): an office comparing a
laptop's interview with a phone's sees the same choice order for the same seed. A seed that is
not a number is hashed to one (SHA-256, first 8 bytes), as JavaRosa does since v3.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Sequence
from typing import Any, TypeVar

from kampung_desktop.survey.xpath.values import to_num, to_str

T = TypeVar("T")

MODULUS = 2147483647
MULTIPLIER = 16807


class ParkMiller:
    """JavaRosa's `ParkMiller` (a `java.util.Random` whose doubles come from the Lehmer LCG)."""

    def __init__(self, seed: int) -> None:
        value = math.fmod(float(seed), MODULUS)  # Java's double % keeps the dividend's sign
        if value <= 0:
            value += MODULUS - 1
        self.seed = value

    def next_int(self) -> int:
        self.seed = math.fmod(self.seed * MULTIPLIER, MODULUS)
        return int(self.seed)

    def next_double(self) -> float:
        return (self.next_int() - 1) / (MODULUS - 1)


def shuffle(items: Sequence[T], seed: int | None) -> list[T]:
    """A new list with `items` reordered; the same seed always gives the same order."""
    draw = ParkMiller(seed).next_double if seed is not None else random.random
    output: list[Any] = [None] * len(items)
    for i, item in enumerate(items):
        j = int(draw() * (i + 1))
        if j != i:
            output[i] = output[j]
        output[j] = item
    return output


def seed_of(value: Any) -> int:
    """The seed a `seed` expression's value gives: its number (truncated), else a hash of its
    text (JavaRosa's `toLongHash`: an empty value is 0)."""
    text = to_str(value)
    if text == "":
        return 0
    number = to_num(value)
    if isinstance(number, float) and (math.isnan(number) or math.isinf(number)):
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big", signed=True)
    return int(number)
