"""Where the source texts are looked for, and what happens when they are absent.

A clone on its own (nothing beside it) must pass its own tests: the checks of quoted
passages are then skipped, saying where the texts were looked for; CI, which sets
ACCUEIL_REQUIRE_SEEDS=1, fails instead.
"""

import pytest

from tests import seeds

NAME = "004_788ffbea22f4a3d7.txt"


@pytest.fixture
def lone_clone(monkeypatch, tmp_path):
    """Nothing beside the repository, and no ACCUEIL_SEEDS_DIR."""
    monkeypatch.setattr(seeds, "BESIDE", tmp_path / "shared" / "seeds")
    monkeypatch.delenv("ACCUEIL_SEEDS_DIR", raising=False)
    monkeypatch.delenv("ACCUEIL_REQUIRE_SEEDS", raising=False)
    return tmp_path


def test_absent_seeds_skip_naming_both_places(lone_clone):
    with pytest.raises(pytest.skip.Exception) as skipped:
        seeds.read_seed(NAME)
    reason = str(skipped.value)
    assert seeds.SKIPPED in reason
    assert "ACCUEIL_SEEDS_DIR" in reason
    assert "../shared/seeds" in reason and str(lone_clone / "shared" / "seeds") in reason


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_absent_seeds_fail_when_required(lone_clone, monkeypatch, value):
    monkeypatch.setenv("ACCUEIL_REQUIRE_SEEDS", value)
    with pytest.raises(pytest.fail.Exception, match="ACCUEIL_REQUIRE_SEEDS=1 requires it"):
        seeds.read_seed(NAME)


def test_not_required_when_the_variable_says_no(lone_clone, monkeypatch):
    monkeypatch.setenv("ACCUEIL_REQUIRE_SEEDS", "0")
    with pytest.raises(pytest.skip.Exception):
        seeds.read_seed(NAME)


def test_seeds_beside_the_repository_are_read(lone_clone):
    (lone_clone / "shared" / "seeds").mkdir(parents=True)
    (lone_clone / "shared" / "seeds" / NAME).write_text("Bienvenue", encoding="utf-8")
    assert seeds.read_seed(NAME) == "Bienvenue"


def test_accueil_seeds_dir_comes_first(lone_clone, monkeypatch, tmp_path):
    (lone_clone / "shared" / "seeds").mkdir(parents=True)
    (lone_clone / "shared" / "seeds" / NAME).write_text("beside", encoding="utf-8")
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    (chosen / NAME).write_text("chosen", encoding="utf-8")
    monkeypatch.setenv("ACCUEIL_SEEDS_DIR", str(chosen))
    assert seeds.read_seed(NAME) == "chosen"


def test_a_wrong_accueil_seeds_dir_fails_even_when_not_required(lone_clone, monkeypatch):
    monkeypatch.setenv("ACCUEIL_SEEDS_DIR", str(lone_clone / "typo"))
    with pytest.raises(pytest.fail.Exception, match="not found in ACCUEIL_SEEDS_DIR"):
        seeds.read_seed(NAME)
