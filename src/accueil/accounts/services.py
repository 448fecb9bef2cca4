"""Writes of accounts: signing in without a password (a one-time sign-in link, see
`accounts.selectors`); what administrators do to users and organisations, audited
through `account_changed`; staff's second factor (set up, used, reset)."""

from binascii import unhexlify
from collections.abc import Iterable

from django.contrib.auth import login
from django.db import models, transaction
from django.dispatch import Signal
from django.http import HttpRequest
from django.utils import timezone
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accueil.accounts.models import User
from accueil.accounts.selectors import user_for_sign_in
from accueil.accounts.signin import HOW_KEY, MODEL_BACKEND


def sign_in_use(token: str) -> User | None:
    """The person a sign-in link signs in, once: of any number of concurrent uses of
    the same link, one gets the user and the others None. The stamp moves with a
    conditional UPDATE, so one request changes the row and the others, waiting on its
    row lock, find the stamp moved and change nothing. Call it inside the request's
    transaction (the row stays locked until it commits)."""
    user = user_for_sign_in(token)
    if user is None:
        return None
    now = timezone.now()
    moved = User.objects.filter(pk=user.pk, last_login=user.last_login).update(last_login=now)
    if moved != 1:
        return None  # another request used the link first
    user.last_login = now
    return user


def sign_in(request: HttpRequest, user: User, *, how: str) -> None:
    """Sign `user` in without a password (Django's `login` with the model backend);
    `how` ("one-time link", "account activated") is the reason of the audit event."""
    request.META[HOW_KEY] = how
    login(request, user, backend=MODEL_BACKEND)


# What administrators and staff do to accounts reaches the audit trail through this
# signal (received by `accueil.audit.receivers`), as sign-ins do through Django's: the
# trail sits above accounts. Sent inside the write's transaction, so the event and the
# change are kept or lost together. Arguments: actor (User or None), target (the record),
# action ("create", "update", "delete"), fields (the names of the fields changed, never
# their values), reason (a fixed English phrase, never typed text), request.
account_changed = Signal()


def account_event(
    *,
    actor: User | None,
    target: models.Model,
    action: str,
    fields: Iterable[str] = (),
    reason: str = "",
    request: HttpRequest | None = None,
) -> None:
    account_changed.send(
        sender=type(target),
        actor=actor,
        target=target,
        action=action,
        fields=sorted(set(fields)),
        reason=reason,
        request=request,
    )


def model_fields(instance: models.Model, names: Iterable[str]) -> list[str]:
    """The model's own field names among a form's (password1, password2 are "password")."""
    own = {field.name for field in instance._meta.get_fields() if field.concrete}
    named = {"password" if name.startswith("password") else name for name in names}
    return sorted(named & own)


def record_save(
    *,
    actor: User,
    record: models.Model,
    fields: Iterable[str],
    created: bool,
    request: HttpRequest | None = None,
) -> None:
    """An administrator adds or changes a user or an organisation (the admin site):
    saved and audited together; the trail names the changed fields, not their values
    (issue 14, point 6: "every admin action on a person is audited")."""
    with transaction.atomic():
        record.save()
        changed = model_fields(record, fields)
        if created or changed:
            change_code = "" if created else change_reason(changed)
            account_event(
                actor=actor,
                target=record,
                action="create" if created else "update",
                fields=changed,
                reason=change_code,
                request=request,
            )


def change_reason(fields: list[str]) -> str:
    """A fixed phrase for the changes the data-protection officer looks for first."""
    if "is_active" in fields:
        return "account activated or deactivated"
    if "role" in fields:
        return "role changed"
    if "organisation" in fields:
        return "organisation changed"
    return ""


def record_delete(*, actor: User, record: models.Model, request: HttpRequest | None = None) -> None:
    """An administrator deletes a user or an organisation: audited first (the event
    keeps the record's type and id), deleted in the same transaction."""
    with transaction.atomic():
        account_event(actor=actor, target=record, action="delete", request=request)
        record.delete()


def password_set(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """The admin site set someone's password (its form ran Django's validators): audited."""
    account_event(
        actor=actor,
        target=user,
        action="update",
        fields=["password"],
        reason="password reset",
        request=request,
    )


# Staff's second factor (issue 14, point 7): a TOTP authenticator app, and single-use
# recovery codes for the day the phone is lost.
RECOVERY_CODES = 10


def second_factor_enrol(
    user: User, key: str, token: str, *, request: HttpRequest | None = None
) -> tuple[TOTPDevice, list[str]] | None:
    """Set up the second factor of `user` with the secret `key` shown on the set-up page,
    once `token` shows that their app has it: a confirmed TOTP device and
    RECOVERY_CODES recovery codes, returned to be shown once. None when the code is not
    right, or when the person already has a second factor (a second tab, a double
    click: the user's row is locked, so of two requests one sets it up)."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            return None
        checker = TOTP(unhexlify(key.encode()), step=30, digits=6)
        if not token.isdigit() or not checker.verify(int(token), tolerance=1):
            return None
        device = TOTPDevice.objects.create(
            user=user, name="Authenticator", key=key, confirmed=True, last_t=checker.t()
        )
        static, _created = StaticDevice.objects.get_or_create(
            user=user, name="Recovery codes", defaults={"confirmed": True}
        )
        static.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=static, token=c) for c in codes)
        account_event(
            actor=user, target=user, action="update", reason="second factor set up", request=request
        )
        return device, codes


def second_factor_verify(
    user: User, token: str, *, request: HttpRequest | None = None
) -> Device | None:
    """The device that accepts `token` from `user`: their app's current code (each code
    once: django-otp keeps the last step used, under the device's row lock), or one of
    their recovery codes, used up by a single DELETE, so that of two requests with the
    same code only one gets in. None when neither accepts it."""
    token = "".join(token.split()).lower()
    with transaction.atomic():
        if token.isdigit():
            for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
                if device.verify_token(token):
                    return device
            return None
        used = StaticToken.objects.filter(
            device__user=user, device__confirmed=True, token=token
        ).values_list("device_id", flat=True)
        device_id = next(iter(used), None)
        if device_id is None:
            return None
        deleted, _rows = StaticToken.objects.filter(device_id=device_id, token=token).delete()
        if not deleted:
            return None
        account_event(
            actor=user, target=user, action="update", reason="recovery code used", request=request
        )
        return StaticDevice.objects.get(pk=device_id)


def second_factor_reset(*, actor: User, user: User, request: HttpRequest | None = None) -> int:
    """An administrator removes someone's second factor (a lost phone): their next
    sign-in asks them to set it up again. Audited; returns the devices removed."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0)
        removed += (
            StaticDevice.objects.filter(user=user).delete()[1].get(StaticDevice._meta.label, 0)
        )
        account_event(
            actor=actor,
            target=user,
            action="update",
            reason="second factor reset",
            request=request,
        )
        return int(removed)
