"""Background tasks (`manage.py db_worker`): decisions are implemented when their call-in
period ends, without anyone running `implement_decisions`.

Publishing a decision record that starts a call-in period queues `implement_due_decisions` to
run on the morning of the day it can be implemented (`services.call_in._schedule`). The task
implements every decision then due, so one late or lost run is made good by the next; and a
decision's page implements it when it is read after its period (`decision_implement_if_due`),
which also covers a demonstration clock moved past the day.
"""

from __future__ import annotations

from django_tasks import task


@task()
def implement_due_decisions() -> int:
    from partnerplan.governance.services.implementing import decisions_implement_due

    return len(decisions_implement_due())
