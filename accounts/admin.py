from django.contrib import admin

from .models import LoginSession


@admin.register(LoginSession)
class LoginSessionAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at")
    list_select_related = ("user",)
