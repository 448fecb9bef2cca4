from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "accueil.audit"
    label = "audit"
