"""The client's address, read through our own proxies only."""

from accueil.core.http import client_ip


def test_the_forwarded_address_is_trusted_only_behind_a_configured_proxy(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.1")
    settings.TRUSTED_PROXIES = []
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]  # two proxies of ours, one after the other
    assert client_ip(request) == "203.0.113.5"
