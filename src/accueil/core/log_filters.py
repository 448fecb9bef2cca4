"""Keep private links out of the logs.

Django logs a 4xx or 5xx response with its path ("Not Found: /guide/saved/<token>/"),
and a private link's token is as good as a password to the page it opens. Every
record that reaches a handler passes through `RedactTokens`, which replaces each
long path segment (a token, a signed value, an identifier) with "[redacted]".
"""

import logging
import re

# A path segment of 20 or more URL-safe characters: tokens, signatures, UUIDs.
LONG_SEGMENT = re.compile(r"/[A-Za-z0-9_\-:.=%]{20,}")


def redact(text: str) -> str:
    return LONG_SEGMENT.sub("/[redacted]", text)


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
