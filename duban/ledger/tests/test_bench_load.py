"""`duban bench load`: the clients it sends against gunicorn, and what it refuses."""

import io
import random
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, TestCase

from duban.ledger.bench import Ledger
from duban.ledger.loadrun import visitors


class VisitorsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        Ledger().add(20, 2)

    def test_each_client_is_logged_in_as_its_own_user_and_each_of_its_pages_answers_200(self):
        crowd = visitors(5, random.Random(7))  # noqa: S311
        assert sorted(v.role for v in crowd) == ["api", "leader", "office", "unit", "unit"]
        cookies = [v.headers["Cookie"] for v in crowd if v.role != "api"]
        assert len(set(cookies)) == 4
        for visitor in crowd:
            for page, path in visitor.pages:
                answer = Client().get(path, headers=visitor.headers)
                assert answer.status_code == 200, (visitor.role, page, path)
            # Without the client's cookie or token its pages are not served.
            assert Client().get(visitor.pages[0][1]).status_code != 200, visitor.role

    def test_too_few_clients_for_every_role_are_refused(self):
        with pytest.raises(ValueError, match="at least four clients"):
            visitors(3, random.Random(7))  # noqa: S311


def test_the_load_run_needs_postgresql():
    with (
        mock.patch.object(connection, "vendor", "sqlite"),
        pytest.raises(CommandError, match="needs PostgreSQL") as error,
    ):
        call_command("bench", "load", stdout=io.StringIO())
    assert error.value.returncode == 2


def test_the_load_runs_figures_must_be_sane():
    with pytest.raises(CommandError, match="--clients must be at least 4") as error:
        call_command("bench", "load", "--clients", "2", stdout=io.StringIO())
    assert error.value.returncode == 2
