from django.contrib.auth.models import User
from django.http import Http404

from .models import Office, StaffMember


def require_membership(user: User) -> None:
    """As `office_of`, when only membership matters: one query, the office not loaded."""
    if not StaffMember.objects.filter(user_id=user.pk).exists():
        raise Http404("You are not a member of any office.")


def office_of(user: User) -> Office:
    """The office a signed-in user works for; a user with none sees nothing (404)."""
    try:
        return user.staff_member.office
    except (StaffMember.DoesNotExist, AttributeError) as exc:
        raise Http404("You are not a member of any office.") from exc
