from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from .models import LoginSession


@receiver(user_logged_in)
def remember_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if request.session.session_key is None:
        request.session.save()
    LoginSession.objects.update_or_create(
        session_key=request.session.session_key, defaults={"user": user}
    )


@receiver(user_logged_out)
def forget_session(sender, request, user, **kwargs):
    if request is not None and getattr(request, "session", None) is not None:
        LoginSession.objects.filter(session_key=request.session.session_key).delete()
