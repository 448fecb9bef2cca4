"""The officers' early-warning page in English, French and German: the signals grouped
by kind with a link to the person's record, "Mark as handled" (POST), the filter that
shows handled ones too, the home page's link, and who may see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.training.models import HandledWarning, WarningKind
from accueil.training.warnings import warning_mark_handled
from tests.training.warnings_helpers import attend, enrolled, signed, voucher

pytestmark = pytest.mark.django_db

URL = reverse("training:warnings")
TEXTS = {
    "en": (
        "Early warnings",
        "Absences in a row",
        "Mark as handled",
        "Show the handled signals too",
    ),
    "fr": (
        "Alertes",
        "Absences consécutives",
        "Indiquer comme traitée",
        "Afficher aussi les alertes traitées",
    ),
    "de": (
        "Frühwarnungen",
        "Aufeinanderfolgende Fehlzeiten",
        "Als bearbeitet markieren",
        "Auch bearbeitete Warnungen anzeigen",
    ),
}


def three_signals():
    rows = attend(enrolled(), "absent", "absent")
    return rows[1], voucher(10), signed(60)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_officer_sees_each_signal_with_a_link_to_the_record(client, officer, lang):
    absence, made, contract = three_signals()
    client.force_login(officer)
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    html = response.content.decode()
    for text in TEXTS[lang]:
        assert text in html
    for person in (absence.enrolment.candidate, made.candidate, contract.candidate):
        assert reverse("portal:candidate_detail", args=[person.pk]) in html
    assert made.code_display in html and contract.number in html
    assert 'class="accueil-table-scroll"' in html


def test_marking_handled_removes_it_and_the_filter_shows_it(client, officer):
    absence, _, _ = three_signals()
    client.force_login(officer)
    response = client.post(
        reverse("training:warning_handle"),
        {"kind": WarningKind.ABSENCES, "key": str(absence.pk)},
    )
    assert response.status_code == 302 and response["Location"] == URL
    mark = HandledWarning.objects.get()
    assert mark.handled_by == officer and mark.key == str(absence.pk)
    html = client.get(URL).content.decode()
    assert "No open signal of this kind." in html
    html = client.get(URL + "?handled=1").content.decode()
    assert "Handled" in html and officer.get_full_name() in html


def test_an_unknown_signal_is_404(client, officer):
    client.force_login(officer)
    for data in ({"kind": "absences", "key": "999999"}, {"kind": "x", "key": "1"}, {}):
        assert client.post(reverse("training:warning_handle"), data).status_code == 404
    assert not HandledWarning.objects.exists()


def test_the_home_page_links_to_the_list(client, officer):
    client.force_login(officer)
    assert URL in client.get(reverse("portal:home")).content.decode()


@pytest.mark.parametrize(
    "role", [Role.DPO, Role.ADMIN, Role.PROVIDER, Role.SOCIAL_WORKER, Role.CANDIDATE]
)
def test_only_officers_may_see_or_handle(client, all_roles, role):
    absence, _, _ = three_signals()
    client.force_login(all_roles[role])
    assert client.get(URL).status_code == 403
    data = {"kind": WarningKind.ABSENCES, "key": str(absence.pk)}
    assert client.post(reverse("training:warning_handle"), data).status_code == 403
    assert not HandledWarning.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


def test_the_page_takes_as_many_queries_for_one_person_as_for_six(client, officer, officer_mark):
    client.force_login(officer)
    counts = []
    for n in (1, 5):
        for _ in range(n):
            absence, made, contract = three_signals()
        officer_mark(absence, made, contract)
        client.get(URL)  # the session and the user are read once per request
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL + "?handled=1").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.fixture
def officer_mark(officer):
    def mark(absence, made, contract):
        for kind, key in (
            (WarningKind.ABSENCES, str(absence.pk)),
            (WarningKind.VOUCHER_EXPIRING, str(made.pk)),
            (WarningKind.NOTHING_BOOKED, contract.number),
        ):
            warning_mark_handled(kind=kind, key=key, actor=officer)

    return mark
