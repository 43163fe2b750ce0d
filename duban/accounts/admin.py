from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from duban.accounts.models import Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


class DubanUserAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "last_name", "first_name", "role", "is_active", "is_superuser"]
    list_select_related = ["profile"]
    list_filter = ["profile__role", "is_active", "is_superuser"]

    @admin.display(description="角色", ordering="profile__role")
    def role(self, user: User) -> str:
        profile = getattr(user, "profile", None)
        return profile.get_role_display() if profile else ""


admin.site.unregister(User)
admin.site.register(User, DubanUserAdmin)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "official", "unit"]
    list_filter = ["role"]
    list_select_related = ["user", "official", "unit"]
    search_fields = ["user__username", "official__name", "unit__name"]
    autocomplete_fields = ["user"]
