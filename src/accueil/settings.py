"""Accueil's settings: one file, every value from an environment variable.

Each variable is documented in the README and in `.env.example`. The defaults are
for a developer's machine (SQLite in ./data); production sets DATABASE_URL,
SECRET_KEY, ALLOWED_HOSTS and the email variables.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from typing import Literal

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "false")
DATA_DIR = Path(os.getenv("ACCUEIL_DATA_DIR", str(Path.cwd() / "data"))).resolve()

# Left empty outside development, Django refuses any use of the key (sessions, CSRF,
# signed links) and the WSGI app refuses to start, while commands that sign nothing
# (`accueil rules`, `accueil migrate`) still run.
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY and (DEBUG or os.getenv("PYTEST_VERSION")):
    SECRET_KEY = "insecure-development-key"  # noqa: S105 - development and tests only

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Staff's second factor (accounts/second_factor.py); before accounts, whose admin
    # module takes their devices off the admin site (secrets are not for browsing).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accueil.core",
    "accueil.accounts",
    "accueil.audit",
    "accueil.registration",
    "accueil.booking",
    "accueil.notifications",
    "accueil.contracts",
    "accueil.intake",
    "accueil.social",
    "accueil.training",
    "accueil.guide",
    "accueil.statistics",
    "accueil.privacy",
    "accueil.portal",
    "accueil.api",
    "accueil.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_q",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff: the second factor before any page, idle and absolute session lifetimes.
    "accueil.accounts.middleware.StaffSessionMiddleware",
    "accueil.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accueil.core.csp.ContentSecurityPolicyMiddleware",  # django-csp, no nonces
    "accueil.api.middleware.JsonErrorsMiddleware",
    # Counts limited submissions before the view's transaction (core/ratelimit.py).
    "accueil.core.ratelimit.RateLimitMiddleware",
    # Answers a locked-out sign-in (accounts/signin.py); last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "accueil.urls"
WSGI_APPLICATION = "accueil.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "accueil.core.context_processors.service",
            ],
        },
    },
]

# Forms render as GOV.UK's (accueil.core.govuk): {{ form }} and {{ form.x.as_field_group }}.
FORM_RENDERER = "accueil.core.govuk.GovukRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{DATA_DIR / 'accueil.sqlite3'}"),
        # Persistent connections: opening one per request costs more than the request.
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
# Uploads: form fields other than files are held in memory up to 2.5 MB; files above
# 2.5 MB go to a temporary file (this limits nothing). The provider's attendance grid
# posts two fields per participant and session (a long course: 40 people × 100
# sessions = 8,000), above Django's default of 1,000. Attendance files are limited to
# 5 MB by their page (training.views_attendance), which refuses a larger body before
# reading it; a contract's scan to 10 MB as it arrives (core.uploads.limit_uploads).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Stored scans carry personal data: readable by the service's user (and group) only.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request writes all or nothing: an error half-way leaves no half-written record.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo's web server and task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out account or address before any password
# is checked (accounts/signin.py), on our sign-in page and the admin site's alike.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Signs no one in: the administrators' permissions on the admin site, by role.
    "accueil.accounts.permissions.AdministratorPermissions",
]
# Failed password sign-ins allowed per account, and per client address, before a
# lock-out of SIGN_IN_LOCKOUT_MINUTES.
SIGN_IN_FAILURE_LIMIT = envint("SIGN_IN_FAILURE_LIMIT", "10")
SIGN_IN_LOCKOUT_MINUTES = envint("SIGN_IN_LOCKOUT_MINUTES", "15")
AXES_FAILURE_LIMIT = SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=SIGN_IN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
# A success does not wipe the failures: axes would wipe every failure from that
# address too, so anyone with an account (candidates have some) could sign in between
# guesses and never be locked. Failures expire with the cool-off instead.
AXES_RESET_ON_SUCCESS = False
AXES_USERNAME_CALLABLE = "accueil.accounts.signin.account_key"
AXES_CLIENT_IP_CALLABLE = "accueil.core.http.client_ip"
AXES_LOCKOUT_CALLABLE = "accueil.accounts.signin.locked_out"
# Neither successful sign-ins (the audit trail has them) nor request details are kept
# by axes; its logs would carry addresses, so only its errors are logged.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "password", "email", "ip_address", "code"]
LOGIN_URL = "accounts:login"
# Staff's second factor (TOTP, with single-use recovery codes): the issuer shown in
# authenticator apps; django-otp's own admin pages would show the secrets: hidden.
OTP_TOTP_ISSUER = "Accueil"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# A staff session ends after STAFF_IDLE_MINUTES without a request, and any session
# SESSION_ABSOLUTE_HOURS after its sign-in however busy (accounts/middleware.py).
STAFF_IDLE_MINUTES = envint("STAFF_IDLE_MINUTES", "30")
SESSION_ABSOLUTE_HOURS = envint("SESSION_ABSOLUTE_HOURS", "12")
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "core:index"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("de", "Deutsch")]
LANGUAGE_COOKIE_NAME = "accueil_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE: Literal["Lax"] = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["accueil.formats"]
TIME_ZONE = "Europe/Luxembourg"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Public files: readable by anyone (a proxy serving them), whatever uploads get.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}
MEDIA_ROOT = DATA_DIR / "media"
# `accueil backup DIR --prune` deletes that directory's archives older than this many
# days (docs/backup.md): a backup keeps erased people's data until it expires.
BACKUP_RETENTION_DAYS = envint("BACKUP_RETENTION_DAYS", "30")
WHITENOISE_USE_FINDERS = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))

# Security (issue 14, point 9; seed 000, "Forms / Online services": the data are
# protected). Production passes `accueil check --deploy` with no warning when it sets
# SECURE_COOKIES, SECURE_SSL_REDIRECT and SECURE_HSTS_SECONDS (tests/security/
# test_headers_deploy.py runs the check so). Off by default: the demo and the tests
# run over plain HTTP on 127.0.0.1.
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "false")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "false")
# Browsers remember for this many seconds to use HTTPS only (HSTS): start low (300),
# then a year (31536000) once HTTPS works everywhere. 0: no header.
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("SECURE_PROXY_SSL", "false"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The Content Security Policy (django-csp): scripts, styles, images, fonts and
# connections from this site only; no inline script or style anywhere (the
# "js-enabled" class is set by core/static/accueil/js-enabled.js); no plug-ins; no
# framing; forms post to this site only. Swagger UI (api/docs.py) runs under it as it is.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # QR codes of the verification pages are PNG data URIs (core/codes.py).
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

EMAIL_BACKEND = os.getenv(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = DATA_DIR / "emails"
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "Accueil <accueil@localhost>")

# A send that hangs fails after this many seconds (and is tried again later).
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "30")

# Background tasks (emails, reminders, documents): django-tasks' @task, queued in
# django-q2's database queue and run by `accueil qcluster` (notifications/queue.py).
TASKS = {
    "default": {
        "BACKEND": os.getenv("TASKS_BACKEND", "accueil.notifications.queue.QueueBackend"),
        "QUEUES": ["default"],
    }
}
# A failed task is tried again after 1, 2, 4 ... minutes, at most an hour apart,
# until the waits add up to TASKS_RETRY_FOR seconds (24 hours: 30 attempts).
TASKS_RETRY_FIRST_DELAY = envint("TASKS_RETRY_FIRST_DELAY", "60")
TASKS_RETRY_MAX_DELAY = envint("TASKS_RETRY_MAX_DELAY", "3600")
TASKS_RETRY_FOR = envint("TASKS_RETRY_FOR", str(24 * 3600))
Q_CLUSTER = {
    "name": "accueil",
    "orm": "default",  # the queue is a table of the database: queued with the data
    "workers": envint("TASKS_WORKERS", "2"),
    # Tasks taken ahead of the workers (their lease runs while they wait): one each.
    "queue_limit": envint("TASKS_WORKERS", "2"),
    # A worker takes a task for TASKS_LEASE seconds; if it dies, the task is taken
    # again when the lease runs out. A task is stopped after TASKS_TIMEOUT seconds,
    # much shorter, so that a task is not taken again while it runs (and if it were,
    # an email's locked record makes the second run find it sent).
    "retry": envint("TASKS_LEASE", "300"),
    "timeout": envint("TASKS_TIMEOUT", "120"),
    "max_attempts": 0,  # a dead worker's task is taken again, however many times
    "ack_failures": False,  # failures are retried by accueil.notifications.queue.run
    "save_limit": -1,  # no table of finished tasks: each email has its own record
    "poll": 0.5,
    "catch_up": False,
    "cache": "tasks",  # the cluster's own status, not the shared cache (no writes)
}

# The cache is shared by every web worker: a table in the database by default
# (created by `accueil createcachetable`). Rate limits are not in it: they count in
# their own table, outside the request's transaction (core/ratelimit.py).
CACHES = {
    "default": {
        "BACKEND": os.getenv("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": os.getenv("CACHE_LOCATION", "accueil_cache"),
    },
    # The task cluster's status, written twice a second: kept in its own process.
    "tasks": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# The retention policy's periods (privacy.retention.POLICY), in days, by kind:
# "emails=180,audit_addresses=90"; a kind not named keeps the policy's period.
RETENTION_DAYS = {
    kind.strip(): int(days)
    for kind, _eq, days in (item.partition("=") for item in envlist("RETENTION_DAYS", ""))
}
# Public form submissions per client address: "count/seconds"; "0" turns the limit off.
RATE_LIMIT_PUBLIC = os.getenv("RATE_LIMIT_PUBLIC", "20/600")
# Question pages that only keep an answer in the session (a registration or the guide
# takes 10 to 20 of them): generous, so that a family or an office sharing one
# address is not stopped halfway, yet bounded.
RATE_LIMIT_STEPS = os.getenv("RATE_LIMIT_STEPS", "300/600")
# Pages and documents asked for without signing in that cost more than a page: the
# guide's PDF, calendar files, the verification of a certificate (core/ratelimit.py).
RATE_LIMIT_COSTLY = os.getenv("RATE_LIMIT_COSTLY", "60/600")


# The addresses or networks (CIDR) of our own reverse proxies, comma-separated, e.g.
# "127.0.0.1" for nginx on the same machine. Only a request arriving from one of them
# has its X-Forwarded-For read (audit trail, rate limits, sign-in lock-outs); any other
# is known by its socket's address. Empty or "0": no proxy, X-Forwarded-For is ignored.
def trusted_proxies(value: str) -> list[str]:
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    if entries == ["0"]:
        return []
    for entry in entries:
        if entry.isdigit():
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES={value!r}: it now lists the proxies' addresses or "
                "networks (e.g. 127.0.0.1 for nginx on this machine), not their number."
            )
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network"
            ) from None
    return entries


TRUSTED_PROXIES = trusted_proxies(os.getenv("TRUSTED_PROXIES", ""))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redact_tokens": {"()": "accueil.core.log_filters.RedactTokens"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_tokens"],
        }
    },
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    # Request logs would carry URLs and addresses; Accueil keeps personal data out of
    # logs, so only server errors are logged, without request details.
    "loggers": {
        "django.server": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # The task queue: failures, retries and restarted workers, not every task.
        "django-q": {"level": "WARNING"},
        "axes": {"level": "ERROR"},
    },
}

SERVICE_NAME = _("Accueil")
