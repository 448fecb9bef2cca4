"""Each role's home page."""

from django.urls import reverse


def test_the_home_page_needs_signing_in(client, db):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_candidate_with_a_contract_in_force_sees_it_not_the_eligibility_check(
    client, candidate_user
):
    client.force_login(candidate_user)
    page = client.get(reverse("portal:home")).content.decode()
    assert candidate_user.candidate.contracts.get().number in page
    assert "Could you sign a contract?" not in page
