"""The swap of a staged build: a failure at any step puts the last good site back whole."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kb.adapter.publish import PublishError, discard, prepare, publish, remove_old


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _old_site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    (target / ".git").mkdir(parents=True)
    (target / ".git/HEAD").write_bytes(b"ref: refs/heads/gh-pages\n")
    (target / "index.html").write_bytes(b"old")
    return target


def test_a_good_swap_keeps_hidden_entries_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = _old_site(tmp_path)
    staging = prepare(target)
    (staging / "index.html").write_bytes(b"new")
    old = publish(staging, target)
    assert _tree(target) == {".git/HEAD": b"ref: refs/heads/gh-pages\n", "index.html": b"new"}
    assert old is not None and old.parent == tmp_path and old.name.startswith(".site.kb-old-")
    assert _tree(old / "site") == {"index.html": b"old"}  # .git went to the new site
    remove_old(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_old_site_can_be_deleted_in_the_background_or_by_the_next_build(
    tmp_path: Path,
) -> None:
    target = _old_site(tmp_path)
    old = publish(prepare(target), target)
    remove_old(old, in_background=True)  # mkdocs serve: the preview does not wait for it
    deadline = time.monotonic() + 30
    while old is not None and old.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    left = publish(prepare(target), target)  # a delete that never ran (the process ended first) ...
    assert left is not None and left.exists()
    prepare(target)  # ... is done by the next build
    assert not left.exists()
    new = tmp_path / "new"
    assert publish(prepare(new), new) is None  # no old site: nothing to delete


@pytest.mark.parametrize("failing_call", [1, 2, 3])
def test_a_failed_rename_restores_the_old_site_with_its_git_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    target = _old_site(tmp_path)
    before = _tree(target)
    staging = prepare(target)
    (staging / "index.html").write_bytes(b"new")
    real = Path.rename
    calls = {"n": 0}

    def rename(self: Path, other: Path) -> Path:  # the n-th rename fails, as on a mount point
        calls["n"] += 1
        if calls["n"] == failing_call:
            raise OSError(16, "Device or resource busy")
        return real(self, other)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(PublishError, match="the last good site is unchanged"):
        publish(staging, target)
    monkeypatch.undo()
    assert _tree(target) == before
    prepare(target)  # the next build starts clean and the old site stays
    assert _tree(target) == before


def test_a_swap_cut_off_after_the_old_site_moved_aside_is_restored(tmp_path: Path) -> None:
    target = _old_site(tmp_path)
    before = _tree(target)
    target.rename(tmp_path / ".site.kb-previous")  # the process died right here
    staging = prepare(target)
    assert _tree(target) == before
    assert staging.is_dir() and staging.parent == tmp_path


def test_when_the_old_site_cannot_be_set_aside_for_deletion_it_is_deleted_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _old_site(tmp_path)
    staging = prepare(target)
    (staging / "index.html").write_bytes(b"new")
    real = Path.rename

    def rename(self: Path, other: Path) -> Path:  # the move into the unique folder fails
        if other.name == "site" and other.parent.name.startswith(".site.kb-old-"):
            raise OSError(16, "Device or resource busy")
        return real(self, other)

    monkeypatch.setattr(Path, "rename", rename)
    assert publish(staging, target) is None
    monkeypatch.undo()
    assert _tree(target) == {".git/HEAD": b"ref: refs/heads/gh-pages\n", "index.html": b"new"}
    assert not (tmp_path / ".site.kb-previous").exists()
    staging = prepare(target)  # the empty unique folder goes with the next build
    assert sorted(p.name for p in tmp_path.iterdir()) == [staging.name, "site"]


def test_every_build_stages_into_a_folder_of_its_own_with_the_usual_permissions(
    tmp_path: Path,
) -> None:
    """Under `mkdocs serve`, a failed build's other-language process may go on writing into
    its staging folder; the next build's folder is another one, and the old one goes."""
    target = _old_site(tmp_path)
    failed = prepare(target)
    (failed / "sv").mkdir()  # the failed build's other language, still writing
    legacy = tmp_path / ".site.kb-staging"  # the one name of earlier versions
    legacy.mkdir()
    staging = prepare(target)
    assert staging != failed and staging.name.startswith(".site.kb-staging-")
    assert not failed.exists() and not legacy.exists()
    (failed / "sv").mkdir(parents=True)  # it writes on after the next build began
    (failed / "sv/index.html").write_bytes(b"stale")
    assert list(staging.iterdir()) == []
    assert staging.stat().st_mode & 0o777 == target.stat().st_mode & 0o777  # as mkdir makes
    discard(staging)
    assert sorted(p.name for p in tmp_path.iterdir()) == [failed.name, "site"]
    newest = prepare(target)  # the stale folder goes with the next build
    assert sorted(p.name for p in tmp_path.iterdir()) == [newest.name, "site"]
