"""The CI workflow parses, has the jobs and steps the project relies on, and runs the same
commands the README names."""

from __future__ import annotations

import re
from pathlib import Path

import yaml


def _workflow(root: Path) -> dict:
    return yaml.safe_load((root / ".github/workflows/site.yml").read_text(encoding="utf-8"))


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_triggers_pull_requests_and_main(root: Path) -> None:
    flow = _workflow(root)
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]


def test_test_job_validates_tests_builds_and_uploads(root: Path) -> None:
    job = _workflow(root)["jobs"]["test"]
    assert _runs(job) == [
        "bash scripts/validate",
        "bash scripts/translations --github",
        "bash scripts/test",
        "bash scripts/build",
    ]
    assert "actions/upload-pages-artifact" in _uses(job)
    upload = next(
        s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == "site"
    assert "refs/heads/main" in upload["if"]


def test_deploy_job_publishes_to_pages_only_from_main(root: Path) -> None:
    job = _workflow(root)["jobs"]["deploy"]
    assert job["needs"] == ["test"]
    assert "refs/heads/main" in job["if"] and "push" in job["if"]
    assert _uses(job) == ["actions/deploy-pages"]
    assert job["permissions"] == {"pages": "write", "id-token": "write"}


def test_properdocs_job_compares_builds(root: Path) -> None:
    job = _workflow(root)["jobs"]["properdocs"]
    assert _runs(job) == ["bash scripts/compare-properdocs"]
    assert (root / "scripts/compare-properdocs").is_file()
    assert re.search(
        r"^properdocs==\d+\.\d+\.\d+$", (root / "requirements-properdocs.txt").read_text(), re.M
    )


def test_site_url_comes_from_configuration(root: Path) -> None:
    flow = _workflow(root)
    assert "vars.SITE_URL" in flow["env"]["KB_SITE_URL"]
    assert "!ENV [KB_SITE_URL" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_feedback_channel_comes_from_configuration(root: Path) -> None:
    env = _workflow(root)["env"]
    assert "vars.FEEDBACK_EMAIL" in env["KB_FEEDBACK_EMAIL"]
    assert "vars.FEEDBACK_URL" in env["KB_FEEDBACK_URL"]
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!ENV [KB_FEEDBACK_EMAIL" in config and "!ENV [KB_FEEDBACK_URL" in config


def test_readme_names_the_commands_ci_runs(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci/run").read_text(encoding="utf-8")
    for command in ("bash scripts/build", "bash scripts/test", "bash scripts/validate"):
        assert f"`{command}`" in readme
    assert "bash scripts/test" in ci
