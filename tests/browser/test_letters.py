"""Issue 11 point 14: the officers' letters to print, in the three languages, with
axe-core; "Mark as posted" with the keyboard. And the completion page of someone who
gave only a postal address."""

import uuid

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.core import references
from accueil.notifications.models import Letter
from accueil.registration import services as registration
from accueil.registration.public_views import DONE
from tests import factories
from tests.browser.conftest import assert_accessible, sign_in


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_letters_to_print_page_has_no_axe_violation(
    page, use_language, transactional_db, run_tasks, lang
):
    person = factories.candidate(email="", postal_address="1, rue de la Gare\nL-1611 Luxembourg")
    registration.email_queue("registered", person.pk)
    run_tasks()
    letter = Letter.objects.get()
    use_language(lang)
    sign_in(page, factories.user(Role.OFFICER))
    page.click(f"a[href='{reverse('letters:to_print')}']")
    row = page.locator(f"tr[data-letter='{letter.pk}']")
    expect(row).to_be_visible()
    assert_accessible(page)
    page.focus(f"tr[data-letter='{letter.pk}'] button")
    page.keyboard.press("Enter")
    page.wait_for_selector("#no-letters")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert_accessible(page)
    letter.refresh_from_db()
    assert letter.posted_at is not None


@pytest.mark.parametrize(
    ("lang", "panel"),
    [
        ("en", "A letter is on its way"),
        ("fr", "Une lettre est en route"),
        ("de", "Ein Brief ist unterwegs"),
    ],
)
def test_the_completion_page_of_a_postal_only_registrant_says_a_letter_comes(
    page, use_language, live_server, transactional_db, settings, lang, panel
):
    """The page a registration ends on, for a sender who gave no email address (the
    session as the last step of the online form leaves it)."""
    store = SessionStore()
    store[DONE] = {"submission_id": "00000000-0000-0000-0000-000000000001", "by_post": True}
    store.save()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": live_server.url}]
    )
    use_language(lang)
    page.goto(reverse("register:complete"))
    assert page.locator(".govuk-panel__body").inner_text() == panel
    assert "email" not in page.locator("main").inner_text().lower()
    reference = references.from_uuid("R", uuid.UUID("00000000-0000-0000-0000-000000000001"))
    assert reference in page.locator("#reference").inner_text()  # point 16
    assert_accessible(page)
