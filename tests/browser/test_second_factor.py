"""Staff's second factor in the browser (issue 14, point 7): setting up the app at the
first sign-in, with the keyboard alone and the key typed by hand, the recovery codes
shown once, then the code step of a later sign-in, each page checked by axe-core in
English, French and German, on a phone's screen and without JavaScript."""

from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from accueil.accounts.models import Role
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, current_code

HEADINGS = {
    "en": ("Set up your security code", "Your recovery codes", "Enter your security code"),
    "fr": (
        "Configurez votre code de sécurité",
        "Vos codes de secours",
        "Saisissez votre code de sécurité",
    ),
    "de": (
        "Richten Sie Ihren Sicherheitscode ein",
        "Ihre Wiederherstellungscodes",
        "Geben Sie Ihren Sicherheitscode ein",
    ),
}


def password(page, user) -> None:
    page.goto("/sign-in/")
    page.focus("#id_username")
    page.keyboard.type(user.email)
    page.focus("#id_password")
    page.keyboard.type(factories.PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_member_of_staff_sets_up_the_app_then_signs_in_with_its_code(
    page, use_language, transactional_db, lang
):
    officer = factories.user(Role.OFFICER)
    set_up, codes_heading, code_step = HEADINGS[lang]
    page.set_viewport_size(PHONE)
    use_language(lang)

    password(page, officer)
    expect(page.locator("h1")).to_have_text(set_up)
    assert page.locator("img[src^='data:image/png;base64,']").count() == 1
    assert_accessible(page)

    # A wrong code first: the error next to the field and in the summary.
    page.focus("#id_code")
    page.keyboard.type("000000")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.locator("#id_code-error").count() == 1
    assert_accessible(page)

    # The key typed by hand, as a keyboard user would into their app.
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    code = f"{TOTP(b32decode(secret)).token():06d}"
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h2.govuk-heading-l")).to_have_text(codes_heading)
    assert page.locator("#recovery-codes li").count() == 10
    assert_accessible(page)
    with page.expect_navigation():
        page.click("main a.govuk-button")
    page.wait_for_url("**/home/")

    # Signed out, then in again: the code step.
    page.context.clear_cookies()
    use_language(lang)
    password(page, officer)
    expect(page.locator("h1")).to_have_text(code_step)
    assert_accessible(page)
    page.focus("#id_code")
    page.keyboard.type(current_code(officer))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url("**/home/")


def test_the_code_step_works_without_javascript(browser, live_server, transactional_db):
    officer = factories.user(Role.OFFICER)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        code = current_code(officer)  # the app set up already: the code step
        password(page, officer)
        page.wait_for_url("**/sign-in/code/**")
        page.fill("#id_code", code)
        with page.expect_navigation():
            page.click("main form button[type=submit] >> nth=0")
        page.wait_for_url("**/home/")
    finally:
        context.close()
