"""Issue 12, "Done when", in a real browser, at phone width, with the keyboard, in
English, French and German, with axe-core on every page: from the demo, the National
Institute for Languages' staff enrol Rahul Sharma with one of his vouchers in the
intensive week held last week, record the whole course's attendance by CSV (the
template downloaded, filled in and uploaded), and issue his certificate; the QR code
read from the PDF leads to the public verification page, which confirms it; signed in
as Rahul, his path shows his language training done."""

import csv
import io
from urllib.parse import urlsplit

import pytest

from accueil.accounts.models import User
from accueil.demo import data, training_data
from accueil.registration.models import Candidate
from accueil.training import attendance, vouchers
from accueil.training.models import Attendance, Course, Enrolment, TrainingCertificate
from tests.browser.conftest import PHONE, assert_accessible, enter_code
from tests.browser.test_training_certificates import WORDS, qr_payload

COMPLETED = {"en": "Completed", "fr": "Terminé", "de": "Erledigt"}


def sign_in_demo(page, email: str) -> None:
    page.goto("/sign-in/")
    page.focus("#id_username")
    page.keyboard.type(email)
    page.focus("#id_password")
    page.keyboard.type(data.DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    enter_code(page, User.objects.get(email=email))
    page.wait_for_url("**/home/")


def follow(page, href: str) -> None:
    """Reach a link with the keyboard and follow it."""
    page.focus(f"main a[href='{href}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href.split('?')[0]}")
    assert_accessible(page)


def filled_in(template: str, course: Course) -> bytes:
    """The downloaded template with every empty line marked present for the whole
    session, as a provider fills it in a spreadsheet."""
    lengths = {
        session.starts_at.astimezone(attendance.LUXEMBOURG).strftime("%Y-%m-%d %H:%M"): (
            attendance.session_hours(session)
        )
        for session in course.sessions.all()
    }
    rows = list(csv.reader(io.StringIO(template.lstrip("\ufeff")), delimiter=";"))
    for row in rows[1:]:
        if not row[3]:
            row[3], row[4] = "present", str(lengths[row[2]])
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_demo_s_training_journey_from_enrolment_to_the_path(
    page, use_language, transactional_db, tmp_path, lang
):
    data.load()
    course = Course.objects.get(title=training_data.JOURNEY_COURSE)
    rahul = Candidate.objects.get(user__email=training_data.CANDIDATE)
    voucher = vouchers.usable_vouchers(rahul)[0]
    staff = User.objects.get(email=training_data.PROVIDER)
    use_language(lang)
    page.set_viewport_size(PHONE)

    # The provider enrols Rahul, with his voucher, in the course held last week.
    sign_in_demo(page, staff.email)
    use_language(lang)
    page.goto("/home/")
    follow(page, "/courses/manage/")
    follow(page, f"/courses/manage/{course.pk}/")
    follow(page, f"/courses/{course.pk}/enrol-person/")
    for field, text in [
        ("#id_national_id", rahul.national_id),
        ("#id_surname", rahul.surname),
        ("#id_voucher_code", voucher.code_display.lower()),
    ]:
        page.focus(field)
        page.keyboard.type(text)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)
    enrolled = Enrolment.objects.get(course=course, candidate=rahul)
    assert enrolled.status == "enrolled"
    assert enrolled.voucher_redemption.voucher == voucher

    # The whole course's attendance, by CSV: the template downloaded, filled, uploaded.
    page.goto(f"/courses/manage/{course.pk}/")
    follow(page, f"/courses/provider/{course.pk}/attendance/")
    follow(page, f"/courses/provider/{course.pk}/attendance/upload/")
    with page.expect_download() as download:
        page.click(f"a[href='/courses/provider/{course.pk}/attendance/template.csv']")
    template = download.value.path().read_text(encoding="utf-8")
    upload = tmp_path / "attendance.csv"
    upload.write_bytes(filled_in(template, course))
    page.set_input_files("#id_file", str(upload))
    page.focus("main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/courses/provider/{course.pk}/attendance/")
    assert_accessible(page)
    his = Attendance.objects.filter(enrolment=enrolled)
    assert his.count() == course.sessions.count() == 5
    assert {row.status for row in his} == {"present"}

    # His certificate, and its QR code read from the PDF.
    page.goto("/courses/certificates/")
    assert_accessible(page)
    follow(page, f"/courses/certificates/enrolments/{enrolled.pk}/issue/")
    page.focus("#issue-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#download-link")
    assert_accessible(page)
    certificate = TrainingCertificate.objects.get(enrolment=enrolled)
    assert certificate.hours == 15 and certificate.sessions == 5
    pdf = page.request.get(page.get_attribute("#download-link", "href")).body()
    url = qr_payload(pdf, tmp_path)
    assert certificate.code in url

    # Anyone who reads the code sees that it is valid.
    page.context.clear_cookies()
    use_language(lang)
    page.goto(urlsplit(url).path)
    assert page.locator("#verdict").inner_text() == WORDS[lang][1]
    assert "R. S." in page.locator("#verified").inner_text()
    assert_accessible(page)

    # Rahul's path: language training done, with his certificate.
    sign_in_demo(page, training_data.CANDIDATE)
    use_language(lang)
    page.goto("/home/")
    step = page.locator("#step-language_training")
    assert step.locator(".govuk-task-list__status").inner_text() == COMPLETED[lang]
    assert step.locator(f"a[href='/courses/certificates/{certificate.code}/pdf/']").count() == 1
    assert_accessible(page)
