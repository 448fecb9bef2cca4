"""The audit trail records who did what to which record, when, and from where."""

from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import audit_events_for, audit_record


def test_it_records_actor_role_action_target_and_address(rf, officer, stranger):
    request = rf.get("/", REMOTE_ADDR="192.0.2.10")
    request.user = officer
    event = audit_record(
        action=Action.UPDATE,
        target=stranger,
        request=request,
        fields=["phone", "email"],
        reason="candidate phoned",
    )
    event.refresh_from_db()
    assert event.actor == officer
    assert event.actor_role == "officer"
    assert event.target_type == "registration.candidate"
    assert event.target_id == str(stranger.pk)
    assert event.fields == ["email", "phone"]
    assert event.reason == "candidate phoned"
    assert event.ip_address == "192.0.2.10"
    assert event.at is not None


def test_it_keeps_field_names_not_values(officer, stranger):
    event = audit_record(action=Action.UPDATE, actor=officer, target=stranger, fields=["surname"])
    assert stranger.surname not in str(event.fields)


def test_it_lists_a_records_events_newest_first(officer, stranger):
    audit_record(action=Action.VIEW, actor=officer, target=stranger)
    audit_record(action=Action.UPDATE, actor=officer, target=stranger)
    actions = [event.action for event in audit_events_for(stranger)]
    assert actions == [Action.UPDATE, Action.VIEW]


def test_the_trail_outlives_the_account_of_who_acted(officer, stranger):
    audit_record(action=Action.VIEW, actor=officer, target=stranger)
    officer.delete()
    event = AuditEvent.objects.get()
    assert event.actor is None
    assert event.actor_role == "officer"
