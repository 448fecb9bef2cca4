from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "accueil.booking"
    label = "booking"
