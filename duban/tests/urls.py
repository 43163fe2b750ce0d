"""The URLconf as a list: every named pattern, with its full name and its parameters."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass
class Pattern:
    name: str  # namespaced, e.g. "ledger:task"
    route: str  # the full route, e.g. "tasks/<id:pk>/"
    params: (
        dict  # parameter name -> converter class name ("id", "year", "slug", "str", "path", "re")
    )
    defaults: dict  # extra kwargs passed by the pattern (e.g. {"action": "open"})


def _walk(patterns, prefix: str, namespace: str, params: dict):
    for p in patterns:
        converters = {
            k: type(v).__name__.removesuffix("Converter").lower()
            for k, v in p.pattern.converters.items()
        }
        regex_groups = {g: "re" for g in p.pattern.regex.groupindex if g not in converters}
        here = {**params, **converters, **regex_groups}
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, route, ns, here)
        elif isinstance(p, URLPattern) and p.name:
            yield Pattern(namespace + p.name, route, here, dict(p.default_args))


def patterns() -> list[Pattern]:
    """Every named URL pattern of the project, admin included."""
    return list(_walk(get_resolver().url_patterns, "", "", {}))


# The REST API answers tokens, not sessions: duban/api/tests/endpoint_table.py declares it
# per operation and token role, and its tests walk it.
API_NAMESPACE = "api-v1:"


def page_patterns() -> list[Pattern]:
    """Every named pattern but the REST API's."""
    return [p for p in patterns() if not p.name.startswith(API_NAMESPACE)]
