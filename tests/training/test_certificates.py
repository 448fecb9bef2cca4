"""Issue 12, point 8: certificates of attendance with a verification code and a QR code,
the public verification page, and the contract's obligations met as soon as one is issued."""

import re
import subprocess
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import segno
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone, translation

from accueil.accounts.models import OrganisationKind, Role
from accueil.audit.models import Action, AuditEvent
from accueil.contracts.models import Certificate, CertificateOrigin, Obligation
from accueil.contracts.selectors import candidate_path, fulfilment
from accueil.core.clock import LUXEMBOURG
from accueil.training import certificates
from accueil.training.models import (
    Attendance,
    CertificateKind,
    Course,
    CourseKind,
    CourseSession,
    Enrolment,
    TrainingCertificate,
)
from tests import factories
from tests.contracts.test_pdf_for_everyone import catalog_and_objects

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 10)


def course(provider, kind=CourseKind.LANGUAGE, sessions=3, hours=2, **fields) -> Course:
    fields.setdefault("title", f"{kind} course")
    fields.setdefault("capacity", 12)
    fields.setdefault("place", "Luxembourg")
    fields.setdefault("address", "1, rue de la Gare, L-1611 Luxembourg")
    if kind in (CourseKind.LANGUAGE, CourseKind.LITERACY):
        fields.setdefault("taught_language", "lb")
        fields.setdefault("cefr_level", "A1")
    made = Course.objects.create(provider=provider, kind=kind, status="published", **fields)
    for n in range(sessions):
        start = datetime(2026, 5, 4 + 7 * n, 18, tzinfo=LUXEMBOURG)
        CourseSession.objects.create(
            course=made, starts_at=start, ends_at=start + timedelta(hours=hours)
        )
    return made


def staff_of(kind=OrganisationKind.INL, **fields):
    organisation = factories.organisation(kind=kind, **fields)
    return factories.user(Role.PROVIDER, organisation=organisation)


def enrolled(a_course, person=None) -> Enrolment:
    if person is None:
        person = factories.candidate()
        factories.contract(person)
    return Enrolment.objects.create(course=a_course, candidate=person)


def attend(enrolment, *statuses, hours=None) -> None:
    """Record the enrolment's attendance at its course's sessions in order: the statuses
    given (present for every session when none), the whole session when present."""
    sessions = list(enrolment.course.sessions.order_by("starts_at"))
    for session, status in zip(sessions, statuses or ["present"] * len(sessions), strict=False):
        if status is None:
            continue
        length = Decimal((session.ends_at - session.starts_at).total_seconds()) / 3600
        Attendance.objects.update_or_create(
            enrolment=enrolment,
            session=session,
            defaults={
                "status": status,
                "hours": (hours if hours is not None else length) if status == "present" else 0,
                "recorded_at": session.starts_at,
            },
        )


def issue(enrolment, actor, **fields) -> TrainingCertificate:
    """Issue the certificate; with no attendance recorded yet, present at every session."""
    fields.setdefault("issued_on", TODAY)
    if not enrolment.attendances.exists():
        attend(enrolment)
    return certificates.certificate_issue(enrolment=enrolment, actor=actor, **fields)


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


# The code.


def test_codes_are_80_random_bits_in_an_alphabet_that_can_be_typed():
    codes = {certificates.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{16}", code) for code in codes)
    assert len(certificates.ALPHABET) ** certificates.CODE_LENGTH >= 2**80


def test_a_code_is_read_as_typed_from_paper_and_anything_else_is_not_a_code():
    assert certificates.normalise_code("7kq2-m9xd-4t1b-8rwe") == "7KQ2M9XD4T1B8RWE"
    assert certificates.normalise_code("7KQ2 M9XD 4T1B 8RWO") == "7KQ2M9XD4T1B8RW0"
    assert certificates.normalise_code("IL00-0000-0000-0000") == "1100000000000000"
    for bad in ["", "short", "7KQ2M9XD4T1B8RWE1", "7KQ2M9XD4T1B8RWU", "../../etc", "é" * 16]:
        assert certificates.normalise_code(bad) is None


def test_the_initials_show_nothing_more_than_initials():
    person = factories.candidate(first_name="maria", surname="Silva")
    assert certificates.holder_initials(person) == "M. S."
    assert certificates.holder_initials(factories.candidate(first_name="伟", surname="张")) == (
        "伟. 张."
    )


# Issuing meets the obligation at once.


def test_issuing_a_language_course_certificate_meets_the_obligation_through_the_rules():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation))
    contract = enrolment.candidate.contracts.get()
    assert "language_training" not in fulfilment(contract, TODAY).values["met"]
    certificate = issue(enrolment, staff)
    assert certificate.kind == CertificateKind.ATTENDANCE
    assert certificate.issuer == staff.organisation
    record = Certificate.objects.get(contract=contract)
    assert record == certificate.record
    assert (record.obligation, record.origin, record.code) == (
        Obligation.LANGUAGE_TRAINING,
        CertificateOrigin.ISSUED,
        certificate.code,
    )
    assert record.issued_on == TODAY and not record.literacy
    assert "language_training" in fulfilment(contract, TODAY).values["met"]
    assert AuditEvent.objects.filter(
        action=Action.CREATE, target_type="training.trainingcertificate"
    ).exists()


