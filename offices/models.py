from django.conf import settings
from django.db import models

# The time zones of the federal districts (the 50 states, D.C., Puerto Rico, the Virgin Islands,
# Guam and the Northern Mariana Islands), for showing an office its own local times.
TIME_ZONES = (
    ("America/New_York", "Eastern"),
    ("America/Chicago", "Central"),
    ("America/Denver", "Mountain"),
    ("America/Phoenix", "Mountain, no daylight saving (Arizona)"),
    ("America/Los_Angeles", "Pacific"),
    ("America/Anchorage", "Alaska"),
    ("Pacific/Honolulu", "Hawaii"),
    ("America/Puerto_Rico", "Atlantic (Puerto Rico, Virgin Islands)"),
    ("Pacific/Guam", "Chamorro (Guam, Northern Mariana Islands)"),
)


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
    time_zone = models.CharField(
        max_length=40,
        choices=TIME_ZONES,
        default="America/Los_Angeles",
        help_text="The office's local time, in which its staff see every date and time.",
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
