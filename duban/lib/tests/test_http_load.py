"""The load run's clients: each sends its own headers, opens its pages in turn, and every
answer is counted with its status, an error being anything but a 200."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from duban.lib.http_load import Visitor, run_load


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        # A page for the visitor with the right cookie only; /broken always fails.
        allowed = self.headers.get("Cookie") == "sessionid=alice"
        status = 500 if self.path == "/broken" else 200 if allowed else 403
        body = b"ok"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_every_answer_is_counted_and_only_200s_pass(server):
    alice = Visitor(
        "office", {"Cookie": "sessionid=alice"}, [("台账", "/tasks/"), ("坏页", "/broken")]
    )
    stranger = Visitor("unit", {"Cookie": "sessionid=mallory"}, [("台账", "/tasks/")])
    load = run_load("127.0.0.1", server, [alice, stranger], seconds=0.3)
    summary = load.summary()
    pages = summary["pages"]
    assert set(pages) == {"台账", "坏页"}
    assert pages["坏页"]["errors"] == pages["坏页"]["requests"] > 0
    # alice's 台账 pages pass, the stranger's are refused: more requests than errors, some errors.
    assert 0 < pages["台账"]["errors"] < pages["台账"]["requests"]
    assert (
        summary["requests"]
        == len(load.hits)
        == pages["台账"]["requests"] + pages["坏页"]["requests"]
    )
    assert summary["errors"] == pages["台账"]["errors"] + pages["坏页"]["errors"]
    assert load.seconds >= 0.3
    assert summary["throughput"] == round(summary["requests"] / load.seconds, 1)
    assert 0 < summary["p50_ms"] <= summary["p95_ms"] <= summary["max_ms"]


def test_a_server_that_is_not_there_is_an_error_not_a_crash():
    with ThreadingHTTPServer(("127.0.0.1", 0), Handler) as closed:
        port = closed.server_address[1]
    load = run_load("127.0.0.1", port, [Visitor("office", {}, [("台账", "/tasks/")])], 0.1)
    assert load.hits and all(hit.status == 0 for hit in load.hits)
    assert load.summary()["errors"] == len(load.hits)


def test_a_path_must_be_percent_encoded():
    with pytest.raises(ValueError, match="percent-encode"):
        Visitor("office", {}, [("台账关键词", "/tasks/?q=老旧小区")])