def test_a_citizenship_certificate_carries_hours_and_sessions_to_the_rule():
    staff = staff_of(OrganisationKind.ADULT_EDUCATION)
    enrolment = enrolled(course(staff.organisation, CourseKind.CITIZENSHIP, sessions=3, hours=2))
    contract = enrolment.candidate.contracts.get()
    attend(enrolment, "present", "absent", "present")
    first = issue(enrolment, staff)
    assert (first.hours, first.sessions) == (Decimal(4), 2)  # what was recorded
    assert (first.record.hours, first.record.sessions) == (Decimal(4), 2)
    assert "citizenship_course" not in fulfilment(contract, TODAY).values["met"]  # 4 < 6 hours
    second = enrolled(course(staff.organisation, CourseKind.CITIZENSHIP), enrolment.candidate)
    attend(second, "excused", "present", "absent")
    issue(second, staff)
    assert "citizenship_course" in fulfilment(contract, TODAY).values["met"]


def test_an_orientation_day_certificate_is_issued_by_an_officer_without_hours(officer):
    ministry = factories.organisation(kind=OrganisationKind.INTEGRATION_DEPARTMENT)
    enrolment = enrolled(course(ministry, CourseKind.ORIENTATION, sessions=1, hours=4))
    certificate = issue(enrolment, officer)
    assert certificate.kind == CertificateKind.ORIENTATION
    assert certificate.hours is None and certificate.sessions is None
    contract = enrolment.candidate.contracts.get()
    assert "orientation_day" in fulfilment(contract, TODAY).values["met"]


def test_a_literacy_class_certificate_is_marked_literacy_on_the_contract():
    staff = staff_of(OrganisationKind.ASSOCIATION)
    certificate = issue(enrolled(course(staff.organisation, CourseKind.LITERACY)), staff)
    assert certificate.record.literacy


def test_without_a_signed_contract_the_certificate_is_issued_but_meets_nothing_yet():
    staff = staff_of()
    person = factories.candidate()
    certificate = issue(enrolled(course(staff.organisation), person), staff)
    assert certificate.record is None
    assert not Certificate.objects.exists()


def test_one_certificate_in_force_per_enrolment_guaranteed_by_the_database():
    staff = staff_of()
    certificate = issue(enrolled(course(staff.organisation)), staff)
    with pytest.raises(certificates.CertificateAlreadyIssued):
        issue(certificate.enrolment, staff)
    with pytest.raises(IntegrityError):
        TrainingCertificate.objects.create(
            code=certificates.new_code(),
            enrolment=certificate.enrolment,
            kind=certificate.kind,
            issuer=certificate.issuer,
            issued_on=TODAY,
            language="en",
            issued_by=staff,
        )


# Revoking removes the effect on the contract.


def test_revoking_takes_the_certificate_off_the_contract_and_is_audited_with_its_reason():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation))
    contract = enrolment.candidate.contracts.get()
    certificate = issue(enrolment, staff)
    certificates.certificate_revoke(certificate=certificate, actor=staff, reason="Issued in error")
    certificate.refresh_from_db()
    assert not certificate.valid and certificate.record is None
    assert not Certificate.objects.filter(contract=contract).exists()
    assert "language_training" not in fulfilment(contract, TODAY).values["met"]
    # The reason is the certificate's, the trail says "revoked" (issue 14, point 5).
    assert certificate.revocation_reason == "Issued in error"
    reasons = set(AuditEvent.objects.values_list("reason", flat=True))
    assert "Issued in error" not in reasons and {"revoked", "certificate revoked"} <= reasons
    # A new certificate may then be issued for the same enrolment.
    assert issue(enrolment, staff).valid


