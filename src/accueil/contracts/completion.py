"""The certificate of completion of a fulfilled contract: its code and its PDF.

Seed, "The end of the CAI contract": "The contract is considered fulfilled when the
signatory has participated in the different courses and events within 2 years of the
entry into force of the contract" (rule cai.fulfilment, which gives `fulfilled_on`:
the date of the last certificate needed). Seed, "Introduction": "When requirements are
met, the CAI contract can be acknowledged – under certain conditions – for obtaining
the long-term resident status and the Luxembourgish nationality by option." The
certificate quotes both passages, and says so in the holder's language; it promises
nothing more than the seed does ("under certain conditions").

The certificate is issued by the Ministry's Integration Department (the party to the
contract) in the contract's language, for a contract whose status is fulfilled; a
follow-up contract fulfilled names the first contract too, since the CAI was
fulfilled through both (rule cai.follow_up: the follow-up "will only apply to those
obligations that were not fulfilled within the scope of the first contract"). It
lists each obligation with the certificates that met it, taken from the contract that
covered it, within that contract's term.

Its verification code (core.codes: 80 random bits, typable) is given the first time
the certificate is printed, by one UPDATE ... WHERE completion_code = '': two requests
at once give one code (the second waits for the first's row lock, then finds the code
given). A code that happens to be another contract's (the unique constraint) is drawn
again.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import translation

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts.models import Certificate, Contract, ContractStatus, Obligation
from accueil.contracts.selectors import contract_chain, covered_obligations
from accueil.core.codes import code_display, new_code, qr_data_uri, verification_url
from accueil.core.pdf import render_pdf
from accueil.rules.base import Source, cite
from accueil.rules.cai_fulfilment import FULFILLED

ACKNOWLEDGED = cite(
    "Introduction",
    "When requirements are met, the CAI contract can be acknowledged – under certain "
    "conditions – for obtaining the long-term resident status and the Luxembourgish "
    "nationality by option.",
)
SOURCES: tuple[Source, ...] = (FULFILLED, ACKNOWLEDGED)
# Draws of a new code before giving up: a clash is a chance of 1 in 2**80 a draw.
CODE_DRAWS = 5


class NotFulfilled(Exception):
    """Only a fulfilled contract has a certificate of completion."""


@dataclass
class ObligationMet:
    code: str
    label: str
    contract: Contract
    certificates: list[Certificate] = field(default_factory=list)


def completion_code_issue(
    contract: Contract, *, actor: User | None = None, request: HttpRequest | None = None
) -> str:
    """The contract's completion code, given now if it has none yet (audited once).
    Safe when run twice or by two requests at once: one code. Raises NotFulfilled."""
    for _draw in range(CODE_DRAWS):
        try:
            with transaction.atomic():
                given = Contract.objects.filter(
                    pk=contract.pk, status=ContractStatus.FULFILLED, completion_code=""
                ).update(completion_code=new_code())
        except IntegrityError:
            continue  # another contract has that code: draw again
        code = Contract.objects.filter(pk=contract.pk, status=ContractStatus.FULFILLED).values_list(
            "completion_code", flat=True
        )
        found = code.first()
        if not found:
            raise NotFulfilled(contract.pk)
        contract.completion_code = found
        if given:
            audit_record(
                action=Action.UPDATE,
                actor=actor,
                target=contract,
                request=request,
                fields=["completion_code"],
                reason="certificate of completion",
            )
        return found
    raise IntegrityError(f"no free completion code after {CODE_DRAWS} draws")


def obligations_met(contract: Contract) -> list[ObligationMet]:
    """Each obligation of the CAI with the certificates that met it: from the last
    contract of the chain that covered it (a follow-up covers only those the first left
    unmet), dated within that contract's term and not after the day it was fulfilled."""
    last_day = contract.fulfilled_on
    found: dict[str, ObligationMet] = {}
    for held in reversed(contract_chain(contract)):
        start, end = held.entry_into_force, held.end_exclusive
        for code in covered_obligations(held.obligations):
            if code in found:
                continue
            found[code] = ObligationMet(code, str(Obligation(code).label), held)
            found[code].certificates = [
                certificate
                for certificate in held.certificates.all()
                if certificate.obligation == code
                and (start is None or certificate.issued_on >= start)
                and (end is None or certificate.issued_on < end)
                and (last_day is None or certificate.issued_on <= last_day)
            ]
    return [found[code] for code in Obligation.values if code in found]


def completion_context(contract: Contract) -> dict:
    """What the certificate states (in the active language)."""
    chain = contract_chain(contract)
    url = verification_url(contract.completion_code)
    return {
        "contract": contract,
        "first": chain[0] if len(chain) > 1 else None,
        "candidate": contract.candidate,
        "obligations": obligations_met(contract),
        "fulfilled": FULFILLED,
        "acknowledged": ACKNOWLEDGED,
        "code": code_display(contract.completion_code),
        "verification_url": url,
        "qr": qr_data_uri(url),
    }


def completion_pdf(contract: Contract) -> bytes:
    """The certificate of completion as a tagged PDF (PDF/UA) in the contract's language.
    The contract must be fulfilled and have its code (`completion_code_issue`)."""
    if contract.status != ContractStatus.FULFILLED or not contract.completion_code:
        raise NotFulfilled(contract.pk)
    with translation.override(contract.language):
        return render_pdf("contracts/pdf/completion.html", completion_context(contract))
