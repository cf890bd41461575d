"""DEMO DATA: forum spaces and threads of the demo partnership.

The seed asks for forums and peer support (3.5) and best practice shared across partners
(Appendix A: legal advice, service level agreements, business improvement methodology, working
with other partners, experience of using external agents). The spaces, threads and posts below
are invented to show the forums working and are marked DEMO DATA in their titles and flags.
Idempotent: a space already there (by title) is left as it is.
"""

from __future__ import annotations

from typing import Any

from partnerplan.collaboration import services
from partnerplan.collaboration.models import Space, SpaceKind, Thread

PEER_SUPPORT = "Peer support (DEMO DATA)"
SHARED_SERVICES = "Shared services: Lichfield and South Staffordshire (DEMO DATA)"


def _space(title: str, actor: Any, **fields: Any) -> Space | None:
    if Space.objects.filter(title=title).exists():
        return None
    space = services.space_create(actor=actor, title=title, **fields)
    Space.objects.filter(pk=space.pk).update(is_demo=True)
    return space


def _thread(space: Space, author: Any, title: str, text: str, **kw: Any) -> Thread:
    thread = services.thread_start(actor=author, space=space, title=title, text=text, **kw)
    Thread.objects.filter(pk=thread.pk).update(is_demo=True)
    return thread


def load(context: dict[str, Any]) -> None:
    accounts = context["accounts"]
    director, officer, pm, member = (
        accounts["director"], accounts["officer"], accounts["pm"], accounts["member"],
    )  # fmt: skip
    peer = _space(
        PEER_SUPPORT,
        director,
        kind=SpaceKind.PARTNERSHIP,
        description="Ask the other partners; share what worked (seed report, 3.5 and Appendix A).",
    )
    if peer is not None:
        question = _thread(
            peer,
            officer,
            "Has anyone a service level agreement for a shared service?",
            "We are drafting one for a shared **building control** service. Has another "
            "partner a service level agreement we could start from?\n\n"
            "*DEMO DATA: an invented question.*",
            is_question=True,
        )
        answer = services.post_reply(
            actor=pm,
            thread=question,
            text="Ours covers response times, escalation and a yearly review. The legal "
            "advice we had is summarised here:\n\n- name the host authority\n- set out how "
            "costs are shared\n- agree how a partner leaves\n\n*DEMO DATA.*",
        )
        services.thread_answer_mark(actor=officer, thread=question, post=answer)
        open_question = _thread(
            peer,
            pm,
            "Experience of using external agents for business process reviews?",
            "Before we commission a business improvement review, we would like to hear "
            "from partners who have used an external agent.\n\n*DEMO DATA.*",
            is_question=True,
        )
        services.post_reply(
            actor=director,
            thread=open_question,
            text="@officer, your partner used one last year: could you share what you "
            "learned?\n\n*DEMO DATA.*",
        )
    partners = context.get("partners", {})
    if "LDC" in partners and "SSDC" in partners:
        group = _space(
            SHARED_SERVICES,
            director,
            kind=SpaceKind.PARTNERS,
            partners=[partners["LDC"], partners["SSDC"]],
            description="The two councils seeking collaboration on the Workstream 2 "
            "services (DEMO DATA).",
        )
        if group is not None:
            _thread(
                group,
                officer,
                "Working with other partners on environmental health",
                "Shall we compare our environmental health service plans before January?"
                "\n\n*DEMO DATA.*",
            )
    body = context.get("bodies", {}).get("JC")
    if body is not None:
        members = _space(
            "Joint Committee members (DEMO DATA)",
            director,
            kind=SpaceKind.BODY,
            body=body,
            members_only=True,
            description="For members of the Joint Committee only.",
        )
        if members is not None:
            _thread(
                members,
                member,
                "Questions before the 17 December meeting",
                "Post your questions on the papers here (DEMO DATA).",
            )
