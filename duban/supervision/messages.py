"""Messages that announce a hand-off: an in-app 消息 and an e-mail, by one rule for both.

A model method that hands work to someone calls `send_message` inside its transaction; the
method that handles that work calls `mark_handled`, so the message reads as done.
"""

from django.db import transaction

from duban.lib import clock
from duban.supervision.emails import send
from duban.supervision.models.notifications import Notification, about_key

# The e-mail subject carries the message's first line up to this length after its 【tag】.
SUBJECT_LENGTH = 60


def send_message(users, *, subject: str, text: str, url: str, about=None) -> None:
    """In-app 消息 and e-mail to each user with one rule for both, sent on transaction commit.

    `subject` is the short tag the e-mail subject leads with (【报告退回】…), `text` the message
    (its first line also ends the subject), `about` the model instance the message points to.
    The notifications are written in the caller's transaction; the e-mails leave after it commits,
    one per user with an address, so a rolled-back change mails no one.
    """
    users = list(dict.fromkeys(users))
    key = about_key(about) if about is not None else ""
    Notification.objects.notify(users, text, url, about=key)
    headline = text.splitlines()[0] if text else ""
    if len(headline) > SUBJECT_LENGTH:
        headline = headline[: SUBJECT_LENGTH - 1] + "…"
    context = {"tag": subject, "headline": headline, "text": text, "url": url}
    for user in users:
        if user.email:
            # Robust: the change is committed by then, so a mail server that fails is logged
            # rather than shown as an error the user would answer by trying again.
            transaction.on_commit(
                lambda user=user: send("message", {**context, "user": user}, [user.email]),
                robust=True,
            )


def mark_handled(about, users=None) -> int:
    """Mark read the unread messages about `about` (a model instance), for `users` or everyone."""
    messages = Notification.objects.about(about).unread()
    if users is not None:
        messages = messages.filter(user__in=users)
    return messages.update(read_at=clock.now())
