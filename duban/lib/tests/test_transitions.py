"""The transition vocabulary: a state check that refuses, a compare-and-set that loses a race."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import TestCase

from duban.lib.transitions import (
    STALE_MESSAGE,
    StaleRecord,
    TransitionError,
    advance,
    compare_and_set,
    require_permission,
    require_state,
)


class Light:
    """A record with a labelled state, as a model with `choices` has."""

    LABELS = {"red": "红灯", "green": "绿灯"}

    def __init__(self, state):
        self.state = state

    def get_state_display(self):
        return self.LABELS[self.state]


def test_the_state_check_passes_an_allowed_state():
    require_state(Light("green"), "state", ["green"], "“{state}”状态下不能通行")


def test_the_state_check_refuses_with_the_current_state_named():
    with pytest.raises(TransitionError, match="^“红灯”状态下不能通行$"):
        require_state(Light("red"), "state", ["green"], "“{state}”状态下不能通行")


def test_the_permission_check_refuses_with_a_403_and_its_message():
    require_permission(True, "只有督查室可以执行此操作。")
    with pytest.raises(PermissionDenied, match="只有督查室"):
        require_permission(False, "只有督查室可以执行此操作。")


def test_a_stale_record_is_a_transition_error_with_a_message_for_users():
    assert issubclass(StaleRecord, TransitionError)
    assert str(StaleRecord()) == STALE_MESSAGE


class CompareAndSetTestCase(TestCase):
    def setUp(self):
        self.group = Group.objects.create(name="起草")

    def test_it_writes_when_the_field_still_holds_the_expected_value(self):
        compare_and_set(Group, self.group.pk, "name", "起草", name="报送")
        self.group.refresh_from_db()
        self.assertEqual(self.group.name, "报送")

    def test_it_refuses_the_loser_of_a_race_and_keeps_the_winners_write(self):
        mine, theirs = Group.objects.get(pk=self.group.pk), Group.objects.get(pk=self.group.pk)
        advance(theirs, "name", name="报送")
        with self.assertRaisesMessage(StaleRecord, "已被他人修改"):
            advance(mine, "name", name="退回")
        self.assertEqual(mine.name, "起草")
        self.group.refresh_from_db()
        self.assertEqual(self.group.name, "报送")

    def test_it_takes_a_queryset_and_the_callers_message(self):
        others = Group.objects.exclude(pk=self.group.pk)
        with self.assertRaisesMessage(StaleRecord, "已被删除"):
            compare_and_set(others, self.group.pk, "name", "起草", message="已被删除", name="x")
        self.group.refresh_from_db()
        self.assertEqual(self.group.name, "起草")

    def test_advance_leaves_the_instance_holding_the_new_values(self):
        advance(self.group, "name", name="报送")
        self.assertEqual(self.group.name, "报送")
