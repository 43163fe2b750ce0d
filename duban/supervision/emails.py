"""E-mails from templates: each is a subject / body-text / body-html trio under emails/."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send(name: str, context: dict, to: list[str]) -> None:
    """Render emails/<name>-subject.html, -body-text.html and -body-html.html and send them."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{name}-subject.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"emails/{name}-body-text.html", context),
        to=to,
    )
    message.attach_alternative(
        render_to_string(f"emails/{name}-body-html.html", context), "text/html"
    )
    message.send()
