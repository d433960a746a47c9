from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .services import sessions_end_all


@login_required
@require_POST
def logout_everywhere(request):
    """Ends this session and every other one of the same user (another browser, a lost laptop)."""
    user = request.user
    logout(request)
    sessions_end_all(user=user)
    messages.info(request, "You are logged out on every device.")
    return redirect("login")
