"""Every URL of the site, as every role (issue 14, point 8: "a test visits every URL of
the site and of the API as every role ... with objects each must not see, and asserts
who gets the page and who gets 403 or 404"; least privilege, seed 000 "Forms / Online
services": the data is processed only by those whose work needs it).

Every URL pattern (`get_resolver()`, walked down through every include: the site's apps,
the admin site's and the django-ninja API's routes) must have a row in `EXPECT` below:
for each URL name, the objects its arguments name (A's, X's, the request nobody took ...:
see `tests/security/world.py`) and the roles that get the page with them. Every role is
then walked through it with the Django test client (`force_login`, never the sign-in
form): GET, and a POST with an empty body (and a PUT on the API):

- a role in the row gets the page (2xx, or a redirect somewhere other than the sign-in
  page); an empty POST may be answered with the form's errors (400, 409, 422 ...) but
  never 5xx, never "sign in";
- any other role is refused: 403 or 404 (401 from the API, in JSON), or sent to sign in
  when not signed in; 405 for a method the page does not take counts as a refusal too
  (it reveals nothing); the API may answer a token or a body it cannot read with 400 or
  422 in JSON. A refused POST changes nothing: every table but the sessions' and
  django-axes' reads the same after it;
- no page a role gets names a candidate it must not read about (`NEVER_READS`: B for
  A, A for B, B for provider X's staff ...), a private link's pages aside.

A leak known and left to another part of the issue is marked on its row (`leak_for`,
`why`): its cells are expected to fail, strictly, so that closing the leak asks for the
mark to go.

Least privilege where a row could be read two ways; each choice is said beside its row.

A URL added without a row fails `test_every_url_has_a_row`, naming it. To add one:
copy a row of the same kind into `EXPECT` (site pages) or `ADMIN_MODELS` (a model
registered on the admin site), name the world's objects its arguments take (add an
object to `world.py` if none fits: one of candidate A's or provider X's, never of the
role that must be refused), and list the roles that may see it.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from tests.security.walk import Answer, address, arguments, client_for, fingerprint, routes, visit
from tests.security.world import (
    ADMIN,
    ANONYMOUS,
    CANDIDATE_A,
    CANDIDATE_B,
    DPO,
    OFFICER,
    PROVIDER_X,
    PROVIDER_Y,
    ROLES,
    SCAN,
    SCAN_NAME,
    SOCIAL,
    build,
)

# The walk is slow (a minute or two); the checks of the table itself are not, so that
# `make check` tells at once of a URL added without a row.
pytestmark = pytest.mark.xdist_group("every_url_every_role")

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {ANONYMOUS}
NOBODY: frozenset[str] = frozenset()
CANDIDATES = frozenset({CANDIDATE_A, CANDIDATE_B})
PROVIDERS = frozenset({PROVIDER_X, PROVIDER_Y})


@dataclass(frozen=True)
class Row:
    """Who gets the URL when its arguments name these objects of the world."""

    who: frozenset[str]
    args: dict[str, str] = field(default_factory=dict)
    # A leak known and left to another part of the issue: the cell of each role named
    # here is expected to fail (strictly: once the leak is closed, remove the marker).
    leak_for: frozenset[str] = NOBODY
    why: str = ""
    # Roles who see the page but may send nothing to it (a record shown read-only).
    reads_only: frozenset[str] = NOBODY


def see(*who, **args: str) -> Row:
    """A row: the roles (or sets of roles) that get the page, then url argument =
    world object."""
    roles: set[str] = set()
    for item in who:
        roles |= {item} if isinstance(item, str) else set(item)
    return Row(frozenset(roles), args)


def token_page(key: str = "access_token") -> tuple[Row, Row]:
    """A private link: whoever holds the token gets the page (it is emailed to the
    person; the token is the key); a forged token is refused to everyone."""
    return see(EVERYONE, token=key), see(NOBODY, token="forged_token")


EXPECT: dict[str, tuple[Row, ...]] = {
    # --- Public pages ---------------------------------------------------------------
    "core:index": (see(EVERYONE),),
    "core:privacy": (see(EVERYONE),),
    "core:accessibility": (see(EVERYONE),),
    "core:switch_language": (see(EVERYONE, code="language"),),
    "core:parameters": (see(EVERYONE),),
    "accounts:login": (see(EVERYONE),),  # signed in: sent home
    "accounts:logout": (see(EVERYONE),),
    # The second factor's steps: whoever is signed in and verified (or has none to take)
    # is sent on to their page; a visitor to sign in.
    "accounts:second_factor": (see(SIGNED_IN),),
    "accounts:second_factor_setup": (see(SIGNED_IN),),
    "accounts:recovery_codes": (see(SIGNED_IN),),
    "candidate_account:sign_in_link_request": (see(EVERYONE),),
    "candidate_account:activate": token_page("activation_token"),
    # A's one-time link: it dies once A signs in (force_login, here), so A alone is
    # refused; whoever else holds it is signed in as A, which is what it is for.
    "candidate_account:sign_in_link": (
        see(EVERYONE - {CANDIDATE_A}, token="sign_in_token"),
        see(NOBODY, token="forged_token"),
    ),
    "register:start": (see(EVERYONE),),
    "register:check_result": (see(EVERYONE),),
    "register:check": (see(EVERYONE, slug="check_step"),),
    "register:check_answers": (see(EVERYONE),),
    "register:complete": (see(EVERYONE),),
    "register:link_request": (see(EVERYONE),),
    "register:link_sent": (see(EVERYONE),),
    "register:question": (see(EVERYONE, slug="register_step"),),
    "registration:my_details": token_page(),
    "registration:email_confirm": token_page("email_token"),
    "booking:manage": token_page(),
    "booking:choose": token_page(),
    "booking:booked": token_page(),
    "booking:cancel": token_page(),
    "booking:cancelled": token_page(),
    "booking:waitlist": token_page(),
    "booking:waitlisted": token_page(),
    "booking:waitlist_leave": token_page(),
    "booking:invitation": token_page(),
    "contracts:calendar": token_page("calendar_token"),
    "training:catalogue": (see(EVERYONE),),
    "training:course_detail": (see(EVERYONE, course_id="course"),),  # published
    "verify:form": (see(EVERYONE),),
    "verify:certificate": (see(EVERYONE, code="certificate"),),
    "guide:start": (see(EVERYONE),),
    "guide:resume": (see(EVERYONE),),
    "guide:question": (see(EVERYONE, fact="guide_fact"),),
    "guide:check": (see(EVERYONE),),
    "guide:result": (see(EVERYONE),),
    "guide:pdf": (see(EVERYONE),),
    "guide:email_link": (see(EVERYONE),),
    "guide:saved": (see(EVERYONE, token="guide_token"),),
    "guide:start_again": (see(EVERYONE),),
    "guide:calculators": (see(EVERYONE),),
    "guide:calculator": (see(EVERYONE, slug="calculator"),),
    # --- Every signed-in person: their own home ---------------------------------------
    "portal:home": (see(SIGNED_IN),),
    # --- The candidate's own ----------------------------------------------------------
    "guide:my_dates": (see(CANDIDATES),),
    "guide:add_to_path": (see(CANDIDATES),),
    "guide:procedure_remove": (see(CANDIDATE_A, pk="procedure"),),
    "contracts:calendar_reset": (see(CANDIDATES),),  # each their own feed
    "training:my_courses": (see(CANDIDATES),),
    "training:my_skills": (see(CANDIDATES),),
    "training:voucher_get": (see(CANDIDATES),),
    # Candidates enrol themselves; provider staff are sent on to their own form (where
    # another provider's course is a 404: see training:enrol_person).
    "training:enrol": (see(CANDIDATES, PROVIDERS, course_id="course"),),
    "training:enrolment_cancel": (see(CANDIDATE_A, PROVIDER_X, enrolment_id="enrolment"),),
    # --- A candidate's file: A, officers; the data-protection officer reads -----------
    "portal:candidate_list": (see(OFFICER, DPO),),
    "portal:candidate_detail": (see(CANDIDATE_A, OFFICER, DPO, candidate_id="candidate"),),
    "portal:formalities": (see(CANDIDATE_A, OFFICER, candidate_id="candidate"),),
    "contracts:document": (see(CANDIDATE_A, OFFICER, DPO, contract_id="contract"),),
    # The scan of the signed paper copy: the officers and the person who signed only.
    "contracts:signed_scan": (see(CANDIDATE_A, OFFICER, contract_id="contract"),),
    "contracts:completion_certificate": (
        see(CANDIDATE_A, OFFICER, contract_id="fulfilled_contract"),
    ),
    "officer_contracts:detail": (see(CANDIDATE_A, OFFICER, DPO, contract_id="contract"),),
    # The contract is optional: its holder may withdraw it (seed), or an officer for them.
    "officer_contracts:withdraw": (see(CANDIDATE_A, OFFICER, contract_id="contract"),),
    # --- Integration officers --------------------------------------------------------
    "portal:candidate_find": (see(OFFICER),),
    "portal:tasks": (see(OFFICER, candidate_id="candidate"),),
    "registration:candidate_register": (see(OFFICER),),
    "registration:candidate_correct": (see(OFFICER, candidate_id="candidate"),),
    "officer:index": (see(EVERYONE),),  # a redirect to the sessions, which are refused
    "officer:session_list": (see(OFFICER),),
    "officer:session_plan": (see(OFFICER),),
    "officer:session_detail": (see(OFFICER, session_id="session"),),
    "officer:session_edit": (see(OFFICER, session_id="session"),),
    "officer:session_cancel": (see(OFFICER, session_id="session"),),
    "officer:candidate_book": (see(OFFICER, candidate_id="candidate"),),
    "officer:candidate_waitlist": (see(OFFICER, candidate_id="candidate"),),
    "contracts:task": (see(OFFICER, candidate_id="candidate"),),
    "contracts:draft": (see(OFFICER, candidate_id="candidate"),),
    "officer_contracts:review_queue": (see(OFFICER),),
    "officer_contracts:review": (see(OFFICER, contract_id="contract"),),
    "officer_contracts:follow_up": (see(OFFICER, contract_id="contract"),),
    "officer_contracts:certificate_add": (see(OFFICER, contract_id="contract"),),
    "intake:day": (see(OFFICER),),
    "intake:check_in": (see(OFFICER, session_id="session"),),
    "intake:walk_in": (see(OFFICER, session_id="session"),),
    "intake:check_in_booking": (see(OFFICER, session_id="session", booking_id="booking"),),
    "intake:check_in_undo": (see(OFFICER, session_id="session", booking_id="booking"),),
    "intake:document": (see(OFFICER, candidate_id="candidate"),),
    "intake:profile": (see(OFFICER, candidate_id="candidate"),),
    "intake:orientation": (see(OFFICER, candidate_id="candidate"),),
    "intake:interview": (see(OFFICER, candidate_id="candidate"),),
    "notifications:undelivered": (see(OFFICER),),
    "notifications:send_again": (see(OFFICER, notification_id="notification"),),
    "letters:to_print": (see(OFFICER),),
    "letters:pdf": (see(OFFICER, letter_id="letter"),),
    "letters:posted": (see(OFFICER, letter_id="letter"),),
    "training:candidate_vouchers": (see(OFFICER, candidate_id="candidate"),),
    "training:voucher_revoke": (see(OFFICER, voucher_id="voucher"),),
    "training:warnings": (see(OFFICER),),
    "training:warning_handle": (see(OFFICER),),
    # --- Statistics: officers; the administrator the anonymised ones ------------------
    "statistics:index": (see(OFFICER, ADMIN),),
    "statistics:page": (see(OFFICER, ADMIN, slug="statistics_page"),),
    "statistics:export_anonymised": (see(OFFICER, ADMIN, name="statistics_table"),),
    "statistics:export_full": (see(OFFICER, name="statistics_table"),),
    # --- Social workers: the requests nobody took and their own -----------------------
    "social:queue": (see(SOCIAL, OFFICER),),  # officers, who make the requests, read it
    "social:handle": (
        see(SOCIAL, request_id="free_request"),
        see(NOBODY, request_id="taken_request"),  # another social worker's
    ),
    "social:take": (
        see(SOCIAL, request_id="free_request"),
        see(NOBODY, request_id="taken_request"),
    ),
    # --- Training providers: their own organisation's ---------------------------------
    "training:provider_courses": (see(PROVIDERS),),
    "training:course_add": (see(PROVIDERS),),
    "training:course_manage": (see(PROVIDER_X, course_id="course"),),
    "training:course_edit": (see(PROVIDER_X, course_id="course"),),
    "training:course_publish": (see(PROVIDER_X, course_id="course"),),
    "training:course_cancel": (see(PROVIDER_X, course_id="course"),),
    "training:session_add": (see(PROVIDER_X, course_id="course"),),
    "training:session_edit": (see(PROVIDER_X, course_id="course", session_id="course_session"),),
    "training:session_remove": (see(PROVIDER_X, course_id="course", session_id="course_session"),),
    "training:enrol_person": (see(PROVIDER_X, course_id="course"),),
    "training:attendance_courses": (see(PROVIDERS),),
    "training:attendance_grid": (see(PROVIDER_X, course_id="course"),),
    "training:attendance_upload": (see(PROVIDER_X, course_id="course"),),
    "training:attendance_template": (see(PROVIDER_X, course_id="course"),),
    "training:skills_assessment": (see(PROVIDER_X, enrolment_id="enrolment"),),
    # Certificates: who certifies (providers; officers the orientation days), the holder
    # their own.
    "training:certificates": (see(OFFICER, PROVIDERS),),
    "training:certificate_issue": (see(PROVIDER_X, enrolment_id="enrolment"),),
    "training:certificate": (see(CANDIDATE_A, OFFICER, PROVIDER_X, code="certificate"),),
    "training:certificate_pdf": (see(CANDIDATE_A, OFFICER, PROVIDER_X, code="certificate"),),
    "training:certificate_revoke": (see(OFFICER, PROVIDER_X, code="certificate"),),
    # --- Officers and the administrator: approving providers ---------------------------
    "training:providers": (see(OFFICER, ADMIN),),
    "training:provider_approve": (see(OFFICER, ADMIN, organisation_id="organisation"),),
    # --- Data-subject rights (issue 14, points 1-2): the person's own, the DPO's queue,
    # the officers' corrections to approve ------------------------------------------------
    "privacy:my_data": (see(CANDIDATES),),
    "privacy:my_data_json": (see(CANDIDATES),),
    "privacy:my_data_pdf": (see(CANDIDATES),),
    "privacy:ask": (see(CANDIDATES, kind="privacy_kind"),),
    "privacy:queue": (see(DPO),),
    "privacy:answer": (
        see(DPO, request_id="erasure_request"),
        see(DPO, request_id="rectification_request"),
    ),
    "privacy:rectifications": (see(OFFICER),),
    "privacy:rectification": (
        see(OFFICER, request_id="rectification_request"),
        see(NOBODY, request_id="erasure_request"),
    ),
    # --- The audit trail and the scheduled jobs ----------------------------------------
    "audit:event_list": (see(DPO, ADMIN),),
    "audit:mine": (see(CANDIDATES),),
    "jobs:list": (see(ADMIN),),
    # --- The API (/api/v1/): public operations, a private link's, provider staff's ------
    "api-v1:api-root": (see(NOBODY),),
    "api-v1:openapi-json": (see(EVERYONE),),
    "api-v1:openapi-view": (see(EVERYONE),),
    "api-v1:rule_list": (see(EVERYONE),),
    "api-v1:rule_evaluate": (see(EVERYONE, rule="rule"),),
    "api-v1:session_list": (see(EVERYONE),),
    "api-v1:registration_create": (see(EVERYONE),),
    "api-v1:booking_show": token_page(),
    "api-v1:book": token_page(),
    "api-v1:move": token_page(),
    "api-v1:cancel": token_page(),
    "api-v1:wait": token_page(),
    "api-v1:enrolment_create": (see(PROVIDER_X, course_id="course"),),
    "api-v1:attendance_show": (see(PROVIDER_X, session_id="course_session"),),
    "api-v1:attendance_put": (see(PROVIDER_X, session_id="course_session"),),
    # --- The admin site: the administrator -------------------------------------------
    "admin:index": (see(ADMIN),),
    "admin:login": (see(EVERYONE),),
    "admin:logout": (see(EVERYONE),),
    "admin:password_change": (see(ADMIN),),
    "admin:password_change_done": (see(ADMIN),),
    "admin:jsi18n": (see(ADMIN),),
    "admin:autocomplete": (see(NOBODY),),  # nothing without its parameters
    "admin:view_on_site": (see(NOBODY, content_type_id="content_type", object_id="staff_user"),),
    "admin:app_list": (see(ADMIN, app_label="accounts_app"),),
    "admin/(?P<url>.*)$": (see(NOBODY, url="no_such_admin_page"),),
}

# The models registered on the admin site, each with the object its pages are walked
# with: its changelist, add, change, history, delete pages and its bare address.
READ_ONLY = "read-only"  # a record the admin site shows but never adds, changes nor deletes
# A record the administrator may not read on the admin site (issue 14, point 6: the
# trail, the tasks' payloads and the sign-in attempts hold people's data): 403.
OFF_LIMITS = "off limits"
# A record the administrator reads and changes, but neither adds nor deletes (the jobs'
# schedule: its rows are the application's).
CHANGE_ONLY = "change only"
LOGGED = "logged"  # a record the admin site shows and deletes, but never adds
ADMIN_MODELS: dict[str, tuple[str, tuple[Row, ...]]] = {
    "accounts_organisation": ("", (see(ADMIN, object_id="organisation"),)),
    "accounts_user": (
        "",
        (
            see(ADMIN, object_id="staff_user"),
            # A candidate's account is not the administrator's (closed by part "staff").
            see(NOBODY, object_id="candidate_user"),
        ),
    ),
    "auth_group": (OFF_LIMITS, (see(NOBODY, object_id="group"),)),
    "audit_auditevent": (OFF_LIMITS, (see(NOBODY, object_id="audit_event"),)),
    "django_q_schedule": (CHANGE_ONLY, (see(ADMIN, object_id="schedule"),)),
    "django_q_success": (OFF_LIMITS, (see(NOBODY, object_id="task"),)),
    "django_q_failure": (OFF_LIMITS, (see(NOBODY, object_id="failure"),)),
    "django_q_ormq": (OFF_LIMITS, (see(NOBODY, object_id="queued"),)),
    "axes_accessattempt": (OFF_LIMITS, (see(NOBODY, object_id="access_attempt"),)),
    "axes_accesslog": (OFF_LIMITS, (see(NOBODY, object_id="access_log"),)),
    "axes_accessfailurelog": (OFF_LIMITS, (see(NOBODY, object_id="access_failure_log"),)),
}


def admin_rows() -> dict[str, tuple[Row, ...]]:
    """Each model's changelist, add, change, history and delete pages, and its bare
    address (which sends on to the change page)."""
    rows: dict[str, tuple[Row, ...]] = {}
    for model, (kind, with_objects) in ADMIN_MODELS.items():
        app, name = (
            ("django_q", model[len("django_q_") :])
            if model.startswith("django_q_")
            else (model.split("_", 1))
        )
        nobody = tuple(Row(NOBODY, row.args) for row in with_objects)
        read_only = tuple(
            Row(row.who, row.args, row.leak_for, row.why, reads_only=row.who)
            for row in with_objects
        )
        # The bare address sends whoever may use the admin site on to the change page
        # (Django's admin does so before any check): the change page decides.
        rows[f"admin/{app}/{name}/<path:object_id>/"] = tuple(
            Row(row.who | {ADMIN}, row.args) for row in with_objects
        )
        if kind == OFF_LIMITS:
            rows[f"admin:{model}_changelist"] = rows[f"admin:{model}_add"] = (see(NOBODY),)
            for page in ("change", "history", "delete"):
                rows[f"admin:{model}_{page}"] = nobody
            continue
        rows[f"admin:{model}_changelist"] = (see(ADMIN),)
        rows[f"admin:{model}_add"] = (see(NOBODY),) if kind else (see(ADMIN),)
        rows[f"admin:{model}_change"] = read_only if kind == READ_ONLY else with_objects
        rows[f"admin:{model}_history"] = with_objects
        rows[f"admin:{model}_delete"] = nobody if kind in (READ_ONLY, CHANGE_ONLY) else with_objects
    # The user's password form (a superuser's power over any account).
    rows["admin:auth_user_password_change"] = tuple(
        Row(row.who, {"id": row.args["object_id"]}, row.leak_for, row.why)
        for row in ADMIN_MODELS["accounts_user"][1]
    )
    return rows


TABLE = EXPECT | admin_rows()
ROUTES = {route.key: route for route in routes()}


def test_every_url_has_a_row():
    missing = sorted(set(ROUTES) - set(TABLE))
    assert not missing, (
        "These URLs have no row in tests/security/test_every_url_every_role.py: "
        + ", ".join(f"{key} (/{ROUTES[key].route})" for key in missing)
        + ". Add each to EXPECT (or, for a model on the admin site, to ADMIN_MODELS) "
        "with the roles that may see it and the world's objects its arguments name."
    )


def test_every_row_is_a_url():
    stale = sorted(set(TABLE) - set(ROUTES))
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def test_every_row_names_every_argument_of_its_url():
    for key, rows in TABLE.items():
        if key not in ROUTES:
            continue
        for row in rows:
            assert set(row.args) == set(arguments(ROUTES[key].route)), key


def cells():
    for key, rows in sorted(TABLE.items()):
        if key not in ROUTES:
            continue
        for n, row in enumerate(rows):
            for role in ROLES:
                marks = []
                if role in row.leak_for:
                    marks.append(pytest.mark.xfail(strict=True, reason=row.why))
                shown = ",".join(f"{k}={v}" for k, v in row.args.items())
                label = f"{role} {key}" + (f" [{shown}]" if shown else "") + (f" #{n}" if n else "")
                yield pytest.param(key, n, role, id=label, marks=marks)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The people and objects, made once for the whole walk (each visit is then undone
    with its test's transaction), and undone themselves at the end."""
    quick = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        TASKS={
            "default": {
                "BACKEND": "django_tasks.backends.dummy.DummyBackend",
                "QUEUES": ["default"],
            }
        },
    )
    with django_db_blocker.unblock(), quick, transaction.atomic():
        yield build()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def scan_on_disk(settings, media_in_tmp):
    """A's scan in this visit's media folder (each test has its own)."""
    path = Path(settings.MEDIA_ROOT) / SCAN_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(SCAN)


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    """The walk sends many requests from one address: the public pages' limits would
    answer 429 long before it ends (they have their own tests)."""
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def methods(path: str) -> tuple[str, ...]:
    return ("get", "post", "put") if path.startswith("/api/") else ("get", "post")


