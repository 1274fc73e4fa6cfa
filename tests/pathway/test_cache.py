"""The checked-pathway cache: the same file comes back from the cache, an edited file is checked again, a
damaged cache file is ignored and rewritten, and a file with errors is never cached."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from pairaid.pathway import cache
from pairaid.pathway.loading import PathwayError, load_pathway
from pairaid.resources import default_pathway_path


@pytest.fixture
def pathway_file(tmp_path: Path) -> Path:
    file = tmp_path / "pathway.yaml"
    file.write_bytes(default_pathway_path().read_bytes())
    return file


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every real check of a file (a cache miss) is recorded."""
    import pairaid.pathway.loading as loading

    seen: list[Path] = []
    real = loading.load_pathway

    def counting(path: str | Path):  # type: ignore[no-untyped-def]
        seen.append(Path(path))
        return real(path)

    monkeypatch.setattr(loading, "load_pathway", counting)
    return seen


def test_second_load_comes_from_the_cache_and_equals_a_fresh_check(pathway_file: Path, tmp_path: Path,
                                                                    checks: list[Path]) -> None:
    folder = tmp_path / "cache"
    first = cache.load_pathway_cached(pathway_file, folder)
    second = cache.load_pathway_cached(pathway_file, folder)
    assert checks == [pathway_file]
    assert second.model_dump() == first.model_dump() == load_pathway(pathway_file).model_dump()
    assert [p.name for p in folder.iterdir()] == [cache.cache_file(pathway_file.read_bytes(), folder).name]
    some = first.services[len(first.services) // 2]
    assert second.service(some.id) == some  # the lookup indexes work after unpickling


def test_an_edited_file_is_checked_again(pathway_file: Path, tmp_path: Path, checks: list[Path]) -> None:
    folder = tmp_path / "cache"
    before = cache.load_pathway_cached(pathway_file, folder)
    text = pathway_file.read_text(encoding="utf-8")
    edited = text.replace(f'version: "{before.pathway.version}"', 'version: "9.9.9-local"', 1)
    assert edited != text
    pathway_file.write_text(edited, encoding="utf-8")
    after = cache.load_pathway_cached(pathway_file, folder)
    assert checks == [pathway_file, pathway_file]
    assert after.pathway.version == "9.9.9-local"


def test_a_damaged_cache_file_is_ignored_and_rewritten(pathway_file: Path, tmp_path: Path,
                                                       checks: list[Path]) -> None:
    folder = tmp_path / "cache"
    cache.load_pathway_cached(pathway_file, folder)
    stored = cache.cache_file(pathway_file.read_bytes(), folder)
    for damage in (b"not a pickle at all", stored.read_bytes()[:40], pickle.dumps({"format": "x"})):
        stored.write_bytes(damage)
        pathway = cache.load_pathway_cached(pathway_file, folder)
        assert pathway.pathway.id
    assert len(checks) == 4
    cache.load_pathway_cached(pathway_file, folder)
    assert len(checks) == 4  # rewritten by the last check


def test_a_file_with_errors_is_never_cached(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: pairaid.pathway/1\npathway: {id: x}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(PathwayError):
            cache.load_pathway_cached(bad, folder)
    assert not folder.exists() or not list(folder.iterdir())


def test_an_unwritable_cache_folder_still_loads(pathway_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert cache.load_pathway_cached(pathway_file, blocker / "cache").pathway.id


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    assert cache.cache_dir() == tmp_path
