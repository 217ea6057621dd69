"""libyaml's loader (when installed) gives the same data and the same line:column marks as PyYAML's."""
import pytest
import yaml

from plangen.model import loader

TEXT = "plan:\n  title: 计划 ✓\n  tags: [销售计划, 二〇二七, x]\n  period: 2027\ntargets:\n  revenue: 1万\n  phasing: {quarters: [20%, 30%, 30%, 20%]}\n"


@pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="libyaml not installed")
def it_keeps_every_line_and_column_with_libyaml():
    """Every key and value is located alike, also after CJK text (columns count characters)."""
    fast, slow = loader._parse(TEXT, "p.yaml", yaml.CSafeLoader), loader._parse(TEXT, "p.yaml", yaml.SafeLoader)
    assert fast.data == slow.data
    assert fast.locations == slow.locations and fast.key_locations == slow.key_locations
    assert str(fast.locate(("plan", "tags", 2))) == "p.yaml:3:22"


@pytest.mark.parametrize("text, message", [
    ("plan:\n  title:\tT\n", "p.yaml:2:9: (top level): YAML syntax error: found character '\\t' that cannot start"),
    ("plan: [1, 2\n", "p.yaml:2:1: (top level): YAML syntax error: expected ',' or ']', but got '<stream end>'"),
])
def it_words_syntax_errors_as_pyyaml_does(text, message):
    """A file libyaml refuses (or one with a tab, which libyaml accepts) is parsed again by PyYAML."""
    with pytest.raises(loader.PlanError) as info:
        loader.parse_yaml(text, "p.yaml")
    assert str(info.value).startswith(message)
