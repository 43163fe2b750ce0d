from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from duban.accounts.models import Profile
from duban.audit.admin import AuditedAdmin, ReadOnlyAdmin


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


class DubanUserAdmin(AuditedAdmin, UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "last_name", "first_name", "role", "is_active", "is_superuser"]
    list_select_related = ["profile"]
    list_filter = ["profile__role", "is_active", "is_superuser"]

    @admin.display(description="角色", ordering="profile__role")
    def role(self, user: User) -> str:
        profile = getattr(user, "profile", None)
        return profile.get_role_display() if profile else ""


class DubanGroupAdmin(AuditedAdmin, GroupAdmin):
    pass


admin.site.unregister(User)
admin.site.register(User, DubanUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, DubanGroupAdmin)


class DubanAccessAttemptAdmin(AuditedAdmin, AccessAttemptAdmin):
    """Deleting an attempt here lifts a lockout, as duban.accounts.lockouts.unlock does."""


class DubanAccessLogAdmin(ReadOnlyAdmin, AccessLogAdmin):
    pass


class DubanAccessFailureLogAdmin(ReadOnlyAdmin, AccessFailureLogAdmin):
    pass


for model, model_admin in [
    (AccessAttempt, DubanAccessAttemptAdmin),
    (AccessLog, DubanAccessLogAdmin),
    (AccessFailureLog, DubanAccessFailureLogAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)


@admin.register(Profile)
class ProfileAdmin(AuditedAdmin):
    list_display = ["user", "role", "official", "unit"]
    list_filter = ["role"]
    list_select_related = ["user", "official", "unit"]
    search_fields = ["user__username", "official__name", "unit__name"]
    autocomplete_fields = ["user"]
