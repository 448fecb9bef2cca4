"""Shared by every test, the rules' tests included: so nothing here may import Django
(the Django fixtures are in tests/fixtures.py, registered by tests/plugin.py)."""


def pytest_terminal_summary(terminalreporter):
    """Say plainly, at the end of the run, when quoted passages were not checked against
    the source texts (absent beside a lone clone: see tests/seeds.py)."""
    from tests.seeds import SKIPPED

    reasons = {
        report.longrepr[2].removeprefix("Skipped: ")
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and SKIPPED in report.longrepr[2]
    }
    if reasons:
        terminalreporter.write_sep("=", "source texts not checked", yellow=True)
        for reason in sorted(reasons):
            terminalreporter.write_line(reason)
