"""The public page cache (iad_site/pagecache/cache.py): served from memory, dropped on any edit, never for staff."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from iad_site.pagecache.cache import CachedPagesApp, connect_signals
from relations.models import SisterCity
from tests.core.conftest import admin_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.is_superuser = True
    user.save()
    client.force_login(user)
    return client


def test_second_anonymous_request_is_served_from_cache_without_queries(
    client, city, language, django_assert_num_queries
):
    path = f"/{language}/sister-cities/fukuoka/"
    first = client.get(path)

    with django_assert_num_queries(0):
        second = client.get(path)

    assert first["X-Cache"] == "MISS"
    assert getattr(city, f"name_{language}") in first.content.decode()
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content


def test_each_language_and_query_string_is_cached_separately(client, city):
    paths = ["/th/sister-cities/", "/en/sister-cities/", "/en/sister-cities/?country=JP"]
    first = {path: client.get(path) for path in paths}
    # A change that sends no signal: from here on a fresh render would differ from the stored pages.
    SisterCity.objects.filter(pk=city.pk).update(name_th="ฟุกุโอกะใหม่", name_en="New Fukuoka")

    again = {path: client.get(path) for path in paths}

    assert len({response.content for response in first.values()}) == len(paths)
    assert [first[path]["X-Cache"] for path in paths] == ["MISS"] * len(paths)
    assert [again[path]["X-Cache"] for path in paths] == ["HIT"] * len(paths)
    assert [again[path].content for path in paths] == [first[path].content for path in paths]


def test_orm_edit_shows_at_once_in_both_languages(client, city):
    for path in (
        "/th/sister-cities/",
        "/en/sister-cities/",
        "/th/sister-cities/fukuoka/",
        "/en/sister-cities/fukuoka/",
    ):
        client.get(path)

    city.name_th = "ฟุกุโอกะ (แก้ไข)"
    city.name_en = "Fukuoka City"
    city.save()

    assert "ฟุกุโอกะ (แก้ไข)" in client.get("/th/sister-cities/").content.decode()
    assert "Fukuoka City" in client.get("/en/sister-cities/").content.decode()
    assert "ฟุกุโอกะ (แก้ไข)" in client.get("/th/sister-cities/fukuoka/").content.decode()
    assert "Fukuoka City" in client.get("/en/sister-cities/fukuoka/").content.decode()


def test_editing_a_related_model_invalidates_pages_that_show_it(client, city):
    client.get("/en/sister-cities/fukuoka/")

    city.country.name_en = "Nippon"
    city.country.save()
    response = client.get("/en/sister-cities/fukuoka/")

    assert response["X-Cache"] == "MISS"
    assert "Nippon" in response.content.decode()


def test_delete_invalidates(client, city):
    assert client.get("/en/sister-cities/fukuoka/").status_code == 200

    city.delete()

    assert client.get("/en/sister-cities/fukuoka/").status_code == 404


def test_admin_delete_shows_at_once_to_anonymous_visitors(client, city, django_user_model):
    anonymous = client.__class__()
    assert "Fukuoka" in anonymous.get("/en/sister-cities/").content.decode()
    staff = django_user_model.objects.create_superuser("chief", password="a-long-test-password")
    client.force_login(staff)

    response = client.post(f"/admin/relations/sistercity/{city.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert "Fukuoka" not in anonymous.get("/en/sister-cities/").content.decode()


def change_through_admin(admin_client, city, **changes):
    """Saves the city's change form as staff would, with `changes` typed in."""
    url = f"/admin/relations/sistercity/{city.pk}/change/"
    response = admin_client.post(url, admin_form_data(admin_client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response


def test_admin_edit_shows_at_once_to_anonymous_visitors(client, admin_client, city):
    client.get("/th/sister-cities/fukuoka/")
    cached = client.get("/th/sister-cities/fukuoka/")

    change_through_admin(admin_client, city, name_th="ฟุกุโอกะ (แก้ไข)")
    response = client.get("/th/sister-cities/fukuoka/")

    assert cached["X-Cache"] == "HIT"
    assert response["X-Cache"] == "MISS"
    assert "ฟุกุโอกะ (แก้ไข)" in response.content.decode()


@pytest.fixture
def without_model_signals():
    """The page cache's save, delete and many-to-many receivers disconnected: only the admin's own
    invalidation is left, as for a bulk action or an import that writes with queryset.update()."""
    receivers = (
        (post_save, "iad_page_cache_save"),
        (post_delete, "iad_page_cache_delete"),
        (m2m_changed, "iad_page_cache_m2m"),
    )
    for signal, uid in receivers:
        assert signal.disconnect(dispatch_uid=uid)
    yield
    connect_signals()


def test_admin_change_invalidates_without_model_signals(client, admin_client, city, without_model_signals):
    client.get("/th/sister-cities/fukuoka/")
    city.name_th = "ฟุกุโอกะ (ผ่าน ORM)"
    city.save()
    assert client.get("/th/sister-cities/fukuoka/")["X-Cache"] == "HIT"  # the save alone invalidated nothing

    change_through_admin(admin_client, city, name_th="ฟุกุโอกะ (แก้ไข)")
    response = client.get("/th/sister-cities/fukuoka/")

    assert response["X-Cache"] == "MISS"
    assert "ฟุกุโอกะ (แก้ไข)" in response.content.decode()


def test_repeat_request_with_matching_etag_gets_304(client, city):
    first = client.get("/th/sister-cities/fukuoka/")

    again = client.get("/th/sister-cities/fukuoka/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""


def test_etag_changes_after_an_edit(client, city):
    first = client.get("/en/sister-cities/fukuoka/")
    city.name_en = "Fukuoka City"
    city.save()

    again = client.get("/en/sister-cities/fukuoka/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_public_pages_ask_browsers_to_revalidate(client, city):
    response = client.get("/en/sister-cities/")

    assert "no-cache" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_cached_page_keeps_the_security_headers(client, city):
    first = client.get("/en/sister-cities/")
    second = client.get("/en/sister-cities/")

    assert second["X-Cache"] == "HIT"
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Content-Type"):
        assert second[header] == first[header]


def test_staff_never_get_a_cached_public_page(client, staff_client, city):
    hidden = SisterCity.objects.create(
        slug="hidden-town", name_th="เมืองซ่อน", name_en="Hidden Town", country=city.country, is_published=False
    )
    anonymous = client.__class__()
    anonymous.get("/en/sister-cities/fukuoka/")
    assert anonymous.get("/en/sister-cities/fukuoka/")["X-Cache"] == "HIT"

    staff_view = staff_client.get("/en/sister-cities/fukuoka/")
    preview = staff_client.get(f"/en/sister-cities/{hidden.slug}/")

    assert "X-Cache" not in staff_view
    assert preview.status_code == 200
    assert "private" in staff_view["Cache-Control"]


def test_staff_pages_are_never_stored_for_visitors(client, staff_client, city):
    SisterCity.objects.create(
        slug="hidden-town", name_th="เมืองซ่อน", name_en="Hidden Town", country=city.country, is_published=False
    )
    assert staff_client.get("/en/sister-cities/hidden-town/").status_code == 200

    assert client.__class__().get("/en/sister-cities/hidden-town/").status_code == 404


def test_admin_is_never_cached(staff_client):
    staff_client.get("/admin/")
    response = staff_client.get("/admin/")

    assert "X-Cache" not in response


def test_error_pages_are_not_cached(client):
    client.get("/en/no-such-page/")
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "X-Cache" not in response


def test_switching_the_cache_off_serves_every_request_fresh(client, city, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/en/sister-cities/")

    response = client.get("/en/sister-cities/")

    assert "X-Cache" not in response


class RecordingApp:
    """Stands in for Django behind CachedPagesApp: records whether a request got through to it."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from django"]


def wsgi_get(app, path, **extra):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        **extra,
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    answer["body"] = b"".join(app(environ, start_response))
    return answer


@pytest.fixture
def wsgi_app():
    return CachedPagesApp(RecordingApp())


def test_wsgi_layer_answers_a_stored_page_without_calling_django(client, city, wsgi_app):
    stored = client.get("/en/sister-cities/fukuoka/")

    answer = wsgi_get(wsgi_app, "/en/sister-cities/fukuoka/")

    assert wsgi_app.application.calls == 0
    assert answer["status"] == "200 OK"
    assert answer["body"] == stored.content
    assert answer["headers"]["ETag"] == stored["ETag"]
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert answer["headers"][header] == stored[header]


def test_wsgi_layer_answers_304_to_a_matching_etag(client, city, wsgi_app):
    etag = client.get("/en/sister-cities/fukuoka/")["ETag"]

    answer = wsgi_get(wsgi_app, "/en/sister-cities/fukuoka/", HTTP_IF_NONE_MATCH=etag)

    assert answer["status"] == "304 Not Modified"
    assert answer["body"] == b""


def test_wsgi_layer_passes_an_edited_page_to_django(client, city, wsgi_app):
    client.get("/en/sister-cities/fukuoka/")
    city.name_en = "Fukuoka City"
    city.save()

    assert wsgi_get(wsgi_app, "/en/sister-cities/fukuoka/")["body"] == b"from django"


def test_wsgi_layer_passes_signed_in_visitors_to_django(client, city, wsgi_app):
    client.get("/en/sister-cities/fukuoka/")

    answer = wsgi_get(wsgi_app, "/en/sister-cities/fukuoka/", HTTP_COOKIE="sessionid=abc; csrftoken=x")

    assert answer["body"] == b"from django"


def test_wsgi_layer_passes_other_methods_and_paths_to_django(client, city, wsgi_app):
    client.get("/en/sister-cities/fukuoka/")

    assert wsgi_get(wsgi_app, "/en/sister-cities/fukuoka/", REQUEST_METHOD="POST")["body"] == b"from django"
    assert wsgi_get(wsgi_app, "/admin/")["body"] == b"from django"
    assert wsgi_app.application.calls == 2


def test_production_wsgi_application_has_the_cache_in_front():
    from iad_site.wsgi import application

    assert isinstance(application, CachedPagesApp)


def test_sitemap_and_open_data_are_cached_too(client, city):
    for path in ("/sitemap.xml", "/data/sister-cities.csv"):
        client.get(path)

        assert client.get(path)["X-Cache"] == "HIT"


def test_an_unreachable_cache_never_breaks_pages_or_saves(client, city, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }

    city.name_en = "Fukuoka City"
    city.save()
    response = client.get("/en/sister-cities/fukuoka/")

    assert response.status_code == 200
    assert "Fukuoka City" in response.content.decode()
