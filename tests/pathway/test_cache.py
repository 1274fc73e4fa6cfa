from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pairaid.core.pathway_card import PathwayCard
from pairaid.pathway.cache import cache_dir, cache_key, read_card
from pairaid.pathway.loading import PathwayError, load_pathway
from pairaid.resources import default_pathway_path


def test_an_unchanged_file_comes_from_the_cache_and_equals_the_checked_one(tmp_path: Path) -> None:
    file = tmp_path / "birmingham.yaml"
    shutil.copy(default_pathway_path(), file)
    first = load_pathway(file)
    assert len([entry for entry in cache_dir().glob("*.json") if not entry.name.endswith(".card.json")]) == 1
    again = load_pathway(file)
    assert again == first and again is not first


def test_beside_each_cached_pathway_is_its_card_for_home(tmp_path: Path) -> None:
    file = tmp_path / "birmingham.yaml"
    shutil.copy(default_pathway_path(), file)
    key = cache_key(file.read_bytes())
    assert read_card(key) is None  # nothing cached yet
    pathway = load_pathway(file)
    card = read_card(key)
    assert card == PathwayCard.of(pathway) and card.title == pathway.pathway.title
    assert card.review_by == pathway.pathway.review_by and card.level_label("targeted") == pathway.levels.targeted.label
    good = (cache_dir() / f"{key}.card.json").read_text(encoding="utf-8")
    for damaged in ('{"title": 1}', good.replace('"published": "', '"published": 5, "x": "'),
                    good.replace('"review_by": "', '"review_by": ["'), "[]", "{not json"):
        (cache_dir() / f"{key}.card.json").write_text(damaged, encoding="utf-8")
        assert read_card(key) is None, damaged  # ignored: the app loads the pathway instead
    (cache_dir() / f"{key}.card.json").write_text(good.replace('"published": "2026-11-26"', '"published": 5'),
                                                  encoding="utf-8")
    assert read_card(key) is None


def test_an_edit_is_checked_again_so_errors_are_never_hidden_by_the_cache(tmp_path: Path) -> None:
    file = tmp_path / "birmingham.yaml"
    shutil.copy(default_pathway_path(), file)
    load_pathway(file)
    file.write_text(file.read_text(encoding="utf-8").replace('"0121 301 5990"', '"0121 301 599"'), encoding="utf-8")
    with pytest.raises(PathwayError, match=r"service 'acacia', contact\.phone"):
        load_pathway(file)


def test_a_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    file = tmp_path / "birmingham.yaml"
    shutil.copy(default_pathway_path(), file)
    load_pathway(file)
    for entry in cache_dir().glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert len(load_pathway(file).services) == 22


def test_files_with_errors_are_not_cached(tmp_path: Path) -> None:
    bad = Path(__file__).resolve().parents[1] / "fixtures" / "pathways" / "malformed" / "bad_url.yaml"
    with pytest.raises(PathwayError):
        load_pathway(bad)
    assert not cache_dir().exists() or not list(cache_dir().glob("*.json"))
