"""The Editors group: every content model, nothing of user or group management."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from iad_site.core import sections


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/group/"])
def test_editor_cannot_reach_user_management(editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_editor_sees_no_user_management_on_the_admin_index(editor_client):
    html = editor_client.get("/admin/").content.decode()

    assert "/admin/auth/" not in html
    assert "/admin/relations/sistercity/" in html


@pytest.mark.parametrize(
    "url",
    ["/admin/relations/sistercity/", "/admin/relations/sistercity/add/", "/admin/pages/plan/add/"],
)
def test_editor_can_open_content_lists_and_forms(editor_client, url):
    assert editor_client.get(url).status_code == 200


def test_editor_can_see_history_and_recover_deleted(editor_client, city):
    assert editor_client.get(f"/admin/relations/sistercity/{city.pk}/history/").status_code == 200
    assert editor_client.get("/admin/relations/sistercity/recover/").status_code == 200


def test_editors_group_holds_only_content_permissions(editor):
    permissions = Group.objects.get(name="Editors").permissions.select_related("content_type")

    assert {p.content_type.app_label for p in permissions} == set(sections.content_app_labels())
    assert {p.codename for p in permissions if p.content_type.model == "sistercity"} == {
        "add_sistercity",
        "change_sistercity",
        "delete_sistercity",
        "view_sistercity",
    }


def test_editors_group_command_can_run_again_without_changing_anything(editor):
    before = set(Group.objects.get(name="Editors").permissions.values_list("pk", flat=True))

    call_command("editors_group", verbosity=0)

    assert Group.objects.filter(name="Editors").count() == 1
    assert set(Group.objects.get(name="Editors").permissions.values_list("pk", flat=True)) == before