# The PDF.


@pytest.mark.parametrize(
    ("lang", "title", "words"),
    [
        ("en", "Attendance certificate", "Verification code"),
        ("fr", "Certificat de participation", "Code de vérification"),
        ("de", "Teilnahmebescheinigung", "Prüfcode"),
    ],
)
def test_the_pdf_is_in_the_holder_s_language_with_their_name_in_any_script(lang, title, words):
    staff = staff_of()
    person = factories.candidate(first_name="伟", surname="张", information_language=lang)
    factories.contract(person, language=lang)
    certificate = issue(enrolled(course(staff.organisation), person), staff)
    certificate.refresh_from_db()
    assert certificate.language == lang
    text = pdf_text(certificates.certificate_pdf(certificate))
    assert title in text
    assert words in text
    assert "伟" in text and "张" in text
    assert certificate.code_display in text
    assert certificates.verification_url(certificate.code) in text.replace("\n", "")
    assert "6.0" in text or "6,0" in text  # the hours attended


def test_the_pdf_is_tagged_with_its_language():
    staff = staff_of()
    person = factories.candidate(information_language="de")
    certificate = issue(enrolled(course(staff.organisation), person), staff)
    pdf = certificates.certificate_pdf(certificate)
    objects = catalog_and_objects(pdf)
    assert b"/StructTreeRoot" in objects
    assert b"/Lang (de)" in objects
    assert b"/Alt" in objects  # the QR code's text alternative


def test_the_qr_code_in_the_pdf_leads_to_the_verification_page(tmp_path):
    staff = staff_of()
    certificate = issue(enrolled(course(staff.organisation)), staff)
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(certificates.certificate_pdf(certificate))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()
    url = certificates.verification_url(certificate.code)
    assert decoded.strip() == url
    assert url.endswith(reverse("verify:certificate", args=[certificate.code]))


def test_the_qr_code_is_segno_s_matrix_of_the_verification_url(tmp_path):
    url = certificates.verification_url("7KQ2M9XD4T1B8RWE")
    png = tmp_path / "qr.png"
    png.write_bytes(certificates.qr_png(url))
    expected = tmp_path / "expected.png"
    segno.make(url, error="m", micro=False).save(str(expected), scale=5, border=4)
    assert png.read_bytes() == expected.read_bytes()
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    assert decoded.strip() == url


# The verification page.


