from duban.accounts.access import get_profile, is_office


class Access:
    """What the page header needs to know about the user, computed once per request."""

    def __init__(self, user):
        self.profile = get_profile(user)
        self.is_office = is_office(user)
        self.user = user

    @property
    def label(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        if self.profile is None:
            return f"{name}（督查室）" if self.is_office else name
        if self.profile.unit_id:
            return f"{name}（{self.profile.unit.name}）"
        return f"{name}（{self.profile.get_role_display()}）"


def access(request) -> dict:
    if not request.user.is_authenticated:
        return {}
    return {"access": Access(request.user)}
