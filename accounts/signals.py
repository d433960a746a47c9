from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from config.middleware import TIME_ZONE_KEY
from config.sessions import session_key_cycled
from offices.models import StaffMember

from .models import LoginSession


@receiver(user_logged_in)
def remember_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    # Read once at login, so that showing local times costs no query per request.
    member = StaffMember.objects.filter(user=user).select_related("office").first()
    if member is not None:
        request.session[TIME_ZONE_KEY] = member.office.time_zone
    if request.session.session_key is None:
        request.session.save()
    LoginSession.objects.update_or_create(
        session_key=request.session.session_key, defaults={"user": user}
    )


@receiver(user_logged_out)
def forget_session(sender, request, user, **kwargs):
    if request is not None and getattr(request, "session", None) is not None:
        LoginSession.objects.filter(session_key=request.session.session_key).delete()


@receiver(session_key_cycled)
def follow_new_key(sender, old_key, new_key, **kwargs):
    """A password change gives the session a new key (update_session_auth_hash): keep it known,
    so that "Log out everywhere" ends this session too."""
    LoginSession.objects.filter(session_key=old_key).update(session_key=new_key)
