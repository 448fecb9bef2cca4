"""The candidate's information-session pages, reached with the private link:
see, choose, move or cancel a booking, the waiting list, the calendar invitation.
Emails link to "manage" (registration.selectors.access_url)."""

from django.urls import path

from accueil.booking import public_views

app_name = "booking"

urlpatterns = [
    path("<str:token>/", public_views.manage, name="manage"),
    path("<str:token>/choose/", public_views.choose, name="choose"),
    path("<str:token>/booked/", public_views.booked, name="booked"),
    path("<str:token>/cancel/", public_views.cancel, name="cancel"),
    path("<str:token>/cancelled/", public_views.cancelled, name="cancelled"),
    path("<str:token>/waiting-list/", public_views.waitlist, name="waitlist"),
    path("<str:token>/waiting-list/joined/", public_views.waitlisted, name="waitlisted"),
    path("<str:token>/waiting-list/leave/", public_views.waitlist_leave, name="waitlist_leave"),
    path("<str:token>/invitation.ics", public_views.invitation, name="invitation"),
]
