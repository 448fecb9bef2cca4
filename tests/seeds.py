"""Where the tests find the source texts (the "seeds") that the rules quote.

The seeds are not part of the repository: they live beside it, in `../shared/seeds`
(as on the project's machine and in CI), or wherever `ACCUEIL_SEEDS_DIR` says.

- `ACCUEIL_SEEDS_DIR` set: the seeds must be there; a seed missing from it fails the
  test (the variable was set on purpose: a typo must not pass unnoticed).
- otherwise `../shared/seeds` beside the repository root.
- neither: the tests that compare quoted passages with the texts are SKIPPED, with a
  reason naming both places, so that a clone on its own passes its own tests; unless
  `ACCUEIL_REQUIRE_SEEDS=1` (set by `.ci/run`), which makes them FAIL instead.
"""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BESIDE = ROOT.parent / "shared" / "seeds"
# Every skip for want of the seeds starts so; tests/conftest.py sums them up.
SKIPPED = "source texts not found, quoted passages not checked"


def required() -> bool:
    return os.environ.get("ACCUEIL_REQUIRE_SEEDS", "").strip().lower() in ("1", "true", "yes")


def seed_path(name: str) -> Path:
    """The path of seed `name`, or skip (fail when required) the test that needs it."""
    chosen = os.environ.get("ACCUEIL_SEEDS_DIR", "").strip()
    if chosen:
        path = Path(chosen) / name
        if path.is_file():
            return path
        pytest.fail(f"seed {name} not found in ACCUEIL_SEEDS_DIR={chosen}")
    path = BESIDE / name
    if path.is_file():
        return path
    where = (
        f"seed {name} is neither in ACCUEIL_SEEDS_DIR (not set) nor in ../shared/seeds "
        f"beside the repository ({BESIDE})"
    )
    if required():
        pytest.fail(f"{where}; ACCUEIL_REQUIRE_SEEDS=1 requires it")
    pytest.skip(f"{SKIPPED}: {where}; set ACCUEIL_SEEDS_DIR to check them")


def read_seed(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")
