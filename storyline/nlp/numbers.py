"""Reading counts written in words or digits ("Fourteen", "14", "at least eight", "1,200", "dozens")."""
from __future__ import annotations

import re

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
         if i > 1}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals: the smallest number the word allows, so a count never overstates the text.
_VAGUE = {"dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}


def parse_number(words: str) -> int | None:
    """The integer a number phrase states, or None ("twenty-one", "one hundred and five", "1,200")."""
    text = words.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+(\.\d+)?\s*(million|thousand)", text):
        num, scale = text.split()
        return int(float(num) * _SCALES[scale])
    if text in _VAGUE:
        return _VAGUE[text]
    total, current = 0, 0
    parts = [p for p in re.split(r"[\s-]+", text) if p and p != "and"]
    if not parts:
        return None
    for part in parts:
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part in _SCALES:
            current = max(current, 1) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current
