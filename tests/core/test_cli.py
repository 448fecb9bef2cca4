"""The `accueil` console script: `accueil rules` and `accueil demo`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from accueil.accounts.models import Role, User
from accueil.booking.models import InformationSession, WaitlistEntry
from accueil.contracts.models import Contract, ContractStatus
from accueil.registration.models import Candidate
from accueil.rules import RULES, evaluate
from accueil.rules.working_days import is_working_day

# The console script runs in its own process, and the demo loads a whole data set.
pytestmark = pytest.mark.slow

ACCUEIL = [sys.executable, "-c", "from accueil.cli import main; main()"]


def accueil(*args: str, stdin: str = "", tmp_path: Path) -> subprocess.CompletedProcess:
    # As a user's shell would be: no DEBUG, no SECRET_KEY, nothing of the test run.
    env = {
        "PATH": "/usr/bin:/bin",
        "ACCUEIL_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
    }
    return subprocess.run(
        [*ACCUEIL, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_rules_reads_facts_from_a_file_and_prints_the_decision(tmp_path):
    facts = RULES["cai.eligibility"].example
    (tmp_path / "facts.json").write_text(json.dumps(facts))
    result = accueil("rules", "cai.eligibility", str(tmp_path / "facts.json"), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == evaluate("cai.eligibility", facts).to_dict("en")


def test_rules_reads_standard_input_and_answers_in_french(tmp_path):
    facts = RULES["cai.term"].example
    result = accueil(
        "rules", "cai.term", "--lang", "fr", stdin=json.dumps(facts), tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == evaluate("cai.term", facts).to_dict("fr")


def test_rules_computes_the_arrival_declaration_in_german(tmp_path):
    facts = {"entry_date": "2026-06-19", "on": "2026-06-26"}
    result = accueil(
        "rules",
        "guide.arrival_declaration",
        "--lang",
        "de",
        stdin=json.dumps(facts),
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    decision = json.loads(result.stdout)
    assert decision == evaluate("guide.arrival_declaration", facts).to_dict("de")
    assert decision["values"]["deadline"] == "2026-06-25"
    assert "25. Juni 2026" in decision["reasons"][0]["message"]


def test_a_bad_fact_is_named_and_exits_with_status_2(tmp_path):
    result = accueil(
        "rules", "cai.term", stdin='{"entry_into_force": "2026-02-30"}', tmp_path=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: entry_into_force:")
    assert result.stdout == ""


def test_broken_json_exits_with_status_2(tmp_path):
    result = accueil("rules", "cai.term", stdin="{not json", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr


def test_an_unknown_rule_exits_with_status_2(tmp_path):
    result = accueil("rules", "cai.nothing", stdin="{}", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "cai.eligibility" in result.stderr


@pytest.mark.django_db
def test_demo_loads_every_role_and_stage_and_running_it_again_duplicates_nothing(capsys):
    call_command("demo", "--no-serve", "--port", "8123")
    first = capsys.readouterr().out
    counts = (User.objects.count(), Candidate.objects.count(), Contract.objects.count())
    call_command("demo", "--no-serve")
    assert (User.objects.count(), Candidate.objects.count(), Contract.objects.count()) == counts
    assert "http://127.0.0.1:8123/" in first
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    statuses = set(Contract.objects.values_list("status", flat=True))
    assert statuses == set(ContractStatus.values)
    assert Candidate.objects.filter(contracts__isnull=True).exists()
    assert len({n for c in Candidate.objects.all() for n in c.nationalities}) >= 8
    for email in User.objects.values_list("email", flat=True):
        assert email in first
    full = InformationSession.objects.filter(
        seats_taken=F("capacity"), starts_at__gt=timezone.now()
    )
    assert full.exists()
    assert InformationSession.objects.filter(interpreter_available=True).exists()
    assert WaitlistEntry.objects.filter(status="waiting").exists()


def test_the_web_server_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    result = subprocess.run(
        [sys.executable, "-c", "import accueil.wsgi"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


@pytest.mark.django_db
def test_demo_plans_a_session_for_today_with_candidates_to_check_in(capsys):
    call_command("demo", "--no-serve")
    today = timezone.localdate()
    todays = InformationSession.objects.filter(starts_at__date=today)
    assert todays.count() == 1
    assert todays.get().bookings.filter(status="active").count() == 3
    call_command("demo", "--no-serve")
    assert InformationSession.objects.filter(starts_at__date=today).count() == 1
    assert todays.get().bookings.count() == 3


@pytest.mark.django_db
def test_demo_plans_its_other_sessions_on_luxembourg_working_days(capsys):
    call_command("demo", "--no-serve")
    today = timezone.localdate()
    others = InformationSession.objects.exclude(starts_at__date=today)
    assert others.count() >= 7
    for session in others:
        assert is_working_day(timezone.localdate(session.starts_at)), session.starts_at
