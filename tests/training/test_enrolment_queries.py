"""The statements of one enrolment over the API (issue 12, point 10: the enrolment rush
must reach 0.6x its bare ceiling; benchmarks/README.md). Counted so that they cannot
creep back: every statement added costs the rush its throughput."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accueil.training import vouchers
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db

QUEUE = {"default": {"BACKEND": "accueil.notifications.queue.QueueBackend", "QUEUES": ["default"]}}


def kind(sql: str) -> str:
    words = sql.split()
    if words[0] in ("SAVEPOINT", "RELEASE"):
        return words[0]
    return words[0] + " " + re.search(r'\b(?:FROM|INTO)\s+"?(\w+)', sql).group(1)


def test_an_enrolment_with_a_voucher_over_the_api_sends_these_statements_only(
    client, provider, settings
):
    settings.TASKS = QUEUE  # the email is queued as in production: one row
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    target = course(provider.organisation)
    client.force_login(provider)
    body = {
        "national_id": person.national_id,
        "surname": person.surname,
        "voucher_code": voucher.code_display,
    }
    with CaptureQueriesContext(connection) as captured:
        answer = client.post(
            f"/api/v1/courses/{target.pk}/enrolments", body, content_type="application/json"
        )
    assert answer.status_code == 201, answer.content
    assert [kind(q["sql"]) for q in captured.captured_queries] == [
        "SELECT django_session",  # the API's sign-in: the session and its user
        "SELECT accounts_user",
        "SELECT otp_totp_totpdevice",  # the session's second factor (staff, issue 14)
        "SAVEPOINT",  # the request's transaction (BEGIN outside the tests)
        "SAVEPOINT",  # the enrolment's, for the voucher's unique index
        "SELECT training_course",  # locked, and the provider's own
        "SELECT training_voucher",  # locked, with its state and its holder
        "SELECT training_enrolment",  # the seats taken and the person's current enrolment
        "INSERT training_enrolment",
        "INSERT training_voucherredemption",
        "INSERT audit_auditevent",  # who enrolled whom
        "INSERT django_q_ormq",  # the email, queued
        "RELEASE",
        "RELEASE",
    ]
