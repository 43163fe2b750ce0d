"""Form widgets the apps share."""

from django import forms
from django.urls import reverse

from duban.lib.params import parse_id


class SuggestSelect(forms.Select):
    """A model <select> holding only the empty and the chosen option, which suggest.js turns
    into a type-ahead box asking `url_name` for the others (JSON, see ledger/suggestions.py).

    A province has thousands of units: listing them all on every page view costs a query and
    a page of <option>s. Without JavaScript the chosen filter still shows and can be cleared.
    """

    class Media:
        css = {"all": ["vendor/tom-select/tom-select.min.css"]}
        js = ["vendor/tom-select/tom-select.complete.min.js", "duban/suggest.js"]

    def __init__(self, url_name: str, placeholder: str, attrs=None):
        super().__init__(attrs)
        self.url_name = url_name
        self.placeholder = placeholder

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(
            {"data-suggest": reverse(self.url_name), "data-placeholder": self.placeholder}
        )
        return context

    def optgroups(self, name, value, attrs=None):
        """The empty option and, when `value` is an id of the field's queryset, its option."""
        field = self.choices.field
        ids = [pk for pk in map(parse_id, value) if pk is not None]
        chosen = (
            [
                (obj.pk, field.label_from_instance(obj))
                for obj in field.queryset.filter(pk__in=ids[:1])
            ]
            if ids
            else []
        )
        options = [("", field.empty_label or ""), *chosen]
        return [
            (
                None,
                [self.create_option(name, key, label, str(key) in value, index, attrs=attrs)],
                index,
            )
            for index, (key, label) in enumerate(options)
        ]
