"""Issuing, checking and revoking reduced-rate language vouchers (issue 12, point 4).

A contract in force gives up to `cai.language_vouchers` vouchers, numbered 1, 2, 3 on
the contract (a revoked voucher keeps its number: revoking does not give one more),
each valid `cai.language_voucher_validity_months` months from the day it is issued.
An officer issues them from the candidate's file, or the candidate from their path.

`voucher_for_enrolment` is the check a provider's enrolment runs on a typed code: it
answers in this order, so that a code belonging to someone else tells nothing about
that voucher (neither whose it is nor whether it is used, expired or revoked):
unknown, not this person's, revoked, expired, used.
"""

import secrets
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts.models import Contract, ContractStatus
from accueil.core import clock
from accueil.registration.models import Candidate
from accueil.rules.dates import add_months
from accueil.rules.parameters import parameter
from accueil.training.models import Voucher, VoucherRedemption
from accueil.training.models.vouchers import VOUCHER_CODE_LENGTH

# Crockford's base32: no I, L, O or U, so no symbol is read as another.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


class VoucherError(Exception):
    """A voucher refused; `message` says why, in the reader's language."""

    code = "voucher_refused"
    message = _("This voucher cannot be used.")

    def __str__(self) -> str:
        return str(self.message)


class VoucherUnknown(VoucherError):
    code = "voucher_unknown"
    message = _("There is no voucher with this code. Check the code on the voucher.")


class VoucherNotTheirs(VoucherError):
    code = "voucher_not_theirs"
    message = _("This voucher was not issued to this person: only its holder may use it.")


class VoucherRevoked(VoucherError):
    code = "voucher_revoked"
    message = _("This voucher has been revoked by the Integration Department.")


class VoucherExpired(VoucherError):
    code = "voucher_expired"
    message = _("This voucher has expired.")


class VoucherUsed(VoucherError):
    code = "voucher_used"
    message = _("This voucher has already been used for a course.")


class VoucherWrongCourse(VoucherError):
    code = "voucher_wrong_course"
    message = _("A voucher covers a language course or a literacy class only.")


class NoVoucherLeft(VoucherError):
    code = "no_voucher_left"
    message = _("All the vouchers of this contract have been issued.")


class NoContractInForce(VoucherError):
    code = "no_contract_in_force"
    message = _("Vouchers are given only with a contract in force.")


