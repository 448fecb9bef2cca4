"""Production settings pass Django's deployment checks (issue 14, point 9).

`accueil check --deploy` runs in its own process with a production environment: no
DEBUG, a long random SECRET_KEY, HTTPS settings from the environment (README,
"Configuration"). Seed 000, "Forms / Online services": the data the forms collect are
protected."""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ACCUEIL = [sys.executable, "-c", "from accueil.cli import main; main()"]
PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "accueil.example.lu",
    "SITE_URL": "https://accueil.example.lu",
    "SECURE_COOKIES": "true",
    "SECURE_PROXY_SSL": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def check_deploy(tmp_path: Path, **environment: str) -> subprocess.CompletedProcess:
    # As production's shell would be: nothing of the test run (no PYTEST_VERSION, whose
    # presence lends the settings a development key), DEBUG unset.
    env = {
        "PATH": "/usr/bin:/bin",
        "ACCUEIL_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
        **environment,
    }
    return subprocess.run(
        [*ACCUEIL, "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deployment_checks_with_no_warning(tmp_path):
    result = check_deploy(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("left_out", "warning"),
    [
        ("SECURE_HSTS_SECONDS", "security.W004"),
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "security.W005"),
        ("SECURE_HSTS_PRELOAD", "security.W021"),
        ("SECURE_SSL_REDIRECT", "security.W008"),
        ("SECURE_COOKIES", "security.W012"),
    ],
)
def test_each_https_setting_comes_from_the_environment(tmp_path, left_out, warning):
    environment = {name: value for name, value in PRODUCTION.items() if name != left_out}
    result = check_deploy(tmp_path, **environment)
    assert result.returncode != 0
    assert warning in result.stderr + result.stdout
