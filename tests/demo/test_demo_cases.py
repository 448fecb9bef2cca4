"""Issue 11, "Done when": the demo shows each case, seen from the outside as a user
would: a French-speaking absent candidate re-booked into a French session, a moved
booking as one calendar event, country names sorted as each language sorts, a
postal-only registrant's letter in the queue, and a contract PDF for a name in
Chinese script that reads back."""

import html
import re
import subprocess
import sys

import pytest
import pyuca
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from accueil.accounts.models import User
from accueil.audit.models import Action, AuditEvent
from accueil.booking.models import Booking, BookingStatus, InformationSession, SessionStatus
from accueil.contracts.models import Contract, ContractStatus
from accueil.demo import cases, data
from accueil.demo.management.commands.demo import stop
from accueil.notifications.models import Letter, Notification
from accueil.registration.models import Candidate
from accueil.registration.selectors import email_about

# Loading the demo makes a whole data set and renders PDFs.
pytestmark = [pytest.mark.slow, pytest.mark.django_db]

COLLATOR = pyuca.Collator()
OPTION = re.compile(r'<option value="([A-Z]{2})"[^>]*>([^<]+)</option>')


@pytest.fixture
def demo(run_tasks):
    """The demo's data, its emails sent and letters filed, as its task worker does."""
    data.load()
    run_tasks()
    return data


@pytest.fixture
def officer_client(client, demo):
    client.force_login(User.objects.get(email=cases.OFFICER))
    return client


def person(case: tuple) -> Candidate:
    return Candidate.objects.get(national_id=cases.nin(case))


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


def emails_to(candidate: Candidate) -> list:
    return [message for message in mail.outbox if message.to == [candidate.email]]


def test_the_french_speaking_absent_candidate_is_rebooked_into_a_session_in_french(demo):
    youssef = person(cases.ABSENT)
    assert youssef.information_language == "fr"
    missed = youssef.bookings.get(status=BookingStatus.ABSENT)
    assert missed.session.starts_at < timezone.now()
    officer = User.objects.get(email=cases.OFFICER)
    assert AuditEvent.objects.filter(
        action=Action.TRANSITION, actor=officer, target_id=str(missed.pk), reason="absent"
    ).exists()
    new = youssef.bookings.get(status=BookingStatus.ACTIVE)
    assert new.rebooked_after == missed
    assert "fr" in new.session.languages
    assert new.session.starts_at > timezone.now()
    # An earlier session with free seats, held in other languages only, was passed over.
    earlier = InformationSession.objects.filter(
        status=SessionStatus.SCHEDULED,
        starts_at__gt=timezone.now(),
        starts_at__lt=new.session.starts_at,
    )
    assert [s for s in earlier if "fr" not in s.languages and s.seats_free > 0]
    with translation.override("fr"):
        subject = gettext("You missed your CAI information session: a new one is booked")
    assert subject.startswith("Vous")
    [told] = [message for message in emails_to(youssef) if message.subject == subject]
    assert new.session.place_name in told.body


def events_in(messages) -> list:
    events = []
    for message in messages:
        for _name, content, mimetype in message.attachments:
            if mimetype.startswith("text/calendar"):
                events.extend(Calendar.from_ical(content).walk("VEVENT"))
    return events


def test_the_moved_booking_is_one_calendar_event_at_the_new_time(demo):
    lukas = person(cases.MOVED)
    moved = lukas.bookings.get(status=BookingStatus.MOVED)
    new = lukas.bookings.get(status=BookingStatus.ACTIVE)
    assert moved.session != new.session
    events = events_in(emails_to(lukas))
    assert len(events) == 2
    assert len({str(event["uid"]) for event in events}) == 1
    assert events[1]["sequence"] > events[0]["sequence"]
    # A calendar importing them in order keeps the event of the highest sequence.
    calendar: dict[str, object] = {}
    for event in events:
        uid = str(event["uid"])
        if uid not in calendar or event["sequence"] >= calendar[uid]["sequence"]:
            calendar[uid] = event
    [event] = calendar.values()
    assert event.decoded("dtstart") == new.session.starts_at
    assert events[0].decoded("dtstart") == moved.session.starts_at != new.session.starts_at