def test_the_verification_page_shows_only_kind_initials_date_issuer_and_validity(client):
    staff = staff_of(name="Institut national des langues")
    person = factories.candidate(first_name="Maria", surname="Silva", email="maria@example.test")
    factories.contract(person)
    a_course = course(staff.organisation, title="Lëtzebuergesch A1")
    certificate = issue(enrolled(a_course, person), staff)
    page = client.get(reverse("verify:certificate", args=[certificate.code_display]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "This certificate is valid" in html
    assert "M. S." in html
    assert "Attendance certificate" in html
    assert "Institut national des langues" in html
    for private in [
        "Maria",
        "Silva",
        "SILVA",
        "maria@example.test",
        person.national_id,
        "Lëtzebuergesch A1",
        str(person.pk),
    ]:
        assert private not in html, private


def test_the_verification_page_says_revoked(client):
    staff = staff_of()
    certificate = issue(enrolled(course(staff.organisation)), staff)
    certificates.certificate_revoke(certificate=certificate, actor=staff, reason="Wrong person")
    html = client.get(reverse("verify:certificate", args=[certificate.code])).content.decode()
    assert "This certificate is revoked" in html
    assert "Wrong person" not in html


def test_an_unknown_code_and_a_malformed_one_get_the_same_answer(client):
    unknown = client.get(reverse("verify:certificate", args=["7KQ2M9XD4T1B8RWE"]))
    malformed = client.get(reverse("verify:certificate", args=["not-a-code"]))
    assert unknown.status_code == malformed.status_code == 404
    for page in (unknown, malformed):
        assert "No certificate has this code" in page.content.decode()
    codes = ["7KQ2M9XD4T1B8RWE", "not-a-code"]
    pages = [page.content.decode() for page in (unknown, malformed)]
    assert pages[0].replace(codes[0], "?") == pages[1].replace(codes[1], "?")


def test_the_form_checks_a_typed_code(client):
    staff = staff_of()
    certificate = issue(enrolled(course(staff.organisation)), staff)
    typed = certificate.code_display.lower()
    page = client.get(reverse("verify:form"), {"code": typed})
    assert "This certificate is valid" in page.content.decode()
    empty = client.get(reverse("verify:form"), {"code": ""})
    assert "Enter the verification code" in empty.content.decode()


@pytest.mark.parametrize(
    ("lang", "valid"),
    [
        ("en", "This certificate is valid"),
        ("fr", "Ce certificat est valable"),
        ("de", "Diese Bescheinigung ist gültig"),
    ],
)
def test_the_verification_page_is_in_the_reader_s_language(client, lang, valid):
    staff = staff_of()
    certificate = issue(enrolled(course(staff.organisation)), staff)
    client.cookies["accueil_language"] = lang
    page = client.get(reverse("verify:certificate", args=[certificate.code]))
    assert valid in page.content.decode()


def test_lookups_are_rate_limited_so_codes_cannot_be_enumerated(client, settings):
    settings.RATE_LIMIT_PUBLIC = "5/600"
    answers = [
        client.get(reverse("verify:certificate", args=[certificates.new_code()])).status_code
        for _ in range(7)
    ]
    assert answers[:5] == [404] * 5
    assert answers[5:] == [429, 429]
    typed = client.get(reverse("verify:form"), {"code": certificates.new_code()})
    assert typed.status_code == 429


def test_a_lookup_writes_nothing_about_the_holder_to_the_audit_trail(client):
    staff = staff_of()
    certificate = issue(enrolled(course(staff.organisation)), staff)
    before = AuditEvent.objects.count()
    client.get(reverse("verify:certificate", args=[certificate.code]))
    assert AuditEvent.objects.count() == before


# Who may issue, see and revoke: 404 for anyone else.


def test_staff_of_another_provider_get_404_on_every_certificate_page(client):
    ours, theirs = staff_of(), staff_of()
    enrolment = enrolled(course(ours.organisation))
    certificate = issue(enrolment, ours)
    other = enrolled(course(ours.organisation))
    client.force_login(theirs)
    urls = [
        reverse("training:certificate_issue", args=[other.pk]),
        reverse("training:certificate", args=[certificate.code]),
        reverse("training:certificate_pdf", args=[certificate.code]),
        reverse("training:certificate_revoke", args=[certificate.code]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            urls[0], {"issued_on_day": "1", "issued_on_month": "6", "issued_on_year": "2026"}
        ).status_code
        == 404
    )
    assert client.post(urls[3], {"reason": "x"}).status_code == 404
    assert not TrainingCertificate.objects.filter(enrolment=other).exists()
    certificate.refresh_from_db()
    assert certificate.valid
    listing = client.get(reverse("training:certificates")).content.decode()
    assert str(enrolment.candidate) not in listing


def test_a_language_school_cannot_issue_citizenship_or_orientation_certificates(client):
    school = staff_of(OrganisationKind.ASSOCIATION)
    for kind in (CourseKind.CITIZENSHIP, CourseKind.ORIENTATION):
        enrolment = enrolled(course(school.organisation, kind))
        client.force_login(school)
        url = reverse("training:certificate_issue", args=[enrolment.pk])
        assert client.get(url).status_code == 404


def test_candidates_see_their_own_certificate_and_no_one_else_s(client):
    staff = staff_of()
    user = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=user)
    factories.contract(person)
    mine = issue(enrolled(course(staff.organisation), person), staff)
    theirs = issue(enrolled(course(staff.organisation)), staff)
    client.force_login(user)
    assert client.get(reverse("training:certificate_pdf", args=[mine.code])).status_code == 200
    assert client.get(reverse("training:certificate_pdf", args=[theirs.code])).status_code == 404
    assert client.get(reverse("training:certificate_revoke", args=[mine.code])).status_code == 404


def test_the_issuer_issues_and_revokes_through_the_pages(client):
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation, sessions=4, hours=3))
    attend(enrolment, "present", "present", "absent", "present")
    early = enrolment.attendances.order_by("session__starts_at").first()
    Attendance.objects.filter(pk=early.pk).update(hours=Decimal("2.5"))  # left early
    client.force_login(staff)
    listing = client.get(reverse("training:certificates")).content.decode()
    url = reverse("training:certificate_issue", args=[enrolment.pk])
    assert url in listing
    form = client.get(url).content.decode()
    # The page shows what is recorded and what the certificate will state; nothing to type.
    assert 'id="summary-present">3 sessions' in form and 'id="summary-absent">1 session<' in form
    assert 'id="states-hours">8.5<' in form and 'id="states-sessions">3<' in form
    assert 'name="hours"' not in form and 'name="sessions"' not in form
    done = client.post(
        url,
        {
            "issued_on_day": "10",
            "issued_on_month": "6",
            "issued_on_year": "2026",
            "hours": "99",  # not a field: ignored
            "sessions": "4",
        },
    )
    certificate = TrainingCertificate.objects.get(enrolment=enrolment)
    assert done.url == reverse("training:certificate", args=[certificate.code])
    assert certificate.hours == Decimal("8.5") and certificate.sessions == 3
    assert certificate.issued_on == TODAY
    # Issuing twice leads to the certificate already issued.
    again = client.get(url)
    assert again.url == done.url
    pdf = client.get(reverse("training:certificate_pdf", args=[certificate.code]))
    assert pdf["Content-Type"] == "application/pdf"
    revoke = reverse("training:certificate_revoke", args=[certificate.code])
    assert "Enter the reason" in client.post(revoke, {"reason": ""}).content.decode()
    client.post(revoke, {"reason": "Attended another course"})
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Attended another course"


