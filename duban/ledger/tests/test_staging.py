import hashlib
import os
import time

import pytest

from duban.ledger import staging


@pytest.fixture(autouse=True)
def _upload_dir(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"


def test_a_staged_file_is_found_by_its_digest_until_discarded():
    digest = staging.stage(b"notice")
    assert digest == hashlib.sha256(b"notice").hexdigest()
    assert staging.path(digest).read_bytes() == b"notice"
    staging.discard(digest)
    assert staging.path(digest) is None


def test_a_malformed_digest_finds_nothing_and_removes_nothing(settings):
    digest = staging.stage(b"notice")
    assert staging.path("../../etc/passwd") is None
    staging.discard("../" + digest)
    assert staging.path(digest) is not None


def test_staging_removes_files_left_unconfirmed_for_a_day(settings):
    stale, fresh = staging.stage(b"old notice"), staging.stage(b"recent notice")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(settings.UPLOAD_DIR / stale, (two_days_ago, two_days_ago))
    other = settings.UPLOAD_DIR / "README"  # not a staged upload: left alone
    other.write_text("x")
    os.utime(other, (two_days_ago, two_days_ago))
    staging.stage(b"next notice")
    assert staging.path(stale) is None
    assert staging.path(fresh) is not None
    assert other.exists()