def test_the_postal_only_registrants_letter_waits_in_the_officers_queue(officer_client):
    selam = person(cases.BY_POST)
    assert selam.email == "" and selam.postal_address.strip()
    assert emails_to(selam) == []
    [letter] = Letter.objects.filter(
        notification__about=email_about(selam.pk), posted_at__isnull=True
    )
    page = officer_client.get(reverse("letters:to_print")).content.decode()
    assert f'data-letter="{letter.pk}"' in page
    pdf = officer_client.get(reverse("letters:pdf", args=[letter.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Selam Tesfaye" in text and "L-2230 Luxembourg" in text


def test_the_contract_pdf_of_the_name_in_chinese_script_reads_back(officer_client):
    surname, first = cases.CHINESE_SCRIPT
    contract = Contract.objects.get(
        candidate__surname=surname, candidate__first_name=first, status=ContractStatus.IN_FORCE
    )
    page = officer_client.get(reverse("officer_contracts:detail", args=[contract.pk]))
    document = reverse("contracts:document", args=[contract.pk])
    assert document in page.content.decode()
    response = officer_client.get(document)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert first in text and surname in text
    assert f"{surname.upper()} {first}" in text or f"{first} {surname.upper()}" in text


def options(page: str) -> list[str]:
    first = page[page.index("<select") : page.index("</select>")]
    return [html.unescape(name) for _code, name in OPTION.findall(first)]


@pytest.mark.parametrize(
    ("lang", "order", "demo_names"),
    [
        ("fr", ["Égypte", "Espagne", "Éthiopie", "Fidji"], ["Égypte", "Éthiopie", "Autriche"]),
        (
            "de",
            ["Afghanistan", "Ägypten", "Albanien", "Oman", "Österreich", "Pakistan"],
            ["Ägypten", "Äthiopien", "Österreich"],
        ),
    ],
)
def test_the_officers_see_countries_sorted_as_their_language_sorts(
    officer_client, lang, order, demo_names
):
    officer_client.cookies["accueil_language"] = lang
    page = officer_client.get(reverse("registration:candidate_register")).content.decode()
    names = options(page)
    assert names == sorted(names, key=COLLATOR.sort_key)
    assert [names.index(name) for name in order] == sorted(names.index(name) for name in order)
    # The demo's candidates have nationalities whose names begin with an accent.
    listed = officer_client.get(reverse("portal:candidate_list")).content.decode()
    for name in demo_names:
        assert name in html.unescape(listed), name


def test_the_console_says_where_each_case_is_seen(capsys, run_tasks):
    call_command("demo", "--no-serve")
    out = capsys.readouterr().out
    lines = cases.where()
    assert len(lines) == 6
    for line in lines:
        assert line in out
    assert str(person(cases.ABSENT)) in out and reverse("letters:to_print") in out
    assert "fulfilled@accueil.example" in out  # the certificate of completion


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Candidate, Booking, InformationSession, Contract, Letter, Notification)
    }


def test_loading_the_demo_twice_adds_nothing_and_fails_nothing(demo, run_tasks):
    before, where = counts(), cases.where()
    data.load()
    run_tasks()
    assert counts() == before
    assert cases.where() == where
    assert Letter.objects.count() == 1


def test_a_worker_that_ignores_the_request_to_stop_is_killed_not_left_behind():
    stubborn = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert stubborn.stdout is not None and stubborn.stdout.readline().strip() == "ready"
    stop(stubborn, grace=0.5)
    assert stubborn.returncode == -9  # killed once the grace period was over


def test_the_candidate_with_a_draft_contract_attended_their_past_session(demo):
    drafted = Candidate.objects.get(contracts__status=ContractStatus.DRAFT)
    assert list(drafted.bookings.values_list("status", flat=True)) == [BookingStatus.ATTENDED]


def test_the_demo_s_fulfilled_candidate_downloads_a_certificate_of_completion(client, run_tasks):
    call_command("demo", "--no-serve")
    client.force_login(User.objects.get(email="fulfilled@accueil.example"))
    home = client.get(reverse("portal:home")).content.decode()
    assert 'id="completion-certificate-link"' in home
    contract = Contract.objects.get(
        candidate__user__email="fulfilled@accueil.example", status=ContractStatus.FULFILLED
    )
    pdf = client.get(reverse("contracts:completion_certificate", args=[contract.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
