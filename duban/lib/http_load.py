"""Concurrent HTTP clients for a bounded time, for the load run (`duban bench load`).

Each visitor is a thread with its own connection and headers (a session cookie, a token) that
opens its pages in turn until the time is up; every answer is noted with its status and time.
Only the standard library: the load run needs nothing the server does not.
"""

import http.client
import itertools
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from duban.lib.timings import ms, percentile


@dataclass(frozen=True)
class Visitor:
    """A client: who it is (its role, for the report), its headers and the pages it opens."""

    role: str
    headers: dict[str, str]
    pages: list[tuple[str, str]]  # (label, path), the path in ASCII (percent-encoded)

    def __post_init__(self):
        # http.client sends the request line in ASCII: a raw 关键词 would kill the thread.
        for _, path in self.pages:
            if not path.isascii():
                raise ValueError(f"percent-encode the path {path!r}")


@dataclass(frozen=True)
class Hit:
    page: str
    seconds: float  # from sending the request to the last byte of the answer
    status: int  # 0 when no answer came (refused, reset, timed out)


@dataclass(frozen=True)
class Load:
    hits: list[Hit]
    seconds: float  # from the start to the last answer

    def summary(self) -> dict:
        """Requests, throughput, p50/p95/max and errors (any answer but a 200), overall and per page."""
        pages = defaultdict(list)
        for hit in self.hits:
            pages[hit.page].append(hit)
        return {
            **_figures(self.hits, self.seconds),
            "pages": {page: _figures(hits, self.seconds) for page, hits in sorted(pages.items())},
        }


def _figures(hits: list[Hit], seconds: float) -> dict:
    times = [hit.seconds for hit in hits] or [0.0]
    return {
        "requests": len(hits),
        "throughput": round(len(hits) / seconds, 1),
        "p50_ms": ms(statistics.median(times)),
        "p95_ms": ms(percentile(times, 0.95)),
        "max_ms": ms(max(times)),
        "errors": sum(1 for hit in hits if hit.status != 200),
    }


def run_load(host: str, port: int, visitors: list[Visitor], seconds: float, timeout=60.0) -> Load:
    """Every visitor opening its pages at once, each waiting for an answer before the next,
    until `seconds` have passed; a request under way then is waited for and counted."""
    hits: list[Hit] = []
    lock = threading.Lock()
    start = threading.Barrier(len(visitors) + 1)
    deadline = [0.0]

    def visit(visitor: Visitor) -> None:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        found = []
        start.wait()
        for page, path in itertools.cycle(visitor.pages):
            if time.perf_counter() >= deadline[0]:
                break
            found.append(_hit(connection, page, path, visitor.headers))
        connection.close()
        with lock:
            hits.extend(found)

    threads = [threading.Thread(target=visit, args=(v,), daemon=True) for v in visitors]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join()
    return Load(hits, time.perf_counter() - began)


def _hit(connection: http.client.HTTPConnection, page: str, path: str, headers) -> Hit:
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        # The next request opens a fresh connection.
        connection.close()
        status = 0
    return Hit(page, time.perf_counter() - started, status)