def new_code() -> str:
    """16 symbols of 5 bits each from `secrets`: 80 bits, not guessable."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(VOUCHER_CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """The code as stored, from what someone typed: capitals, no spaces or dashes, O read
    as 0, I and L as 1. Anything else than a code's shape gives ""."""
    code = "".join(typed.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != VOUCHER_CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return ""
    return code


def vouchers_per_contract(on: date) -> int:
    return int(parameter("cai.language_vouchers", on))


def expiry(issued_on: date) -> date:
    """The first day the voucher is no longer valid."""
    months = int(parameter("cai.language_voucher_validity_months", issued_on))
    return add_months(issued_on, months)


def contract_in_force(candidate: Candidate) -> Contract | None:
    return candidate.contracts.filter(status=ContractStatus.IN_FORCE).first()


def with_state(vouchers: QuerySet[Voucher]) -> QuerySet[Voucher]:
    """Vouchers annotated with `used` (a current redemption), one query."""
    current = VoucherRedemption.objects.filter(voucher=OuterRef("pk"), returned_at__isnull=True)
    return vouchers.annotate(used=Exists(current))


def state(voucher: Voucher, today: date | None = None) -> str:
    """ "revoked", "used", "expired" or "valid" (needs `with_state`'s `used`)."""
    today = today or clock.today()
    if voucher.revoked_at:
        return "revoked"
    if getattr(voucher, "used", False):
        return "used"
    if today >= voucher.expires_on:
        return "expired"
    return "valid"


def vouchers_of(candidate: Candidate) -> QuerySet[Voucher]:
    return with_state(Voucher.objects.filter(candidate=candidate)).order_by("issued_at", "pk")


def usable_vouchers(candidate: Candidate, today: date | None = None) -> list[Voucher]:
    today = today or clock.today()
    return [v for v in vouchers_of(candidate) if state(v, today) == "valid"]


def issuable(contract: Contract | None, on: date | None = None) -> bool:
    if contract is None or contract.status != ContractStatus.IN_FORCE:
        return False
    on = on or clock.today()
    return contract.vouchers.count() < vouchers_per_contract(on)


@transaction.atomic
def voucher_issue(
    *, contract: Contract, actor: User | None, now: datetime | None = None
) -> Voucher:
    """The contract's next voucher. The contract's row lock orders concurrent issues;
    the unique (contract, number) is the database's guarantee besides."""
    now = now or timezone.now()
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    if locked.status != ContractStatus.IN_FORCE:
        raise NoContractInForce
    today = timezone.localdate(now, timezone=clock.LUXEMBOURG)
    count = Voucher.objects.filter(contract=locked).count()
    if count >= vouchers_per_contract(today):
        raise NoVoucherLeft
    try:
        with transaction.atomic():
            voucher = Voucher.objects.create(
                contract=locked,
                candidate_id=locked.candidate_id,
                number=count + 1,
                code=new_code(),
                issued_at=now,
                expires_on=expiry(today),
                issued_by=actor,
            )
    except IntegrityError:  # a code drawn twice in 2**80: draw again, once
        voucher = Voucher.objects.create(
            contract=locked,
            candidate_id=locked.candidate_id,
            number=count + 1,
            code=new_code(),
            issued_at=now,
            expires_on=expiry(today),
            issued_by=actor,
        )
    audit_record(action=Action.CREATE, actor=actor, target=voucher, fields=["number"])
    return voucher


@transaction.atomic
def voucher_revoke(
    *, voucher: Voucher, actor: User, reason: str, now: datetime | None = None
) -> Voucher:
    """Revoke a voucher (an officer, with a reason). A used voucher may be revoked too:
    its enrolment stays, and the voucher cannot be given back."""
    locked = Voucher.objects.select_for_update().get(pk=voucher.pk)
    if locked.revoked_at:
        return locked
    locked.revoked_at = now or timezone.now()
    locked.revoked_by = actor
    locked.revoke_reason = reason.strip()
    locked.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        fields=["revoked_at", "revoke_reason"],
        reason="revoked",  # why: with the voucher (revoke_reason), not in the trail
    )
    return locked


def voucher_for_enrolment(
    *, code: str, candidate: Candidate, today: date, lock: bool = False
) -> Voucher:
    """The voucher this code names, if this person may use it now; raises VoucherError
    with the reason otherwise. `lock`: take its row lock (in the enrolment's transaction)."""
    normalised = normalise_code(code)
    if not normalised:
        raise VoucherUnknown
    # `used` is read in the same query; should another enrolment redeem the voucher
    # while this one waits for its lock, the unique index refuses the second redemption.
    vouchers = with_state(Voucher.objects.filter(code=normalised))
    if lock:
        vouchers = vouchers.select_for_update()
    voucher = vouchers.first()
    if voucher is None:
        raise VoucherUnknown
    return voucher_check(voucher, candidate=candidate, today=today)


def voucher_check(voucher: Voucher, *, candidate: Candidate, today: date) -> Voucher:
    """The voucher if this person may use it now; raises VoucherError with the reason
    otherwise. Read without `with_state`, whether it is used is left to the unique
    index `voucher_redeemed_once` when its redemption is inserted."""
    if voucher.candidate_id != candidate.pk:
        raise VoucherNotTheirs
    if voucher.revoked_at:
        raise VoucherRevoked
    if today >= voucher.expires_on:
        raise VoucherExpired
    if getattr(voucher, "used", False):
        raise VoucherUsed
    return voucher
