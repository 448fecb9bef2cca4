"""Small request helpers shared by the views."""

from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, even when empty (an empty form must show its errors);
    None for a GET, so the form is shown unbound."""
    return request.POST if request.method == "POST" else None


def posted_files(request: HttpRequest) -> MultiValueDict | None:
    """The uploaded files of a submitted form; None for a GET."""
    return request.FILES if request.method == "POST" else None
