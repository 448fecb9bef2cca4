"""Reminders 6 months, 3 months and 1 month before the end of the term (issue 13,
point 2; training.reminders): each once, on its day or late but never outdated, only
for a contract in force with something left, in the person's language, listing the
next courses that fit."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accueil.contracts.models import Certificate, ContractStatus
from accueil.notifications.jobs import BY_NAME
from accueil.notifications.models import DeliveryStatus, Letter, Notification
from accueil.rules.cai_term import contract_term
from accueil.rules.dates import add_months
from accueil.training import reminders
from accueil.training.models import CourseKind, CourseStatus, Enrolment
from tests import factories
from tests.training.catalogue_helpers import approved, course

LUX = ZoneInfo("Europe/Luxembourg")
pytestmark = pytest.mark.django_db

# A contract entering into force on 15 January 2026: its term ends before 15 January
# 2028 (last day 14 January); 6 months before: 15 July 2027, 3: 15 October, 1: 15 December.
ENTRY = date(2026, 1, 15)


def at(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=LUX), tick=False)


def signed(entry: date = ENTRY, candidate=None, **fields):
    """A contract in force from `entry`, its term from the rule cai.term."""
    person = candidate or factories.candidate(**fields)
    term = contract_term(entry)
    return factories.contract(person, entry_into_force=entry, end_exclusive=term.end_exclusive)


def certify(contract, *obligations: str, on: date = date(2026, 6, 1)) -> None:
    for obligation in obligations:
        extra = {"hours": 6, "sessions": 2} if obligation == "citizenship_course" else {}
        Certificate.objects.create(
            contract=contract, obligation=obligation, issued_on=on, issuer="INL", **extra
        )


def run_job() -> int:
    return reminders.queue_due_term_reminders()


def run_queued(queued_tasks) -> list:
    outcomes = []
    while queued_tasks.results:
        result = queued_tasks.results.pop(0)
        outcomes.append(result.task.call(*result.args, **result.kwargs))
    return outcomes


def keys() -> set[str]:
    return set(
        Notification.objects.filter(kind__startswith="term_reminder").values_list("key", flat=True)
    )


# When each reminder is due.


@pytest.mark.parametrize(
    "today, due",
    [
        (date(2027, 7, 14), None),
        (date(2027, 7, 15), 6),
        (date(2027, 10, 14), 6),
        (date(2027, 10, 15), 3),
        (date(2027, 12, 14), 3),
        (date(2027, 12, 15), 1),
        (date(2028, 1, 14), 1),  # the last day of the term
        (date(2028, 1, 15), None),  # the term is over: the review's turn
    ],
)
def test_each_reminder_is_due_from_its_day_until_the_next_one(today, due):
    assert reminders.due_reminder(date(2028, 1, 15), today) == due


@pytest.mark.parametrize(
    "end, months, day",
    [
        (date(2027, 8, 31), 6, date(2027, 2, 28)),  # clamped back to the end of February
        (date(2028, 8, 31), 6, date(2028, 2, 29)),  # a leap year
        (date(2028, 3, 31), 1, date(2028, 2, 29)),
        (date(2027, 3, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2027, 12, 31)),  # across the year's end
        (date(2028, 1, 1), 1, date(2027, 12, 1)),
        (date(2028, 3, 1), 3, date(2027, 12, 1)),
        (date(2027, 5, 31), 3, date(2027, 2, 28)),
        # Entry into force on 29 February 2024: the term ends before 1 March 2026.
        (contract_term(date(2024, 2, 29)).end_exclusive, 6, date(2025, 9, 1)),
    ],
)
def test_edge_days_of_the_month(end, months, day):
    assert reminders.reminder_day(end, months) == day
    assert reminders.due_reminder(end, day) == months
    assert reminders.due_reminder(end, day - timedelta(days=1)) != months


def test_the_ranges_of_ends_found_by_the_query_are_the_windows_of_due_reminder():
    """`end_ranges` (what the one query selects) and `due_reminder` agree on every day
    of three years, around the ends of months and leap days included."""
    today = date(2026, 12, 1)
    while today < date(2029, 12, 31):
        ranges = reminders.end_ranges(today)
        end = today - timedelta(days=3)
        while end < add_months(today, 7):
            found = [m for m, (after, upto) in ranges.items() if after < end <= upto]
            expected = reminders.due_reminder(end, today)
            assert found == ([expected] if expected else []), (today, end)
            end += timedelta(days=1)
        today += timedelta(days=1)


# The job.


def test_each_reminder_is_sent_once_on_its_day(queued_tasks):
    contract = signed()
    with at(date(2027, 7, 14)):
        assert run_job() == 0
    with at(date(2027, 7, 15), hour=0):
        assert run_job() == 1
        assert run_job() == 0  # the next run finds it recorded
        assert run_queued(queued_tasks) == [True]
    with at(date(2027, 7, 15), hour=23):
        assert run_job() == 0
    with at(date(2027, 10, 15)):
        assert run_job() == 1
        run_queued(queued_tasks)
    with at(date(2027, 12, 15)):
        assert run_job() == 1
        run_queued(queued_tasks)
    with at(date(2028, 1, 14)):
        assert run_job() == 0
    assert [m.subject for m in mail.outbox] == [
        "Il vous reste 6 mois pour honorer votre Contrat d’accueil et d’intégration",
        "Il vous reste 3 mois pour honorer votre Contrat d’accueil et d’intégration",
        "Il vous reste 1 mois pour honorer votre Contrat d’accueil et d’intégration",
    ]
    hexid = contract.pk.hex
    assert keys() == {f"term_reminder_{n}:contract:{hexid}" for n in (6, 3, 1)}
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


@pytest.mark.parametrize(
    "entry, the_day_before, day, months",
    [
        (date(2026, 8, 31), date(2028, 2, 28), date(2028, 2, 29), 6),  # 31 August - 6 months
        (date(2026, 1, 31), date(2027, 12, 30), date(2027, 12, 31), 1),  # across the year's end
        (date(2026, 2, 28), date(2027, 11, 27), date(2027, 11, 28), 3),
    ],
)
def test_the_job_on_edge_days(entry, the_day_before, day, months, queued_tasks):
    contract = signed(entry)
    with at(the_day_before, hour=23):  # Luxembourg time: 22:00 UTC
        run_job()
        run_queued(queued_tasks)
    assert reminders.key(contract.pk, months) not in keys()
    sent_before = len(mail.outbox)
    with at(day, hour=0):
        assert run_job() == 1
        assert run_queued(queued_tasks) == [True]
    assert reminders.key(contract.pk, months) in keys()
    assert len(mail.outbox) == sent_before + 1
    assert mail.outbox[-1].subject.startswith(f"Il vous reste {months} mois")


def test_the_job_is_in_the_table_of_jobs():
    job = BY_NAME["term-reminders"]
    assert job.func == "accueil.training.reminders.queue_due_term_reminders"


def test_a_job_that_missed_days_sends_the_reminder_due_never_an_outdated_one(queued_tasks):
    late = signed()
    later = signed(date(2026, 1, 10))  # 3 months before its end: 10 October 2027
    with at(date(2027, 7, 20)):  # nothing ran since 14 July
        assert run_job() == 2
        run_queued(queued_tasks)
    with at(date(2027, 10, 12)):  # the worker stopped from 20 July to 12 October
        assert run_job() == 1  # `later`'s 3-month one; `late` still has its 6-month one
        run_queued(queued_tasks)
    assert keys() == {
        reminders.key(late.pk, 6),
        reminders.key(later.pk, 6),
        reminders.key(later.pk, 3),
    }
    fresh = signed(date(2026, 1, 20))
    with at(date(2027, 11, 1)):  # its 6-month day was 20 July: only the 3-month one now
        run_job()
        run_queued(queued_tasks)
    assert reminders.key(fresh.pk, 6) not in keys()
    assert reminders.key(fresh.pk, 3) in keys()
    assert len(mail.outbox) == 5


def test_a_task_that_runs_after_its_window_sends_nothing(queued_tasks):
    contract = signed()
    with at(date(2027, 10, 14)):
        assert run_job() == 1  # the 6-month one, on its window's last day
    with at(date(2027, 10, 16)):  # the worker was down: the 3-month one is due now
        assert run_queued(queued_tasks) == [False]
        assert mail.outbox == []
        assert run_job() == 1
        assert run_queued(queued_tasks) == [True]
    assert mail.outbox[0].subject.startswith("Il vous reste 3 mois")
    assert Notification.objects.get(key=reminders.key(contract.pk, 6)).sent_at is None


@pytest.mark.parametrize(
    "status",
    [
        ContractStatus.FULFILLED,
        ContractStatus.WITHDRAWN,
        ContractStatus.UNDER_REVIEW,
        ContractStatus.NOT_FULFILLED,
    ],
)
def test_nothing_for_a_contract_not_in_force(status, queued_tasks):
    person = factories.candidate()
    factories.contract(
        person, status=status, entry_into_force=ENTRY, end_exclusive=date(2028, 1, 15)
    )
    with at(date(2027, 7, 15)):
        assert run_job() == 0
    assert keys() == set()


def test_nothing_for_someone_with_nothing_left(queued_tasks):
    done = signed()
    certify(done, "language_training", "citizenship_course", "orientation_day")
    # A follow-up contract that covers only the orientation day, attended.
    follow_up = signed()
    follow_up.obligations = {"obligations": [{"code": "orientation_day"}]}
    follow_up.save()
    certify(follow_up, "orientation_day")
    # Certified after the job queued it: the task finds nothing left.
    meanwhile = signed()
    with at(date(2027, 7, 15)):
        assert run_job() == 1
        certify(meanwhile, "language_training", "citizenship_course", "orientation_day")
        assert run_queued(queued_tasks) == [False]
        assert run_job() == 0
    assert mail.outbox == []
    assert keys() == {reminders.key(meanwhile.pk, 6)}


def test_a_contract_withdrawn_after_queueing_gets_nothing(queued_tasks):
    contract = signed()
    with at(date(2027, 7, 15)):
        run_job()
        contract.status = ContractStatus.WITHDRAWN
        contract.save()
        assert run_queued(queued_tasks) == [False]
    assert mail.outbox == []


def test_the_task_run_twice_sends_once(queued_tasks):
    contract = signed()
    with at(date(2027, 7, 15)):
        run_job()
        [result] = queued_tasks.results
        assert reminders.send_term_reminder.call(*result.args) is True
        assert reminders.send_term_reminder.call(*result.args) is False
    assert len(mail.outbox) == 1
    assert result.args == [str(contract.pk), 6]


def test_one_query_selects_the_due_contracts_however_many(queued_tasks):
    for n in range(6):
        signed(ENTRY + timedelta(days=n))
    with at(date(2027, 7, 25)), CaptureQueriesContext(connection) as queries:
        assert run_job() == 6
    contract_reads = [
        q["sql"] for q in queries.captured_queries if 'FROM "contracts_contract"' in q["sql"]
    ]
    assert len(contract_reads) == 1, contract_reads


# The email.


def test_the_email_lists_what_is_left_and_the_courses_that_fit(queued_tasks):
    person = factories.candidate(information_language="en", first_name="Ana")
    contract = signed(candidate=person)
    certify(contract, "citizenship_course")
    provider = approved(name="National Institute for Languages")
    today = date(2027, 12, 15)  # 1 month left: the term's last day is 14 January 2028
    with at(today):
        soon = course(provider, title="Luxembourgish A1.1, evenings", sessions=((3, 2), (10, 2)))
        literacy = course(provider, kind=CourseKind.LITERACY, title="Literacy, mornings")
        course(provider, title="Too late", sessions=((5, 2), (40, 2)))  # ends after the term
        full = course(provider, title="Full course", capacity=1)
        Enrolment.objects.create(course=full, candidate=factories.candidate())
        course(provider, title="Draft course", status=CourseStatus.DRAFT)
        course(provider, title="Over already", sessions=((-3, 2),))
        for n in range(4):
            course(
                provider,
                kind=CourseKind.ORIENTATION,
                title=f"Orientation day {n}",
                sessions=((n + 1, 4),),
            )
        run_job()
        run_queued(queued_tasks)
    [sent] = mail.outbox
    body = sent.body
    assert sent.subject == "1 month left to fulfil your Welcome and Integration Contract"
    assert sent.to == [person.email]
    assert "Hello Ana," in body
    assert "ends on Friday 14 January 2028" in body
    assert "1. Language training" in body and "2. Orientation day" in body
    assert "Citizenship course" not in body  # met
    assert "Luxembourgish A1.1, evenings" in body and "Literacy, mornings" in body
    assert "2 sessions, from Saturday 18 December 2027 to Saturday 25 December 2027" in body
    assert "Provider: National Institute for Languages" in body
    assert "Place: Lycée Michel Lucius, 157, avenue Pasteur, L-2311 Luxembourg" in body
    assert f"/courses/{soon.pk}/" in body and f"/courses/{literacy.pk}/" in body
    for absent in ("Too late", "Full course", "Draft course", "Over already"):
        assert absent not in body
    # The soonest 3 orientation days, not the 4th.
    assert "Orientation day 2" in body and "Orientation day 3" not in body
    assert "/courses/?kind=language" in body and "/courses/?kind=orientation" in body
    assert "/home/" in body  # their path


def test_when_no_course_fits_it_says_whom_to_contact(queued_tasks):
    signed(candidate=factories.candidate(information_language="en"))
    with at(date(2027, 7, 15)):
        run_job()
        run_queued(queued_tasks)
    body = mail.outbox[0].body
    assert body.count("No course with free places that ends before your term does") == 3
    assert "contact the Integration Department: telephone 247-85785" in body


def test_the_email_is_in_german_with_the_names_in_german(queued_tasks):
    contract = signed(candidate=factories.candidate(information_language="de"))
    certify(contract, "language_training", "citizenship_course")
    provider = approved(name="Ministry", name_de="Ministerium für Familie")
    with at(date(2027, 10, 15)):
        course(
            provider,
            kind=CourseKind.ORIENTATION,
            title="Orientation day",
            title_de="Orientierungstag im Herbst",
            place="Town hall",
            place_de="Rathaus",
        )
        run_job()
        run_queued(queued_tasks)
    [sent] = mail.outbox
    assert sent.subject == "Noch 3 Monate, um Ihren Aufnahme- und Integrationsvertrag zu erfüllen"
    assert "Orientierungstag im Herbst" in sent.body
    assert "Ministerium für Familie" in sent.body and "Rathaus" in sent.body
    assert "Freitag, 14. Januar 2028" in sent.body
    assert "1. Orientierungstag" in sent.body
    assert "Sprachkurse" not in sent.body  # met


def test_the_email_is_in_french(queued_tasks):
    signed(candidate=factories.candidate(information_language="fr"))
    with at(date(2027, 12, 15)):
        run_job()
        run_queued(queued_tasks)
    body = mail.outbox[0].body
    assert "vendredi 14 janvier 2028" in body
    assert "1. Formation linguistique" in body and "3. Journée d’orientation" in body
    assert "Ce qu’il vous reste à faire\u202f:" in body


def test_a_line_break_or_a_non_latin_name_does_not_break_the_email(queued_tasks):
    broken = signed(candidate=factories.candidate(first_name="Ana\nMaria", surname="Silva\r\n"))
    chinese = signed(
        candidate=factories.candidate(first_name="明", surname="李", information_language="en")
    )
    with at(date(2027, 7, 15)):
        assert run_job() == 2
        assert run_queued(queued_tasks) == [True, True]
    by_to = {m.to[0]: m for m in mail.outbox}
    assert "Bonjour Ana Maria," in by_to[broken.candidate.email].body
    assert "Hello 明," in by_to[chinese.candidate.email].body
    for sent in mail.outbox:
        assert "\n" not in sent.subject
        sent.message()  # the headers encode


def test_a_letter_for_someone_without_email(queued_tasks):
    person = factories.candidate(
        email="", postal_address="李明\n12, rue de Hollerich\nL-1741 Luxembourg"
    )
    contract = signed(candidate=person)
    with at(date(2027, 7, 15)):
        assert run_job() == 1
        assert run_queued(queued_tasks) == [True]
    assert mail.outbox == []
    letter = Letter.objects.get()
    assert letter.notification.key == reminders.key(contract.pk, 6)
    assert letter.pdf.startswith(b"%PDF")


def test_a_reminder_not_delivered_is_listed_for_the_officers_and_sent_again(
    queued_tasks, settings, client
):
    from django.urls import reverse

    from accueil.accounts.models import Role
    from accueil.notifications import queue

    person = factories.candidate()
    signed(candidate=person)
    path = "accueil.training.reminders.send_term_reminder"
    with at(date(2027, 10, 20)):
        assert run_job() == 1
        [result] = queued_tasks.results
        settings.EMAIL_BACKEND = "tests.notifications.test_worker.SmtpDown"
        queue.run(path, result.args, {}, queue.max_attempts())  # its last attempt fails
        record = Notification.objects.get(kind="term_reminder_3")
        assert record.status == DeliveryStatus.FAILED
        client.force_login(factories.user(Role.OFFICER, language="fr"))
        with translation.override("en"):  # the page's language is not left active after it
            page = client.get(reverse("notifications:undelivered")).content.decode()
        assert "Rappel\u202f: plus que 3 mois de contrat" in page
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        queue.run(path, record.task_args, {}, 1)
        queue.run(path, record.task_args, {}, 1)
    assert [email.to for email in mail.outbox] == [[person.email]]


def test_each_reminder_has_a_purpose_in_each_language():
    for months in (6, 3, 1):
        purpose = reminders.PURPOSES[f"term_reminder_{months}"]
        for language in ("fr", "de"):
            with translation.override(language):
                assert translation.gettext(purpose) != purpose


# At once, on PostgreSQL (row locks; SQLite serialises every write and would prove nothing).


def in_thread(work):
    try:
        return work()
    except Exception as error:
        return error
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.postgres
def test_two_runs_at_once_queue_and_send_each_reminder_once(transactional_db, queued_tasks):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")
    from concurrent.futures import ThreadPoolExecutor

    contracts = [signed(ENTRY + timedelta(days=n)) for n in range(10)]
    with at(date(2027, 7, 25)):
        with ThreadPoolExecutor(max_workers=4) as pool:
            counts = list(pool.map(lambda _: in_thread(run_job), range(4)))
        assert sum(counts) == 10, counts
        assert keys() == {reminders.key(contract.pk, 6) for contract in contracts}
        # Each task run by two workers at once (the test's task backend keeps each
        # thread's queue apart: the tasks are those the records name): each email goes once.
        tasks = Notification.objects.filter(kind="term_reminder_6").values_list("task", "task_args")
        assert {task for task, _args in tasks} == {"accueil.training.reminders.send_term_reminder"}
        calls = [tuple(args) for _task, args in tasks] * 2
        with ThreadPoolExecutor(max_workers=4) as pool:
            sent = list(
                pool.map(
                    lambda args: in_thread(lambda: reminders.send_term_reminder.call(*args)), calls
                )
            )
    assert sorted(sent, key=str) == [False] * 10 + [True] * 10, sent
    assert len(mail.outbox) == 10
    assert len({m.to[0] for m in mail.outbox}) == 10
