"""Reference numbers a person can quote (issue 11 point 16): a letter for what it
names ("R" a registration, "B" a booking) and 8 characters of Crockford's base 32,
which leaves out I, L, O and U, so that nothing is read two ways ("R-7K3M-9QXD").
Each is stored with its record, unique (the database enforces it); 32^8 codes make a
clash between two records a chance of about one in a trillion per pair."""

import re
import secrets
import uuid

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
# What people type for the letters left out: O is 0, I and L are 1.
READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
PATTERN = re.compile(rf"^([RB])([{ALPHABET}]{{{LENGTH}}})$")


def _format(prefix: str, code: str) -> str:
    return f"{prefix}-{code[:4]}-{code[4:]}"


def _code(number: int) -> str:
    return "".join(ALPHABET[(number >> (5 * i)) & 31] for i in range(LENGTH))


def new(prefix: str) -> str:
    return _format(prefix, _code(secrets.randbits(5 * LENGTH)))


def registration_reference() -> str:
    return new("R")


def booking_reference() -> str:
    return new("B")


def from_uuid(prefix: str, value: uuid.UUID) -> str:
    """The reference drawn from a random UUID (a registration's submission id), so that
    the page that confirms it can show it before knowing the record."""
    return _format(prefix, _code(value.int))


def normalise(text: str) -> str | None:
    """The reference typed (any case, spaces or dashes, O for 0…), as stored; None when
    it is not one."""
    compact = re.sub(r"[\s\-]", "", text).upper().translate(READ_AS)
    found = PATTERN.match(compact)
    return _format(found.group(1), found.group(2)) if found else None
