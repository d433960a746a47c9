from django.http import Http404

from .models import Office, StaffMember


def office_of(user) -> Office:
    """The office a signed-in user works for; a user with none sees nothing (404)."""
    try:
        return user.staff_member.office
    except (StaffMember.DoesNotExist, AttributeError) as exc:
        raise Http404("You are not a member of any office.") from exc
