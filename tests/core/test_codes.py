"""core.codes: the verification codes shared by the training certificates and the
contract's certificate of completion."""

from django.urls import reverse

from accueil.core import codes
from accueil.training import certificates


def test_training_uses_the_shared_codes():
    assert certificates.new_code is codes.new_code
    assert certificates.normalise_code is codes.normalise_code
    assert certificates.verification_url is codes.verification_url
    assert certificates.qr_data_uri is codes.qr_data_uri


def test_a_code_is_printed_in_groups_of_four_and_read_back_as_typed():
    code = codes.new_code()
    printed = codes.code_display(code)
    assert len(printed) == 19 and printed.count("-") == 3
    assert codes.normalise_code(printed.lower()) == code
    assert codes.normalise_code(printed.replace("-", " ")) == code


def test_the_verification_url_is_the_public_page(settings):
    settings.SITE_URL = "https://accueil.example.lu/"
    url = codes.verification_url("7KQ2M9XD4T1B8RWE")
    assert url == "https://accueil.example.lu" + reverse(
        "verify:certificate", args=["7KQ2M9XD4T1B8RWE"]
    )
    assert codes.qr_data_uri(url).startswith("data:image/png;base64,")
