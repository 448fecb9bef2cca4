"""URLs of the intake pages (built in intake/views.py)."""

app_name = "intake"

urlpatterns: list = []
