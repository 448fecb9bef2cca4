"""URLs of the social pages (built in social/views.py)."""

app_name = "social"

urlpatterns: list = []
