"""Composing an email: each app writes the content of its emails (its own `emails.py`
and text templates `<app>/email/<kind>.txt`), and composes them here, in the
recipient's language. A template's first line is the subject, the rest the body;
`notifications/email/_footer.txt` is the common footer the templates include.
"""

from collections.abc import Iterable
from typing import Any

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

# An attachment: its file name, content and MIME type.
Attachment = tuple[str, bytes | str, str]


def compose(
    template: str,
    context: dict[str, Any],
    *,
    language: str,
    to: str,
    attachments: Iterable[Attachment] = (),
) -> EmailMessage:
    """The email of `template` rendered with `context` in `language`, to `to`."""
    with translation.override(language):
        text = render_to_string(template, context)
    subject, _blank, body = text.strip().partition("\n")
    message = EmailMessage(subject.strip(), body.strip() + "\n", to=[to])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message
