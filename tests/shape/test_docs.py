"""docs/architecture.md stays true: every test its rules table names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_test_the_rules_table_names_exists():
    text = (ROOT / "docs" / "architecture.md").read_text()
    table = text[text.index("## Where each rule lives") :]
    missing = []
    for line in table.splitlines():
        cells = line.split("|")
        if not line.startswith("|") or len(cells) < 4:
            continue
        last = None
        for ref in re.findall(r"`([^`]+)`", cells[3]):
            path, _, name = ref.partition("::")
            if path:
                if not path.endswith(".py"):
                    continue
                last = ROOT / "partnerplan" / path
                if not last.exists():
                    missing.append(ref)
                    continue
            if name and (last is None or f"def {name}(" not in last.read_text()):
                missing.append(ref)
    assert missing == []
