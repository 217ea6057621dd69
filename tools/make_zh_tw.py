"""Regenerate every zh-TW wording file from its zh-CN source: Traditional Chinese with Taiwan usage.

A maintainer's tool, not a dependency: `pip install opencc-python-reimplemented` once, then
`python tools/make_zh_tw.py` after editing zh-CN wording. It rewrites templates/text/zh-TW/*.j2,
templates/i18n/zh-TW.yaml, templates/schema/zh-TW.yaml and plangen/review/messages_zh_tw.py
(OpenCC s2twp, then the Taiwan words below). templates/starters/zh-TW.yaml is kept by hand
(its currency, holidays and amounts differ).
"""
from __future__ import annotations

import pprint
from pathlib import Path

from opencc import OpenCC

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
REVIEW_OUT = ROOT / "plangen" / "review" / "messages_zh_tw.py"
TAIWAN = [("調休工作日", "補班日"), ("法定節假日和調休", "國定假日和補班日"), ("節假日及調休安排", "節假日及補班安排"),
          ("所需支援", "所需支持"), ("調休", "補班"), ("法定節假日", "國定假日"), ("zh-CN", "zh-TW")]
CONVERT = OpenCC("s2twp")


def traditional(value):
    """A zh-CN value (text, tuple or mapping of texts) in Traditional Chinese with Taiwan usage."""
    if isinstance(value, str):
        text = CONVERT.convert(value)
        for simplified, taiwan in TAIWAN:
            text = text.replace(simplified, taiwan)
        return text
    if isinstance(value, tuple):
        return tuple(traditional(v) for v in value)
    return {k: traditional(v) for k, v in value.items()}


def wording_files() -> list[tuple[Path, Path]]:
    """(zh-CN source, zh-TW file) of every text template, the labels and the editor hover texts."""
    pairs = [(p, TEMPLATES / "text" / "zh-TW" / p.name) for p in sorted((TEMPLATES / "text" / "zh-CN").glob("*.j2"))]
    return pairs + [(TEMPLATES / kind / "zh-CN.yaml", TEMPLATES / kind / "zh-TW.yaml") for kind in ("i18n", "schema")]


def review_module() -> str:
    """plangen/review/messages_zh_tw.py: the review's zh-CN tables in Traditional Chinese."""
    from plangen.review import messages
    tables = {"SEVERITY": messages.SEVERITY["zh-CN"], "FIELDS": messages.FIELDS["zh-CN"],
              "PATTERNS": messages.PATTERNS["zh-CN"],
              "MESSAGES": {code: by_locale["zh-CN"] for code, by_locale in messages.MESSAGES.items()}}
    body = "".join(f"{name} = {pprint.pformat(traditional(t), width=110, sort_dicts=False)}\n\n"
                   for name, t in tables.items())
    return ('"""The review\'s wording in zh-TW, generated from zh-CN by tools/make_zh_tw.py."""\n'
            "# flake8: noqa\n\n" + body.rstrip() + "\n")


def main() -> None:
    for source, target in wording_files():
        target.write_text(traditional(source.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    REVIEW_OUT.write_text(review_module(), encoding="utf-8")
    print(f"wrote {REVIEW_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
