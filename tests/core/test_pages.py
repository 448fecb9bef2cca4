"""The public pages, the layout and the language switch."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "heading", "privacy"),
    [
        ("en", "Welcome and Integration Contract (CAI)", "Privacy notice"),
        ("fr", "Contrat d’accueil et d’intégration (CAI)", "Avis de confidentialité"),
        ("de", "Aufnahme- und Integrationsvertrag (CAI)", "Datenschutzhinweis"),
    ],
)
def test_the_start_page_speaks_the_chosen_language(client, lang, heading, privacy):
    client.cookies["accueil_language"] = lang
    page = client.get("/").content.decode()
    assert f'<html lang="{lang}"' in page
    assert heading in page
    assert privacy in page


def test_the_layout_has_a_skip_link_a_language_switch_and_footer_links(client):
    page = client.get("/").content.decode()
    assert 'href="#main-content"' in page and 'id="main-content"' in page
    assert 'hreflang="fr"' in page and 'hreflang="de"' in page
    assert reverse("core:privacy") in page and reverse("core:accessibility") in page
    assert "crown" not in page.lower()


def test_switching_language_is_remembered_and_returns_to_the_page(client):
    response = client.get("/language/de/?next=/privacy/")
    assert response.status_code == 302
    assert response["Location"] == "/privacy/"
    assert response.cookies["accueil_language"].value == "de"
    assert "Datenschutzhinweis" in client.get("/privacy/").content.decode()


def test_the_language_switch_does_not_redirect_to_another_site(client):
    response = client.get("/language/fr/?next=https://evil.example/")
    assert response["Location"] == "/"


def test_an_unknown_language_changes_nothing(client):
    response = client.get("/language/xx/?next=/")
    assert "accueil_language" not in response.cookies


def test_a_signed_in_persons_choice_is_saved_on_their_account(client, officer):
    client.force_login(officer)
    client.get("/language/de/?next=/")
    officer.refresh_from_db()
    assert officer.language == "de"


def test_the_privacy_notice_names_purpose_retention_recipients_rights_and_the_cnpd(client):
    page = client.get(reverse("core:privacy")).content.decode()
    for words in (
        "Why we use your data",
        "How long we keep it",
        "Who receives it",
        "Your rights",
        "Commission nationale pour la protection des données",
        "15, boulevard du Jazz",
        "L-4370 Belvaux",
        "2016/679",
    ):
        assert words in page


def test_the_accessibility_statement_is_published(client):
    page = client.get(reverse("core:accessibility")).content.decode()
    assert "Accessibility statement" in page
    assert "keyboard" in page


def test_the_parameters_page_lists_the_laws_numbers_with_their_dates(client):
    page = client.get(reverse("core:parameters")).content.decode()
    assert "cai.minimum_age" in page
    assert "cai.citizenship_min_hours" in page
    assert "16 December 2008" in page


def test_the_parameters_page_names_the_official_text_of_each_wage_amount(client):
    page = client.get(reverse("core:parameters")).content.decode()
    assert "Official text of the value" in page
    assert 'lang="fr">Échelle mobile des salaires, indice 968,04\xa0; IGSS' in page
    assert "modifié par la loi du 20 décembre 2024 (+2,6\xa0%)" in page


def test_an_unknown_page_is_a_translated_404(client, settings):
    settings.DEBUG = False
    client.cookies["accueil_language"] = "fr"
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_languages_are_named_in_themselves_whatever_the_page_language(client):
    client.cookies["accueil_language"] = "fr"
    page = client.get("/").content.decode()
    assert ">English<" in page and ">Deutsch<" in page and ">Français<" in page
    assert ">Anglais<" not in page


@pytest.mark.parametrize(
    ("lang", "written"),
    [("en", "16 December 2008"), ("fr", "16 décembre 2008"), ("de", "16. Dezember 2008")],
)
def test_dates_are_written_the_way_each_language_writes_them(client, lang, written):
    client.cookies["accueil_language"] = lang
    assert written in client.get(reverse("core:parameters")).content.decode()


@pytest.mark.parametrize(
    "language,words",
    [
        ("en", ["partially compliant", "Non-accessible content", "Ombudsman", "EN 301 549"]),
        ("fr", ["partiellement conforme", "Contenus non accessibles", "Médiateur", "EN 301 549"]),
        ("de", ["teilweise", "Nicht barrierefreie Inhalte", "Ombudsman", "EN 301 549"]),
    ],
)
def test_the_accessibility_statement_says_the_status_the_problems_and_how_to_complain(
    client, language, words
):
    """Issue 11, point 13: the Luxembourg model statement's parts, in each language."""
    client.cookies["accueil_language"] = language
    page = client.get(reverse("core:accessibility")).content.decode()
    for word in words:
        assert word in page, word
    assert "screen reader, before it is released" not in page
