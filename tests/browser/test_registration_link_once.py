"""The page that shows a new registrant their private link shows it once (issue 9,
point 9): on a shared computer, the back button or a reload later does not bring the
link back."""

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


def test_back_and_reload_do_not_show_the_private_link_again(page: Page, just_registered):
    page.goto("/register/complete/")
    assert private_links(page) == 2  # the link itself, and "choose" under it
    with page.expect_navigation():
        page.locator("main a[href$='/choose/']").click()
    assert "/choose/" in page.url
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith("/register/complete/")
    assert private_links(page) == 0
    assert page.locator("main a[href$='/choose/']").count() == 0
    assert "We have emailed it to you" in page.locator("main").inner_text()
    page.reload()
    assert private_links(page) == 0
    page.goto("/register/complete/")  # a later visit in the same browser
    assert private_links(page) == 0
