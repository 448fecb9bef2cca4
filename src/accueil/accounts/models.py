"""People who sign in, their roles, and the organisations staff belong to."""

from typing import ClassVar

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accueil.core.translated import in_language


class Role(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    OFFICER = "officer", _("Integration officer")
    PROVIDER = "provider", _("Training-provider staff")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    DPO = "dpo", _("Data-protection officer")
    ADMIN = "admin", _("Administrator")


class OrganisationKind(models.TextChoices):
    # The seed names who organises what: the Integration Department (sessions,
    # orientation days), the Ministry of Education (supervision), the Department of
    # Adult Education (citizenship courses) and the approved language-course providers.
    INTEGRATION_DEPARTMENT = "integration_department", _("Integration Department")
    EDUCATION_MINISTRY = "education_ministry", _("Ministry of Education")
    ADULT_EDUCATION = "adult_education", _("Department of Adult Education")
    INL = "inl", _("National Institute for Languages")
    COMMUNE = "commune", _("Commune")
    ASSOCIATION = "association", _("Association")
    SECONDARY_SCHOOL = "secondary_school", _("Secondary school")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    # The name in French and German (core.translated: empty means "as in English").
    name_fr = models.CharField(_("name in French"), max_length=200, blank=True)
    name_de = models.CharField(_("name in German"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone number"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return in_language(self, "name")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        """`accueil createsuperuser`: the first administrator, with the administrators'
        permissions (accounts.permissions), not Django's superuser, who could read
        everything on the admin site (issue 14, point 6)."""
        fields.update(role=Role.ADMIN, is_staff=True, is_superuser=False)
        return self.create_user(email, password, **fields)


class User(AbstractUser):
    """Anyone who signs in. Email is the login; the role says what they may do."""

    username = None  # type: ignore[assignment]  # no username: the email is the login
    email = models.EmailField(_("email address"), unique=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    # The stubs type AbstractUser.objects as auth's UserManager; ours is its own BaseUserManager.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="user_role_valid"),
            # Provider staff act for exactly one provider; nobody else acts for one.
            models.CheckConstraint(
                condition=Q(role=Role.PROVIDER, organisation__isnull=False)
                | (~Q(role=Role.PROVIDER) & ~Q(role=Role.CANDIDATE))
                | Q(role=Role.CANDIDATE, organisation__isnull=True),
                name="user_organisation_matches_role",
            ),
            # Only administrators reach Django's admin site.
            models.CheckConstraint(
                condition=Q(is_staff=False) | Q(role=Role.ADMIN), name="user_staff_only_admin"
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email
