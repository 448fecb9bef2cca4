"""The officers' filters over the candidate list (candidates, their bookings and their
contracts) (all optional, all in the query string:
nothing personal but a name or number someone typed, which is not logged)."""

from datetime import timedelta
from typing import TYPE_CHECKING, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accueil.booking.models import InformationSession
from accueil.contracts.models import ContractStatus
from accueil.core import clock
from accueil.core.govuk import GovukForm
from accueil.portal.selectors import CandidateFilters

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_ID = 2**63 - 1  # the largest primary key the database stores
ENDING_WITHIN = [
    ("", _("Any time")),
    ("30", _("Within 30 days")),
    ("60", _("Within 60 days")),
    ("90", _("Within 90 days")),
]


def session_choices() -> list[tuple[str, "StrOrPromise"]]:
    today = clock.today()
    recent = InformationSession.objects.filter(
        starts_at__date__gte=today - timedelta(days=60),
        starts_at__date__lte=today + timedelta(days=120),
    ).order_by("starts_at")
    rows = [
        (str(s.pk), f"{timezone.localtime(s.starts_at):%d/%m/%Y %H:%M} – {s.place_name}")
        for s in recent
    ]
    return [("", _("Any session")), *rows]


class CandidateFilterForm(GovukForm):
    q = forms.CharField(
        label=_("Start of the name, national identification number or contract number"),
        required=False,
        max_length=100,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            ("registered", _("Registered, no contract yet")),
            *ContractStatus.choices,
        ],
    )
    # Any session id is accepted (an old session too); the menu offers recent ones.
    # Up to the largest key the database stores: a longer number is refused here
    # rather than overflowing the query (OverflowError on SQLite, DataError on PostgreSQL).
    session = forms.IntegerField(
        label=_("Information session"),
        required=False,
        min_value=1,
        max_value=MAX_ID,
        widget=forms.Select,  # of session_choices
        error_messages={
            "invalid": _("Select an information session from the list"),
            "min_value": _("Select an information session from the list"),
            "max_value": _("Select an information session from the list"),
        },
    )
    ending = forms.TypedChoiceField(
        label=_("Contract term ends"),
        required=False,
        choices=ENDING_WITHIN,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.session_choices = session_choices()
        cast(forms.Select, self.fields["session"].widget).choices = self.session_choices

    def filters(self) -> CandidateFilters:
        data = self.cleaned_data
        ends = clock.today() + timedelta(days=data["ending"]) if data["ending"] else None
        return CandidateFilters(
            q=data["q"], status=data["status"], session=data["session"], ends_before=ends
        )


class CandidateFindForm(GovukForm):
    """Finding a candidate: the start of a name, an identification number, a contract
    number, an email address or a telephone number (a longer text is cut, not refused)."""

    q = forms.CharField(
        label=_(
            "Search by name, national identification number, contract number, email address "
            "or telephone number"
        ),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )

    def query(self) -> str:
        return self.cleaned_data["q"][:100] if self.is_valid() else ""
