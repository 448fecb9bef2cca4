"""Demo data for the life after the information session: residence documents checked,
linguistic profiles and orientations, signatures, certificates at each stage, the
course catalogue (demo.catalogue_data), and requests for a
social worker. Each function does nothing when its data is already there."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import cast

from django.utils import translation

from accueil.accounts.models import Organisation, OrganisationKind, Role, User
from accueil.contracts.models import Certificate, Contract, ContractCounter, Obligation
from accueil.core.clock import LUXEMBOURG
from accueil.demo import catalogue_data
from accueil.intake.models import DocumentKind, LinguisticProfile, Orientation, ResidenceDocument
from accueil.registration.models import Candidate
from accueil.social.models import InterviewRequest, RequestStatus, Urgency

LANGUAGE, CITIZENSHIP, ORIENTATION = Obligation.values
# Certificates per contract status, as (obligation, days after entry into force, hours).
CERTIFICATES: dict[str, list[tuple[str, int, Decimal | None]]] = {
    "in_force": [(ORIENTATION, 20, None), (CITIZENSHIP, 30, Decimal(3))],
}
# The contracts whose term has ended get theirs from demo.end_data, before their review.


def load(today: date) -> None:
    officer = User.objects.get(email="officer@accueil.example")
    signatures_and_documents(officer, today)
    for contract in Contract.objects.filter(status__in=CERTIFICATES, end_exclusive__gt=today):
        certificates(contract, today, officer)
    catalogue_data.load(today)
    interview_requests(officer, today)
    # Numbers given by the demo stay below the counter, so new contracts do not collide.
    ContractCounter.objects.update_or_create(year=today.year, defaults={"last": 500})


def signatures_and_documents(officer: User, today: date) -> None:
    for candidate in Candidate.objects.filter(contracts__isnull=False).distinct():
        if not candidate.residence_documents.exists():
            ResidenceDocument.objects.create(
                candidate=candidate,
                kind=DocumentKind.RESIDENCE_PERMIT,
                number=f"LU{(candidate.national_id or '')[-7:]}",
                valid_until=today + timedelta(days=400),
                checked_by=officer,
            )
        if not hasattr(candidate, "linguistic_profile"):
            LinguisticProfile.objects.create(
                candidate=candidate,
                french="A2",
                english="B1",
                other_languages="",
                recorded_by=officer,
            )
            Orientation.objects.create(
                candidate=candidate,
                recorded_by=officer,
                recommended_courses=[
                    {"language": "lb", "aim": "reach_A1.1"},
                    {"language": "fr", "aim": "further"},
                ],
                guidance_notes="Evening courses suit the candidate's working hours.",
            )
    # Signed the day it entered into force (not the day the demo is loaded: the early-
    # warning list counts the weeks since signing).
    for contract in Contract.objects.filter(entry_into_force__isnull=False, signed_at__isnull=True):
        contract.signature_method = "confirmed"
        contract.signed_by = officer
        signed = min(cast(date, contract.entry_into_force), today)
        contract.signed_at = datetime.combine(signed, time(10), tzinfo=LUXEMBOURG)
        contract.save(update_fields=["signature_method", "signed_by", "signed_at"])
    for contract in Contract.objects.select_related("candidate"):
        if contract.language != contract.candidate.information_language:
            contract.language = contract.candidate.information_language
            contract.save(update_fields=["language"])


# Who certifies each obligation (seed): the training organisation, the Department of
# Adult Education, the Ministry (its Integration Department).
ISSUER_KIND = {
    LANGUAGE: OrganisationKind.INL,
    CITIZENSHIP: OrganisationKind.ADULT_EDUCATION,
    ORIENTATION: OrganisationKind.INTEGRATION_DEPARTMENT,
}


def issuer_name(kind: str, language: str) -> str:
    """The certifier's name as the holder's contract is written (as an officer would
    type it from the paper), like the certificates the application issues."""
    organisation = Organisation.objects.filter(kind=kind).order_by("pk")[0]
    with translation.override(language):
        return str(organisation)


def certificates(contract: Contract, today: date, officer: User) -> None:
    if contract.certificates.exists():
        return
    for obligation, days, hours in CERTIFICATES[contract.status]:
        issued = cast(date, contract.entry_into_force) + timedelta(days=days)
        Certificate.objects.create(
            contract=contract,
            obligation=obligation,
            issued_on=min(issued, today),
            issuer=issuer_name(ISSUER_KIND[obligation], contract.language),
            hours=hours,
            sessions=3 if hours else None,
            recorded_by=officer,
        )


def interview_requests(officer: User, today: date) -> None:
    if InterviewRequest.objects.exists():
        return
    social = User.objects.filter(role=Role.SOCIAL_WORKER).first()
    amina = Candidate.objects.filter(first_name="Amina").first()
    olena = Candidate.objects.filter(first_name="Olena").first()
    if amina:
        InterviewRequest.objects.create(
            candidate=amina,
            reason="Looking for housing; asks about support for a deposit.",
            urgency=Urgency.HIGH,
            requested_by=officer,
        )
    if olena:
        InterviewRequest.objects.create(
            candidate=olena,
            reason="Questions about childcare during evening courses.",
            urgency=Urgency.LOW,
            requested_by=officer,
            status=RequestStatus.DONE,
            social_worker=social,
            interview_on=today - timedelta(days=5),
            outcome="Referred to the commune's childcare service.",
        )
