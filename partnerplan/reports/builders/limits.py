"""Rendering within limits: what an uploaded file makes the renderers do runs in a child process
with a wall-clock time limit and a memory limit, so a hostile or simply enormous upload (a zip
bomb of a Word template, a huge SVG) costs one refused publication, not the web process or the
worker.

`run_limited(fn, limits=...)` forks, lowers the child's address-space limit to what it already
uses plus `limits.memory_mb`, runs `fn()` and sends its result back through a pipe. A child
that runs past `limits.seconds` is killed; one that runs out of memory (a MemoryError, or killed
by the system) is reported as such. Either way `LimitExceeded` says so in plain words, and
nothing is produced. A `DocumentError` raised inside comes back as itself.

Where `fork` is not available (not Linux), `fn` runs in this process without limits.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from .problems import DocumentError, Problem

__all__ = ["LimitExceeded", "Limits", "run_limited"]

T = TypeVar("T")

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Limits:
    """How long, and how much memory beyond what the process already holds, a render may take."""

    seconds: float = 60.0
    memory_mb: int = 1024


class LimitExceeded(DocumentError):
    """The render went past its time or memory limit and was stopped."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem(code="render-limit", where="", message=message)])


def _address_space_now() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * _PAGE


def _limit_memory(megabytes: int) -> None:
    ceiling = _address_space_now() + megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _child(fn: Callable[[], Any], limits: Limits, sender: Any) -> None:
    outcome: tuple[str, Any]
    try:
        _limit_memory(limits.memory_mb)
        outcome = ("ok", fn())
    except MemoryError:
        outcome = ("memory", None)
    except DocumentError as error:
        outcome = ("problems", list(error.problems))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, not swallowed
        outcome = ("error", f"{type(error).__name__}: {error}")
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory", None))
    sender.close()


def _outcome(status: str, value: Any, *, limits: Limits, what: str) -> Any:
    if status == "ok":
        return value
    if status == "memory":
        raise LimitExceeded(
            f"{what} needed more than {limits.memory_mb:,} MB of memory to make, so it was "
            "stopped. An uploaded image or Word template is probably too large: use a "
            "smaller one."
        )
    if status == "problems":
        raise DocumentError(value)
    raise RuntimeError(f"{what} could not be made: {value}")


def run_limited(fn: Callable[[], T], *, limits: Limits, what: str = "The document") -> T:
    """`fn()`, run in a child process within `limits`; `LimitExceeded` if it goes past them."""
    if not _can_fork():  # pragma: no cover - Linux is where partnerplan runs
        return fn()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(fn, limits, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            process.kill()
            raise LimitExceeded(
                f"{what} could not be made within {limits.seconds:g} seconds, so it was "
                "stopped. An uploaded image or Word template is probably too large or too "
                "complex: use a smaller one."
            )
        try:
            status, value = receiver.recv()
        except EOFError:  # the system killed it (out of memory)
            status, value = "memory", None
    finally:
        receiver.close()
        process.join(timeout=5)
        if process.is_alive():  # pragma: no cover - it has sent or been killed
            process.kill()
            process.join()
    result: T = _outcome(status, value, limits=limits, what=what)
    return result
