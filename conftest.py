import os
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
