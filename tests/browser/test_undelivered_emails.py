"""The officers' page of emails not delivered, in the three languages, with axe-core;
"Send again" with the keyboard."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.notifications.models import DeliveryStatus, Notification
from tests import factories
from tests.browser.conftest import assert_accessible, sign_in


def not_delivered() -> Notification:
    session = factories.information_session()
    person = factories.candidate()
    from accueil.booking import services

    booking = services.booking_create(candidate=person, session=session)
    return Notification.objects.create(
        key=f"booked:booking:{booking.pk}",
        kind="booked",
        about=f"registration.candidate:{person.pk}",
        purpose="Booking confirmation",
        status=DeliveryStatus.FAILED,
        attempts=30,
        last_error="SMTPServerDisconnected",
        last_attempt_at=timezone.now(),
        task="accueil.booking.emails.send_booking_email",
        task_args=["booked", booking.pk],
    )


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_emails_not_delivered_page_has_no_axe_violation(
    page, use_language, transactional_db, lang
):
    record = not_delivered()
    use_language(lang)
    sign_in(page, factories.user(Role.OFFICER))
    page.click(f"a[href='{reverse('notifications:undelivered')}']")
    expect(page.locator(f"tr[data-notification='{record.pk}']")).to_be_visible()
    assert_accessible(page)
    page.focus(f"tr[data-notification='{record.pk}'] button")
    page.keyboard.press("Enter")
    page.wait_for_selector("#none-undelivered")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert_accessible(page)
    record.refresh_from_db()
    assert record.status == DeliveryStatus.PENDING
