"""The statistics pages and exports: who may see them, the period and its errors, the
CSV (full and anonymised), the audit trail, the three languages."""

import pytest
from django.urls import reverse

from accueil.audit.models import Action, AuditEvent
from tests.statistics.conftest import QUERY

PAGES = ["contracts-signed", "fulfilment", "time-to-signature", "seats", "emails-not-delivered"]
TABLES = [
    "signed-per-month",
    "signed-by-nationality",
    "signed-by-language",
    "fulfilment",
    "time-to-signature",
    "seats",
    "emails-not-delivered",
]


def url(name, *args, query=QUERY):
    return reverse(f"statistics:{name}", args=args) + (f"?{query}" if query else "")


@pytest.mark.parametrize("page", PAGES)
def test_officers_and_administrators_see_each_page(
    client, officer, administrator, known_data, page
):
    for user in (officer, administrator):
        client.force_login(user)
        response = client.get(url("page", page))
        assert response.status_code == 200
        body = response.content.decode()
        assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in body
        assert "<title id=" in body and "<desc id=" in body
        assert 'class="govuk-table"' in body
        assert "<script" not in body.split("<main")[1].split("</main>")[0]


def test_other_roles_get_403(client, dpo, provider, social_worker, candidate_user):
    for user in (dpo, provider, social_worker, candidate_user):
        client.force_login(user)
        assert client.get(url("index")).status_code == 403
        assert client.get(url("page", "seats")).status_code == 403
        assert client.get(url("export_anonymised", "seats")).status_code == 403
        assert client.get(url("export_full", "seats")).status_code == 403


def test_someone_signed_out_is_sent_to_sign_in(client, db):
    response = client.get(url("page", "seats"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_the_full_export_is_the_officers_alone(client, administrator, known_data):
    client.force_login(administrator)
    assert client.get(url("export_full", "seats")).status_code == 403
    assert client.get(url("export_anonymised", "seats")).status_code == 200
    assert (
        "signed-per-month.csv" not in client.get(url("page", "contracts-signed")).content.decode()
    )


def test_the_officer_home_and_the_admin_home_link_to_the_statistics(client, officer, administrator):
    for user in (officer, administrator):
        client.force_login(user)
        assert reverse("statistics:index") in client.get(reverse("portal:home")).content.decode()


def test_the_period_defaults_to_the_last_12_months(client, officer, time_machine):
    time_machine.move_to("2026-05-20 10:00 +02:00")
    client.force_login(officer)
    response = client.get(url("page", "contracts-signed", query=""))
    assert response.status_code == 200
    table = response.context["tables"][0]["table"]
    assert table.rows[0].csv_label == "2025-06" and table.rows[-1].csv_label == "2026-05"
    assert len(table.rows) == 12


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            "start_month=1&start_year=9999&end_month=3&end_year=2025",
            "start",
            "between 1900 and 2199",
        ),
        ("start_month=5&start_year=2025&end_month=3&end_year=2025", "end", "same as or after"),
        ("start_month=13&start_year=2025&end_month=3&end_year=2026", "start", "real month"),
        ("start_month=1&start_year=&end_month=3&end_year=2025", "start", "a month and a year"),
        ("start_month=1&start_year=2000&end_month=3&end_year=2025", "end", "10 years or shorter"),
        ("start_month=x\n&start_year=20\x0025&end_month=3&end_year=2025", "start", "real month"),
        ("start_month=1&start_year=2025", "end", "Enter the month and the year"),
    ],
)
def test_a_wrong_period_is_an_error_by_its_field(client, officer, query, field, message):
    client.force_login(officer)
    for response in (
        client.get(url("page", "contracts-signed", query=query)),
        client.get(url("index", query=query)),
        client.get(url("export_full", "seats", query=query)),
    ):
        assert response.status_code == 400
        form = response.context["form"]
        assert message in " ".join(form.errors[field])
        body = response.content.decode()
        assert "govuk-error-summary" in body
        assert f'href="#id_{field}"' in body
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_what_was_typed_is_kept(client, officer):
    client.force_login(officer)
    query = "start_month=5&start_year=2025&end_month=3&end_year=2025"
    body = client.get(url("page", "fulfilment", query=query)).content.decode()
    assert 'name="start_year" type="text" inputmode="numeric" value="2025"' in body
    assert 'name="start_month" type="text" inputmode="numeric" value="5"' in body


