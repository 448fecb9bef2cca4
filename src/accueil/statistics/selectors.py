"""The statistics, as aggregate queries: every figure is counted by the database
(GROUP BY month, nationality, language, status, kind or purpose), never by reading
rows into Python; Python only names and orders the groups it gets back. The months
before `Summary.through` come from the counts stored by the hourly job (models.py,
services.refresh_summary), the months since are counted in the contracts (`counted_*`).

Seed ("The end of the CAI contract"): "At the end of the CAI contract, the Integration
Department will verify whether the signatory has met the requirements of the
contract": the fulfilment rate counts those verifications.

Choices (docs/statistics.md):
- a contract is "signed" in the month of its entry into force (the legal date, always
  set once signed, and the day it was signed unless an officer chose a later day);
  contracts withdrawn after signing and follow-up contracts count;
- a candidate's nationality is the first they gave (a person counts once, so the rows
  add up to the total);
- the fulfilment rate is of the contracts reviewed at term in the period (by the month
  of the review): fulfilled / (fulfilled + not fulfilled, with or without a follow-up
  contract); those awaiting an officer's decision are shown apart;
- the time from registration to signature is in days, from the day of registration
  (in Luxembourg) to the entry into force; its median is exact, computed from the
  number of contracts per month and per number of days;
- seats offered are the places of the published courses whose first session falls in
  the period, seats filled their enrolments (not those on the waiting list or
  cancelled);
- emails not delivered are those created in the period and still not delivered after
  every attempt, by purpose.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from babel.dates import format_date
from django.db.models import (
    CharField,
    Count,
    DateField,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
)
from django.db.models.functions import TruncDate, TruncMonth
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accueil.contracts.models import Contract, ContractStatus
from accueil.core import clock, countries
from accueil.notifications.selectors import undelivered_emails
from accueil.registration.models import InformationLanguage
from accueil.statistics.forms import Period
from accueil.statistics.models import Figure, MonthlyCount, Summary
from accueil.statistics.tables import COUNT, DAYS, RATE, Column, Row, Table
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
)

NOT_FULFILLED = (ContractStatus.NOT_FULFILLED, ContractStatus.SUPERSEDED)


class DaysBetween(Func):
    """Whole days from the date `earlier` to the date `later` (both dates)."""

    output_field = IntegerField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )


class MonthOf(Func):
    """The 1st of the month of a date column, as a date. Django's TruncMonth of a date
    on PostgreSQL casts it to a timestamp with time zone (a conversion per row, in the
    session's time zone) and back; a date's month needs no time zone."""

    output_field = DateField()
    template = "CAST(DATE_TRUNC('month', CAST(%(expressions)s AS timestamp)) AS date)"

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="date(%(expressions)s, 'start of month')", **extra
        )


class FirstItem(Func):
    """The first string of a JSON list (NULL when the list is empty)."""

    output_field = CharField()
    template = "(%(expressions)s ->> 0)"

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="json_extract(%(expressions)s, '$[0]')")


def month_label(month: date, lang: str) -> str:
    return format_date(month, "LLLL y", locale=lang)


def _month(value) -> date:
    """A TruncMonth's value as the 1st of its month (a date, or a datetime in Luxembourg)."""
    if hasattr(value, "date"):
        value = value.astimezone(clock.LUXEMBOURG).date() if value.tzinfo else value.date()
    return value.replace(day=1)


def _signed_between(start: date, end: date):
    return Contract.objects.filter(entry_into_force__gte=start, entry_into_force__lt=end).order_by()


def _split(period: Period) -> tuple[tuple[date, date] | None, tuple[date, date] | None]:
    """The period's months whose counts are stored (before the summary's `through`)
    and those counted in the contracts themselves, each as [start, end) or None."""
    through = Summary.objects.filter(pk=1).values_list("through", flat=True).first()
    start, end = period.start, period.end_exclusive
    if through is None or through <= start:
        return None, (start, end)
    middle = min(end, through)
    return (start, middle), ((middle, end) if middle < end else None)


def _stored(figure: Figure, between: tuple[date, date], *fields: str):
    return (
        MonthlyCount.objects.filter(figure=figure, month__gte=between[0], month__lt=between[1])
        .order_by()
        .values_list("month", *fields, "n")
    )


def _per_month_rows(period: Period, counts: dict[date, dict], lang: str) -> list[Row]:
    return [
        Row(
            label=month_label(month, lang),
            csv_label=month.strftime("%Y-%m"),
            values=counts.get(month, {}),
            key=month,
        )
        for month in period.months()
    ]


CONTRACTS = Column("contracts", _("Contracts signed"))

# The contracts signed in a period, counted once by month, first nationality and
# language of communication: the three tables of the "contracts signed" page add these
# groups up (one pass over the contracts and their candidates instead of three).
SignedGroups = list[tuple[date, str | None, str, int]]


def counted_signed_groups(start: date, end: date) -> SignedGroups:
    """Counted in the contracts signed from `start` to `end` (excluded)."""
    groups = (
        _signed_between(start, end)
        .annotate(
            month=MonthOf("entry_into_force"),
            nationality=FirstItem("candidate__nationalities"),
        )
        .values_list("month", "nationality", "candidate__information_language")
        .annotate(n=Count("pk"))
    )
    return [(_month(month), nationality, language, n) for month, nationality, language, n in groups]


def signed_groups(period: Period) -> SignedGroups:
    stored, counted = _split(period)
    groups: SignedGroups = []
    if stored:
        groups += [
            (month, nationality or None, language, n)
            for month, nationality, language, n in _stored(
                Figure.SIGNED, stored, "nationality", "language"
            )
        ]
    if counted:
        groups += counted_signed_groups(*counted)
    return groups


def signed_per_month(period: Period, lang: str, groups: SignedGroups | None = None) -> Table:
    counts: dict[date, dict] = defaultdict(lambda: {"contracts": 0})
    for month, _nationality, _language, n in signed_groups(period) if groups is None else groups:
        counts[month]["contracts"] += n
    table_rows = _per_month_rows(period, counts, lang)
    for row in table_rows:
        row.values.setdefault("contracts", 0)
    total = sum(int(row.values["contracts"] or 0) for row in table_rows)
    return Table(
        name="signed-per-month",
        title=_("Contracts signed per month"),
        heading=_("Month"),
        columns=[CONTRACTS],
        rows=table_rows,
        total=Row(label=gettext("Total"), values={"contracts": total}),
    )


def _sorted_by_name(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: countries.collation_key(row.label))


def signed_by_nationality(period: Period, lang: str, groups: SignedGroups | None = None) -> Table:
    """By the first nationality the candidate gave, countries named and sorted as the
    reader's language names and sorts them."""
    by_country: dict[str, int] = defaultdict(int)
    for _when, nationality, _language, n in signed_groups(period) if groups is None else groups:
        by_country[nationality or ""] += n
    rows = [
        Row(label=countries.name(code, lang), values={"contracts": n}, key=code)
        for code, n in by_country.items()
        if code
    ]
    unknown = by_country.get("", 0)
    last = [Row(label=gettext("Not stated"), values={"contracts": unknown}, key="")]
    return Table(
        name="signed-by-nationality",
        title=_("Contracts signed by nationality"),
        heading=_("Nationality"),
        columns=[CONTRACTS],
        rows=_sorted_by_name(rows) + (last if unknown else []),
        total=Row(label=gettext("Total"), values={"contracts": sum(by_country.values())}),
        notes=[_("A person of several nationalities counts under the first they gave.")],
    )


def signed_by_language(period: Period, lang: str, groups: SignedGroups | None = None) -> Table:
    by_language: dict[str, int] = defaultdict(int)
    for _when, _nationality, language, n in signed_groups(period) if groups is None else groups:
        by_language[language] += n
    rows = [
        Row(label=str(label), values={"contracts": by_language.get(code, 0)}, key=code)
        for code, label in InformationLanguage.choices
    ]
    return Table(
        name="signed-by-language",
        title=_("Contracts signed by language of communication"),
        heading=_("Language of communication"),
        columns=[CONTRACTS],
        rows=_sorted_by_name(rows),
        total=Row(label=gettext("Total"), values={"contracts": sum(by_language.values())}),
    )


FULFILMENT_COLUMNS = [
    Column("reviewed", _("Contracts reviewed")),
    Column("fulfilled", _("Fulfilled"), part_of="reviewed"),
    Column("not_fulfilled", _("Not fulfilled"), part_of="reviewed"),
    Column("awaiting", _("Awaiting a decision"), part_of="reviewed"),
    Column("rate", _("Fulfilment rate"), kind=RATE, base=("fulfilled", "not_fulfilled")),
]


def _fulfilment_values(by_status: dict[str, int]) -> dict:
    reviewed = sum(by_status.values())
    fulfilled = by_status.get(ContractStatus.FULFILLED, 0)
    not_fulfilled = sum(by_status.get(status, 0) for status in NOT_FULFILLED)
    decided = fulfilled + not_fulfilled
    return {
        "reviewed": reviewed,
        "fulfilled": fulfilled,
        "not_fulfilled": not_fulfilled,
        "awaiting": reviewed - decided,
        "rate": fulfilled / decided if decided else None,
    }


def counted_review_groups(start: date, end: date) -> list[tuple[date, str, int]]:
    """Contracts reviewed from `start` to `end` (days in Luxembourg), by month and status."""
    groups = (
        Contract.objects.filter(
            reviewed_at__gte=clock.start_of_day(start),
            reviewed_at__lt=clock.start_of_day(end),
        )
        .order_by()
        .annotate(month=TruncMonth("reviewed_at", tzinfo=clock.LUXEMBOURG))
        .values_list("month", "status")
        .annotate(n=Count("pk"))
    )
    return [(_month(month), status, n) for month, status, n in groups]


def review_groups(period: Period) -> list[tuple[date, str, int]]:
    stored, counted = _split(period)
    groups = list(_stored(Figure.REVIEWED, stored, "status")) if stored else []
    return groups + (counted_review_groups(*counted) if counted else [])


def fulfilment(period: Period, lang: str) -> Table:
    """Of the contracts reviewed at term in the period, by the month of the review."""
    by_month: dict[date, dict[str, int]] = defaultdict(dict)
    overall: dict[str, int] = defaultdict(int)
    for month, status, n in review_groups(period):
        by_month[month][status] = by_month[month].get(status, 0) + n
        overall[status] += n
    counts = {month: _fulfilment_values(statuses) for month, statuses in by_month.items()}
    rows = _per_month_rows(period, counts, lang)
    for row in rows:
        if not row.values:
            row.values = _fulfilment_values({})
    return Table(
        name="fulfilment",
        title=_("Fulfilment rate"),
        heading=_("Month of the review"),
        columns=FULFILMENT_COLUMNS,
        rows=rows,
        total=Row(label=gettext("Total"), values=_fulfilment_values(overall)),
        notes=[
            _(
                "The rate is of the contracts decided: fulfilled, out of fulfilled and not "
                "fulfilled (with or without a follow-up contract)."
            )
        ],
    )


def median(histogram: dict[int, int]) -> float | None:
    """The exact median of values given as {value: how many times}."""
    count = sum(histogram.values())
    if not count:
        return None
    wanted = {(count - 1) // 2, count // 2}  # the middle one, or the middle two
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        for position in sorted(wanted):
            if seen <= position < seen + histogram[value]:
                found.append(value)
                wanted.discard(position)
        seen += histogram[value]
        if not wanted:
            break
    return sum(found) / len(found)


def counted_days_groups(start: date, end: date) -> list[tuple[date, int, int]]:
    """Contracts signed from `start` to `end`, by month and days from registration."""
    groups = (
        _signed_between(start, end)
        .annotate(
            month=MonthOf("entry_into_force"),
            days=DaysBetween(
                "entry_into_force", TruncDate("candidate__registered_at", tzinfo=clock.LUXEMBOURG)
            ),
        )
        .values_list("month", "days")
        .annotate(n=Count("pk"))
    )
    return [(_month(month), days, n) for month, days, n in groups]


def days_groups(period: Period) -> list[tuple[date, int, int]]:
    stored, counted = _split(period)
    groups = list(_stored(Figure.DAYS, stored, "days")) if stored else []
    return groups + (counted_days_groups(*counted) if counted else [])


def time_to_signature(period: Period, lang: str) -> Table:
    """Days from registration (its day in Luxembourg) to the entry into force, for the
    contracts signed in the period: their number and median per month and overall."""
    by_month: dict[date, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    overall: dict[int, int] = defaultdict(int)
    for month, days, n in days_groups(period):
        by_month[month][days] += n
        overall[days] += n
    counts = {
        month: {"contracts": sum(days.values()), "median": median(days)}
        for month, days in by_month.items()
    }
    rows = _per_month_rows(period, counts, lang)
    for row in rows:
        row.values.setdefault("contracts", 0)
        row.values.setdefault("median", None)
    return Table(
        name="time-to-signature",
        title=_("Time from registration to signature"),
        heading=_("Month of signature"),
        columns=[
            CONTRACTS,
            Column("median", _("Median time in days"), kind=DAYS, base=("contracts",)),
        ],
        rows=rows,
        total=Row(
            label=gettext("Whole period"),
            values={"contracts": sum(overall.values()), "median": median(overall)},
        ),
        notes=[
            _(
                "Days from the day of registration to the contract's entry into force, "
                "which is the day it was signed unless a later day was chosen."
            )
        ],
    )


def seats(period: Period, lang: str) -> Table:
    """Published courses whose first session falls in the period, by kind."""
    first_session = (
        CourseSession.objects.filter(course=OuterRef("pk"))
        .order_by("starts_at")
        .values("starts_at")
    )
    courses = (
        Course.objects.filter(status=CourseStatus.PUBLISHED)
        .annotate(first=Subquery(first_session[:1]))
        .filter(
            first__gte=clock.start_of_day(period.start),
            first__lt=clock.start_of_day(period.end_exclusive),
        )
    )
    offered: dict[str, Any] = {
        group["kind"]: group
        for group in courses.order_by()
        .values("kind")
        .annotate(n=Count("pk"), seats=Sum("capacity"))
    }
    filled = {
        group["course__kind"]: group["n"]
        for group in Enrolment.objects.filter(
            status=EnrolmentStatus.ENROLLED, course__in=courses.values("pk")
        )
        .order_by()
        .values("course__kind")
        .annotate(n=Count("pk"))
    }
    rows = []
    for kind, label in CourseKind.choices:
        seats_offered = int((offered.get(kind) or {}).get("seats") or 0)
        taken = filled.get(kind, 0)
        values = {
            "courses": (offered.get(kind) or {}).get("n", 0),
            "offered": seats_offered,
            "filled": taken,
            "rate": taken / seats_offered if seats_offered else None,
        }
        rows.append(Row(label=str(label), values=values, key=kind))

    def total(key: str) -> int:
        return sum(int(row.values[key] or 0) for row in rows)

    offered_total, filled_total = total("offered"), total("filled")
    return Table(
        name="seats",
        title=_("Seats offered and filled per course type"),
        heading=_("Course type"),
        columns=[
            Column("courses", _("Courses"), kind=COUNT),
            Column("offered", _("Seats offered"), kind=COUNT),
            Column("filled", _("Seats filled")),
            Column("rate", _("Share filled"), kind=RATE, base=("filled",)),
        ],
        rows=rows,
        total=Row(
            label=gettext("Total"),
            values={
                "courses": total("courses"),
                "offered": offered_total,
                "filled": filled_total,
                "rate": filled_total / offered_total if offered_total else None,
            },
        ),
        notes=[
            _(
                "Published courses whose first session is in the period; seats filled by "
                "people enrolled, not those on the waiting list."
            )
        ],
    )


def undelivered(period: Period, lang: str) -> Table:
    groups = (
        undelivered_emails()
        .filter(
            created_at__gte=clock.start_of_day(period.start),
            created_at__lt=clock.start_of_day(period.end_exclusive),
        )
        .order_by()
        .values("purpose")
        .annotate(n=Count("pk"))
    )
    rows = [
        Row(label=gettext(group["purpose"]), values={"emails": group["n"]}, key=group["purpose"])
        for group in groups
    ]
    return Table(
        name="emails-not-delivered",
        title=_("Emails not delivered"),
        heading=_("Purpose"),
        columns=[Column("emails", _("Emails not delivered"))],
        rows=_sorted_by_name(rows),
        total=Row(label=gettext("Total"), values={"emails": sum(g["n"] for g in groups)}),
        notes=[_("Emails sent in the period and not delivered after every attempt.")],
    )


# The tables by their slug (in the CSV's URL), and each page's tables in order.
TABLES: dict[str, Callable[..., Table]] = {
    "signed-per-month": signed_per_month,
    "signed-by-nationality": signed_by_nationality,
    "signed-by-language": signed_by_language,
    "fulfilment": fulfilment,
    "time-to-signature": time_to_signature,
    "seats": seats,
    "emails-not-delivered": undelivered,
}
PAGES = {
    "contracts-signed": ("signed-per-month", "signed-by-nationality", "signed-by-language"),
    "fulfilment": ("fulfilment",),
    "time-to-signature": ("time-to-signature",),
    "seats": ("seats",),
    "emails-not-delivered": ("emails-not-delivered",),
}


def page_tables(slug: str, period: Period, lang: str) -> list[Table]:
    """The tables of a page, those of the contracts signed from one grouped query."""
    if slug == "contracts-signed":
        groups = signed_groups(period)
        return [TABLES[name](period, lang, groups) for name in PAGES[slug]]
    return [TABLES[name](period, lang) for name in PAGES[slug]]
