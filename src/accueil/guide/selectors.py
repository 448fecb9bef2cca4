"""The guide's reads that other apps call: a signed-in candidate's residence dates
(renewal of the permit, decisions due), which the integration path and its calendar
feed show beside the CAI steps (contracts.selectors, contracts.calendar). They are
computed in dates.py, the guide's own module, and reach other apps only through here."""

from accueil.guide.dates import DatedItem, candidate_dates

__all__ = ["DatedItem", "candidate_dates"]
