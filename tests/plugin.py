"""Django for the tests that need it, and not for the rules' tests.

Loaded before anything else (`-p tests.plugin` in pyproject.toml's addopts). The rules
are plain Python (tests/rules/test_purity.py), so `pytest tests/rules` runs without
Django: no settings module, no `django.setup()`, none of the Django fixtures. Any other
run (the whole suite, an app's folder, one Django test) sets `DJANGO_SETTINGS_MODULE`
before pytest-django looks for it, so pytest-django sets Django up as usual, before the
first conftest is imported; then the Django fixtures (tests/fixtures.py) are registered
for every test.

A `DJANGO_SETTINGS_MODULE` in the environment, or `--ds`, is always respected.
"""

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
RULES = TESTS / "rules"


def only_rules(config: pytest.Config) -> bool:
    """Whether every path this run collects is inside tests/rules."""
    here = config.invocation_params.dir
    given = config.known_args_namespace.file_or_dir
    if not given:
        # No path given: pytest collects `testpaths` from the root, else the current folder.
        given = [] if here == config.rootpath else [str(here)]
    paths = [(here / arg.split("::")[0]).resolve() for arg in given]
    return bool(paths) and all(path == RULES or RULES in path.parents for path in paths)


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    if not only_rules(early_config):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accueil.settings")


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        config.pluginmanager.import_plugin("tests.fixtures")
