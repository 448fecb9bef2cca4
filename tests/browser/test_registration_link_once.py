"""The page that confirms a registration never shows the private link (issue 9, points 3
and 9): on a shared computer, the back button or a reload does not bring it on screen;
it goes by email only."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import Page

from tests import factories


@pytest.fixture
def just_registered(transactional_db, page: Page, live_server):
    """This browser has just sent its registration (as `register:check_answers` leaves it)."""
    person = factories.candidate(email="ana@example.test", information_language="en")
    factories.information_session()
    session = SessionStore()
    session["register.done"] = {"submission_id": "x", "candidate": str(person.pk)}
    session.create()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    return person


def private_links(page: Page) -> int:
    return page.locator("main a[href*='/my-booking/']").count()


def test_the_confirmation_back_and_reload_never_show_the_private_link(page: Page, just_registered):
    page.goto("/register/complete/")
    assert private_links(page) == 0
    assert "Check your email" in page.locator("main").inner_text()
    page.goto("/")
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith("/register/complete/")
    assert private_links(page) == 0
    page.reload()
    assert private_links(page) == 0
