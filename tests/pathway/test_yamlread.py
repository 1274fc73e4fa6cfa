"""pairaid.pathway.yamlread: tags, aliases and dates that break PyYAML become line-numbered YamlSyntaxErrors."""

from __future__ import annotations

import pytest

from pairaid.pathway.yamlread import MAX_EXPANDED_VALUES, YamlSyntaxError, read_yaml


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("a: 1\nb: !!int abc\n", 2, "marked as int"),
        ("a: !!timestamp nope\n", 1, "marked as timestamp"),
        ("a: !!float [\n", 2, "not valid YAML"),
        ("a: !!python/name:os.system ''\n", 1, "marked as python/name:os.system"),
        ("a: &s [1, *s]\n", 1, "inside the part it names"),
    ],
)
def test_bad_tags_and_aliases_name_their_line(text: str, line: int, expected: str) -> None:
    with pytest.raises(YamlSyntaxError, match=expected) as caught:
        read_yaml(text)
    assert caught.value.line == line


def test_an_alias_bomb_is_refused_without_being_expanded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]  # 10^9 values
    with pytest.raises(YamlSyntaxError, match="more than 2,000,000 values"):
        read_yaml("\n".join(lines))


def test_ordinary_aliases_still_work_and_share_their_value() -> None:
    data, _ = read_yaml("base: &b {phone: '0121 496 0000'}\none: *b\ntwo: *b\nlist: &l [1, 2]\nagain: *l\n")
    assert data["one"] == data["two"] == {"phone": "0121 496 0000"}
    assert data["again"] == [1, 2]


def test_aliases_up_to_the_limit_are_accepted() -> None:
    width = 1000
    text = "a: &a [" + ", ".join(["x"] * width) + "]\nb: [" + ", ".join(["*a"] * (MAX_EXPANDED_VALUES // width - 10)) + "]\n"
    data, _ = read_yaml(text)
    assert len(data["b"]) == MAX_EXPANDED_VALUES // width - 10


def test_a_date_with_a_time_stays_a_value_for_the_checker_to_name() -> None:
    data, _ = read_yaml("review_by: 2027-05-26T10:00:00\n")
    assert data["review_by"].hour == 10


def test_a_merge_key_is_refused_with_its_line_and_what_to_do_instead() -> None:
    text = "base: &base\n  level: targeted\nservices:\n  - id: family-hubs\n    <<: *base\n"
    with pytest.raises(YamlSyntaxError) as error:
        read_yaml(text)
    assert error.value.line == 5 and "merge keys" in str(error.value) and "write the fields out" in str(error.value)
    data, _marks = read_yaml('quoted: {"<<": kept}\n')  # a quoted "<<" is an ordinary key
    assert data == {"quoted": {"<<": "kept"}}
