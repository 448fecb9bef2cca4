"""The code an authenticator app shows, for tests of the code step."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def device_of(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Tests", confirmed=True)


def current_code(device: TOTPDevice, steps: int = 0) -> str:
    """The device's code now, or `steps` steps of 30 seconds later (or earlier)."""
    device.refresh_from_db()
    t0 = device.t0 - steps * device.step
    return f"{totp(device.bin_key, step=device.step, t0=t0, digits=device.digits):06d}"
