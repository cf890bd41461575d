"""The layering and the absence of import cycles hold (see tests/shape/layering.py)."""

from __future__ import annotations

from tests.shape import layering


def test_it_finds_no_import_against_the_layering():
    assert layering.against_layering(layering.graph()) == []


def test_it_finds_no_import_cycle():
    assert layering.cycles(layering.graph()) == []


def test_it_reads_function_level_imports_and_flags_an_upward_one(tmp_path, monkeypatch):
    app = tmp_path / "partnerplan" / "core"
    app.mkdir(parents=True)
    (tmp_path / "partnerplan" / "__init__.py").write_text("")
    (app / "__init__.py").write_text("")
    (app / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from partnerplan.reports import models\n"
        "def f():\n    from partnerplan.core import b\n"
        "def g():\n    from partnerplan.finance.services import x\n"
    )
    (app / "b.py").write_text("from partnerplan.core import a\n")
    monkeypatch.setattr(layering, "ROOT", tmp_path)
    monkeypatch.setattr(layering, "PACKAGE", tmp_path / "partnerplan")
    edges = layering.graph()
    assert layering.against_layering(edges) == [
        "partnerplan.core.a:7 imports partnerplan.finance.services (finance is above core)"
    ]
    assert layering.cycles(edges) == [["partnerplan.core.a", "partnerplan.core.b"]]
