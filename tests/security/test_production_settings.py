"""The production settings (iad_site.settings.prod): Django's deploy checks pass with warnings counted as
failures, and start-up stops without a secret key."""

import subprocess

from scripts.servers import PYTHON, ROOT
from tests.security.production import production_env


def test_production_settings_pass_the_deploy_check_with_warnings_as_failures():
    result = subprocess.run(
        [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in production_env(ALLOWED_HOSTS="example.org").items() if k != "SECRET_KEY"}

    result = subprocess.run([PYTHON, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
