"""The user's own API token: made (replacing any earlier one) and shown once, or revoked."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .models import ApiToken
from .tokens import token_create, token_revoke


@login_required
def token_page(request):
    new_token = ""
    if request.method == "POST":
        if request.POST.get("action") == "create":
            new_token = token_create(request.user)
        elif request.POST.get("action") == "revoke":
            token_revoke(request.user)
    live = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True).first()
    return render(request, "api/token.html", {"live": live, "new_token": new_token})
