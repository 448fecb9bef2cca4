"""Every page in English, French and German, checked by axe-core; keyboard, phone, no JS."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.registration.models import Candidate
from tests.browser.conftest import PHONE, assert_accessible, current_code, sign_in

LANGUAGES = ["en", "fr", "de"]
PUBLIC_PAGES = ["/", "/sign-in/", "/privacy/", "/accessibility/", "/rules/parameters/"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_axe_violation(page, use_language, transactional_db, lang, path):
    use_language(lang)
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sign_in_error_state_has_no_axe_violation(page, use_language, transactional_db, lang):
    use_language(lang)
    page.goto("/sign-in/")
    page.click("button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.locator(".govuk-error-summary").evaluate(
        "e => e === document.activeElement || e.contains(document.activeElement)"
    )
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", list(Role))
def test_each_roles_home_page_has_no_axe_violation(page, use_language, demo_people, lang, role):
    use_language(lang)
    sign_in(page, demo_people[role])
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_staff_pages_have_no_axe_violation(page, use_language, demo_people, lang):
    use_language(lang)
    sign_in(page, demo_people[Role.OFFICER])
    page.goto(reverse("portal:candidate_list"))
    assert_accessible(page)
    page.locator("tbody a").first.click()
    page.wait_for_url("**/candidates/*/")
    assert_accessible(page)
    page.context.clear_cookies()
    use_language(lang)
    sign_in(page, demo_people[Role.DPO])
    page.goto(reverse("audit:event_list"))
    assert_accessible(page)


def test_the_language_switch_works_and_is_remembered(page, transactional_db):
    page.goto("/privacy/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/privacy/")
    assert page.locator("h1").inner_text() == "Avis de confidentialité"
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Deutsch").click()
    assert page.locator("html").get_attribute("lang") == "de"


def test_the_first_tab_reaches_the_skip_link_and_it_jumps_to_the_content(page, transactional_db):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main-content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_signing_in_works_with_the_keyboard_alone(page, demo_people):
    officer = demo_people[Role.OFFICER]
    current_code(officer)  # their app is set up: the code step follows the password
    page.goto("/sign-in/")
    page.focus("#id_username")
    page.keyboard.type(officer.email)
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-battery-staple")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The code step, with the keyboard too: the field has the focus's first Tab.
    page.wait_for_url("**/sign-in/code/**")
    page.focus("#id_code")
    page.keyboard.type(current_code(officer))
    page.keyboard.press("Enter")
    page.wait_for_url("**/home/")


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_fit_a_phone_screen_without_sideways_scrolling(page, transactional_db, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert_accessible(page)


def test_signing_in_and_searching_work_without_javascript(browser, live_server, demo_people):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, demo_people[Role.OFFICER])
    person = Candidate.objects.exclude(user__isnull=False).first()
    page.goto(reverse("portal:candidate_list"))
    page.fill("#id_q", person.surname)
    with page.expect_navigation():  # the form's GET, with no script to wait for
        page.click("form[role=search] button")
    assert str(person) in page.content()
    context.close()
