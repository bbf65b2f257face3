"""An editor, content and form helpers for the tests of the content admin base (staff signed in as a
superuser use pytest-django's own `admin_client`)."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from relations.models import Country, SisterCity


@pytest.fixture
def editor(db):
    call_command("editors_group", verbosity=0)
    user = User.objects.create_user("somchai", "somchai@example.org", "a-long-password-1", is_staff=True)
    user.groups.add(user.groups.model.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def country(db):
    return Country.objects.create(iso_code="JP", name_th="ญี่ปุ่น", name_en="Japan")


@pytest.fixture
def city(country):
    return SisterCity.objects.create(
        slug="tokyo", name_th="โตเกียว", name_en="Tokyo", country=country, sort_order=10, profile_th="มหานคร"
    )


def admin_form_data(response, **changes):
    """The POST data a browser would send for the admin form in `response`, with `changes` applied."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            value = form[name].value()
            if field.widget.__class__.__name__ in ("ClearableFileInput", "FileInput"):
                continue
            if getattr(field.widget, "input_type", None) == "checkbox":
                if value:
                    data[key] = "on"
                continue
            if value is None:
                value = ""
            if isinstance(value, (list, tuple)):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)
    data.update(changes)
    return data


def image_bytes(image_format="JPEG", size=(1200, 800), **save_options):
    buffer = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(buffer, image_format, **save_options)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
