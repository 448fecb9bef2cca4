"""The provider's attendance in a real browser, in English, French and German, at phone
width and with the keyboard alone: the grid (errors by the cell, then saved) and the
CSV upload (a report of the bad lines, then the file recorded); axe finds nothing."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.training.models import Attendance
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.training import attendance_data as data

PRESENT_KEY = {"en": "p", "fr": "p", "de": "a"}
SAVED = {
    "en": "Attendance recorded: 4 changed",
    "fr": "Présences enregistrées\u00a0: 4 modifiées",
    "de": "Anwesenheit erfasst: 4 geändert",
}
PROBLEM = {"en": "There is a problem", "fr": "Il y a un problème", "de": "Es gibt ein Problem"}
TOO_MANY_HOURS = {"en": "2.5 or fewer", "fr": "2.5 au plus", "de": "höchstens 2.5"}
BAD_LINES = {
    "en": "The file has 1 line with a problem",
    "fr": "Le fichier a 1 ligne avec un problème",
    "de": "Die Datei hat 1 Zeile mit einem Problem",
}


def fits_the_screen(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, page.url


@pytest.fixture
def provider_course(transactional_db):
    staff = factories.user(Role.PROVIDER)
    return staff, data.course(staff.organisation, sessions=2, people=2)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_grid_by_keyboard_on_a_phone(page, use_language, provider_course, lang):
    staff, course = provider_course
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, staff)
    page.focus("#attendance-link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/courses/provider/")
    page.goto(reverse("training:attendance_grid", args=[course.pk]))
    fits_the_screen(page)
    assert_accessible(page)
    first = page.locator("#attendance-grid select").first
    first.focus()
    people, sessions = course.enrolments.count(), course.sessions.count()
    cells = people * sessions
    for row in range(people):
        if row:
            page.keyboard.press("Tab")  # past the row's "Skills assessment" link
        for column in range(sessions):
            page.keyboard.type(PRESENT_KEY[lang])  # type-ahead: "present" in the list
            page.keyboard.press("Tab")  # to the hours
            if row == column == 0:
                page.keyboard.type("9")  # more than the 2.5-hour session
            page.keyboard.press("Tab")  # to the next cell
    page.locator("#attendance-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator(".govuk-error-summary")).to_contain_text(PROBLEM[lang])
    expect(page.locator(".govuk-error-summary")).to_contain_text(TOO_MANY_HOURS[lang])
    assert page.title().startswith(("Error:", "Erreur", "Fehler"))
    assert Attendance.objects.count() == 0
    fits_the_screen(page)
    assert_accessible(page)
    # What was typed is still there; correct the one cell from its error summary link.
    page.locator(".govuk-error-summary a").first.focus()
    page.keyboard.press("Enter")
    hours = page.locator("input.govuk-input--error")
    expect(hours).to_have_value("9")
    hours.focus()
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.type("2")
    page.locator("#attendance-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator("main")).to_contain_text(SAVED[lang])
    assert Attendance.objects.filter(status="present").count() == cells
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_upload_by_keyboard_on_a_phone(page, use_language, provider_course, tmp_path, lang):
    staff, course = provider_course
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, staff)
    page.goto(reverse("training:attendance_grid", args=[course.pk]))
    page.focus("#upload-link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/attendance/upload/")
    fits_the_screen(page)
    assert_accessible(page)
    rows = [
        [enrolment.pk, data.session_start(session), "present", ""]
        for session in course.sessions.all()
        for enrolment in course.enrolments.all()
    ]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(data.csv_bytes([*rows[:-1], [rows[-1][0], rows[-1][1], "late", ""]]))
    page.set_input_files("#id_file", str(bad))
    page.locator("#upload-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator("#csv-report")).to_contain_text(BAD_LINES[lang])
    expect(page.locator("#csv-errors")).to_contain_text("5")
    assert Attendance.objects.count() == 0
    fits_the_screen(page)
    assert_accessible(page)
    good = tmp_path / "good.csv"
    good.write_bytes(data.csv_bytes(rows, encoding="utf-8-sig"))
    page.set_input_files("#id_file", str(good))
    page.locator("#upload-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/attendance/")
    expect(page.locator("main")).to_contain_text(SAVED[lang])
    assert Attendance.objects.count() == 4
    assert_accessible(page)
