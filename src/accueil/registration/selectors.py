"""Reading candidates: lists for staff, a summary for the candidate's own page."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from accueil.contracts.models import LIVE_STATUSES, Contract
from accueil.registration.models import Candidate
from accueil.rules import evaluate


def candidate_search(candidates: QuerySet[Candidate], query: str) -> QuerySet[Candidate]:
    """Filter by name, national identification number or contract number."""
    query = query.strip()
    if not query:
        return candidates
    if query.isdigit() and len(query) == 13:
        return candidates.filter(national_id=query)
    return candidates.filter(
        Q(surname__icontains=query)
        | Q(first_name__icontains=query)
        | Q(contracts__number__iexact=query)
    ).distinct()


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
        "on": timezone.localdate().isoformat(),
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
