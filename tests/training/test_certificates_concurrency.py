"""Issuing one certificate from many clicks at once, on PostgreSQL (row locks; SQLite
serialises every write and would prove nothing): exactly one certificate, and one entry
on the contract."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.db import connection

from accueil.contracts.models import Certificate
from accueil.training import certificates
from accueil.training.models import TrainingCertificate
from tests.training.test_certificates import attend, course, enrolled, staff_of

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def in_thread(work):
    try:
        return work()
    except Exception as error:
        return error
    finally:
        connection.close()


def test_twenty_concurrent_issues_make_one_certificate():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation))
    attend(enrolment)  # a certificate states the attendance recorded

    def issue():
        return certificates.certificate_issue(
            enrolment=enrolment, actor=staff, issued_on=date(2026, 6, 10)
        )

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda _: in_thread(issue), range(20)))
    issued = [o for o in outcomes if isinstance(o, TrainingCertificate)]
    refused = [o for o in outcomes if isinstance(o, certificates.CertificateAlreadyIssued)]
    assert (len(issued), len(refused)) == (1, 19), outcomes
    assert TrainingCertificate.objects.filter(enrolment=enrolment).count() == 1
    assert Certificate.objects.filter(contract__candidate=enrolment.candidate).count() == 1
