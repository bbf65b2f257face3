"""Made-up content for test databases that the seed lacks: the embassy directory's entries.

Used by the browser suite (conftest.py) and by `make lighthouse` (scripts/audits/lighthouse.py).
"""

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def write_test_embassies(path):
    """A CSV for `manage.py import_embassies`: one made-up embassy per seeded country, for test databases only.

    The seed has no embassies (the office imports its list), so without these the embassy directory would
    be checked only in its empty state. Every other row has no English, to check the lang="th" fallback;
    one has a long address, e-mail and web address, to check that they wrap on a phone.
    """
    codes = []
    for fixture in sorted((ROOT / "fixtures").glob("*.json")):
        codes += [r["fields"]["iso_code"] for r in json.loads(fixture.read_text()) if r["model"] == "relations.country"]
    long = "very-long-department-name-for-international-cooperation"
    rows = [
        {
            "country_code": code,
            "name_th": f"สถานเอกอัครราชทูตทดสอบ {code}",
            "name_en": "" if number % 2 else f"Test embassy {code}",
            "address_th": f"เลขที่ {number} ถนนทดสอบ แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร 10330",
            "address_en": "" if number % 2 else f"{number} Test Road, Lumphini, Pathum Wan, Bangkok 10330",
            "phone": f"+66 2 000 {number:04d}",
            "email": f"{long}@example.org" if number == 0 else f"embassy-{code.lower()}@example.org",
            "website": f"https://www.example.org/{long}/{code.lower()}/" if number == 0 else "https://example.org/",
            "latitude": "13.7367",
            "longitude": "100.5431",
        }
        for number, code in enumerate(codes)
    ]
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_unseeded_examples(path):
    """A fixture for `manage.py loaddata`: a made-up published example of each page type the seed has none of
    on purpose (PageType.seeded=False in iad_site.core.sections), so the walks over test databases visit it.

    The executives page: the seed names no one (nothing personal is seeded), so the page is not there until
    staff publish someone. The made-up executive has no photo and says what it is.
    """
    records = [
        {
            "model": "pages.executive",
            "pk": 1,
            "fields": {
                "name_th": "ผู้บริหารทดสอบ",
                "name_en": "Test executive",
                "position_th": "ตำแหน่งทดสอบ",
                "position_en": "Test position",
                "phone": "0 2000 0000",
                "email": "executive@example.org",
                "is_published": True,
                "updated_at": "2026-12-01T09:00:00+07:00",
            },
        }
    ]
    # The news: the seed invents none. Tagged with the seed's first city and network (pk 1 in
    # fixtures/relations.json), so their pages' timelines show it.
    records += [
        {
            "model": "news.article",
            "pk": 1,
            "fields": {
                "slug": "test-news",
                "title_th": "ข่าวทดสอบ",
                "title_en": "Test news",
                "published_on": "2025-10-15",
                "summary_th": "ข่าวที่สร้างขึ้นสำหรับการทดสอบเท่านั้น",
                "summary_en": "News made up for tests only.",
                "body_th": "<p>ข้อความของข่าวทดสอบ</p>",
                "body_en": "<p>The text of the test news.</p>",
                "cities": [1],
                "networks": [1],
                "is_published": True,
                "updated_at": "2026-12-01T09:00:00+07:00",
            },
        },
        # The library: the office has uploaded no document yet. The file itself is not there: pages list its
        # link and stored size, and the walks never download it.
        {
            "model": "documents.category",
            "pk": 900,
            "fields": {
                "slug": "test-documents",
                "name_th": "เอกสารทดสอบ",
                "name_en": "Test documents",
                "is_published": True,
                "sort_order": 900,
                "updated_at": "2026-12-01T09:00:00+07:00",
            },
        },
        {
            "model": "documents.document",
            "pk": 900,
            "fields": {
                "category": 900,
                "title_th": "เอกสารทดสอบ",
                "title_en": "Test document",
                "published_on": "2025-10-15",
                "fiscal_year": 2569,
                "file": "documents/test-document.pdf",
                "file_size": 123456,
                "is_published": True,
                "updated_at": "2026-12-01T09:00:00+07:00",
            },
        },
    ]
    Path(path).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path
