"""The life of a contract: its states and the only transitions allowed between them.

    draft ─sign─▶ in force ─review─▶ under review ─decide─▶ fulfilled
      │              │                            └───────▶ not fulfilled
      └─withdraw─────┴─withdraw─▶ withdrawn                     │
                                           superseded ◀─follow-up┘

Seed: the contract "is optional" (so it can be withdrawn), is "concluded for a maximum
term of 2 years", and "At the end of the CAI contract, the Integration Department will
verify whether the signatory has met the requirements"; "for reasons the Integration
Department considers legitimate ... they may conclude a new contract" (the follow-up,
which supersedes the contract not fulfilled).
"""

from accueil.contracts.models import ContractStatus as S

TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, S.IN_FORCE): "sign",
    (S.DRAFT, S.WITHDRAWN): "withdraw",
    (S.IN_FORCE, S.WITHDRAWN): "withdraw",
    (S.IN_FORCE, S.UNDER_REVIEW): "review",
    (S.UNDER_REVIEW, S.FULFILLED): "decide",
    (S.UNDER_REVIEW, S.NOT_FULFILLED): "decide",
    (S.NOT_FULFILLED, S.SUPERSEDED): "follow_up",
}


def allowed(from_status: str, to_status: str) -> bool:
    return (from_status, to_status) in TRANSITIONS


def next_statuses(from_status: str) -> list[str]:
    return [to for (source, to) in TRANSITIONS if source == from_status]
