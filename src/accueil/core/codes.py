"""Verification codes of the certificates Accueil prints (training certificates of
attendance, the contract's certificate of completion), their public verification
address and its QR code.

A code is 16 characters of Crockford's base 32: digits and capitals without I, L, O, U,
so a code read aloud or typed from paper is not mistaken; 80 random bits (secrets), so
codes cannot be guessed. It is printed in groups of four (XXXX-XXXX-XXXX-XXXX) and read
back however it is typed (`normalise_code`).
"""

import re
import secrets

import segno
from django.conf import settings
from django.urls import reverse

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16
CODE_PATTERN = re.compile(rf"^[{ALPHABET}]{{{CODE_LENGTH}}}$")
# What a reader may confuse when typing: O for 0, I and L for 1.
TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """The code as stored, from what someone typed (any case, with or without the dashes
    and spaces, O for 0, I or L for 1); None if it cannot be a code."""
    cleaned = re.sub(r"[\s\-]", "", text or "").upper().translate(TYPOS)
    return cleaned if CODE_PATTERN.match(cleaned) else None


def code_display(code: str) -> str:
    """The code in groups of four, as printed and typed: XXXX-XXXX-XXXX-XXXX."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def verification_url(code: str) -> str:
    """The public page that checks a code (training.verify_urls, mounted at /verify/)."""
    return settings.SITE_URL.rstrip("/") + reverse("verify:certificate", args=[code])


def qr_data_uri(url: str) -> str:
    """The QR code of `url` as a PNG data URI (segno writes the PNG itself)."""
    png = segno.make(url, error="m", micro=False).png_data_uri(scale=5, border=4)
    return str(png)
