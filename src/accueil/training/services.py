"""The training capability's services, for its own pages and for other apps.

Each part keeps its services in its own module and re-exports them here in one line.
"""

from django.utils import timezone

from accueil.registration.models import Candidate
from accueil.training.attendance import *  # noqa: F403  (attendance, skills: its __all__)
from accueil.training.catalogue import (
    CourseData as CourseData,
)
from accueil.training.catalogue import (
    course_cancel as course_cancel,
)
from accueil.training.catalogue import (
    course_create as course_create,
)
from accueil.training.catalogue import (
    course_publish as course_publish,
)
from accueil.training.catalogue import (
    course_update as course_update,
)
from accueil.training.catalogue import (
    is_approved as is_approved,
)
from accueil.training.catalogue import (
    provider_approval_set as provider_approval_set,
)
from accueil.training.catalogue import (
    session_add as session_add,
)
from accueil.training.catalogue import (
    session_remove as session_remove,
)
from accueil.training.catalogue import (
    session_update as session_update,
)
from accueil.training.certificates import certificate_issue as certificate_issue
from accueil.training.certificates import certificate_revoke as certificate_revoke
from accueil.training.enrolment import CourseNotFound as CourseNotFound
from accueil.training.enrolment import EnrolmentError as EnrolmentError  # issue 12, re-exported
from accueil.training.enrolment import enrol as enrol
from accueil.training.enrolment import enrol_person as enrol_person
from accueil.training.enrolment import enrolment_cancel as enrolment_cancel
from accueil.training.enrolment import person_for_enrolment as person_for_enrolment
from accueil.training.models import (
    Enrolment,
    EnrolmentStatus,
    HandledWarning,
    TrainingCertificate,
    Voucher,
)
from accueil.training.vouchers import VoucherError as VoucherError
from accueil.training.vouchers import usable_vouchers as usable_vouchers
from accueil.training.vouchers import voucher_issue as voucher_issue
from accueil.training.vouchers import voucher_revoke as voucher_revoke
from accueil.training.vouchers import vouchers_per_contract as vouchers_per_contract

# The early-warning list (issue 12, point 9).
from accueil.training.warnings import warning_mark_handled as warning_mark_handled

# An erased person's training (privacy.erasure).

ERASED_TEXT = "—"  # where a reason is required (a revocation says why)


def training_forget(candidate: Candidate) -> list[str]:
    """An erased person's training, in the caller's transaction: their enrolments,
    attendance and certificates stay (that a certificate was issued, its code, date and
    issuer: the contract's fulfilment rests on them; the holder's name is the candidate's
    and goes with it); the texts written about them go (reasons for revoking, notes on
    the early-warning list), and their places on waiting lists are given up. The names
    of the fields changed."""
    changed: set[str] = set()
    certificates = TrainingCertificate.objects.filter(enrolment__candidate=candidate)
    if (
        certificates.filter(revoked_at__isnull=False)
        .exclude(revocation_reason=ERASED_TEXT)
        .update(revocation_reason=ERASED_TEXT)
    ):
        changed.add("revocation_reason")
    vouchers = Voucher.objects.filter(candidate=candidate)
    if (
        vouchers.filter(revoked_at__isnull=False)
        .exclude(revoke_reason=ERASED_TEXT)
        .update(revoke_reason=ERASED_TEXT)
    ):
        changed.add("revoke_reason")
    if HandledWarning.objects.filter(candidate=candidate).exclude(note="").update(note=""):
        changed.add("note")
    if Enrolment.objects.filter(candidate=candidate, status=EnrolmentStatus.WAITLISTED).update(
        status=EnrolmentStatus.CANCELLED, ended_at=timezone.now()
    ):
        changed.add("status")
    return sorted(changed)
