"""Reads that compose several capabilities for the officers' pages: finding candidates
by name, identification number (registration) or contract number (contracts), the
filters of the candidate list (contracts, booking), a candidate's summary, and what was
recorded for a candidate at the information session (intake, social, contracts)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet

from accueil.audit.models import Action
from accueil.audit.services import audit_events_for
from accueil.booking import selectors as booking_selectors
from accueil.booking.models import Booking, BookingStatus, InformationSession
from accueil.contracts import selectors as contract_selectors
from accueil.contracts.models import Contract, ContractStatus
from accueil.intake import selectors as intake_selectors
from accueil.portal.documents import FORMALITIES_EXPORT
from accueil.registration import selectors as candidate_selectors
from accueil.registration.models import Candidate


def candidate_search(candidates: QuerySet[Candidate], query: str) -> QuerySet[Candidate]:
    """Filter by name, national identification number, contract number, or the
    reference number of a registration or a booking."""
    if contract_selectors.is_contract_number(query):
        return contract_selectors.with_contract_number(candidates, query)
    by_booking = booking_selectors.with_booking_reference(candidates, query)
    if by_booking is not None:
        return by_booking
    return candidate_selectors.candidate_search(candidates, query)


@dataclass(frozen=True)
class CandidateFilters:
    q: str = ""
    status: str = ""  # a contract status, or "registered" for no contract yet
    session: int | None = None
    ends_before: date | None = None


def candidate_filter(candidates: QuerySet[Candidate], filters: CandidateFilters):
    """The officers' list: every filter is an indexed EXISTS, so no row is repeated and
    the page costs the same number of queries whatever the number of candidates."""
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


def candidate_summary(candidate: Candidate) -> dict:
    """Eligibility (registration) and contracts (contracts), for a candidate's record and
    the candidate's own home page."""
    return {
        "eligibility": candidate_selectors.eligibility(candidate),
        "live_contract": contract_selectors.live_contract(candidate),
        "contracts": candidate.contracts.order_by("-created_at"),
    }


def session_record(candidate: Candidate, today: date) -> dict:
    """What was recorded for the candidate at the session, for the task list."""
    profile = getattr(candidate, "linguistic_profile", None)
    live = contract_selectors.live_contract(candidate)
    return {
        "document": candidate.residence_documents.first(),
        "valid_document": intake_selectors.valid_document(candidate, today),
        "profile": profile,
        "orientation": getattr(candidate, "orientation", None),
        "interview": candidate.interview_requests.order_by("-requested_at").first(),
        "formalities_given": audit_events_for(candidate)
        .filter(action=Action.EXPORT, reason=FORMALITIES_EXPORT)
        .exists(),
        "contract": live or candidate.contracts.first(),
    }


def attended_session(candidate: Candidate) -> InformationSession | None:
    """The latest session the candidate was checked in at as present."""
    booking = (
        candidate.bookings.filter(status=BookingStatus.ATTENDED)
        .select_related("session")
        .order_by("-session__starts_at")
        .first()
    )
    return booking.session if booking else None
