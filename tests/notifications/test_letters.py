"""Issue 11 point 14: someone who gave only a postal address gets by post what others
get by email. Each message becomes a letter (a PDF in their language, the address in
the window of a C5/DL envelope), once, in the officers' "letters to print", marked
posted (audited); their confirmation pages say a letter is coming."""

import subprocess
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.booking import emails as booking_emails
from accueil.booking import services as booking
from accueil.notifications.models import DeliveryStatus, Letter, Notification
from accueil.notifications.services import forget
from accueil.registration import selectors as links
from accueil.registration import services as registration
from accueil.registration.selectors import email_about
from tests import factories
from tests.registration.test_public_registration import answer_all, send

pytestmark = pytest.mark.django_db

ADDRESS = "12, rue de la Gare\nL-1611 Luxembourg"
MM = 72 / 25.4  # PDF points per millimetre


def by_post(**fields):
    return factories.candidate(email="", postal_address=ADDRESS, **fields)


def pdf_text(content: bytes, tmp_path, *options: str) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_registrant_with_only_a_postal_address_gets_the_registration_as_a_letter_once(
    db, run_tasks, tmp_path
):
    person = by_post(first_name="Ana", surname="Silva", information_language="fr")
    registration.email_queue("registered", person.pk)
    run_tasks()
    assert mail.outbox == []
    [letter] = Letter.objects.all()
    assert letter.language == "fr" and letter.posted_at is None
    record = letter.notification
    assert record.status == DeliveryStatus.SENT and record.about == email_about(person.pk)
    text = pdf_text(bytes(letter.pdf), tmp_path)
    assert "Ana Silva" in text and "12, rue de la Gare" in text and "L-1611 Luxembourg" in text
    payload = links.access_token(person).split(":")[0]  # the signature's time varies
    assert f"/my-booking/\n{payload}:" in text
    assert "Bonjour Ana" in text  # the email's text, in their language
    # The same task run again (a worker died after filing it) files nothing more.
    registration.registered_email_send(str(person.pk), record.key.rsplit(":", 1)[1])
    assert Letter.objects.count() == 1


def test_the_address_sits_in_the_window_of_a_c5_or_dl_envelope(db, run_tasks, tmp_path):
    person = by_post(first_name="Window", surname="Placed")
    registration.email_queue("registered", person.pk)
    run_tasks()
    bbox = pdf_text(bytes(Letter.objects.get().pdf), tmp_path, "-bbox", "-f", "1", "-l", "1")
    words = {}
    for line in bbox.splitlines():
        if "<word " in line:
            attrs = dict(part.split("=") for part in line.split(">")[0].split()[1:])
            word = line.split(">")[1].split("<")[0]
            words.setdefault(word, {k: float(v.strip('"')) for k, v in attrs.items()})
    # DIN 5008 form B window: 20-105 mm from the left, 45-90 mm from the top; the
    # recipient below the 17.7 mm of the sender's line.
    for word in ("Window", "rue", "L-1611"):
        box = words[word]
        assert box["xMin"] >= 20 * MM and box["xMax"] <= 105 * MM, word
        assert box["yMin"] >= (45 + 17.7) * MM and box["yMax"] <= 90 * MM, word


@pytest.mark.parametrize(
    ("language", "booked", "moved", "cancelled"),
    [
        ("en", "is booked", "been moved", "cancelled"),
        ("de", "gebucht", "verschoben", "storniert"),
    ],
)
def test_each_booking_message_becomes_a_letter_in_their_language(
    db, run_tasks, tmp_path, language, booked, moved, cancelled
):
    person = by_post(information_language=language)
    first = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    second = factories.information_session(starts_at=timezone.now() + timedelta(days=9))
    made = booking.booking_create(candidate=person, session=first)
    run_tasks()
    made = booking.booking_move(booking=made, to_session=second)
    run_tasks()
    booking.booking_cancel(booking=made)
    run_tasks()
    assert mail.outbox == []
    letters = list(Letter.objects.select_related("notification").order_by("pk"))
    assert [letter.notification.kind for letter in letters] == ["booked", "moved", "cancelled"]
    texts = [pdf_text(bytes(letter.pdf), tmp_path).lower() for letter in letters]
    for text, word in zip(texts, (booked, moved, cancelled), strict=True):
        assert word.lower() in text
    assert "attached" not in texts[0] and "angehängt" not in texts[0]  # no invitation by post


def test_a_reminder_goes_by_post_too_once(db, run_tasks):
    person = by_post()
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    made = booking.booking_create(candidate=person, session=session)
    run_tasks()
    with time_machine.travel(session.starts_at - timedelta(days=2) + timedelta(minutes=3)):
        assert booking_emails.queue_due_reminders() == 1
        assert booking_emails.queue_due_reminders() == 0
        run_tasks()
        booking_emails.send_booking_reminder.call(made.pk)
    assert Letter.objects.filter(notification__kind="reminder").count() == 1


def test_someone_with_an_email_gets_emails_not_letters(db, run_tasks):
    person = factories.candidate(postal_address=ADDRESS)
    registration.email_queue("registered", person.pk)
    run_tasks()
    assert len(mail.outbox) == 1 and not Letter.objects.exists()


def test_forgetting_a_person_deletes_their_letters(db, run_tasks):
    person = by_post()
    registration.email_queue("registered", person.pk)
    run_tasks()
    assert forget(email_about(person.pk)) == 1
    assert not Letter.objects.exists() and not Notification.objects.exists()


def test_officers_print_a_letter_and_mark_it_posted_once_audited(client, run_tasks):
    person = by_post()
    registration.email_queue("registered", person.pk)
    run_tasks()
    letter = Letter.objects.get()
    officer = factories.user(Role.OFFICER)
    client.force_login(officer)
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("letters:to_print") in home and "(1 to post)" in home
    page = client.get(reverse("letters:to_print")).content.decode()
    assert f'data-letter="{letter.pk}"' in page
    pdf = client.get(reverse("letters:pdf", args=[letter.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    response = client.post(reverse("letters:posted", args=[letter.pk]))
    assert response["Location"] == reverse("letters:to_print")
    letter.refresh_from_db()
    assert letter.posted_at is not None and letter.posted_by == officer
    assert "There is no letter to post." in client.get(reverse("letters:to_print")).content.decode()
    client.post(reverse("letters:posted", args=[letter.pk]))  # a second click
    events = AuditEvent.objects.filter(action=Action.UPDATE, target_id=str(letter.pk))
    assert events.count() == 1 and events.get().actor == officer


@pytest.mark.parametrize("role", [Role.PROVIDER, Role.SOCIAL_WORKER])
def test_only_officers_see_the_letters(client, role, run_tasks):
    person = by_post()
    registration.email_queue("registered", person.pk)
    run_tasks()
    client.force_login(factories.user(role))
    assert client.get(reverse("letters:to_print")).status_code in (302, 403)
    letter = Letter.objects.get()
    assert client.get(reverse("letters:pdf", args=[letter.pk])).status_code in (302, 403)


@pytest.fixture
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"


@pytest.mark.usefixtures("no_rate_limit")
def test_the_completion_page_of_a_postal_only_registrant_says_a_letter_comes(
    client, run_tasks, django_capture_on_commit_callbacks
):
    answer_all(client, contact={"email": "", "postal_address": ADDRESS})
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    page = client.get(response["Location"]).content.decode()
    assert "A letter is on its way" in page and "every email we send you" not in page
    assert "Check your email" not in page
    run_tasks()
    assert Letter.objects.filter(notification__kind="registered").count() == 1
    assert mail.outbox == []
