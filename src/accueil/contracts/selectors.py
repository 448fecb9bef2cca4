"""Reading contracts: the candidate's integration path and the fulfilment check.

The path puts in one place, in the candidate's language, each obligation with its
status and certificates, what is booked and when, the end of the term and the time
left, and what to do next.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import cast

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accueil.booking.models import Booking, BookingStatus
from accueil.contracts.models import (
    LIVE_STATUSES,
    Certificate,
    Contract,
    ContractStatus,
    Obligation,
)
from accueil.guide.selectors import DatedItem, candidate_dates
from accueil.registration.models import Candidate
from accueil.rules import Decision, Reason, evaluate


def covered_obligations(obligations: dict) -> tuple[str, ...]:
    """The obligations a contract applies to, from its `obligations` (rule cai.obligations'
    values: {"obligations": [{"code": ...}, ...]}): all three for a first contract, only
    those left unmet by the first for a follow-up (rule cai.follow_up). A contract made
    before the obligations were kept covers all three. In the canonical order."""
    kept = {item.get("code") for item in obligations.get("obligations") or []}
    return tuple(code for code in Obligation.values if code in kept) or tuple(Obligation.values)


def fulfilment_facts(contract: Contract, certificates: list[Certificate], on: date) -> dict:
    """The facts of rule cai.fulfilment from the certificates recorded so far."""
    by = {code: [c for c in certificates if c.obligation == code] for code in Obligation.values}
    facts: dict = {
        "entry_into_force": cast(date, contract.entry_into_force).isoformat(),
        "on": on.isoformat(),
        "covers": list(covered_obligations(contract.obligations)),
    }
    if language := by[Obligation.LANGUAGE_TRAINING]:
        first = language[0]
        facts["language_training"] = {
            "completed_on": first.issued_on.isoformat(),
            "kind": "literacy" if first.literacy else "language",
        }
    if citizenship := by[Obligation.CITIZENSHIP_COURSE]:
        facts["citizenship_course"] = {
            "hours": float(sum(c.hours or 0 for c in citizenship)),
            "sessions": sum(c.sessions or 0 for c in citizenship),
            "completed_on": max(c.issued_on for c in citizenship).isoformat(),
        }
    if orientation := by[Obligation.ORIENTATION_DAY]:
        facts["orientation_day"] = {"attended_on": orientation[0].issued_on.isoformat()}
    return facts


def fulfilment(contract: Contract, on: date) -> Decision | None:
    if contract.entry_into_force is None:
        return None
    certificates = [c for c in contract.certificates.all() if c.issued_on <= on]
    return evaluate("cai.fulfilment", fulfilment_facts(contract, certificates, on))


# The end of the contract: the officers' review queue, the evaluation a decision is
# taken on, and what the candidate is told.


def review_queue(contracts: QuerySet[Contract]) -> QuerySet[Contract]:
    """The contracts waiting for an officer's decision, oldest term first (index
    contract_review_queue), then by number for a stable order across pages."""
    return (
        contracts.filter(status=ContractStatus.UNDER_REVIEW)
        .select_related("candidate")
        .order_by("end_exclusive", "number")
    )


def review_day(contract: Contract) -> date | None:
    """The day the decision was evaluated on (or the term review's day)."""
    on = (contract.review or {}).get("on")
    return date.fromisoformat(on) if on else None


def unmet_reasons(contract: Contract) -> list[Reason]:
    """The reasons of rule cai.fulfilment, as it gave them on the day of the review or
    the decision, for each obligation found unmet (each carries its seed passage)."""
    on, unmet = review_day(contract), set((contract.review or {}).get("unmet") or [])
    if on is None or not unmet or contract.entry_into_force is None:
        return []
    decision = fulfilment(contract, on)
    assert decision is not None
    return [
        reason
        for reason in decision.reasons
        if reason.met is False
        and reason.code != "cai.fulfilment.contract"
        and reason.code.split(".")[2] in unmet
    ]


@dataclass
class ObligationStep:
    code: str
    label: str
    met: bool
    message: str
    certificates: list[Certificate] = field(default_factory=list)


@dataclass
class Ending:
    """The end of a contract as its holder sees it: under review, or decided, with the
    officer's reasons and the rule's reason for each obligation left unmet (with its seed
    passage), in the reader's language."""

    contract: Contract
    unmet: list[str]
    reasons: list[dict]


ENDED = (
    ContractStatus.UNDER_REVIEW,
    ContractStatus.FULFILLED,
    ContractStatus.NOT_FULFILLED,
    ContractStatus.SUPERSEDED,
)


def ending(contract: Contract) -> Ending | None:
    if contract.status not in ENDED:
        return None
    lang = get_language() or "en"
    labels = dict(Obligation.choices)
    decided = contract.status != ContractStatus.UNDER_REVIEW
    unmet = (contract.review or {}).get("unmet") or [] if decided else []
    found = unmet_reasons(contract) if decided else []
    reasons = [{"message": r.message[lang], "source": r.source, "met": r.met} for r in found]
    return Ending(contract, [str(labels.get(code, code)) for code in unmet], reasons)


@dataclass
class Path:
    candidate: Candidate
    contract: Contract | None
    booking: Booking | None
    steps: list[ObligationStep]
    days_left: int | None
    next_steps: list[str]
    decision: dict | None
    # The guide's hook: the residence dates the candidate entered (renewal, decisions).
    residence_dates: list[DatedItem] = field(default_factory=list)
    # The end of the contract, and of the contract it follows up (issue 13): under
    # review, or the decision and its reasons; what a follow-up covers.
    endings: list[Ending] = field(default_factory=list)
    covers: list[str] = field(default_factory=list)


def live_contract(candidate: Candidate) -> Contract | None:
    """The candidate's draft or contract in force, if any (at most one: a constraint)."""
    return candidate.contracts.filter(status__in=LIVE_STATUSES).first()


def with_contracts(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    """Prefetch each candidate's contracts, newest first."""
    return candidates.prefetch_related(
        Prefetch("contracts", queryset=Contract.objects.order_by("-created_at"))
    )


def is_contract_number(query: str) -> bool:
    """Whether a search looks like a contract's number ("CAI-2026-000001")."""
    return query.strip().upper().startswith("CAI-")


def with_contract_number(candidates: QuerySet[Candidate], number: str) -> QuerySet[Candidate]:
    """The candidates holding the contract of this number."""
    # Numbers are stored in capitals: an exact match uses the unique index.
    numbered = Contract.objects.filter(candidate=OuterRef("pk"), number=number.strip().upper())
    return candidates.filter(Exists(numbered))


def current_contract(candidate: Candidate) -> Contract | None:
    contracts = candidate.contracts.prefetch_related("certificates").select_related("follows")
    return contracts.filter(status__in=LIVE_STATUSES).first() or contracts.first()


# The calendar feed of the path (contracts.calendar): its address and whether it ended.
FEED_SALT = "accueil.contracts.calendar"


def feed_url(candidate: Candidate) -> str:
    """The address of the candidate's calendar feed (contracts.calendar), with its signed
    token: no account is needed by calendar apps."""
    token = signing.dumps([str(candidate.pk), candidate.feed_version], salt=FEED_SALT)
    return settings.SITE_URL.rstrip("/") + reverse("contracts:calendar", args=[token])


def feed_ended(candidate: Candidate, today: date) -> bool:
    """Whether the candidate's contract has ended, and their feed with it. Before any
    contract (registered, booked) the feed is live."""
    contract = current_contract(candidate)
    if contract is None:
        return False
    if contract.status not in LIVE_STATUSES:
        return True
    return contract.end_exclusive is not None and today >= contract.end_exclusive


def candidate_path(candidate: Candidate, today: date) -> Path:
    contract = current_contract(candidate)
    booking = (
        candidate.bookings.filter(status=BookingStatus.ACTIVE).select_related("session").first()
    )
    decision = fulfilment(contract, today) if contract else None
    steps, days_left = [], None
    if contract and decision:
        met = set(decision.values["met"])
        lang = get_language() or "en"
        covered = covered_obligations(contract.obligations)
        for code, label in Obligation.choices:
            if code not in covered:
                continue
            certificates = [c for c in contract.certificates.all() if c.obligation == code]
            why = " ".join(
                r.message[lang]
                for r in decision.reasons
                if r.code.startswith(f"cai.fulfilment.{code}")
            )
            steps.append(ObligationStep(code, str(label), code in met, why, certificates))
        term = evaluate(
            "cai.term",
            {
                "entry_into_force": cast(date, contract.entry_into_force).isoformat(),
                "on": today.isoformat(),
            },
        )
        days_left = term.values["days_left"]
    return Path(
        candidate,
        contract,
        booking,
        steps,
        days_left,
        next_steps(contract, booking, steps),
        decision.to_dict(get_language() or "en") if decision else None,
        candidate_dates(candidate),
        *end_of_contract(contract),
    )


def end_of_contract(contract: Contract | None) -> tuple[list[Ending], list[str]]:
    """The endings to show (the contract's, then that of the contract it follows up) and,
    for a follow-up, the obligations it covers."""
    if contract is None:
        return [], []
    endings = [found for c in (contract, contract.follows) if c and (found := ending(c))]
    covers = []
    if contract.follows_id is not None:
        labels = dict(Obligation.choices)
        covers = [str(labels[code]) for code in covered_obligations(contract.obligations)]
    return endings, covers


def next_steps(contract: Contract | None, booking: Booking | None, steps) -> list[str]:
    if contract is None:
        if booking:
            return [
                _(
                    "Go to your information session. Bring a document proving that you live "
                    "legally in Luxembourg."
                )
            ]
        return [_("Book an information session: the contract can be signed after it.")]
    if contract.status == "draft":
        return [_("Sign your contract with the integration officer.")]
    todo = [step for step in steps if not step.met]
    if contract.status != "in_force" or not todo:
        return []
    hints = {
        Obligation.LANGUAGE_TRAINING: _(
            "Enrol in an approved language course (reduced rate) "
            "and keep its attendance certificate."
        ),
        Obligation.CITIZENSHIP_COURSE: _(
            "Attend a citizenship course of at least 6 hours over several sessions."
        ),
        Obligation.ORIENTATION_DAY: _("Take part in an orientation day."),
    }
    return [hints[step.code] for step in todo]


# The certificate of completion (contracts.completion) and its verification page.


def contract_chain(contract: Contract) -> list[Contract]:
    """The contract and those it follows up (rule cai.follow_up), the first one first."""
    chain = [contract]
    while chain[0].follows_id is not None:
        chain.insert(0, Contract.objects.select_related("candidate").get(pk=chain[0].follows_id))
    return chain


def completion_by_code(code: str) -> Contract | None:
    """The fulfilled contract whose certificate of completion bears this code (as stored:
    `core.codes.normalise_code`), for the public verification page."""
    if not code:
        return None
    return (
        Contract.objects.select_related("candidate", "follows")
        .filter(status=ContractStatus.FULFILLED, completion_code=code)
        .first()
    )
