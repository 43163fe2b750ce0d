import re
from datetime import date
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.http import Http404

from duban.lib.stored_files import download_response, random_upload_name


class MissingFile:
    def open(self, mode):
        raise FileNotFoundError


def test_an_upload_gets_a_random_name_keeping_only_a_short_lower_case_suffix(settings):
    settings.DUBAN_TODAY = date(2022, 9, 10)
    first = random_upload_name("evidence/notices", "../../凭证.PDF")
    second = random_upload_name("evidence/notices", "凭证.PDF")

    assert re.fullmatch(r"evidence/notices/2022/09/[0-9a-f]{32}\.pdf", first)
    assert first != second
    assert random_upload_name("evidence", "a.verylongsuffixindeed").endswith(".verylongs")


def test_a_download_is_an_attachment_that_browsers_neither_sniff_nor_run():
    stored = SimpleNamespace(
        file=ContentFile(b"<script>", name="x.pdf"),
        original_name="拨付凭证.pdf",
        content_type="application/pdf",
    )

    response = download_response(stored)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == b"<script>"


def test_a_file_missing_from_storage_is_a_404():
    stored = SimpleNamespace(file=MissingFile(), original_name="a.pdf", content_type="")

    with pytest.raises(Http404):
        download_response(stored)
