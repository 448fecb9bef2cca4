"""A candidate's private calendar feed (.ics) of every dated step of their path.

The feed address carries a signed token (no account needed by calendar apps); it
names the candidate only by an opaque identifier and the version of their feed
address (`Candidate.feed_version`): the candidate resets the address on their path
page (`feed_reset`), after which the old one is not found. The feed expires with the
contract: once the candidate's contract has ended (its term is over, or it was
withdrawn, decided or superseded) it answers 410 Gone; a follow-up contract brings
it back.
"""

from datetime import date, timedelta
from typing import cast

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from accueil.booking.models import BookingStatus
from accueil.contracts.selectors import FEED_SALT, current_contract
from accueil.core.clock import LUXEMBOURG
from accueil.guide.selectors import candidate_dates
from accueil.registration import services as registration_services
from accueil.registration.models import Candidate


def candidate_for_feed(token: str) -> Candidate | None:
    try:
        pk, version = signing.loads(token, salt=FEED_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Candidate.objects.filter(pk=pk, feed_version=version).first()


def feed_reset(candidate: Candidate, *, request: HttpRequest | None = None) -> None:
    """Give the candidate a new feed address; the old one stops working. Audited."""
    registration_services.version_raise(
        candidate, "feed_version", request=request, reason="calendar feed address reset"
    )


def path_calendar(candidate: Candidate) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Accueil//Integration path//EN")
    calendar.add("version", "2.0")
    host = settings.ALLOWED_HOSTS[0]
    with translation.override(candidate.information_language):
        calendar.add("x-wr-calname", _("My integration path"))
        for booking in candidate.bookings.filter(status=BookingStatus.ACTIVE).select_related(
            "session"
        ):
            event = Event()
            event.add("uid", f"booking-{booking.pk}@{host}")
            event.add("dtstamp", booking.created_at)
            event.add("dtstart", booking.session.starts_at.astimezone(LUXEMBOURG))
            event.add("dtend", booking.session.ends_at.astimezone(LUXEMBOURG))
            event.add("summary", _("CAI information session"))
            event.add("location", f"{booking.session.place_name}, {booking.session.address}")
            calendar.add_component(event)
        contract = current_contract(candidate)
        if contract and contract.entry_into_force and contract.status == "in_force":
            event = Event()
            event.add("uid", f"contract-end-{contract.pk}@{host}")
            event.add("dtstamp", contract.signed_at or contract.created_at)
            event.add("dtstart", contract.last_day)
            event.add("dtend", cast(date, contract.last_day) + timedelta(days=1))
            event.add("summary", _("Last day of your Welcome and Integration Contract"))
            calendar.add_component(event)
        for item in candidate_dates(candidate):  # the guide's hook: residence dates
            calendar.add_component(_dated_event(item, host))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _dated_event(item, host: str) -> Event:
    event = Event()
    event.add("uid", f"{item.uid}@{host}")
    event.add("dtstamp", item.stamp)
    event.add("dtstart", item.on)
    event.add("dtend", item.on + timedelta(days=1))
    event.add("summary", item.title)
    event.add("description", item.message)
    return event
