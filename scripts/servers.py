"""Starting the site on loopback, for the tests and the tools alike: a free port, gunicorn (or any server
command), waiting until /health/ answers, and stopping it with everything it started.

    with Server.gunicorn(env) as server:
        status, headers, body = fetch(server.url("/th/"))
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None, timeout=30, data=None, method=None):
    """(status, headers, body) of one request; redirects are returned, not followed."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers=headers or {}, data=data, method=method)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def manage(env, *command, timeout=600):
    """Runs `manage.py COMMAND` in the given environment; raises with its output if it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(command)} failed:\n{(result.stdout + result.stderr)[-3000:]}")
    return result.stdout


class Server:
    """A server process on 127.0.0.1:port, in its own process group so that stopping it stops its workers."""

    def __init__(self, argv, env, port, log=None, ready_path="/health/"):
        self.argv, self.env, self.port, self.ready_path = argv, env, port, ready_path
        self.log = Path(log) if log else None
        self.process = None

    @classmethod
    def gunicorn(cls, env, workers=1, app="iad_site.wsgi:application", log=None, options=(), port=None):
        port = port or free_port()
        argv = [
            GUNICORN,
            app,
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
            "--no-control-socket",  # its one shared path would clash between servers running side by side
            *options,
        ]
        return cls(argv, env, port, log=log)

    @classmethod
    def runserver(cls, env, log=None):
        port = free_port()
        return cls([PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], env, port, log=log)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        return self.base + path

    def start(self, timeout=60):
        output = self.log.open("a") if self.log else subprocess.DEVNULL
        try:
            self.process = subprocess.Popen(
                self.argv, cwd=ROOT, env=self.env, stdout=output, stderr=output, start_new_session=True
            )
        finally:
            if self.log:
                output.close()
        self.wait_until_ready(timeout)
        return self

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if fetch(self.url(self.ready_path), timeout=5)[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        tail = self.log.read_text(errors="replace")[-3000:] if self.log and self.log.exists() else ""
        raise RuntimeError(f"{self.argv[0]} on port {self.port} did not answer {self.ready_path}:\n{tail}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


class _KeepMessages:
    """aiosmtpd handler: keeps (recipients, raw message bytes) of everything it accepts."""

    def __init__(self, messages):
        self.messages = messages

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"


class SMTPServer:
    """A real SMTP server on 127.0.0.1 (aiosmtpd, a test dependency) that keeps every message it receives;
    stop() and start() again on the same port stand for a mail server going away and coming back.

        with SMTPServer() as smtp:
            ...  # send to 127.0.0.1:smtp.port, then read smtp.messages
    """

    def __init__(self, port=None):
        self.port = port or free_port()
        self.messages = []
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(_KeepMessages(self.messages), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