def test_the_certificate_list_runs_the_same_queries_for_2_or_10_participants(
    client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff = staff_of()
    a_course = course(staff.organisation)
    client.force_login(staff)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("training:certificates")).status_code == 200
        return len(queries)

    for _ in range(2):
        issue(enrolled(a_course), staff)
    few = count()
    for _ in range(8):
        enrolled(a_course)
    assert count() == few


# The candidate's path and the officers' paper certificates.


def test_the_candidate_s_path_shows_the_obligation_met_with_a_link_to_the_pdf(client):
    staff = staff_of()
    user = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=user, information_language="en")
    contract = factories.contract(person)
    start = timezone.localdate() - timedelta(days=30)
    contract.entry_into_force, contract.end_exclusive = start, start.replace(year=start.year + 2)
    contract.save()
    certificate = issue(
        enrolled(course(staff.organisation), person), staff, issued_on=timezone.localdate()
    )
    path = candidate_path(person, timezone.localdate())
    assert {s.code: s.met for s in path.steps}["language_training"]
    client.force_login(user)
    html = client.get(reverse("portal:home")).content.decode()
    assert reverse("training:certificate_pdf", args=[certificate.code]) in html


def test_an_officer_records_a_certificate_brought_on_paper_marked_as_such(client, officer):
    person = factories.candidate()
    contract = factories.contract(person)
    client.force_login(officer)
    detail = client.get(reverse("officer_contracts:detail", args=[contract.pk])).content.decode()
    add = reverse("officer_contracts:certificate_add", args=[contract.pk])
    assert add in detail
    client.post(
        add,
        {
            "obligation": "citizenship_course",
            "issued_on_day": "3",
            "issued_on_month": "3",
            "issued_on_year": "2026",
            "issuer": "SFA",
            "hours": "6",
            "sessions": "3",
            "literacy": "no",
        },
    )
    record = Certificate.objects.get(contract=contract)
    assert record.origin == CertificateOrigin.PAPER and record.code == ""
    assert record.recorded_by == officer
    assert "citizenship_course" in fulfilment(contract, date(2026, 6, 1)).values["met"]
    detail = client.get(reverse("officer_contracts:detail", args=[contract.pk])).content.decode()
    assert "Brought on paper, recorded by an officer" in detail
    twice = client.post(
        add,
        {
            "obligation": "citizenship_course",
            "issued_on_day": "3",
            "issued_on_month": "3",
            "issued_on_year": "2026",
            "issuer": "SFA",
            "hours": "6",
            "sessions": "3",
            "literacy": "no",
        },
    )
    assert "already recorded" in twice.content.decode()
    assert Certificate.objects.filter(contract=contract).count() == 1


