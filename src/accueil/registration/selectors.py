"""Reading candidates: lists for staff, a summary for the candidate's own page."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from accueil.contracts.models import LIVE_STATUSES, Contract, ContractStatus
from accueil.core import clock
from accueil.registration.models import Candidate
from accueil.rules import evaluate


def candidate_search(candidates: QuerySet[Candidate], query: str) -> QuerySet[Candidate]:
    """Filter by name, national identification number or contract number."""
    query = query.strip()
    if not query:
        return candidates
    digits = "".join(query.split())
    if digits.isdigit() and len(digits) == 13:
        return candidates.filter(national_id=digits)
    if query.upper().startswith("CAI-"):
        # Numbers are stored in capitals: an exact match uses the unique index.
        numbered = Contract.objects.filter(candidate=OuterRef("pk"), number=query.upper())
        return candidates.filter(Exists(numbered))
    key = query.lower()
    return candidates.filter(Q(surname_key__startswith=key) | Q(first_name_key__startswith=key))


@dataclass(frozen=True)
class CandidateFilters:
    q: str = ""
    status: str = ""  # a contract status, or "registered" for no contract yet
    session: int | None = None
    ends_before: date | None = None


def candidate_filter(candidates: QuerySet[Candidate], filters: CandidateFilters):
    """The officers' list: every filter is an indexed EXISTS, so no row is repeated and
    the page costs the same number of queries whatever the number of candidates."""
    from accueil.booking.models import Booking

    candidates = candidate_search(candidates, filters.q)
    contracts = Contract.objects.filter(candidate=OuterRef("pk"))
    if filters.status == "registered":
        candidates = candidates.filter(~Exists(contracts))
    elif filters.status:
        candidates = candidates.filter(Exists(contracts.filter(status=filters.status)))
    if filters.session:
        booked = Booking.objects.filter(candidate=OuterRef("pk"), session_id=filters.session)
        candidates = candidates.filter(Exists(booked))
    if filters.ends_before:
        ending = contracts.filter(
            status=ContractStatus.IN_FORCE, end_exclusive__lte=filters.ends_before
        )
        candidates = candidates.filter(Exists(ending))
    return candidates


def with_contracts(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    return candidates.prefetch_related(
        Prefetch("contracts", queryset=Contract.objects.order_by("-created_at"))
    )


def live_contract(candidate: Candidate) -> Contract | None:
    return candidate.contracts.filter(status__in=LIVE_STATUSES).first()


def eligibility(candidate: Candidate):
    """The CAI eligibility decision for this candidate today, with its reasons."""
    facts = {
        "birth_date": candidate.birth_date.isoformat(),
        "on": clock.today().isoformat(),
        "nationalities": candidate.nationalities,
        "legally_resident": candidate.legal_residence_confirmed,
        "wishes_to_settle": candidate.wishes_to_settle,
    }
    return evaluate("cai.eligibility", facts).to_dict(get_language() or "en")


def candidate_summary(candidate: Candidate) -> dict:
    return {
        "eligibility": eligibility(candidate),
        "live_contract": live_contract(candidate),
        "contracts": candidate.contracts.order_by("-created_at"),
    }
