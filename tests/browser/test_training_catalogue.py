"""The course catalogue in a real browser, in English, French and German, at phone
width, with axe-core on every page: a visitor filters the catalogue with the keyboard
and opens a course; provider staff add a citizenship course, its sessions, see why it
cannot be published yet, and publish it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from accueil.accounts.models import Role
from accueil.training.models import Course, CourseKind, CourseStatus
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.training.catalogue_helpers import approved, course

LANGUAGES = ["en", "fr", "de"]


def checked(page: Page, lang: str) -> None:
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == lang
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, page.url
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_visitor_filters_the_catalogue_with_the_keyboard(
    page, use_language, transactional_db, lang
):
    course(title="Luxembourgish for beginners", title_fr="Luxembourgeois pour débutants")
    course(title="Vivre ensemble", kind=CourseKind.CITIZENSHIP, sessions=((5, 3), (12, 3)))
    use_language(lang)
    page.set_viewport_size(PHONE)
    page.goto(reverse("training:catalogue"))
    expect(page.locator("#courses > li")).to_have_count(2)
    checked(page, lang)
    page.focus("details.govuk-details summary")
    page.keyboard.press("Enter")
    page.focus("#id_kind")
    page.select_option("#id_kind", "citizenship")
    page.focus("#filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**kind=citizenship**")
    expect(page.locator("#courses > li")).to_have_count(1)
    expect(page.locator("#courses")).to_contain_text("Vivre ensemble")
    checked(page, lang)
    page.focus("#courses a")
    page.keyboard.press("Enter")
    expect(page.locator("#sessions li")).to_have_count(2)
    checked(page, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_provider_staff_add_and_publish_a_citizenship_course(
    page, use_language, transactional_db, lang
):
    organisation = approved(factories.organisation(name="Service de la formation des adultes"))
    staff = factories.user(Role.PROVIDER, organisation=organisation, language=lang)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, staff)
    page.goto(reverse("training:provider_courses"))
    checked(page, lang)
    page.focus("#add-course")
    page.keyboard.press("Enter")
    page.wait_for_url("**/manage/add/")
    page.focus("#course-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    checked(page, lang)
    page.check("#id_kind_2")  # citizenship course
    page.fill("#id_title", "Vivre ensemble au Luxembourg")
    page.check("input[name=languages][value=pt]")
    page.fill("#id_capacity", "20")
    page.fill("#id_fee", "0")
    page.fill("#id_reduced_fee", "0")
    page.fill("#id_place", "Lycée Michel Lucius")
    page.fill("#id_address", "157, avenue Pasteur, L-2311 Luxembourg")
    page.focus("#course-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#no-sessions")).to_be_visible()
    checked(page, lang)
    added = Course.objects.get()
    assert added.kind == CourseKind.CITIZENSHIP
    day = timezone.localdate() + timedelta(days=20)
    for week in (0, 1):
        page.focus("#add-session")
        page.keyboard.press("Enter")
        when = day + timedelta(days=7 * week)
        page.fill("#id_day", str(when.day))
        page.fill("#id_day_month", str(when.month))
        page.fill("#id_day_year", str(when.year))
        page.fill("#id_start_time", "18:00")
        page.fill("#id_end_time", "20:00" if week == 0 else "21:00")
        if week == 0:
            checked(page, lang)
        page.focus("#session-form button[type=submit]")
        page.keyboard.press("Enter")
        expect(page.locator("#session-list li")).to_have_count(week + 1)
    page.focus("#publish")
    page.keyboard.press("Enter")
    expect(page.locator("#problems")).to_be_visible()
    checked(page, lang)
    assert Course.objects.get().status == CourseStatus.DRAFT
    page.locator("#session-list a").first.focus()
    page.keyboard.press("Enter")
    page.fill("#id_end_time", "21:00")
    page.focus("#session-form button[type=submit]")
    page.keyboard.press("Enter")
    page.focus("#publish")
    page.keyboard.press("Enter")
    expect(page.locator("#publish")).to_have_count(0)
    checked(page, lang)
    assert Course.objects.get().status == CourseStatus.PUBLISHED


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_change_that_breaks_a_published_course_is_refused_on_an_accessible_page(
    page, use_language, transactional_db, lang
):
    organisation = approved(factories.organisation(name="Service de la formation des adultes"))
    staff = factories.user(Role.PROVIDER, organisation=organisation, language=lang)
    ten = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    published = course(
        organisation,
        title="Vivre ensemble",
        kind=CourseKind.CITIZENSHIP,
        sessions=((5, 3), (12, 3)),
        start=ten,
    )
    first = published.sessions.order_by("starts_at").first()
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, staff)
    page.goto(reverse("training:session_remove", args=[published.pk, first.pk]))
    page.focus("#remove")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("#refused")).to_be_visible()
    expect(page.locator("#remove")).to_have_count(0)
    checked(page, lang)
    page.goto(reverse("training:session_edit", args=[published.pk, first.pk]))
    page.fill("#id_end_time", "11:00")  # 10:00 to 11:00: 4 hours in all, under 6
    page.focus("#session-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("#refused")).to_be_visible()
    checked(page, lang)
    assert published.sessions.count() == 2
