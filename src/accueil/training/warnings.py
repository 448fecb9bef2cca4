"""The officers' early-warning list (issue 12, point 9): selectors and "mark handled".

Three signals, each a pure query (one per kind, plus one for who handled what when the
handled ones are shown), whatever the number of people:

- absences: `cai.warning_consecutive_absences` (2) absences in a row in one course, by
  session start, with no "present" between them. An excused session is not an absence
  and does not break the run either: it is left aside. One occurrence per run, keyed by
  the attendance that made the run long enough; a later run (after a "present") is a
  new occurrence. Only current enrolments (enrolled) count.
- voucher_expiring: a voucher neither revoked nor used that stops being valid within
  `cai.warning_voucher_expiry_days` (30) days: 0 < expires_on - today <= 30 (expires_on
  is the first day it is no longer valid). Keyed by the voucher.
- nothing_booked: a contract in force signed `cai.warning_nothing_booked_weeks` (8)
  weeks ago or more (signed on day D: shown from D + 56 days) whose holder has no
  current course enrolment of any kind (enrolled or on a waiting list, in any course).
  Keyed by the contract's number (unique; the same text on every database, where
  a UUID's text is not).

The numbers are not in the seed; they are the programme's follow-up practice (issue 12).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import CharField, Exists, F, OuterRef, Subquery, Value, Window
from django.db.models.functions import Cast, FirstValue, Lag
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts.models import Contract, ContractStatus
from accueil.core import clock
from accueil.rules.parameters import parameter
from accueil.training.models import (
    Attendance,
    AttendanceStatus,
    Enrolment,
    EnrolmentStatus,
    HandledWarning,
    Voucher,
    VoucherRedemption,
    WarningKind,
)

__all__ = ["Signal", "WarningError", "signals", "warning_mark_handled"]

_NONE = "none"  # what Lag gives before a run's first session


@dataclass
class Signal:
    kind: str
    key: str
    candidate_id: UUID
    candidate_name: str
    when: date
    detail: dict[str, Any] = field(default_factory=dict)
    handled: HandledWarning | None = None


class WarningError(Exception):
    pass


def _handled_id(kind: str, key: Any = None):
    key = key if key is not None else Cast(OuterRef("pk"), output_field=CharField())
    return Subquery(HandledWarning.objects.filter(kind=kind, key=key).values("pk")[:1])


def absence_signals(today: date, *, include_handled: bool = False) -> list[Signal]:
    run = parameter("cai.warning_consecutive_absences", today)
    order = [F("session__starts_at").asc(), F("session_id").asc()]
    lags = {
        f"prev{k}": Window(
            Lag("status", offset=k, default=Value(_NONE)),
            partition_by=[F("enrolment_id")],
            order_by=order,
        )
        for k in range(1, run + 1)
    }
    # The row's own status as a window expression too: Django applies conditions on plain
    # columns before the window functions (in the inner query), which would drop the
    # "present" rows the lags must see; a condition on a window is applied after them.
    lags["own"] = Window(FirstValue("status"), partition_by=[F("pk")])
    rows = (
        Attendance.objects.filter(enrolment__status=EnrolmentStatus.ENROLLED)
        .exclude(status=AttendanceStatus.EXCUSED)
        .select_related("enrolment__candidate", "enrolment__course", "session")
        .annotate(handled_id=_handled_id(WarningKind.ABSENCES), **lags)
    )
    if not include_handled:
        rows = rows.filter(handled_id__isnull=True)
    in_a_row: dict[str, Any] = {f"prev{k}": AttendanceStatus.ABSENT for k in range(1, run)}
    in_a_row["own"] = AttendanceStatus.ABSENT
    in_a_row[f"prev{run}__in"] = [AttendanceStatus.PRESENT, _NONE]  # the run starts here
    rows = rows.filter(**in_a_row).order_by("session__starts_at", "pk")
    return [
        Signal(
            kind=WarningKind.ABSENCES,
            key=str(row.pk),
            candidate_id=row.enrolment.candidate_id,
            candidate_name=str(row.enrolment.candidate),
            when=timezone.localdate(row.session.starts_at, timezone=clock.LUXEMBOURG),
            detail={"course": row.enrolment.course, "count": run},
            handled=row.handled_id,
        )
        for row in rows
    ]


def voucher_signals(today: date, *, include_handled: bool = False) -> list[Signal]:
    days = parameter("cai.warning_voucher_expiry_days", today)
    rows = (
        Voucher.objects.filter(
            ~Exists(
                VoucherRedemption.objects.filter(voucher=OuterRef("pk"), returned_at__isnull=True)
            ),
            revoked_at__isnull=True,
            expires_on__gt=today,
            expires_on__lte=today + timedelta(days=days),
        )
        .select_related("candidate")
        .annotate(handled_id=_handled_id(WarningKind.VOUCHER_EXPIRING))
        .order_by("expires_on", "pk")
    )
    if not include_handled:
        rows = rows.filter(handled_id__isnull=True)
    return [
        Signal(
            kind=WarningKind.VOUCHER_EXPIRING,
            key=str(row.pk),
            candidate_id=row.candidate_id,
            candidate_name=str(row.candidate),
            when=row.last_day,
            detail={"voucher": row},
            handled=row.handled_id,
        )
        for row in rows
    ]


def nothing_booked_signals(today: date, *, include_handled: bool = False) -> list[Signal]:
    weeks = parameter("cai.warning_nothing_booked_weeks", today)
    current = Enrolment.objects.filter(
        candidate=OuterRef("candidate"),
        status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED],
    )
    rows = (
        Contract.objects.filter(
            status=ContractStatus.IN_FORCE,
            signed_at__isnull=False,
            signed_at__date__lte=today - timedelta(weeks=weeks),
        )
        .annotate(booked=Exists(current))
        .filter(booked=False)
        .select_related("candidate")
        .annotate(handled_id=_handled_id(WarningKind.NOTHING_BOOKED, OuterRef("number")))
        .order_by("signed_at", "pk")
    )
    if not include_handled:
        rows = rows.filter(handled_id__isnull=True)
    return [
        Signal(
            kind=WarningKind.NOTHING_BOOKED,
            key=row.number,
            candidate_id=row.candidate_id,
            candidate_name=str(row.candidate),
            when=timezone.localdate(row.signed_at, timezone=clock.LUXEMBOURG),
            detail={"contract": row, "weeks": weeks},
            handled=row.handled_id,
        )
        for row in rows
    ]


SELECTORS: dict[str, Callable[..., list[Signal]]] = {
    WarningKind.ABSENCES: absence_signals,
    WarningKind.VOUCHER_EXPIRING: voucher_signals,
    WarningKind.NOTHING_BOOKED: nothing_booked_signals,
}


def signals(today: date | None = None, *, include_handled: bool = False) -> dict[str, list[Signal]]:
    """The signals of each kind (open ones only unless `include_handled`), in a
    constant number of queries."""
    today = today or clock.today()
    found: dict[str, list[Signal]] = {
        kind: select(today, include_handled=include_handled) for kind, select in SELECTORS.items()
    }
    handled_ids = [s.handled for rows in found.values() for s in rows if s.handled]
    if handled_ids:
        handled = HandledWarning.objects.select_related("handled_by").in_bulk(handled_ids)
        for rows in found.values():
            for s in rows:
                s.handled = handled.get(s.handled) if s.handled else None
    return found


def warning_mark_handled(*, kind: str, key: str, actor: User, note: str = "") -> HandledWarning:
    """Mark an open signal handled (once: marking it again returns the first mark)."""
    if kind not in SELECTORS:
        raise WarningError(kind)
    signal = next((s for s in SELECTORS[kind](clock.today()) if s.key == key), None)
    existing = HandledWarning.objects.filter(kind=kind, key=key).first()
    if existing is not None:
        return existing
    if signal is None:
        raise WarningError(key)
    try:
        with transaction.atomic():
            mark = HandledWarning.objects.create(
                kind=kind,
                key=key,
                candidate_id=signal.candidate_id,
                handled_by=actor,
                handled_at=timezone.now(),
                note=note,
            )
            audit_record(action=Action.CREATE, actor=actor, target=mark)
    except IntegrityError:
        return HandledWarning.objects.get(kind=kind, key=key)
    return mark
