"""Write plangen/review/messages_zh_tw.py: the review's zh-CN wording in Traditional Chinese (Taiwan).

A maintainer's tool, not a dependency: `pip install opencc-python-reimplemented` once, then
`python tools/make_zh_tw_review.py` after editing the zh-CN messages (OpenCC s2twp + Taiwan usage).
"""
from __future__ import annotations

import pprint
from pathlib import Path

from opencc import OpenCC

from plangen.review import messages

FIX = [("調休", "補班"), ("法定節假日", "國定假日")]
OUT = Path(__file__).resolve().parent.parent / "plangen" / "review" / "messages_zh_tw.py"


def traditional(value):
    """A zh-CN value (text, tuple or mapping of texts) in Traditional Chinese."""
    if isinstance(value, str):
        text = OpenCC("s2twp").convert(value)
        for a, b in FIX:
            text = text.replace(a, b)
        return text
    if isinstance(value, tuple):
        return tuple(traditional(v) for v in value)
    return {k: traditional(v) for k, v in value.items()}


def main() -> None:
    tables = {"SEVERITY": messages.SEVERITY["zh-CN"], "FIELDS": messages.FIELDS["zh-CN"],
              "PATTERNS": messages.PATTERNS["zh-CN"],
              "MESSAGES": {code: by_locale["zh-CN"] for code, by_locale in messages.MESSAGES.items()}}
    body = "".join(f"{name} = {pprint.pformat(traditional(t), width=110, sort_dicts=False)}\n\n"
                   for name, t in tables.items())
    OUT.write_text('"""The review\'s wording in zh-TW, generated from zh-CN by tools/make_zh_tw_review.py."""\n'
                   "# flake8: noqa\n\n" + body.rstrip() + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
