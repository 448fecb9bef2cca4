"""Issue 12: the demo gets providers of every kind with courses, enrolments and
attendance, certificates that verify, a waiting list, every signal of the early-warning
list, and the case of the issue's "Done when" ready to be done."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import OrganisationKind, Role, User
from accueil.contracts.models import Certificate, Obligation
from accueil.demo import data, training_data
from accueil.registration.models import Candidate
from accueil.training import vouchers, warnings
from accueil.training.models import (
    Attendance,
    Course,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
    TrainingCertificate,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

PROVIDER_KINDS = {
    OrganisationKind.INL,
    OrganisationKind.COMMUNE,
    OrganisationKind.ASSOCIATION,
    OrganisationKind.SECONDARY_SCHOOL,
    OrganisationKind.ADULT_EDUCATION,
    OrganisationKind.INTEGRATION_DEPARTMENT,
}


@pytest.fixture
def demo():
    data.load()


def test_providers_of_every_kind_have_courses_with_people_enrolled(demo):
    enrolled = Enrolment.objects.filter(status=EnrolmentStatus.ENROLLED)
    assert {e.course.provider.kind for e in enrolled} == PROVIDER_KINDS
    assert {e.course.kind for e in enrolled} == {
        "language",
        "literacy",
        "citizenship",
        "orientation",
    }
    # Reduced-rate vouchers were used for language courses and literacy classes only.
    used = enrolled.filter(voucher_redemption__isnull=False)
    assert used.exists()
    assert {e.course.kind for e in used} == {"language", "literacy"}


def test_attendance_is_recorded_for_sessions_held_only_by_the_providers_staff(demo):
    rows = Attendance.objects.select_related("session__course", "recorded_by")
    assert rows.count() > 30
    assert all(row.session.ends_at < timezone.now() for row in rows)
    for row in rows:
        assert row.recorded_by.role == Role.PROVIDER
        assert row.recorded_by.organisation_id == row.session.course.provider_id
    kinds = {row.session.course.kind for row in rows}
    assert kinds == {"language", "citizenship", "orientation"}


def test_each_certifier_has_issued_a_certificate_that_verifies(demo, client):
    issued = TrainingCertificate.objects.select_related("issuer")
    assert {c.kind for c in issued} == {"attendance", "citizenship", "orientation"}
    assert {c.issuer.kind for c in issued} == {
        OrganisationKind.INL,
        OrganisationKind.ADULT_EDUCATION,
        OrganisationKind.INTEGRATION_DEPARTMENT,
    }
    for certificate in issued:
        page = client.get(reverse("verify:certificate", args=[certificate.code]))
        assert page.status_code == 200
        assert page.context["certificate"] == certificate
        assert certificate.record is not None  # on the holder's contract


def test_a_full_course_has_a_waiting_list(demo):
    small = Course.objects.get(title="Luxembourgish conversation, small group")
    assert small.enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == small.capacity
    assert small.enrolments.filter(status=EnrolmentStatus.WAITLISTED).count() == 1


def test_the_early_warning_list_has_a_signal_of_each_kind(demo):
    found = warnings.signals()
    assert all(found[kind] for kind in found), {kind: len(v) for kind, v in found.items()}
    (absent,) = found["absences"]
    assert absent.candidate_name == "AHMADI Reza"


def test_the_journey_of_the_issue_is_ready_to_be_done(demo):
    course = Course.objects.get(title=training_data.JOURNEY_COURSE)
    assert course.status == CourseStatus.PUBLISHED
    assert course.provider.kind == OrganisationKind.INL
    sessions = list(course.sessions.all())
    assert len(sessions) == 5 and all(s.ends_at < timezone.now() for s in sessions)
    # Held in one week, Monday to Friday.
    assert [s.starts_at.weekday() for s in sorted(sessions, key=lambda s: s.starts_at)] == [
        0,
        1,
        2,
        3,
        4,
    ]
    staff = User.objects.get(email=training_data.PROVIDER)
    assert staff.organisation == course.provider
    rahul = Candidate.objects.get(user__email=training_data.CANDIDATE)
    assert not course.enrolments.filter(candidate=rahul).exists()
    assert len(vouchers.usable_vouchers(rahul)) == 3
    met = {c.obligation for c in rahul.contracts.get(status="in_force").certificates.all()}
    assert Obligation.LANGUAGE_TRAINING not in met
    lines = training_data.where()
    assert any(rahul.national_id in line for line in lines)
    assert any(vouchers.usable_vouchers(rahul)[0].code_display in line for line in lines)


def test_loading_the_demo_again_adds_no_enrolment_voucher_or_certificate(demo):
    counts = (
        Enrolment.objects.count(),
        Attendance.objects.count(),
        TrainingCertificate.objects.count(),
    )
    data.load()
    assert (
        Enrolment.objects.count(),
        Attendance.objects.count(),
        TrainingCertificate.objects.count(),
    ) == counts


def test_the_demo_s_certificates_name_their_issuer_in_the_contract_s_language(demo):
    french = Certificate.objects.filter(contract__language="fr", obligation="citizenship_course")
    german = Certificate.objects.filter(contract__language="de", obligation="language_training")
    assert french and german
    assert {c.issuer for c in french} == {"Service de la formation des adultes"}
    assert {c.issuer for c in german} == {"Nationales Spracheninstitut (INL)"}


def test_the_participants_registered_before_they_signed(demo):
    for row in training_data.PARTICIPANTS:
        person = Candidate.objects.get(first_name=row[1], surname=row[0])
        contract = person.contracts.get()
        assert person.registered_at.date() < contract.entry_into_force
