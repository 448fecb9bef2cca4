"""Reading raw facts (parsed JSON) into typed values, naming the fact on every error.

Facts come from forms, the API and the CLI as plain dicts. `FactReader` checks
one level of that dict: it refuses unknown keys (a misspelt fact must not be
silently ignored, or a rule would decide on a default instead), and its typed
getters raise `FactError` with the dotted name of the offending fact, e.g.
"citizenship_course.hours". JSON `null` counts as "not given".
"""

import math
import re
from collections.abc import Iterable
from datetime import date
from typing import Any, cast, overload

from accueil.rules.base import FactError
from accueil.rules.dates import check_range, parse_date
from accueil.rules.parameters import CAI_LAW

CEFR_LEVELS = ("none", "A1.1", "A1", "A2", "B1", "B2", "C1", "C2")
OBLIGATIONS = ("language_training", "citizenship_course", "orientation_day")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_REQUIRED = object()


def _kind(value: object) -> str:
    """A JSON-ish name for the type of `value`, for error messages."""
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


class FactReader:
    """Typed access to one object of facts; `prefix` is its dotted path ("" at the top)."""

    def __init__(self, raw: object, allowed: Iterable[str], prefix: str = "") -> None:
        if not isinstance(raw, dict):
            raise FactError(prefix or "(facts)", f"expected an object, got {_kind(raw)}")
        self.raw, self.prefix = raw, prefix
        for key in raw:
            if key not in allowed:
                expected = ", ".join(sorted(allowed))
                raise FactError(self.name(str(key)), f"unknown fact; expected one of: {expected}")

    def name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def _get(self, key: str, default: Any) -> Any:
        """The raw value, or `default` when absent; getters return a default unchecked."""
        value = self.raw.get(key)
        if value is None and default is _REQUIRED:
            raise FactError(self.name(key), "is required")
        return default if value is None else value

    @overload
    def day(self, key: str) -> date: ...
    @overload
    def day(self, key: str, default: date | None) -> date | None: ...
    def day(self, key: str, default: Any = _REQUIRED) -> date | None:
        """A calendar date (see `accueil.rules.dates` for the accepted forms)."""
        value = self._get(key, default)
        if value is default:
            return cast("date | None", value)
        return check_range(parse_date(value, self.name(key)), self.name(key))

    @overload
    def law_day(self, key: str) -> date: ...
    @overload
    def law_day(self, key: str, default: date | None) -> date | None: ...
    def law_day(self, key: str, default: Any = _REQUIRED) -> date | None:
        """A date on which the CAI rules are in force (the law of 16 December 2008)."""
        value = self.day(key, default)
        if value is not None and value < CAI_LAW:
            raise FactError(self.name(key), f"no CAI rules apply before {CAI_LAW.isoformat()}")
        return value

    def boolean(self, key: str, default: Any = _REQUIRED) -> bool:
        value = self._get(key, default)
        if value is default:
            return cast(bool, value)
        if not isinstance(value, bool):
            raise FactError(self.name(key), f"expected true or false, got {_kind(value)}")
        return value

    def number(self, key: str, default: Any = _REQUIRED) -> int | float:
        """A finite number >= 0 (hours, years); booleans are not numbers here."""
        value = self._get(key, default)
        if value is default:
            return cast("int | float", value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise FactError(self.name(key), f"expected a number, got {_kind(value)}")
        if not math.isfinite(value) or value < 0:
            raise FactError(self.name(key), f"expected a number of at least 0, got {value!r}")
        return value

    def count(self, key: str, default: Any = _REQUIRED) -> int:
        """A whole number >= 0 (sessions)."""
        value = self.number(key, default)
        if isinstance(value, float):
            raise FactError(self.name(key), f"expected a whole number, got {value!r}")
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: Any = _REQUIRED) -> str:
        value = self._get(key, default)
        if value is default:
            return cast(str, value)
        if value not in choices:
            raise FactError(self.name(key), f"expected one of {', '.join(choices)}, got {value!r}")
        return cast(str, value)

    def strings(self, key: str, default: Any = _REQUIRED) -> list[str]:
        value = self._get(key, default)
        if value is default:
            return cast("list[str]", value)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise FactError(self.name(key), f"expected a list of strings, got {_kind(value)}")
        return value

    def obligations(self, key: str, default: Any = _REQUIRED) -> tuple[str, ...]:
        """Obligation codes, de-duplicated and in the canonical order of OBLIGATIONS."""
        codes = self.strings(key, default)
        for code in codes:
            if code not in OBLIGATIONS:
                expected = ", ".join(OBLIGATIONS)
                raise FactError(self.name(key), f"unknown obligation {code!r}; expected {expected}")
        return tuple(code for code in OBLIGATIONS if code in codes)

    def countries(self, key: str) -> tuple[str, ...]:
        """ISO 3166-1 alpha-2 codes (checked for shape only), at least one."""
        codes = self.strings(key)
        if not codes:
            raise FactError(self.name(key), "expected at least one nationality")
        for code in codes:
            if not _COUNTRY_CODE.fullmatch(code):
                raise FactError(
                    self.name(key),
                    f"{code!r} is not an upper-case ISO 3166-1 alpha-2 code such as 'FR'",
                )
        return tuple(dict.fromkeys(codes))

    def levels(self, key: str) -> dict[str, str]:
        """Language code -> CEFR level; codes are lower-case ISO 639-1, e.g. "lb"."""
        value = self._get(key, _REQUIRED)
        if not isinstance(value, dict):
            raise FactError(self.name(key), f"expected an object, got {_kind(value)}")
        for code, level in value.items():
            fact = f"{self.name(key)}.{code}"
            if not _LANGUAGE_CODE.fullmatch(str(code)):
                raise FactError(
                    fact,
                    "unknown language code; expected two lower-case letters "
                    "(ISO 639-1) such as lb, fr, de or en",
                )
            if level not in CEFR_LEVELS:
                raise FactError(
                    fact, f"unknown CEFR level {level!r}; expected one of {', '.join(CEFR_LEVELS)}"
                )
        return dict(value)

    def child(self, key: str, allowed: Iterable[str]) -> "FactReader":
        """The reader of a nested object; a missing object reads as empty."""
        return FactReader(self._get(key, {}), allowed, self.name(key))
