"""Demo data for the end of the contract (issue 13), made as it happens for real: the
contracts whose term has ended are in force with their certificates, then the review at
term (the job "term-review", `contracts.services.contract_term_review`) closes the
fulfilled one and puts the others in the officers' review queue; then an officer decides
two of them, one "not fulfilled for a legitimate reason" with its follow-up contract
signed. One is left in the queue for the demo's officer to decide.

Each step does nothing when it is already done, so loading the demo again (another day)
changes nothing but what a day changes: the job reviews the terms that ended since.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import cast

from django.urls import reverse

from accueil.accounts.models import User
from accueil.contracts import services as contract_services
from accueil.contracts.models import (
    Certificate,
    Contract,
    ContractStatus,
    Obligation,
    SignatureMethod,
)
from accueil.core.clock import LUXEMBOURG
from accueil.demo import path_data
from accueil.registration.models import Candidate

LANGUAGE, CITIZENSHIP, ORIENTATION = Obligation.values
# The certificates of each stage's (first) contract, as (obligation, days after entry into
# force, hours): what the review at term will find.
CERTIFICATES: dict[str, list[tuple[str, int, Decimal | None]]] = {
    # The citizenship course lasted 4 hours of the 6 required: to the review queue.
    "under_review": [
        (LANGUAGE, 200, None),
        (ORIENTATION, 300, None),
        (CITIZENSHIP, 400, Decimal(4)),
    ],
    # Everything within the term: closed as fulfilled by the review.
    "fulfilled": [(LANGUAGE, 150, None), (ORIENTATION, 250, None), (CITIZENSHIP, 320, Decimal(6))],
    # Only the language training: decided "not fulfilled".
    "not_fulfilled": [(LANGUAGE, 400, None)],
    # No orientation day: "not fulfilled for a legitimate reason", a follow-up for it.
    "follow_up": [(LANGUAGE, 120, None), (CITIZENSHIP, 200, Decimal(6))],
}
NOT_FULFILLED_REASON = (
    "No certificate for the citizenship course nor for an orientation day, and no reason "
    "was given when we asked."
)
LEGITIMATE_REASON = (
    "Posted abroad by her employer for five months, during which every orientation day "
    "took place; she attended the rest."
)
# The follow-up is signed this many days after the first contract's term ended.
FOLLOW_UP_SIGNED_AFTER = 20


def load(today: date, stages: dict[str, str]) -> None:
    """`stages`: the stage of each demo person, by identification number."""
    officer = User.objects.get(email="officer@accueil.example")
    ended = Contract.objects.filter(
        status=ContractStatus.IN_FORCE, end_exclusive__lte=today, follows__isnull=True
    ).select_related("candidate")
    for contract in ended:
        stage = stages.get(contract.candidate.national_id or "")
        if stage in CERTIFICATES and not contract.certificates.exists():
            certificates(contract, CERTIFICATES[stage], today, officer)
    contract_services.contract_term_review(today)
    decide(stages, officer, today)


def certificates(contract: Contract, rows, today: date, officer: User) -> None:
    for obligation, days, hours in rows:
        issued = cast(date, contract.entry_into_force) + timedelta(days=days)
        Certificate.objects.create(
            contract=contract,
            obligation=obligation,
            issued_on=min(issued, today),
            issuer=path_data.issuer_name(path_data.ISSUER_KIND[obligation], contract.language),
            hours=hours,
            sessions=3 if hours else None,
            recorded_by=officer,
        )


def decide(stages: dict[str, str], officer: User, today: date) -> None:
    """The officer's decisions on two contracts of the review queue, and the follow-up."""
    for candidate in Candidate.objects.filter(national_id__in=stages):
        stage = stages[candidate.national_id or ""]
        if stage not in ("not_fulfilled", "follow_up"):
            continue
        first = candidate.contracts.filter(follows__isnull=True).order_by("created_at").first()
        if first is None:
            continue
        if first.status == ContractStatus.UNDER_REVIEW:
            legitimate = stage == "follow_up"
            first = contract_services.contract_decide(
                contract=first,
                actor=officer,
                outcome=ContractStatus.NOT_FULFILLED,
                reason=LEGITIMATE_REASON if legitimate else NOT_FULFILLED_REASON,
                legitimate=legitimate,
            )
        if stage == "follow_up" and first.status == ContractStatus.NOT_FULFILLED:
            follow_up = contract_services.contract_follow_up(contract=first, actor=officer)
            if follow_up.status == ContractStatus.DRAFT:
                signed = cast(date, first.end_exclusive) + timedelta(days=FOLLOW_UP_SIGNED_AFTER)
                start = min(signed, today)
                contract_services.contract_sign(
                    contract=follow_up,
                    actor=officer,
                    method=SignatureMethod.CONFIRMED,
                    entry_into_force=start,
                )
                # Signed the day it entered into force, as the demo's other contracts.
                at = datetime.combine(start, time(10), tzinfo=LUXEMBOURG)
                Contract.objects.filter(pk=follow_up.pk).update(signed_at=at)


def where() -> list[str]:
    """The demo's console: where to see the end of the contract (issue 13)."""
    kwame = Contract.objects.filter(
        status=ContractStatus.UNDER_REVIEW, candidate__first_name="Kwame"
    ).first()
    follow_up = Contract.objects.filter(
        follows__isnull=False, candidate__first_name="Fatima"
    ).first()
    lines = [
        "End of the contract: the job “term-review” reviewed the terms that ended "
        f"(officer: {reverse('officer_contracts:review_queue')});",
    ]
    if kwame is not None:
        lines.append(
            "      decide “not fulfilled for a legitimate reason” for Kwame Mensah "
            f"({reverse('officer_contracts:review', args=[kwame.pk])}), then open and sign "
            "his follow-up contract, which covers only the citizenship course;"
        )
    if follow_up is not None:
        lines.append(
            "      Fatima Diallo's follow-up, signed, covers only the orientation day: "
            f"{reverse('officer_contracts:detail', args=[follow_up.pk])};"
        )
    lines.append(
        f"      the statistics of the demo's contracts: {reverse('statistics:index')} (officer)."
    )
    return lines