def test_only_officers_record_paper_certificates(client, provider, candidate_user):
    contract = candidate_user.candidate.contracts.get()
    add = reverse("officer_contracts:certificate_add", args=[contract.pk])
    for user in (provider, candidate_user):
        client.force_login(user)
        assert client.get(add).status_code == 403


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_hours_are_shown_with_the_reader_s_decimal_comma(client, lang):
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation, sessions=3, hours=2.5))
    attend(enrolment)
    client.force_login(staff)
    client.cookies["accueil_language"] = lang
    url = reverse("training:certificate_issue", args=[enrolment.pk])
    assert 'id="states-hours">7,5<' in client.get(url).content.decode()
    client.post(url, {"issued_on_day": "10", "issued_on_month": "6", "issued_on_year": "2026"})
    certificate = TrainingCertificate.objects.get(enrolment=enrolment)
    assert certificate.hours == Decimal("7.5")
    detail = client.get(reverse("training:certificate", args=[certificate.code])).content.decode()
    assert "7,5" in detail


def test_an_officer_may_revoke_any_certificate_and_reach_the_orientation_list(client, officer):
    staff = staff_of()
    certificate = issue(enrolled(course(staff.organisation)), staff)
    client.force_login(officer)
    assert reverse("training:certificates") in client.get(reverse("portal:home")).content.decode()
    revoke = reverse("training:certificate_revoke", args=[certificate.code])
    client.post(revoke, {"reason": "Forged attendance sheet"})
    certificate.refresh_from_db()
    assert certificate.revoked_by == officer and not certificate.valid


# The certificate states the attendance recorded.


@pytest.fixture
def language_reset():
    """A page asked in French or German leaves its language active in the thread."""
    yield
    translation.deactivate()


def test_no_certificate_before_any_attendance_is_recorded():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation))
    with pytest.raises(certificates.NothingAttended):
        certificates.certificate_issue(enrolment=enrolment, actor=staff, issued_on=TODAY)
    assert not TrainingCertificate.objects.exists() and not Certificate.objects.exists()


def test_no_certificate_when_nothing_is_marked_present():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation))
    attend(enrolment, "absent", "excused", "absent")
    with pytest.raises(certificates.NothingAttended) as refused:
        certificates.certificate_issue(enrolment=enrolment, actor=staff, issued_on=TODAY)
    assert (refused.value.summary.absent, refused.value.summary.excused) == (2, 1)
    assert not TrainingCertificate.objects.exists()


def test_the_figures_are_the_sum_of_the_hours_and_the_count_of_sessions_marked_present():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation, sessions=4, hours=2))
    attend(enrolment, "present", "absent", "present", None)
    Attendance.objects.filter(enrolment=enrolment, status="present").update(hours=Decimal("1.25"))
    other = enrolled(enrolment.course)  # someone else's attendance does not count
    attend(other)
    summary = certificates.attendance_summary(enrolment)
    assert (summary.present, summary.absent, summary.excused, summary.not_recorded) == (2, 1, 0, 1)
    assert summary.present_hours == Decimal("2.50")
    certificate = issue(enrolment, staff)
    assert (certificate.hours, certificate.sessions) == (Decimal("2.5"), 2)
    assert (certificate.record.hours, certificate.record.sessions) == (Decimal("2.5"), 2)


def test_hours_are_rounded_down_never_stating_more_than_recorded():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation, sessions=2, hours=2))
    attend(enrolment, hours=Decimal("1.99"))  # 3.98 hours recorded
    assert issue(enrolment, staff).hours == Decimal("3.9")


def test_only_the_sessions_begun_count_and_a_guess_for_one_to_come_does_not():
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation, sessions=3, hours=2))
    attend(enrolment)  # three rows, as could be recorded before sessions to come were refused
    during = datetime(2026, 5, 12, 12, tzinfo=LUXEMBOURG)  # after the 2nd session, before the 3rd
    summary = certificates.attendance_summary(enrolment, during)
    assert (summary.present, summary.to_come, summary.hours) == (2, 1, Decimal(4))
    certificate = certificates.certificate_issue(
        enrolment=enrolment, actor=staff, issued_on=during.date(), now=during
    )
    assert (certificate.hours, certificate.sessions) == (Decimal(4), 2)


