"""The builders' ``Document`` as JSON and back, so a published version can be stored frozen.

Every class in ``builders.model`` is a frozen dataclass whose sequences are tuples; this writes
each dataclass as an object tagged with its class name, and turns lists back into tuples.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.reports.builders import model

_CLASSES: dict[str, type[Any]] = {
    name: getattr(model, name)
    for name in model.__all__
    if dataclasses.is_dataclass(getattr(model, name, None))
}


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"_t": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = to_json(getattr(value, f.name))
        return out
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, Decimal):
        return {"_decimal": str(value)}
    if isinstance(value, bytes):
        return {"_bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dt.datetime):
        return {"_datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"_date": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"Cannot store a {type(value).__name__} in a document")


def from_json(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(from_json(v) for v in value)
    if isinstance(value, dict):
        if "_t" in value:
            cls = _CLASSES[value["_t"]]
            return cls(**{k: from_json(v) for k, v in value.items() if k != "_t"})
        if "_decimal" in value:
            return Decimal(value["_decimal"])
        if "_bytes" in value:
            return base64.b64decode(value["_bytes"])
        if "_datetime" in value:
            return dt.datetime.fromisoformat(value["_datetime"])
        if "_date" in value:
            return dt.date.fromisoformat(value["_date"])
        raise ValueError(f"Unknown stored value: {sorted(value)}")
    return value


def document_from_json(value: Any) -> model.Document:
    doc = from_json(value)
    if not isinstance(doc, model.Document):
        raise ValueError("The stored value is not a document")
    return doc
