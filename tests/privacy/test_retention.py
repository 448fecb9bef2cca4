"""Issue 14, point 3: the retention policy, written in one place, shown to people in
docs/retention.md, and applied by the scheduled job "retention"."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import audit_record
from accueil.contracts.models import ContractStatus
from accueil.notifications import jobs
from accueil.notifications.models import Notification
from accueil.privacy import retention
from accueil.registration.models import Candidate
from tests import factories

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "retention.md"


def test_the_document_shows_the_policy_the_code_applies():
    assert retention.markdown_table() in DOC.read_text(encoding="utf-8")


def test_every_kind_the_issue_names_has_a_rule_and_a_reason_from_the_seed():
    kinds = {rule.kind for rule in retention.POLICY}
    assert {
        "registrations",
        "abandoned_registrations",
        "contracts",
        "certificates",
        "bookings",
        "emails",
        "task_results",
        "guide_answers",
        "audit",
        "audit_addresses",
    } <= kinds
    for rule in retention.POLICY:
        assert "as long as it is required to achieve the purpose" in rule.reason
        assert rule.action in ("delete", "anonymise", "keep anonymised")
        assert rule.days is None or rule.kind in retention.APPLY
    # The addresses in the trail go earlier than the events.
    by_kind = retention.BY_KIND
    assert by_kind["audit_addresses"].days < by_kind["audit"].days


def test_the_job_is_scheduled_with_the_others():
    job = jobs.job_named("retention")
    assert job.func == "accueil.privacy.retention.retention_job"


def test_a_period_is_changed_from_the_settings(settings):
    settings.RETENTION_DAYS = {"emails": 7}
    assert retention.period(retention.BY_KIND["emails"]) == timedelta(days=7)
    assert retention.period(retention.BY_KIND["audit"]) == timedelta(days=3650)
    assert retention.period(retention.BY_KIND["certificates"]) is None


def old(model, pk, field, when):
    model.objects.filter(pk=pk).update(**{field: when})


def test_the_job_deletes_or_anonymises_what_is_past_its_period_once_and_keeps_the_rest(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    years = timedelta(days=365)
    # A registration without contract, 3 years old; another of last month.
    stale = factories.candidate()
    old(Candidate, stale.pk, "registered_at", now - 3 * years)
    fresh = factories.candidate()
    # A contract ended 6 years ago; one in force.
    ended = factories.candidate()
    factories.contract(
        ended,
        status=ContractStatus.NOT_FULFILLED,
        entry_into_force=(now - 8 * years).date(),
        end_exclusive=(now - 6 * years).date(),
    )
    current = factories.candidate()
    factories.contract(current)
    # Email records, audit events, sessions.
    Notification.objects.create(key="a", kind="k", about="x", purpose="p", status="sent")
    Notification.objects.create(key="b", kind="k", about="x", purpose="p", status="sent")
    old(Notification, Notification.objects.get(key="a").pk, "created_at", now - 2 * years)
    ancient = audit_record(action=Action.VIEW, reason="")
    old(AuditEvent, ancient.pk, "at", now - 11 * years)
    addressed = AuditEvent.objects.create(action=Action.VIEW, ip_address="198.51.100.7")
    old(AuditEvent, addressed.pk, "at", now - 200 * timedelta(days=1))
    recent = AuditEvent.objects.create(action=Action.VIEW, ip_address="198.51.100.8")
    expired = SessionStore()
    expired["x"] = 1
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(expire_date=now - timedelta(hours=1))
    live = SessionStore()
    live["x"] = 1
    live.create()

    with django_capture_on_commit_callbacks(execute=True):
        done = retention.apply_policy(now)

    assert done >= 6
    assert Candidate.objects.get(pk=stale.pk).erased_at is not None
    assert Candidate.objects.get(pk=ended.pk).erased_at is not None
    assert Candidate.objects.get(pk=fresh.pk).erased_at is None
    assert Candidate.objects.get(pk=current.pk).erased_at is None
    assert list(Notification.objects.values_list("key", flat=True)) == ["b"]
    assert not AuditEvent.objects.filter(pk=ancient.pk).exists()
    assert AuditEvent.objects.get(pk=addressed.pk).ip_address is None
    assert AuditEvent.objects.get(pk=recent.pk).ip_address == "198.51.100.8"
    assert not Session.objects.filter(pk=expired.session_key).exists()
    assert Session.objects.filter(pk=live.session_key).exists()
    # One event for the run, naming kinds and counts, no person.
    run = AuditEvent.objects.filter(reason__startswith="retention:").get()
    assert set(run.fields) >= {"registrations", "contracts", "emails", "audit", "audit_addresses"}
    assert run.target_id == ""
    # A second run finds nothing left to do and records nothing.
    assert retention.apply_policy(now) == 0
    assert AuditEvent.objects.filter(reason__startswith="retention:").count() == 1


def test_the_job_deletes_the_contracts_files_no_contract_names_once_they_are_old():
    person = factories.candidate()
    contract = factories.contract(person)
    contract.signed_scan.save("kept.pdf", ContentFile(b"scan"), save=True)
    left = default_storage.save("contracts/scans/left.pdf", ContentFile(b"old scan"))
    just_written = default_storage.save("contracts/new.pdf", ContentFile(b"being saved"))
    now = timezone.now()
    old_enough = (now - timedelta(days=2)).timestamp()
    for name in (contract.signed_scan.name, left):
        os.utime(default_storage.path(name), (old_enough, old_enough))

    retention.apply_policy(now)

    assert default_storage.exists(contract.signed_scan.name)
    assert not default_storage.exists(left)
    assert default_storage.exists(just_written)
