"""Issue 14, points 4 and 5, for the rows written before.

Point 5: the trail keeps no text someone typed. Each reason that is not a code
(audit.models.REASON_CODE) is blanked; those known to carry typed text even when it
looks like a code (a withdrawal's reason after "<from> -> withdrawn: ", a correction's,
a revocation's, a session's cancellation's details) are cut back to their code. The
typed text is already with its record (Contract.withdrawal_reason, Voucher.revoke_reason,
TrainingCertificate.revocation_reason, InformationSession.cancellation_reason, and the
corrections moved by registration 0008).

Point 4: each event names the person it is about (`subject`): the candidate's id when
the record is a candidate, or the candidate of a record that has one.
"""

import re
import uuid

from django.core.exceptions import ValidationError
from django.db import migrations

CODE = re.compile(r"[a-z0-9 _,.:;()>=/#-]*")
BATCH = 1000

# (record type, action or None, pattern) -> the code kept (a group of the pattern, or text).
KNOWN = [
    (None, None, re.compile(r"(?P<code>details corrected by an officer): .*", re.S)),
    ("contracts.contract", "transition", re.compile(r"(?P<code>\w+ -> withdrawn)(: .*)?", re.S)),
    ("training.voucher", "transition", re.compile(r".+", re.S), "revoked"),
    ("training.trainingcertificate", "update", re.compile(r".+", re.S), "revoked"),
    ("contracts.certificate", "delete", re.compile(r".+", re.S), "certificate revoked"),
    ("booking.informationsession", "transition", re.compile(r"(?P<code>[a-z_]+): .*", re.S)),
]
LOWERED = ("statistics CSV ", "contract PDF", "no such account (None)", "locked out, no such account (None)")


def scrubbed(event) -> str:
    reason = event.reason
    for rule in KNOWN:
        target_type, action, pattern = rule[:3]
        if target_type is not None and event.target_type != target_type:
            continue
        if action is not None and event.action != action:
            continue
        match = pattern.fullmatch(reason)
        if match:
            return rule[3] if len(rule) > 3 else match.group("code")
    if reason.startswith(LOWERED):
        reason = reason.lower()
    if len(reason) <= 200 and CODE.fullmatch(reason):
        return reason
    return ""


def scrub_reasons(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    changed = []
    events = AuditEvent.objects.exclude(reason="").only("pk", "reason", "action", "target_type")
    for event in events.iterator(chunk_size=BATCH):
        new = scrubbed(event)
        if new != event.reason:
            event.reason = new
            changed.append(event)
        if len(changed) >= BATCH:
            AuditEvent.objects.bulk_update(changed, ["reason"])
            changed = []
    AuditEvent.objects.bulk_update(changed, ["reason"])


# The records that belong to a candidate (a `candidate` field), by their type.
OWNED = [
    ("booking", "booking"),
    ("booking", "waitlistentry"),
    ("contracts", "contract"),
    ("intake", "residencedocument"),
    ("intake", "linguisticprofile"),
    ("intake", "orientation"),
    ("social", "interviewrequest"),
    ("guide", "residencepermit"),
    ("guide", "procedure"),
    ("training", "enrolment"),
    ("training", "voucher"),
    ("training", "handledwarning"),
]


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _owners(model, events, changed):
    """Set the subject of these events from their records' candidates (one query)."""
    keys = []
    for event in events:
        try:
            keys.append(model._meta.pk.to_python(event.target_id))
        except ValidationError:
            continue
    owners = {
        str(pk): candidate_id
        for pk, candidate_id in model.objects.filter(pk__in=keys).values_list("pk", "candidate_id")
    }
    for event in events:
        owner = owners.get(event.target_id)
        if owner is not None:
            event.subject = owner
            changed.append(event)


def fill_subjects(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    changed = []

    def flush(force=False):
        if changed and (force or len(changed) >= BATCH):
            AuditEvent.objects.bulk_update(changed, ["subject"])
            changed.clear()

    events = AuditEvent.objects.filter(target_type="registration.candidate", subject=None)
    for event in events.only("pk", "target_id").iterator(chunk_size=BATCH):
        event.subject = _uuid(event.target_id)
        if event.subject is not None:
            changed.append(event)
            flush()
    flush(force=True)
    for app_label, model_name in OWNED:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        events = AuditEvent.objects.filter(
            target_type=f"{app_label}.{model_name}", subject=None
        ).only("pk", "target_id")
        chunk = []
        for event in events.iterator(chunk_size=BATCH):
            chunk.append(event)
            if len(chunk) >= BATCH:
                _owners(model, chunk, changed)
                chunk = []
                flush()
        _owners(model, chunk, changed)
        flush(force=True)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_subject_organisation_list_search"),
        ("registration", "0008_correction"),
        ("booking", "0007_cancellation_cause"),
        ("contracts", "0008_contract_statistics_indexes"),
        ("intake", "0001_initial"),
        ("social", "0002_interview_taken"),
        ("guide", "0001_initial"),
        ("training", "0008_warnings"),
    ]

    operations = [
        migrations.RunPython(scrub_reasons, migrations.RunPython.noop),
        migrations.RunPython(fill_subjects, migrations.RunPython.noop),
    ]