def check_shown(method: str, answer: Answer, object_page: bool) -> str | None:
    if answer.status >= 500:
        return f"{method.upper()} answered {answer}"
    if answer.to_sign_in:
        return f"{method.upper()} was sent to sign in: {answer}"
    if method == "get":
        if not answer.shown(object_page) and answer.status != 405:
            return f"GET was refused: {answer}"
    elif answer.status == 403:
        return f"{method.upper()} was refused: {answer}"
    return None


def check_refused(
    role: str, path: str, method: str, answer: Answer, object_page: bool
) -> str | None:
    if not answer.refused(object_page):
        return f"{method.upper()} was not refused: {answer}"
    if role != ANONYMOUS and answer.to_sign_in and not path.startswith("/admin/"):
        return f"{method.upper()} sent a signed-in user to sign in: {answer}"
    if path.startswith("/api/") and answer.status != 405 and not answer.json:
        return f"{method.upper()} refused, but not in JSON: {answer}"
    return None


# Whose names a role must never read, on any page it gets (but a private link's, which
# whoever holds it may read): A is enrolled with provider X and asked for an interview
# nobody took; B is enrolled with provider Y, and another social worker took B's request.
NEVER_READS = {
    ANONYMOUS: ("A", "B"),
    CANDIDATE_A: ("B",),
    CANDIDATE_B: ("A",),
    PROVIDER_X: ("B",),
    PROVIDER_Y: ("A",),
    SOCIAL: ("B",),
    ADMIN: ("A", "B"),  # manages accounts, reads no candidate's file
}


