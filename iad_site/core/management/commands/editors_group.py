"""Creates or resets the "Editors" group: everything content editors need in the admin, and nothing more.

Editors may add, change, delete and view every kind of content (sister cities, networks, embassies, pages,
plans…). With the change permission they also see an item's history and revert it; with the add
permission they recover deleted items. They get no permission on users, groups, sessions, the admin log or
the login-lockout records, so user management stays with the superusers. Safe to run again: the group's
permissions are set to exactly this list each time (`make setup` runs it after migrating).
"""

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import BaseCommand

from iad_site.core import sections

EDITORS_GROUP = "Editors"
ACTIONS = ("add", "change", "delete", "view")


def editor_permissions():
    permissions = []
    # Every model of every content section (iad_site.core.sections) is editable by editors.
    for label in sections.content_app_labels():
        app_config = apps.get_app_config(label)
        # Permissions are normally created after migrating; make sure they exist before looking them up.
        create_permissions(app_config, verbosity=0)
        for model in app_config.get_models():
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            codenames = [get_permission_codename(action, model._meta) for action in ACTIONS]
            permissions.extend(Permission.objects.filter(content_type=content_type, codename__in=codenames))
    return permissions


def ensure_editors_group():
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions())
    return group


class Command(BaseCommand):
    help = 'Create the "Editors" group, or reset its permissions, for staff who keep the site\'s content.'

    def handle(self, *args, **options):
        group = ensure_editors_group()
        if options["verbosity"] > 0:
            self.stdout.write(f'Group "{group.name}": {group.permissions.count()} permissions.')
