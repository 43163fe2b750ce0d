import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent
# The read-only shared folder sits beside the repository, in CI as on a developer's machine.
SHARED = Path(os.getenv("DUBAN_SHARED_DIR", REPO.parent / "shared"))
SEED = SHARED / "seed"
REFERENCE = "000_de8080339d2f7ae4"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEED


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    # Session-wide, so users made in setUpTestData are hashed fast too.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _private_file_folders():
    """Each test process stages uploads and writes files in a folder of its own: a test that
    confirms an import removes the staged file, which a test in another xdist worker, or the
    demo server's own var/, may be reading."""
    from django.conf import settings

    with tempfile.TemporaryDirectory(prefix="duban-test-") as folder:
        settings.UPLOAD_DIR = Path(folder) / "uploads"
        settings.MEDIA_ROOT = Path(folder) / "files"
        yield


def pytest_collection_modifyitems(config, items):
    """Start each xdist worker on its share of the `walk` tests (minutes each, against seconds
    for the rest), so that no worker is left alone with one at the end.

    `--dist worksteal` first hands worker i the i-th contiguous slice of the collection, then
    moves tests from the tail of a busy worker's queue to an idle one: a walk placed at the
    head of a slice runs first on that worker and is never moved.
    """
    workers = getattr(config, "workerinput", {}).get("workercount", 1)
    walks = [item for item in items if item.get_closest_marker("walk")]
    if workers < 2 or not walks:
        return
    rest = [item for item in items if not item.get_closest_marker("walk")]
    ordered = []
    for i in range(workers):
        share = walks[i::workers]
        # The slice worksteal sends worker i: what is left divided by the workers left.
        size = (len(items) - len(ordered)) // (workers - i)
        ordered += share + rest[: max(size - len(share), 0)]
        rest = rest[max(size - len(share), 0) :]
    items[:] = ordered + rest
