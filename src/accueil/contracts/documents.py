"""The contract as a PDF (WeasyPrint), in the contract's language.

Its text follows the seed: the parties, the purpose ("to foster integration and
involvement of foreigners in the social, economic and political life of Luxembourg"),
the term (at most 2 years), what the State offers (language training at a reduced
rate, a free citizenship course of at least 6 hours, a free orientation day) and what
the signatory commits to (take part within the term, support themselves according to
their skills and capabilities, take part in societal life), and the end of the term.
"""

from django.utils import translation

from accueil.contracts.models import Contract, Obligation
from accueil.contracts.selectors import covered_obligations
from accueil.core.pdf import render_pdf
from accueil.rules import parameter


def contract_context(contract: Contract) -> dict:
    """A follow-up contract (seed: "a new contract, which will only apply to those
    obligations that were not fulfilled within the scope of the first contract") says
    which contract it follows up and lists only the obligations it covers."""
    on = contract.entry_into_force or contract.created_at.date()
    covers = covered_obligations(contract.obligations)
    language: dict = next(
        (
            item
            for item in contract.obligations.get("obligations") or []
            if item.get("code") == Obligation.LANGUAGE_TRAINING
        ),
        {},
    )
    labels = dict(Obligation.choices)
    return {
        "contract": contract,
        "candidate": contract.candidate,
        "min_hours": parameter("cai.citizenship_min_hours", on),
        "term_years": parameter("cai.term_years", on),
        "target_level": parameter("cai.language_target_level", on),
        "literacy": language.get("literacy_classes_recommended", False),
        "covers": covers,
        "covered_labels": [str(labels[code]) for code in covers],
        "follows": contract.follows,
    }


def contract_pdf(contract: Contract) -> bytes:
    with translation.override(contract.language):
        return render_pdf("contracts/pdf/contract.html", contract_context(contract))