@pytest.mark.parametrize("table", TABLES)
def test_each_table_exports_full_and_anonymised(client, officer, known_data, table):
    client.force_login(officer)
    for name, suffix in (("export_full", ""), ("export_anonymised", "-anonymised")):
        response = client.get(url(name, table))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == (
            f'attachment; filename="{table}-2025-01-2025-03{suffix}.csv"'
        )
        assert response.content.startswith("\ufeff".encode())


def csv_lines(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return [line.split(",") if "," in line else line.split(";") for line in text.splitlines()]


def test_csv_content_in_english(client, officer, known_data):
    client.force_login(officer)
    lines = csv_lines(client.get(url("export_full", "signed-per-month")))
    assert lines == [
        ["Month", "Contracts signed"],
        ["2025-01", "3"],
        ["2025-02", "0"],
        ["2025-03", "2"],
        ["Total", "5"],
    ]
    anonymised = csv_lines(client.get(url("export_anonymised", "signed-per-month")))
    # 3, 0 and 2 are under 5; together they count 5: the total stays.
    assert anonymised[1:] == [
        ["2025-01", "<5"],
        ["2025-02", "<5"],
        ["2025-03", "<5"],
        ["Total", "5"],
    ]


def test_csv_in_french_uses_semicolons_and_decimal_commas(client, officer, known_data):
    client.force_login(officer)
    client.cookies["accueil_language"] = "fr"
    text = client.get(url("export_full", "fulfilment")).content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == (
        "Mois de l’examen;Contrats examinés;Honoré;Non honoré;En attente d’une décision;"
        "Taux de contrats honorés (%)"
    )
    assert lines[1] == "2025-01;5;2;2;1;50,0"
    assert lines[-1] == "Total;6;3;2;1;60,0"
    anonymised = client.get(url("export_anonymised", "fulfilment")).content.decode("utf-8-sig")
    # January's 5 reviewed is hidden too ("x"): the total 6 minus 5 would tell that
    # February and March together count 1.
    assert anonymised.splitlines()[1] == "2025-01;x;<5;<5;<5;x"
    assert anonymised.splitlines()[-1] == "Total;6;<5;<5;<5;x"


def test_csv_in_german_names_countries_in_german(client, officer, known_data):
    client.force_login(officer)
    client.cookies["accueil_language"] = "de"
    text = client.get(url("export_full", "signed-by-nationality")).content.decode("utf-8-sig")
    assert text.splitlines() == [
        "Staatsangehörigkeit;Unterzeichnete Verträge",
        "Ägypten;1",
        "Österreich;1",
        "Portugal;2",
        "Nicht angegeben;1",
        "Gesamt;5",
    ]


def test_the_full_export_is_audited_the_anonymised_not(client, officer, known_data):
    client.force_login(officer)
    client.get(url("page", "seats"))
    client.get(url("export_anonymised", "seats"))
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()
    client.get(url("export_full", "seats"))
    event = AuditEvent.objects.get(action=Action.EXPORT)
    assert event.actor == officer
    assert event.reason == "statistics csv seats, 2025-01 to 2025-03"


@pytest.mark.parametrize(
    ("lang", "title", "number"),
    [
        ("en", "Seats offered and filled per course type", "13.3%"),
        ("fr", "Places offertes et occupées par type de cours", "13,3\u00a0%"),
        ("de", "Angebotene und belegte Plätze nach Kursart", "13,3\u00a0%"),
    ],
)
def test_pages_in_three_languages_with_their_numbers(
    client, officer, known_data, lang, title, number
):
    client.force_login(officer)
    client.cookies["accueil_language"] = lang
    body = client.get(url("page", "seats")).content.decode()
    assert title in body
    assert f">{number}</td>" in body


def test_an_unknown_page_or_table_is_404(client, officer):
    client.force_login(officer)
    assert client.get(url("page", "nothing")).status_code == 404
    assert client.get(url("export_full", "nothing")).status_code == 404
