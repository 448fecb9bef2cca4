"""The structure of docs/architecture.md that import-linter cannot see (it checks the
layers, in `make lint`): no import of Accueil hidden inside a function, and another app
is reached only through its public modules."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "accueil"
APPS = sorted(p.name for p in SRC.iterdir() if (p / "apps.py").exists())

# What another app may import of an app (docs/architecture.md, "What each app owns").
PUBLIC = {"models", "services", "selectors", "access"}
# The shared layers below every app: any of their modules is meant to be used.
SHARED = {"core", "rules"}
# What of accounts every page needs besides its public modules.
ACCOUNTS = {"decorators", "http"}


def modules():
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        if "migrations" in rel.parts:
            continue
        yield rel, ast.parse(path.read_text(encoding="utf-8"))


def imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return []


def in_functions(tree: ast.AST):
    """(function, import node) for each import inside a function body."""
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield function.name, node


def test_no_import_of_accueil_inside_a_function():
    """A cycle cannot hide in a function: every import of Accueil is at the top of its
    module. (An AppConfig's `ready` imports its own receivers, which is how Django
    connects signals.)"""
    hidden = [
        f"{rel}:{node.lineno} in {function}()"
        for rel, tree in modules()
        for function, node in in_functions(tree)
        if function != "ready" and any(name.startswith("accueil") for name in imported(node))
    ]
    assert hidden == []


def test_other_apps_are_reached_through_their_public_modules():
    """An app imports of another app only its models, services, selectors and access
    checks (and of accounts the access decorator and the request type); anything of core
    and the rules."""
    private = []
    for rel, tree in modules():
        if len(rel.parts) < 2 or rel.parts[0] not in APPS:
            continue
        app = rel.parts[0]
        for node in ast.walk(tree):
            for name in imported(node):
                parts = name.split(".")
                if len(parts) < 3 or parts[0] != "accueil" or parts[1] in (app, *SHARED):
                    continue
                target, module = parts[1], parts[2]
                allowed = PUBLIC | (ACCOUNTS if target == "accounts" else set())
                if target in APPS and module not in allowed and len(parts) == 3:
                    private.append(f"{rel}:{node.lineno} imports {name}")
    assert private == []


@pytest.mark.parametrize("app", APPS)
def test_each_app_is_in_a_layer(app):
    """A new app must be placed in the layers of pyproject.toml (and of
    docs/architecture.md), or import-linter would not check it."""
    pyproject = (SRC.parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    architecture = (SRC.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert f"accueil.{app}" in pyproject
    assert app in architecture
