"""Calendar invitations (.ics) for information sessions.

Times are written in Europe/Luxembourg with the VTIMEZONE rules included, so a
calendar shows the right hour on both sides of a daylight-saving change.
"""

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from accueil.booking.models import Booking
from accueil.core.clock import LUXEMBOURG


def session_invitation(booking: Booking, *, cancelled: bool = False) -> bytes:
    """One event for the booked session; `cancelled` withdraws it from calendars.

    The event's UID is the booking's `calendar_uid`, which a move keeps, and its
    SEQUENCE the booking's stored `calendar_sequence`, which every move and cancellation
    raises: a calendar that imports the emails in order updates one event (moved to the
    new time, then withdrawn) instead of adding one per email."""
    session = booking.session
    calendar = Calendar()
    calendar.add("prodid", "-//Accueil//Welcome and Integration Contract//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", booking.calendar_uid)
    event.add("sequence", booking.calendar_sequence)
    event.add("dtstamp", booking.ended_at if cancelled and booking.ended_at else booking.created_at)
    event.add("dtstart", session.starts_at.astimezone(LUXEMBOURG))
    event.add("dtend", session.ends_at.astimezone(LUXEMBOURG))
    event.add("summary", _("CAI information session"))
    event.add("location", f"{session.place_name}, {session.address}")
    event.add(
        "description",
        _(
            "Bring a document proving that you live legally in Luxembourg "
            "(residence card or permit, etc.)."
        ),
    )
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
