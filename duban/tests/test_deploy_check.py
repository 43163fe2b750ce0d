"""`duban check --deploy` with production settings prints only what the README explains."""

import os
import re
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
HTTPS = {
    "DUBAN_SSL_REDIRECT": "1",
    "DUBAN_SECURE_COOKIES": "1",
    "DUBAN_HSTS_SECONDS": "31536000",
}


def deploy_check(**env) -> set[str]:
    """Run the check in a fresh process with DUBAN_DEBUG=0; return the codes it prints."""
    with tempfile.TemporaryDirectory() as data_dir:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("DUBAN_", "DJANGO_"))}
        environ.update(
            DUBAN_DEBUG="0",
            DUBAN_SECRET_KEY=secrets.token_urlsafe(50),
            DUBAN_ALLOWED_HOSTS="duban.example.gov.cn",
            DUBAN_DATA_DIR=data_dir,
            **env,
        )
        result = subprocess.run(
            [sys.executable, "-m", "duban.cli", "check", "--deploy"],
            capture_output=True,
            text=True,
            env=environ,
            check=False,
        )
    output = result.stdout + result.stderr
    assert "ERRORS:" not in output, output
    return set(re.findall(r"\(([a-z_]+\.[EW]\d{3})\)", output))


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param(
            {**HTTPS, "DUBAN_HSTS_INCLUDE_SUBDOMAINS": "1"}, {"security.W021"}, id="https"
        ),
        pytest.param(HTTPS, {"security.W005", "security.W021"}, id="https-own-subdomains-only"),
        pytest.param(
            {},
            {"security.W004", "security.W008", "security.W012", "security.W016"},
            id="plain-http",
        ),
    ],
)
def test_the_deploy_check_prints_only_what_the_readme_explains(env, expected):
    codes = deploy_check(**env)
    assert codes == expected
    readme = README.read_text(encoding="utf-8")
    for code in codes:
        assert f"`{code}`" in readme
