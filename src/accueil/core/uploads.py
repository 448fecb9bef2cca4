"""Uploaded files: their size limited as they arrive, their type known by their first
bytes (issue 14, point 10; seed 000, "Forms / Online services": the documents people
give are kept safe).

`FILE_UPLOAD_MAX_MEMORY_SIZE` only decides where Django keeps a file while it arrives
(memory or a temporary file); it limits nothing. `@limit_uploads(max_bytes)` does:

- a body longer than twice the limit is refused before a byte of it is read (HTTP 413,
  a page in the reader's language): what was typed cannot be kept, but nothing is read;
- below that, `SizeLimitedUploadHandler`, first of the request's upload handlers, counts
  each file's bytes as they come and skips the file at the limit: the bytes after it
  are read and dropped, never written (Django closes and deletes the temporary file),
  the other fields of the form are kept, and the view says so next to the field
  (`too_large(request)`).

The handler must be in place before anything reads the body, and Django's CSRF
middleware reads it: the decorator marks the view exempt from the middleware and checks
the CSRF token itself, after installing the handler (Django's documented way).
"""

from collections.abc import Callable
from functools import wraps

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

# A file's type, from its first bytes: what a scanner or a phone produces. The name and
# extension the client gives are never used.
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
HEAD_BYTES = 8


def detected_type(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) of a PDF, JPEG or PNG file's first bytes, else None."""
    for signature, content_type, extension in SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    return None


class SizeLimitedUploadHandler(FileUploadHandler):
    """Skips any file of the request longer than `max_bytes`, at the limit."""

    def __init__(self, request: HttpRequest, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0
        self.skipped: set[str] = set()

    def new_file(self, field_name, *args, **kwargs) -> None:
        super().new_file(field_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.skipped.add(self.field_name)
            raise SkipFile  # the handlers after this one never see this chunk
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler keeps the file


def too_large(request: HttpRequest) -> set[str]:
    """The names of the file fields skipped for their size in this request."""
    handler = getattr(request, "upload_limit", None)
    return handler.skipped if handler is not None else set()


def body_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def refused(request: HttpRequest, max_bytes: int) -> HttpResponse:
    megabytes = max(1, max_bytes // (1024 * 1024))
    return render(request, "core/too_large.html", {"megabytes": megabytes}, status=413)


def limit_uploads(max_bytes: int) -> Callable:
    """Put innermost, under the view's method and role checks (so that no body is parsed
    for a visitor refused anyway): those decorators copy its CSRF exemption outwards."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        protected = csrf_protect(view)

        @wraps(view)
        def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                if body_length(request) > 2 * max_bytes:
                    return refused(request, max_bytes)
                handler = SizeLimitedUploadHandler(request, max_bytes)
                request.upload_handlers.insert(0, handler)
                request.upload_limit = handler  # type: ignore[attr-defined]
            return protected(request, *args, **kwargs)

        return csrf_exempt(limited)

    return decorate
