"""Issue 12, point 8 in a real browser: provider staff issue a certificate, its PDF's QR
code leads to the public verification page, which confirms it; typed codes are checked
too. In English, French and German, at phone width, with the keyboard, and no axe-core
violation on any page."""

import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accueil.accounts.models import OrganisationKind, Role
from accueil.contracts.models import Certificate, CertificateOrigin
from accueil.core.clock import LUXEMBOURG
from accueil.training.models import (
    Attendance,
    Course,
    CourseSession,
    Enrolment,
    TrainingCertificate,
)
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in

WORDS = {
    "en": ("Issue the certificate", "This certificate is valid", "Check the code"),
    "fr": ("Délivrer le certificat", "Ce certificat est valable", "Vérifier le code"),
    "de": ("Die Bescheinigung ausstellen", "Diese Bescheinigung ist gültig", "Den Code prüfen"),
}


def a_participant(lang: str, attended: bool = True):
    organisation = factories.organisation(kind=OrganisationKind.INL)
    staff = factories.user(Role.PROVIDER, organisation=organisation, language=lang)
    course = Course.objects.create(
        provider=organisation,
        kind="language",
        title="Lëtzebuergesch A1",
        taught_language="lb",
        cefr_level="A1",
        capacity=12,
        place="Luxembourg",
        address="1, rue de la Gare, L-1611 Luxembourg",
        status="published",
    )
    start = datetime(2026, 5, 4, 18, tzinfo=LUXEMBOURG)
    CourseSession.objects.create(course=course, starts_at=start, ends_at=start + timedelta(hours=3))
    person = factories.candidate(first_name="Wei", surname="Zhang", information_language=lang)
    factories.contract(person, language=lang)
    enrolment = Enrolment.objects.create(course=course, candidate=person)
    if attended:  # the certificate states the attendance recorded
        Attendance.objects.create(
            enrolment=enrolment,
            session=course.sessions.get(),
            status="present",
            hours=3,
            recorded_at=start,
        )
    return staff, enrolment


def qr_payload(pdf: bytes, folder: Path) -> str:
    (folder / "certificate.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            "-singlefile",
            str(folder / "certificate.pdf"),
            str(folder / "page"),
        ],
        check=True,
        timeout=60,
    )
    return (
        subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(folder / "page.png")],
            capture_output=True,
            check=True,
            timeout=60,
        )
        .stdout.decode()
        .strip()
    )


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_issue_a_certificate_and_verify_it_from_its_qr_code(
    page, use_language, transactional_db, tmp_path, lang
):
    issue_words, valid_words, check_words = WORDS[lang]
    staff, enrolment = a_participant(lang)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, staff)
    page.goto("/courses/certificates/")
    assert_accessible(page)
    page.focus(f"a[href='/courses/certificates/enrolments/{enrolment.pk}/issue/']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#issue-form")
    assert page.locator("h1").inner_text() == issue_words
    assert page.locator("#states-sessions").inner_text() == "1"
    assert_accessible(page)
    page.focus("#issue-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#download-link")
    assert_accessible(page)
    certificate = TrainingCertificate.objects.get(enrolment=enrolment)
    record = Certificate.objects.get(contract__candidate=enrolment.candidate)
    assert record.origin == CertificateOrigin.ISSUED and record.code == certificate.code
    pdf = page.request.get(page.get_attribute("#download-link", "href")).body()
    url = qr_payload(pdf, tmp_path)
    page.context.clear_cookies()  # anyone, not signed in, reads the code
    use_language(lang)
    page.goto(urlsplit(url).path)
    assert page.locator("#verdict").inner_text() == valid_words
    assert "W. Z." in page.locator("#verified").inner_text()
    assert "Zhang" not in page.content()
    assert_accessible(page)
    # A code typed from the paper, in lower case, with the keyboard.
    page.goto("/verify/")
    assert_accessible(page)
    page.focus("#id_code")
    page.keyboard.type(certificate.code_display.lower())
    page.keyboard.press("Enter")
    page.wait_for_selector("#verdict")
    assert page.locator("#verdict").inner_text() == valid_words
    assert page.locator("#verify-form button").inner_text() == check_words


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_revoked_or_unknown_code_is_said_plainly_without_axe_violation(
    page, use_language, transactional_db, lang
):
    staff, enrolment = a_participant(lang)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, staff)
    page.goto(f"/courses/certificates/enrolments/{enrolment.pk}/issue/")
    page.click("#issue-form button[type=submit]")
    page.click("#revoke-link")
    page.click("#revoke-form button[type=submit]")  # no reason: the error names the field
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.fill("#id_reason", "Issued to the wrong person")
    with page.expect_navigation():
        page.click("#revoke-form button[type=submit]")
    certificate = TrainingCertificate.objects.get(enrolment=enrolment)
    assert certificate.revoked_at is not None
    page.goto(f"/verify/{certificate.code}/")
    expect(page.locator("#verdict")).to_be_visible()
    assert_accessible(page)
    page.goto("/verify/NOT-A-CODE/")
    expect(page.locator("#verdict")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_an_officer_records_a_paper_certificate_marked_as_such(
    page, use_language, transactional_db, lang
):
    officer = factories.user(Role.OFFICER, language=lang)
    contract = factories.contract(factories.candidate())
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, officer)
    page.goto(f"/officer/contracts/{contract.pk}/")
    page.focus("#certificate-add-link")
    page.keyboard.press("Enter")
    page.wait_for_selector("#certificate-form")
    page.click("#certificate-form button[type=submit]")  # empty: errors name the fields
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.check("input[name=obligation][value=orientation_day]")
    page.fill("#id_issued_on", "3")
    page.fill("#id_issued_on_month", "3")
    page.fill("#id_issued_on_year", "2026")
    page.fill("#id_issuer", "Integration Department")
    page.check("input[name=literacy][value=no]")
    page.click("#certificate-form button[type=submit]")
    page.wait_for_selector("#certificates")
    assert_accessible(page)
    record = Certificate.objects.get(contract=contract)
    assert record.origin == CertificateOrigin.PAPER
    with translation.override(lang):
        assert record.get_origin_display() in page.locator("#certificates").inner_text()


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_with_no_attendance_the_refusal_leads_to_the_grid_without_axe_violation(
    page, use_language, transactional_db, lang
):
    staff, enrolment = a_participant(lang, attended=False)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, staff)
    page.goto(f"/courses/certificates/enrolments/{enrolment.pk}/issue/")
    expect(page.locator("#nothing-attended")).to_be_visible()
    assert page.locator("#issue-form").count() == 0
    assert_accessible(page)
    page.focus("#record-attendance")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/courses/provider/{enrolment.course_id}/attendance/")
