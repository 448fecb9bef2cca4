"""The rules are plain Python: no Django, no third-party package, ever."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "accueil" / "rules"


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


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
