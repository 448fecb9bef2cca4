"""The candidate's online registration: start page, eligibility check, question
pages, check your answers, confirmation (built in registration/public_views.py)."""

app_name = "register"

urlpatterns: list = []
