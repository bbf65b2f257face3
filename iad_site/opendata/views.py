"""Open data: every section's datasets (`open_data` in its section.py) as CSV and JSON at /data/NAME.csv
and /data/NAME.json, without a language prefix: every file holds every language (name_th, name_en, ...).
Published records only."""

import csv
import io
import json

from django.http import HttpResponse
from django.utils import timezone

from iad_site.core import sections


def records(name, request):
    """(column names, list of records as dicts) of one dataset: published items only."""
    queryset, columns_for = sections.open_data()[name]
    columns = columns_for(request)
    return [column for column, _get in columns], [{column: get(obj) for column, get in columns} for obj in queryset()]


def as_csv(request, name):
    columns, rows = records(name, request)
    buffer = io.StringIO()
    # A byte-order mark, so that Excel (what the office and many readers open CSV with) reads Thai as UTF-8.
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: "" if value is None else value for key, value in row.items()} for row in rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def as_json(request, name):
    columns, rows = records(name, request)
    data = {
        "dataset": name,
        "source": request.build_absolute_uri("/"),
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "columns": columns,
        "records": rows,
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
