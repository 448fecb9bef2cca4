"""Migrations audit 0002-0004 and registration 0008 on a trail written before them:
the typed reasons leave the trail (a correction's moves to the candidate), the codes
stay, each event about a candidate or a record of theirs gets its person, and the
database then refuses a reason that is not a code."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from accueil.accounts.models import Role
from accueil.audit.models import AuditEvent
from accueil.registration.models import Correction
from tests import factories

BEFORE = [("audit", "0001_initial"), ("registration", "0007_resubmission")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest() -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_old_trail_is_scrubbed_and_given_its_people(transactional_db):
    officer = factories.user(Role.OFFICER)
    person = factories.candidate()
    contract = factories.contract(person)
    try:
        apps = migrate(BEFORE)
        event = apps.get_model("audit", "AuditEvent")

        def old(target_type, target_id, reason, action="update"):
            return event.objects.create(
                actor_id=officer.pk,
                actor_role="officer",
                action=action,
                target_type=target_type,
                target_id=str(target_id),
                reason=reason,
                fields=["surname"],
            ).pk

        withdrawn = old(
            "contracts.contract",
            contract.pk,
            "in_force -> withdrawn: ill, see hospital",
            "transition",
        )
        signed = old(
            "contracts.contract", contract.pk, "draft -> in_force: signed (paper)", "transition"
        )
        corrected = old(
            "registration.candidate", person.pk, "details corrected by an officer: Typo in the name"
        )
        typed = old("registration.candidate", person.pk, "Candidate phoned: Ana, +352 621 123 456")
        account = old("accounts.user", officer.pk, "wrong password", "sign_in_failed")
    finally:
        latest()
    reasons = dict(AuditEvent.objects.values_list("pk", "reason"))
    assert reasons[withdrawn] == "in_force -> withdrawn"
    assert reasons[signed] == "draft -> in_force: signed (paper)"
    assert reasons[corrected] == "details corrected by an officer"
    assert reasons[typed] == ""
    assert reasons[account] == "wrong password"
    subjects = dict(AuditEvent.objects.values_list("pk", "subject"))
    assert [subjects[pk] for pk in (withdrawn, signed, corrected, typed)] == [person.pk] * 4
    assert subjects[account] is None
    correction = Correction.objects.get()
    assert (correction.candidate, correction.by, correction.reason) == (
        person,
        officer,
        "Typo in the name",
    )
    assert correction.fields == ["surname"]
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(action="update", reason="Typed text")
