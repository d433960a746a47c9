from django.contrib import admin

from .models import Office, StaffMember


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "district", "time_zone")


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    list_display = ("user", "office", "role")
    list_select_related = ("user", "office")
