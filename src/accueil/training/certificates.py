"""Issuing, revoking and printing certificates of attendance, and verifying them.

Who certifies what follows the seed: the training organisation for a language course or
literacy classes, the Department of Adult Education for the citizenship course, the
Ministry (its Integration Department) for an orientation day. Issuing meets the
contract's obligation at once: it adds the certificate to the holder's contract through
`contracts.services.certificate_record` (origin "issued", with the code), which rule
cai.fulfilment reads for the path. Revoking removes that entry
(`contracts.services.certificate_remove`), so the obligation counts as met again only
by another certificate; the revoked certificate stays, and its page says "revoked".

A certificate states what was recorded, nothing typed (seed: attendance "is documented
in an attendance certificate"; the Department of Adult Education "certifies candidates'
attendance"): the hours attended are the sum of the hours of the holder's attendance
rows marked present, the sessions attended the number of those rows, both counted at
the sessions that have begun (`attendance_summary`). No row marked present, no
certificate (`NothingAttended`); for an orientation day, the holder marked present at
the day's session, and no hours printed. The certificate keeps the figures of the day
it was issued: attendance corrected later calls for revoking it and issuing another.
"""

import base64
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_DOWN, Decimal

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import HttpRequest
from django.utils import timezone, translation

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts import services as contract_services
from accueil.contracts.models import CertificateOrigin, ContractStatus, Obligation
from accueil.contracts.selectors import live_contract

# The codes, their verification address and QR code are shared with the contract's
# certificate of completion (contracts sits below training): they live in core.codes.
from accueil.core.codes import ALPHABET as ALPHABET
from accueil.core.codes import CODE_LENGTH as CODE_LENGTH
from accueil.core.codes import new_code as new_code
from accueil.core.codes import normalise_code as normalise_code
from accueil.core.codes import qr_data_uri as qr_data_uri
from accueil.core.codes import verification_url as verification_url
from accueil.core.pdf import render_pdf
from accueil.registration.models import Candidate
from accueil.training.models import (
    Attendance,
    AttendanceStatus,
    CertificateKind,
    CourseKind,
    Enrolment,
    TrainingCertificate,
)

KIND_OF_COURSE = {
    CourseKind.LANGUAGE: CertificateKind.ATTENDANCE,
    CourseKind.LITERACY: CertificateKind.ATTENDANCE,
    CourseKind.CITIZENSHIP: CertificateKind.CITIZENSHIP,
    CourseKind.ORIENTATION: CertificateKind.ORIENTATION,
}
OBLIGATION_OF_KIND = {
    CertificateKind.ATTENDANCE: Obligation.LANGUAGE_TRAINING,
    CertificateKind.CITIZENSHIP: Obligation.CITIZENSHIP_COURSE,
    CertificateKind.ORIENTATION: Obligation.ORIENTATION_DAY,
}
LANGUAGES = {"en", "fr", "de"}


def holder_initials(candidate: Candidate) -> str:
    """Enough to match the paper to its holder, nothing more: "M. S." """
    names = [candidate.first_name, candidate.surname]
    return " ".join(f"{name.strip()[0].upper()}." for name in names if name.strip())


# The certificate's hours column holds one decimal and at most 9999.9 (our choice when
# it was made; the attendance rows hold two decimals, up to 99.99 a session).
CERTIFICATE_HOURS_STEP = Decimal("0.1")
CERTIFICATE_HOURS_MAX = Decimal("9999.9")


@dataclass(frozen=True)
class AttendanceSummary:
    """What is recorded of one person's attendance at their course's sessions begun."""

    present: int
    absent: int
    excused: int
    not_recorded: int  # sessions begun with nothing recorded for this person
    to_come: int  # sessions not begun yet: nothing to record
    present_hours: Decimal  # the sum of the hours marked present, as recorded

    @property
    def sessions(self) -> int:
        """The sessions attended, as the certificate states them."""
        return self.present

    @property
    def hours(self) -> Decimal:
        """The hours attended, as the certificate states them: the recorded sum to one
        decimal, rounded down (a certificate never states more than was recorded)."""
        hours = self.present_hours.quantize(CERTIFICATE_HOURS_STEP, rounding=ROUND_DOWN)
        return min(hours, CERTIFICATE_HOURS_MAX)

    @property
    def begun(self) -> int:
        return self.present + self.absent + self.excused + self.not_recorded


def attendance_summary(enrolment: Enrolment, now: datetime | None = None) -> AttendanceSummary:
    """The person's attendance at the course's sessions begun by `now`, in two queries.
    A row for a session to come (recorded before such rows were refused) is not counted:
    it could only have been a guess."""
    now = now or timezone.now()
    begun = Q(session__starts_at__lte=now)
    rows = Attendance.objects.filter(begun, enrolment=enrolment).aggregate(
        present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
        absent=Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
        excused=Count("pk", filter=Q(status=AttendanceStatus.EXCUSED)),
        hours=Sum("hours", filter=Q(status=AttendanceStatus.PRESENT)),
    )
    sessions = enrolment.course.sessions.aggregate(
        begun=Count("pk", filter=Q(starts_at__lte=now)), total=Count("pk")
    )
    recorded = rows["present"] + rows["absent"] + rows["excused"]
    return AttendanceSummary(
        present=rows["present"],
        absent=rows["absent"],
        excused=rows["excused"],
        not_recorded=max(sessions["begun"] - recorded, 0),
        to_come=sessions["total"] - sessions["begun"],
        present_hours=Decimal(rows["hours"] or 0),
    )