def names_read(world, role: str, answer: Answer) -> list[str]:
    """The surnames of `NEVER_READS[role]` the answer shows (in any case: lists write
    surnames in capitals)."""
    people = {"A": world.objects["surname_a"], "B": world.objects["surname_b"]}
    body = answer.body.lower()
    return [
        people[who] for who in NEVER_READS.get(role, ()) if people[who].lower().encode() in body
    ]


def api_body_refused(path: str, answer: Answer) -> bool:
    """The API reads the path's and the body's shape before it looks the object up:
    a token that is not one, or an empty body, is answered 400 or 422 in JSON, which says
    nothing of the object (the role itself is checked before: api/auth.py)."""
    return path.startswith("/api/") and answer.status in (400, 422) and answer.json


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize(("key", "n", "role"), list(cells()))
def test_each_role_gets_what_the_table_says(world, client, key, n, role):
    row = TABLE[key][n]
    path = address(ROUTES[key].route, {name: world.objects[o] for name, o in row.args.items()})
    client = client_for(world, role, client)
    # The admin site sends whoever asks for an object they may not see back to its index.
    object_page = path.startswith("/admin/") and bool({"object_id", "id"} & set(row.args))
    problems = []
    for method in methods(path):
        allowed = role in row.who
        watched = not allowed or role in row.reads_only
        before = fingerprint() if watched and method != "get" else None
        answer = visit(client, method, path)
        if allowed and not (method != "get" and role in row.reads_only):
            problem = check_shown(method, answer, object_page)
            private_link = any(o.endswith("_token") for o in row.args.values())
            if problem is None and not private_link and (names := names_read(world, role, answer)):
                problem = f"{method.upper()} shows {', '.join(names)}: {answer}"
        elif api_body_refused(path, answer):
            problem = None
        else:
            problem = check_refused(role, path, method, answer, object_page)
            if problem is None and before is not None and fingerprint() != before:
                problem = f"{method.upper()} was refused ({answer}) but changed the database"
        if problem:
            problems.append(problem)
    assert not problems, f"{role} on {path} ({key}): " + "; ".join(problems)
