from django.conf import settings
from django.db import models


class Office(models.Model):
    """A defender's or probation office. Its staff see only its cases."""

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text='The office\'s name, e.g. "Federal Public Defender, C.D. Cal.".',
    )
    district = models.CharField(
        max_length=8, help_text="The courts-db id of the district the office serves, e.g. cacd."
    )

    def __str__(self) -> str:
        return self.name


class StaffMember(models.Model):
    """Links a user to one office, with the role that decides how documents are titled."""

    class Role(models.TextChoices):
        DEFENSE = "defense", "Defense"
        PROBATION = "probation", "Probation"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_member"
    )
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="staff")
    role = models.CharField(max_length=16, choices=Role.choices)

    def __str__(self) -> str:
        return f"{self.user} ({self.office})"
