from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from duban.accounts.access import office_required
from duban.api.forms import TokenForm, WebhookForm
from duban.api.models import ApiToken, Webhook
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


@office_required
def webhook_list(request):
    """The URLs that receive the events, and registering another."""
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        hook = Webhook.register(form.cleaned_data["url"], by=request.user)
        messages.success(request, "推送地址已登记，请将签名密钥配置到接收方。")
        return redirect(hook)
    return render(request, "api/webhooks.html", {"form": form, "hooks": Webhook.objects.all()})


@never_cache
@office_required
def webhook_detail(request, pk: int):
    """A webhook's secret and its delivery log, newest first."""
    hook = get_object_or_404(Webhook, pk=pk)
    deliveries = hook.deliveries.all()[:100]
    return render(request, "api/webhook.html", {"hook": hook, "deliveries": deliveries})


@office_required
@require_POST
def webhook_disable(request, pk: int):
    hook = get_object_or_404(Webhook, pk=pk)
    try:
        hook.disable(request.user)
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "推送地址已停用。")
    return redirect(hook)
