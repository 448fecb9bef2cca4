"""Officers' pages: plan and cancel sessions, attendee lists, register and book for a
candidate who called or wrote (built in booking/officer_views.py)."""

app_name = "officer"

urlpatterns: list = []
