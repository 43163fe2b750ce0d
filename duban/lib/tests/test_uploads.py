"""An oversized upload is refused while it streams in, not after it is stored."""

import io

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse

from duban.lib.uploads import request_limit
from duban.testing import BaseTestCase

BOUNDARY = "duban-boundary"
HEAD = (
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="file"; filename="big.docx"\r\n'
    "Content-Type: application/octet-stream\r\n\r\n"
).encode()


class EndlessBody(io.RawIOBase):
    """A multipart body of `size` bytes, produced as it is read and counting what was read."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.size - self.read_bytes)
        chunk = (HEAD if self.read_bytes == 0 else b"") + b"x" * n
        chunk = chunk[:n]
        buffer[:n] = chunk
        self.read_bytes += n
        return n


def post(body: EndlessBody, declared: int, cookies: str) -> int:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/import/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BufferedReader(body),
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(declared),
        "HTTP_COOKIE": cookies,
    }
    statuses = []
    # As the test client does: the test's database connection must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return int(statuses[0].split()[0])


class UploadLimitTestCase(BaseTestCase):
    def setUp(self):
        # The office's session and CSRF cookies, so the body is what decides.
        self.client.force_login(self.alice)
        self.client.get(reverse("ledger:import"))
        self.cookies = "; ".join(f"{k}={v.value}" for k, v in self.client.cookies.items())

    def test_a_200_mb_body_is_refused_before_it_is_read(self):
        body = EndlessBody(200 * 1024 * 1024)
        self.assertEqual(post(body, body.size, self.cookies), 400)
        self.assertEqual(body.read_bytes, 0)

    def test_a_body_within_the_limit_is_read(self):
        body = EndlessBody(request_limit())
        # Read in full; the form then finds no CSRF token in it.
        self.assertEqual(post(body, body.size, self.cookies), 403)
        self.assertEqual(body.read_bytes, body.size)

    def test_the_limit_leaves_room_for_the_largest_file_allowed(self):
        with self.settings(DUBAN_MAX_UPLOAD_BYTES=5, DUBAN_MAX_EVIDENCE_BYTES=7):
            self.assertEqual(request_limit(), 7 + 1024 * 1024)
