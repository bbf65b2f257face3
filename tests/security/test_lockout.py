"""Guessing a staff password: the admin sign-in locks after repeated failures (django-axes, by username and
address, whatever X-Forwarded-For claims), and weak passwords are refused in the first place."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def post_login(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR="203.0.113.7")


def test_admin_login_locks_after_repeated_wrong_passwords(client, django_user_model, settings):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_login(client, "staff", "wrong-password").status_code == 200

    locked = post_login(client, "staff", "wrong-password")
    right_password = post_login(client, "staff", "a-long-right-password")

    assert locked.status_code == 429
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(client, django_user_model, settings):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            reverse("admin:login"),
            {
                "username": "staff",
                "password": "a-long-right-password" if attempt == settings.AXES_FAILURE_LIMIT else "no",
            },
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}",
        )

    assert response.status_code == 429


def test_admin_login_still_works_below_the_failure_limit(client, django_user_model, settings):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        post_login(client, "staff", "wrong-password")

    response = post_login(client, "staff", "a-long-right-password")

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.parametrize(("language", "heading"), [("en", "Sign-in locked"), ("th", "ระงับการเข้าสู่ระบบชั่วคราว")])
def test_lockout_page_is_in_the_staff_members_language(client, django_user_model, settings, language, heading):
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-right-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            reverse("admin:login"),
            {"username": "staff", "password": "wrong"},
            HTTP_ACCEPT_LANGUAGE=language,
        )

    assert response.status_code == 429
    assert heading in response.content.decode()
    assert " 30 " in response.content.decode()  # minutes to wait


@pytest.mark.parametrize("password", ["bangkok", "1234567890123", "password1234", "somchai.staff"])
def test_weak_staff_passwords_are_refused(django_user_model, password):
    """Too short, all digits, a common password, too like the username."""
    with pytest.raises(ValidationError):
        validate_password(password, django_user_model(username="somchai.staff"))