def test_an_orientation_day_needs_the_person_marked_present(officer):
    ministry = factories.organisation(kind=OrganisationKind.INTEGRATION_DEPARTMENT)
    enrolment = enrolled(course(ministry, CourseKind.ORIENTATION, sessions=1, hours=4))
    attend(enrolment, "excused")
    with pytest.raises(certificates.NothingAttended):
        certificates.certificate_issue(enrolment=enrolment, actor=officer, issued_on=TODAY)
    attend(enrolment, "present")
    certificate = certificates.certificate_issue(
        enrolment=enrolment, actor=officer, issued_on=TODAY
    )
    assert certificate.hours is None and certificate.sessions is None


def test_the_issue_page_refuses_and_links_to_the_attendance_grid(client):
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation))
    attend(enrolment, "absent")
    client.force_login(staff)
    url = reverse("training:certificate_issue", args=[enrolment.pk])
    page = client.get(url).content.decode()
    grid = reverse("training:attendance_grid", args=[enrolment.course_id])
    assert 'id="nothing-attended"' in page and f'href="{grid}" id="record-attendance"' in page
    assert 'id="issue-form"' not in page
    assert (
        'id="summary-absent">1 session<' in page and 'id="summary-not-recorded">2 sessions' in page
    )
    answer = client.post(
        url, {"issued_on_day": "10", "issued_on_month": "6", "issued_on_year": "2026"}
    )
    assert answer.status_code == 409 and 'id="nothing-attended"' in answer.content.decode()
    assert not TrainingCertificate.objects.exists()


def test_an_officer_is_told_the_provider_records_the_attendance(client, officer):
    ministry = factories.organisation(kind=OrganisationKind.INTEGRATION_DEPARTMENT)
    enrolment = enrolled(course(ministry, CourseKind.ORIENTATION, sessions=1, hours=4))
    client.force_login(officer)
    page = client.get(reverse("training:certificate_issue", args=[enrolment.pk])).content.decode()
    assert 'id="nothing-attended"' in page and 'id="provider-records"' in page
    assert reverse("training:attendance_grid", args=[enrolment.course_id]) not in page


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("fr", "Aucune présence de ce participant n’est marquée"),
        ("de", "Für diese Person ist keine Anwesenheit"),
    ],
)
def test_the_refusal_is_in_the_reader_s_language(client, lang, says, language_reset):
    staff = staff_of()
    enrolment = enrolled(course(staff.organisation))
    client.force_login(staff)
    client.cookies["accueil_language"] = lang
    page = client.get(reverse("training:certificate_issue", args=[enrolment.pk])).content.decode()
    assert says in page


@pytest.mark.parametrize(
    ("lang", "hours", "sessions"),
    [
        ("en", "Hours attended 5.5", "Sessions attended 2"),
        ("fr", "Heures suivies 5,5", "Séances suivies 2"),
        ("de", "Besuchte Stunden 5,5", "Besuchte Sitzungen 2"),
    ],
)
def test_the_pdf_states_the_hours_and_sessions_attended_in_each_language(lang, hours, sessions):
    staff = staff_of()
    person = factories.candidate(information_language=lang)
    factories.contract(person, language=lang)
    enrolment = enrolled(course(staff.organisation, sessions=3, hours=3), person)
    attend(enrolment, "present", "absent", "present")
    Attendance.objects.filter(enrolment=enrolment, status="present").update(hours=Decimal("2.75"))
    certificate = issue(enrolment, staff)
    text = " ".join(pdf_text(certificates.certificate_pdf(certificate)).split())
    assert hours in text and sessions in text


def test_the_list_shows_the_sessions_each_participant_attended(client):
    staff = staff_of()
    a_course = course(staff.organisation)
    some, none = enrolled(a_course), enrolled(a_course)
    attend(some, "present", "absent", "present")
    attend(none, "absent")
    client.force_login(staff)
    page = client.get(reverse("training:certificates")).content.decode()
    rows = page.split('<tr class="govuk-table__row">')[2:]  # after the header's row
    attended = {
        enrolment.pk: re.search(r'cell--numeric">(\d+)<', row).group(1)
        for row in rows
        for enrolment in (some, none)
        if f"/enrolments/{enrolment.pk}/issue/" in row
    }
    assert attended == {some.pk: "2", none.pk: "0"}
