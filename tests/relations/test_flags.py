"""Country flags: two sprites (static/img/flags.svg for the sister cities' countries, flags-embassies.svg for
the embassies') holding every seed country's flag as flag-icons draws it, and each country's name on the
site shown with its flag, every flag of a page taken from one file."""

import io
import re

import pytest
from django.core.management import call_command

from relations import flags
from relations.models import Country, SisterCity

needs_flag_icons = pytest.mark.skipif(not flags.SOURCE.exists(), reason="node_modules/flag-icons is not installed")

FLAG = re.compile(r'<svg class="flag" aria-hidden="true"><use href="([^"#]+)#flag-([a-z]+)"></use></svg>')


@pytest.mark.parametrize(("sprite", "at_least"), [("cities", 17), ("embassies", 60)])
def test_every_seed_country_has_its_flag_in_its_sprite(sprite, at_least):
    seed = flags.seed_country_codes()[sprite]

    assert len(seed) >= at_least
    assert seed - flags.shipped_codes(sprite) == set()
    assert flags.FALLBACK in flags.shipped_codes(sprite)


@needs_flag_icons
@pytest.mark.parametrize("sprite", flags.SPRITES)
def test_sprite_is_exactly_what_flag_icons_draws_for_its_countries(sprite):
    # `manage.py draw_flags` writes them; it must be run again after a flag-icons upgrade.
    text = flags.SPRITES[sprite].read_text()

    assert text == flags.sprite(flags.sprite_codes(text))


@needs_flag_icons
def test_flag_icons_licence_ships_beside_the_sprites():
    assert flags.SPRITE_LICENCE.read_text() == flags.SOURCE_LICENCE.read_text()


def test_two_flags_sharing_an_id_are_refused(tmp_path):
    for code in ("aa", "bb"):
        (tmp_path / f"{code}.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"><defs><path id="a" d="M0 0h1"/></defs>'
            '<use href="#a"/></svg>'
        )
    (tmp_path / "xx.svg").write_text('<svg viewBox="0 0 640 480"><path d="M0 0h1"/></svg>')

    with pytest.raises(flags.FlagError, match="ids used by more than one flag: a"):
        flags.sprite({"aa", "bb"}, source=tmp_path)


@needs_flag_icons
def test_draw_flags_adds_the_countries_asked_for_and_keeps_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(flags, "SPRITES", {name: tmp_path / path.name for name, path in flags.SPRITES.items()})
    monkeypatch.setattr(flags, "SPRITE_LICENCE", tmp_path / "flags-LICENSE")
    call_command("draw_flags", "FR", stdout=io.StringIO())
    call_command("draw_flags", "DE", stdout=io.StringIO())
    call_command("draw_flags", "--embassies", "BR", stdout=io.StringIO())

    codes = {name: flags.sprite_codes(path.read_text()) for name, path in flags.SPRITES.items()}

    seed = flags.seed_country_codes()
    assert codes == {"cities": seed["cities"] | {"fr", "de", "xx"}, "embassies": seed["embassies"] | {"br", "xx"}}


@pytest.mark.parametrize(
    ("path", "sprite"),
    [
        ("/en/sister-cities/", "/static/img/flags.svg"),
        ("/en/sister-cities/fukuoka/", "/static/img/flags.svg"),
        ("/en/sister-cities/map/", "/static/img/flags.svg"),
        ("/en/embassies/", "/static/img/flags-embassies.svg"),
    ],
)
def test_a_country_is_named_beside_its_flag(client, fukuoka, embassy, path, sprite):
    html = client.get(path).content.decode()

    found = FLAG.findall(html)
    assert found and {code for _url, code in found} == {"jp"}
    assert {url for url, _code in found} == {sprite}  # one file for every flag on the page
    assert re.search(FLAG.pattern + r" (<a [^>]*>|<span>)Japan<", html)


def test_a_country_whose_flag_is_not_shipped_gets_the_neutral_flag(client, db):
    unknown = next(
        code for code in ("QM", "QN", "QO", "QP") if code.lower() not in flags.shipped_codes("cities")
    )  # user-assigned codes: never a real country
    SisterCity.objects.create(slug="x", name_th="เมือง", country=Country.objects.create(iso_code=unknown, name_th="ก"))

    html = client.get("/en/sister-cities/").content.decode()

    assert [code for _url, code in FLAG.findall(html)] == [flags.FALLBACK]
