"""The Nu HTML Checker (npm's vnu-jar) run as a local web service for the browser suite.

Its JVM takes about 15 s to start and read the HTML schema, so it starts once, in the background while
the database is seeded, and each page's HTML is then checked in a fraction of a second, on the same load
as the page's other checks. vnu refuses to fetch URLs on 127.0.0.1 ("Forbidden host"): the document is
posted to it instead.
"""

import json
import os
from concurrent.futures import ThreadPoolExecutor

from scripts.servers import Server, fetch, free_port

STARTUP_TIMEOUT = 180


class NuChecker:
    def __init__(self, java, jar, log):
        port = free_port()
        argv = [java, "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", str(jar)]
        argv += ["nu.validator.servlet.Main", str(port)]
        self.server = Server(argv, dict(os.environ), port, log=log, ready_path="/")
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._started = None

    def start(self):
        """Starts the service without waiting for it: the first check waits."""
        self._started = self._pool.submit(self.server.start, timeout=STARTUP_TIMEOUT)
        return self

    def stop(self):
        self._pool.shutdown()
        self.server.stop()

    def errors(self, document, content_type="text/html; charset=utf-8"):
        """The checker's errors about one document (bytes), as "line N: message [extract]" lines."""
        self._started.result()
        status, _, body = fetch(
            self.server.url("/?out=json"), headers={"Content-Type": content_type}, data=document, timeout=60
        )
        if status != 200:
            return [f"the checker answered {status}: {body[:200]!r}"]
        return [
            f"line {message.get('lastLine', '?')}: {message['message']} [{message.get('extract', '').strip()}]"
            for message in json.loads(body)["messages"]
            if message["type"] in {"error", "non-document-error"} or message.get("subType") == "fatal"
        ]
