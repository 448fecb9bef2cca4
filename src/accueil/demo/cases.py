"""Demo data for the cases issue 11 asks the demo to show, each made once through the
services an officer's or a candidate's click would call, and found again by its
candidate's identification number:

- a French-speaking candidate marked absent and re-booked into the next session held
  in French, passing over an earlier one in English and Portuguese with free seats;
- a booking moved to another session: its two emails carry one calendar event;
- a registrant who gave only a postal address: their registration is a letter in the
  officers' "Letters to print" (filed by the task worker, which the demo runs);
- (in data.PEOPLE) a contract in force for a name in Chinese script;
- nationalities whose names sort with an accent (Égypte, Éthiopie; Ägypten,
  Österreich), for the lists of countries sorted as each language sorts.

`where()` says, for the console, where each case is seen.
"""

from collections.abc import Callable
from datetime import date, time, timedelta

from django.urls import reverse

from accueil.accounts.models import User
from accueil.booking import services as booking
from accueil.booking.models import BookingStatus, InformationSession
from accueil.contracts.models import Contract, ContractStatus
from accueil.core import national_id
from accueil.intake import services as intake
from accueil.registration import services as registration
from accueil.registration.models import Candidate, Channel

OFFICER = "officer@accueil.example"

# (surname, first name, date of birth, nationality, language for CAI information, serial)
ABSENT = ("Mansour", "Youssef", date(1990, 2, 14), "EG", "fr", 301)
MOVED = ("Gruber", "Lukas", date(1984, 10, 9), "AT", "de", 302)
BY_POST = ("Tesfaye", "Selam", date(1993, 8, 27), "ET", "fr", 303)
POSTAL_ADDRESS = "7, rue du Fort Neipperg\nL-2230 Luxembourg"
# The name in Chinese script of data.PEOPLE.
CHINESE_SCRIPT = ("王", "秀英")

# data.session_at: (today, days, at, venue, capacity, languages, interpreter) -> session
SessionAt = Callable[[date, int, time, int, int, list[str], bool], InformationSession]


def load(today: date, session_at: SessionAt) -> None:
    officer = User.objects.get(email=OFFICER)
    absent_and_rebooked(today, officer, session_at)
    moved(today, officer, session_at)
    by_post(officer)


def nin(person: tuple) -> str:
    return national_id.make(person[2], person[5])


def candidate(person: tuple) -> Candidate:
    """The case's candidate, registered as the demo's others are (the first time)."""
    surname, first, born, nationality, language, serial = person
    found, _created = Candidate.objects.get_or_create(
        national_id=nin(person),
        defaults={
            "surname": surname,
            "first_name": first,
            "birth_date": born,
            "phone": f"+352 661 {serial:03d} {(serial * 3) % 1000:03d}",
            "email": f"{first.lower()}.{surname.lower()}@example.org",
            "nationalities": [nationality],
            "information_language": language,
            "legal_residence_confirmed": True,
            "wishes_to_settle": True,
            "channel": Channel.ONLINE,
        },
    )
    return found


def absent_and_rebooked(today: date, officer: User, session_at: SessionAt) -> None:
    """Booked into a past session (the demo's session 20 days ago), marked absent by the
    officer, and re-booked by intake's offer_next_session: the next session with a free
    seat held in French, not the earlier one in English and Portuguese."""
    person = candidate(ABSENT)
    if person.bookings.exists():
        return
    missed = session_at(today, -20, time(9, 30), 0, 15, ["fr", "en"], False)
    session_at(today, 1, time(14, 0), 1, 12, ["en", "pt"], False)  # free, not in French
    made = booking.booking_create(
        candidate=person, session=missed, now=missed.starts_at - timedelta(days=12)
    )
    intake.check_in(booking=made, present=False, actor=officer)


def moved(today: date, officer: User, session_at: SessionAt) -> None:
    """Booked into the session in English and German, then moved by the officer to the
    earlier one in German and Luxembourgish: the same calendar event, at the new time.
    (The seat freed is not in Luxembourgish: the demo's candidate waiting for a session
    in Luxembourgish keeps waiting.)"""
    person = candidate(MOVED)
    if person.bookings.exists():
        return
    first = session_at(today, 24, time(9, 30), 0, 20, ["en", "de"], False)
    new = session_at(today, 12, time(18, 0), 0, 15, ["de", "lb"], False)
    made = booking.booking_create(candidate=person, session=first)
    booking.booking_move(booking=made, to_session=new, actor=officer)


def by_post(officer: User) -> None:
    """Registered by the officer on the phone, with a postal address and no email: the
    registration's email becomes a letter to print."""
    if Candidate.objects.filter(national_id=nin(BY_POST)).exists():
        return
    surname, first, born, nationality, language, serial = BY_POST
    registration.candidate_register(
        data=registration.RegistrationData(
            surname=surname,
            first_name=first,
            national_id=nin(BY_POST),
            birth_date=born,
            phone=f"+352 661 {serial:03d} {(serial * 3) % 1000:03d}",
            information_language=language,
            nationalities=[nationality],
            postal_address=POSTAL_ADDRESS,
            legally_resident=True,
            wishes_to_settle=True,
        ),
        channel=Channel.PHONE,
        actor=officer,
    )


def where() -> list[str]:
    """One line per case: what it shows, the page, and whom to sign in as."""
    found = {
        key: Candidate.objects.filter(national_id=nin(person)).first()
        for key, person in (("absent", ABSENT), ("moved", MOVED), ("post", BY_POST))
    }
    lines = []
    if (absent := found["absent"]) is not None:
        missed = absent.bookings.filter(status=BookingStatus.ABSENT).first()
        check_in = reverse("intake:check_in", args=[missed.session_id]) if missed else ""
        lines.append(
            f"Absent, re-booked in French: {absent}: {check_in} and "
            f"{reverse('officer:candidate_book', args=[absent.pk])} (officer)"
        )
    if (mover := found["moved"]) is not None:
        lines.append(
            f"Moved booking, one calendar event: {mover}: "
            f"{reverse('officer:candidate_book', args=[mover.pk])} (officer); "
            "the .ics of their two emails in the emails folder"
        )
    if (post := found["post"]) is not None:
        lines.append(
            f"Letter to print for a registrant by post: {post}: "
            f"{reverse('letters:to_print')} (officer; the task worker files it)"
        )
    contract = (
        Contract.objects.filter(
            candidate__surname=CHINESE_SCRIPT[0],
            candidate__first_name=CHINESE_SCRIPT[1],
            status=ContractStatus.IN_FORCE,
        )
        .select_related("candidate")
        .first()
    )
    if contract is not None:
        lines.append(
            f"Contract PDF for a name in Chinese script: {contract.candidate}: "
            f"{reverse('officer_contracts:detail', args=[contract.pk])} (officer)"
        )
    fulfilled = (
        Contract.objects.filter(
            candidate__user__email="fulfilled@accueil.example", status=ContractStatus.FULFILLED
        )
        .select_related("candidate")
        .first()
    )
    if fulfilled is not None:
        lines.append(
            f"Certificate of completion of a fulfilled contract, its QR code verifies: "
            f"{fulfilled.candidate}: {reverse('portal:home')} (fulfilled@accueil.example), "
            f"{reverse('officer_contracts:detail', args=[fulfilled.pk])} (officer)"
        )
    lines.append(
        "Countries sorted as each language sorts: "
        f"{reverse('registration:candidate_register')} in Français or Deutsch (officer)"
    )
    return lines
