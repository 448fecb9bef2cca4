"""The rules are plain Python: no Django, and no third-party package but `holidays`.

`holidays` (pure Python, in requirements/base.txt) gives Luxembourg's public
holidays to `accueil.rules.working_days`; it is the only package allowed.
"""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "accueil" / "rules"
THIRD_PARTY_ALLOWED = {"holidays"}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


def test_only_working_days_imports_the_holidays_package():
    importers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if any(module.split(".")[0] == "holidays" for module in imported_modules(path))
    )
    assert importers == ["working_days.py"]


def test_holidays_is_a_pinned_dependency():
    pinned = (ROOT / "requirements" / "base.txt").read_text(encoding="utf-8")
    assert any(line.startswith("holidays==") for line in pinned.splitlines())


def test_rules_package_does_not_import_django():
    files = sorted(PACKAGE.rglob("*.py"))
    assert files
    for path in files:
        for module in imported_modules(path):
            top = module.split(".")[0]
            allowed = (
                module.startswith(".")
                or module == "accueil.rules"
                or module.startswith("accueil.rules.")
                or top in sys.stdlib_module_names
                or top in THIRD_PARTY_ALLOWED
            )
            assert allowed, f"{path.relative_to(ROOT)} imports {module}"
            assert top != "django", f"{path.relative_to(ROOT)} imports {module}"

    check = (
        "import accueil.rules, sys; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", check], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


def test_the_rules_tests_run_without_django():
    """`pytest tests/rules` neither configures nor imports Django (tests/plugin.py): the
    rules' tests, fixtures included, need none of it. pytest-django and the project's
    configuration are loaded as in any run; schemathesis', hypothesis' and anyio's plugins,
    which have nothing to do with Django and take seconds to import, are not."""
    plugins = "'-p', 'no:schemathesis', '-p', 'no:hypothesispytest', '-p', 'no:anyio'"
    run = (
        "import sys, pytest; "
        f"code = pytest.main(['-q', {plugins}, 'tests/rules/test_term.py']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django')); "
        "sys.exit(code)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", run], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
