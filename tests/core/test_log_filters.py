"""Private links never reach the logs."""

import io
import logging

from django.test import Client

from accueil.core.log_filters import RedactTokens, redact

TOKEN = "ImYzMGIzYTk5LTVlYTAtNGZlNS1hMDViLWJjYmRkYjM4YzllMSI:1xYJEj:ms2kKeggbohA7anhzLqkDLA0"


def test_it_redacts_a_token_in_a_logged_path():
    assert redact(f"Not Found: /my-booking/{TOKEN}/") == "Not Found: /my-booking/[redacted]/"


def test_it_keeps_short_paths_readable():
    assert redact("Not Found: /guide/questions/purpose/") == "Not Found: /guide/questions/purpose/"


def test_the_filter_rewrites_the_record_with_its_arguments():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/x/{TOKEN}/",), None
    )
    assert RedactTokens().filter(record) is True
    assert record.getMessage() == "Not Found: /x/[redacted]/"


def test_a_request_for_an_expired_private_link_logs_no_token(db):
    [console] = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler)
        and any(isinstance(f, RedactTokens) for f in h.filters)
    ]
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        Client().get(f"/guide/saved/{TOKEN}/")
    finally:
        console.setStream(previous)
    assert "Not Found: /guide/saved/[redacted]/" in stream.getvalue()
    assert TOKEN not in stream.getvalue()
