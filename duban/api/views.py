from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from duban.accounts.access import office_required
from duban.api.forms import TokenForm
from duban.api.models import ApiToken
from duban.lib.transitions import TransitionError


@never_cache
@office_required
def token_list(request):
    """The office's API tokens; a new one's secret is shown in this answer only."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        token, secret = ApiToken.issue(**form.cleaned_data, by=request.user)
        form = TokenForm()
    tokens = ApiToken.objects.select_related("user__profile", "created_by")
    ctx = {"form": form, "tokens": tokens, "secret": secret}
    return render(request, "api/tokens.html", ctx)


@office_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk)
    try:
        token.revoke(request.user)
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已吊销令牌“{token.name}”。")
    return redirect("api:tokens")
