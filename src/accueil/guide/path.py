"""The guide's dates that belong on a candidate's integration path.

From a result, the residence permit's expiry (when the guide computed its renewal
date) and each application in progress (when it computed a decision's due date,
with the day the file was complete). Adding them to the path records them as the
candidate would on "My residence dates", so the path, the calendar feed and the
reminder emails show them.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PathDates:
    permit_expiry: date | None
    procedures: tuple[tuple[str, date], ...]  # (kind of application, file complete on)

    def __bool__(self) -> bool:
        return self.permit_expiry is not None or bool(self.procedures)


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def path_dates(answers: Mapping, result) -> PathDates:
    """What of `result` (the rules' GuideResult for `answers`) can go on the path."""
    codes = {getattr(day, "code", "") for day in result.dates}
    expiry = _day(answers.get("permit_expiry")) if "renewal_request" in codes else None
    complete = _day(answers.get("application_date"))
    kinds = dict.fromkeys(
        kind
        for day in result.dates
        if getattr(day, "code", "") == "decision_due"
        and (kind := getattr(day, "application_kind", ""))
    )
    procedures = tuple((kind, complete) for kind in kinds) if complete else ()
    return PathDates(expiry, procedures)