def certificate_language(candidate: Candidate) -> str:
    contract = live_contract(candidate)
    if contract is not None and contract.language in LANGUAGES:
        return contract.language
    return candidate.information_language if candidate.information_language in LANGUAGES else "en"


class NothingAttended(Exception):
    """No attendance of the person is marked present: there is nothing to certify."""

    def __init__(self, summary: AttendanceSummary):
        super().__init__("no attendance marked present")
        self.summary = summary


class CertificateAlreadyIssued(Exception):
    """The enrolment has a certificate in force: revoke it before issuing another."""

    def __init__(self, certificate: TrainingCertificate):
        super().__init__(certificate.code)
        self.certificate = certificate


@transaction.atomic
def certificate_issue(
    *,
    enrolment: Enrolment,
    actor: User,
    issued_on: date,
    request: HttpRequest | None = None,
    now: datetime | None = None,
) -> TrainingCertificate:
    """Issue the certificate for an enrolment (the caller checked the actor may: see
    training.access) and put it on the holder's contract in force. Its hours and
    sessions are those recorded as attended (`attendance_summary` at `now`); raises
    NothingAttended, issuing nothing, if no attendance is marked present."""
    # The enrolment's row lock: two clicks on "Issue" make one certificate.
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("course__provider")
        .get(pk=enrolment.pk)
    )
    if current := enrolment.certificates.filter(revoked_at__isnull=True).first():
        raise CertificateAlreadyIssued(current)
    course, candidate = enrolment.course, enrolment.candidate
    summary = attendance_summary(enrolment, now)
    if summary.present == 0:
        raise NothingAttended(summary)
    kind = KIND_OF_COURSE[CourseKind(course.kind)]
    hours: Decimal | None = summary.hours
    sessions: int | None = summary.sessions
    if kind == CertificateKind.ORIENTATION:
        hours = sessions = None  # a half day: the date says it all
    certificate = TrainingCertificate.objects.create(
        code=new_code(),
        enrolment=enrolment,
        kind=kind,
        issuer=course.provider,
        issued_on=issued_on,
        hours=hours,
        sessions=sessions,
        language=certificate_language(candidate),
        issued_by=actor,
    )
    audit_record(
        action=Action.CREATE,
        actor=actor,
        target=certificate,
        request=request,
        subject=enrolment.candidate_id,
    )
    contract = live_contract(candidate)
    if contract is not None and contract.status != ContractStatus.DRAFT:
        with translation.override(contract.language):
            issuer = str(course.provider)
        certificate.record = contract_services.certificate_record(
            contract=contract,
            obligation=OBLIGATION_OF_KIND[kind],
            issued_on=issued_on,
            issuer=issuer,
            actor=actor,
            hours=hours,
            sessions=sessions,
            literacy=course.kind == CourseKind.LITERACY,
            origin=CertificateOrigin.ISSUED,
            code=certificate.code,
            request=request,
        )
        certificate.save(update_fields=["record"])
    return certificate


@transaction.atomic
def certificate_revoke(
    *,
    certificate: TrainingCertificate,
    actor: User,
    reason: str,
    request: HttpRequest | None = None,
) -> TrainingCertificate:
    """Revoke a certificate: its page says so, and it no longer counts for the contract."""
    locked = TrainingCertificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is not None:
        return locked
    record = locked.record
    locked.revoked_at, locked.revoked_by = timezone.now(), actor
    locked.revocation_reason, locked.record = reason[:500], None
    locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason", "record"])
    audit_record(
        action=Action.UPDATE,
        actor=actor,
        target=locked,
        request=request,
        fields=["revoked_at", "revocation_reason"],
        reason="revoked",  # why: with the certificate (revocation_reason), not in the trail
        subject=locked.enrolment.candidate_id,
    )
    if record is not None:
        contract_services.certificate_remove(certificate=record, actor=actor, request=request)
    return locked


def certificate_pdf(certificate: TrainingCertificate) -> bytes:
    """The certificate as a tagged PDF in its holder's language, with its code and QR code."""
    url = verification_url(certificate.code)
    enrolment = certificate.enrolment
    with translation.override(certificate.language):
        return render_pdf(
            "training/certificates/pdf/certificate.html",
            {
                "certificate": certificate,
                "candidate": enrolment.candidate,
                "course": enrolment.course,
                "verification_url": url,
                "qr": qr_data_uri(url),
            },
        )


def qr_png(url: str) -> bytes:
    """The PNG bytes of the QR code (tests compare it)."""
    return base64.b64decode(qr_data_uri(url).split(",", 1)[1])
