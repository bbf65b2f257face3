"""The Ask form on two app servers sharing one PostgreSQL and one Redis (tests/pagecache/test_scale_out.py's
setup): a form fetched from one server posts on the other, and the status page then shows on both.
PostgreSQL only (skipped on SQLite); needs Redis at 127.0.0.1:6379 (.ci/run starts it)."""

import time

import pytest
import redis
from django.core import signing

from iad_site.inbox.guards import SIGNING_SALT
from questions.models import Question, Topic
from tests.pagecache import test_scale_out as scale_out
from tests.pagecache.test_scale_out import REDIS_URL, FormFields

pytestmark = scale_out.pytestmark
# The two servers and their shared cache, as the page cache's own scale-out test starts them.
redis_available = scale_out.redis_available
servers = scale_out.servers
fresh_shared_cache = scale_out.fresh_shared_cache


@pytest.fixture
def topic():
    return Topic.objects.create(name_th="อื่น ๆ", name_en="Other")


@pytest.fixture(autouse=True)
def no_rate_limit_counts(servers):
    """Counts from earlier runs (all from 127.0.0.1) must not refuse this one."""
    shared = redis.Redis.from_url(REDIS_URL)
    for key in shared.scan_iter("*iad:inbox:rate:*"):
        shared.delete(key)
    shared.close()


def test_a_form_fetched_from_one_server_posts_on_the_other(servers, topic):
    first, second = servers
    first.cookies.clear()
    status, _headers, page = first.request("GET", "/en/questions/")
    form = FormFields.parse(page)
    # As if the visitor took a minute to write: a start time signed with the servers' key.
    secret = first.server.env["SECRET_KEY"]
    form["started"] = signing.dumps(time.time() - 60, key=secret, salt=SIGNING_SALT, compress=False)
    form.update(name="Jane Smith", email="jane@example.org", topic=str(topic.pk), question="Where is the office?")
    second.cookies = dict(first.cookies)  # the same browser, sent to the other server by the load balancer

    status, headers, page = second.request("POST", "/en/questions/", form)

    assert status == 303, page[:2000]
    question = Question.objects.get()
    assert headers["Location"] == f"/en/questions/sent/{question.status_token}/"
    for server in servers:
        status, _headers, page = server.request("GET", question.get_status_url().replace("/th/", "/en/"))
        assert status == 200 and "Where is the office?" in page
