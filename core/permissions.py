"""Permission policies shared by the apps' admin listings of submissions and logs."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class RecordPermissionPolicy(ModelPermissionPolicy):
    """For records the site writes itself (submissions, outbox rows): staff may view, export and
    delete them with the usual permissions, but nobody adds or edits them by hand (a subscriber
    typed in by staff would skip the double opt-in; an edited outbox row would lie about what
    was sent)."""

    read_only_actions = {"add", "change", "copy"}

    def user_has_permission(self, user, action):
        if action in self.read_only_actions:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in self.read_only_actions:
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def users_with_any_permission(self, actions):
        actions = [a for a in actions if a not in self.read_only_actions]
        if not actions:  # Wagtail's would still list every superuser
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
