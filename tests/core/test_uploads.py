"""core.uploads: a file's size limited as it arrives, its type from its first bytes
(issue 14, point 10)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import JsonResponse
from django.test import RequestFactory

from accueil.core.uploads import detected_type, limit_uploads, too_large

LIMIT = 1000


class Recorder(FileUploadHandler):
    """Stands for the handlers after the limit (Django's memory or temporary file)."""

    def __init__(self, request):
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


@limit_uploads(LIMIT)
def upload_view(request):
    recorder = Recorder(request)
    request.upload_handlers.insert(1, recorder)  # just after the limit
    return JsonResponse(
        {
            "files": sorted(request.FILES),
            "fields": request.POST.get("note", ""),
            "too_large": sorted(too_large(request)),
            "recorded": recorder.received,
        }
    )


def post(size: int, **extra):
    upload = SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * (size - 5))
    request = RequestFactory().post("/", {"scan": upload, "note": "kept"}, **extra)
    request._dont_enforce_csrf_checks = True
    return request


@pytest.mark.django_db
def test_a_file_over_the_limit_is_skipped_before_the_next_handler_gets_it_all():
    answer = json.loads(upload_view(post(LIMIT + 500)).content)
    assert answer["files"] == [] and answer["too_large"] == ["scan"]
    assert answer["fields"] == "kept"  # the form's other fields are kept
    assert answer["recorded"] <= LIMIT


@pytest.mark.django_db
def test_a_file_at_the_limit_goes_through():
    answer = json.loads(upload_view(post(LIMIT)).content)
    assert answer == {"files": ["scan"], "fields": "kept", "too_large": [], "recorded": LIMIT}


@pytest.mark.django_db
def test_a_body_over_twice_the_limit_is_refused_unread():
    request = post(10, CONTENT_LENGTH=str(2 * LIMIT + 1))
    request.user = None
    response = upload_view(request)
    assert response.status_code == 413
    assert not hasattr(request, "_files")  # the body was never parsed


def test_the_views_csrf_check_comes_after_the_limit():
    assert upload_view.csrf_exempt is True  # the middleware leaves it to the view


@pytest.mark.parametrize(
    ("head", "found"),
    [
        (b"%PDF-1.7", ("application/pdf", ".pdf")),
        (b"\xff\xd8\xff\xe0\x00\x10JF", ("image/jpeg", ".jpg")),
        (b"\x89PNG\r\n\x1a\n", ("image/png", ".png")),
        (b"<html><s", None),
        (b"GIF89a..", None),
        (b"", None),
    ],
)
def test_the_type_comes_from_the_first_bytes(head, found):
    assert detected_type(head) == found
