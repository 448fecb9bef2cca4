"""Reading candidates: the search by name or number, and the eligibility decision."""

from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from accueil.core import clock
from accueil.registration.models import Candidate
from accueil.rules import evaluate


def candidate_search(candidates: QuerySet[Candidate], query: str) -> QuerySet[Candidate]:
    """Filter by name or national identification number (a search by contract number
    too is portal's: portal.selectors.candidate_search)."""
    query = query.strip()
    if not query:
        return candidates
    digits = "".join(query.split())
    if digits.isdigit() and len(digits) == 13:
        return candidates.filter(national_id=digits)
    key = query.lower()
    return candidates.filter(Q(surname_key__startswith=key) | Q(first_name_key__startswith=key))


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
