"""URLs of the training pages (built in training/views.py)."""

app_name = "training"

urlpatterns: list = []
