"""Every resources page with a form (and the progress pages): a pinned number of queries for
its GET, as the administrator, so a page that starts to query per row is caught."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerplan.resources.tests.access_matrix import objects

pytestmark = pytest.mark.django_db

# url name -> (object key, queries): session, user and the administrator's viewer (3 to 5),
# then the page's own reads: the record, its parent, and the choices its form offers.
PAGES = {
    "resources:member-create": (None, 7),
    # Each +1 since issue 18: the member's time actuals, read once with the bookings.
    "resources:availability-create": ("res_member", 10),
    "resources:leave-create": ("res_member", 10),
    "resources:member-edit": ("res_member", 12),
    "resources:member-archive": ("res_member", 10),
    "resources:availability-edit": ("res_availability", 5),
    "resources:availability-delete": ("res_availability", 5),
    "resources:leave-edit": ("res_leave", 5),
    "resources:leave-delete": ("res_leave", 5),
    "resources:demand-create": ("res_project", 8),
    "resources:planning-edit": ("res_project", 8),
    "resources:assignment-create": ("res_demand", 6),
    "resources:demand-edit": ("res_demand", 6),
    "resources:demand-delete": ("res_demand", 6),
    "resources:assignment-edit": ("res_assignment", 5),
    "resources:assignment-delete": ("res_assignment", 5),
    "resources:run-create": (None, 6),
    "resources:run-progress": ("res_run", 7),  # +2: the check for solves whose worker died
    "resources:task-create": ("res_project", 13),
    "resources:task-edit": ("res_task", 9),
    "resources:task-delete": ("res_task", 8),
    "resources:task-resource-create": ("res_project", 9),
    "resources:task-resource-edit": ("res_task_resource", 5),
    "resources:task-resource-delete": ("res_task_resource", 6),
    "resources:task-schedule": ("res_task_schedule", 5),
    "resources:task-schedule-progress": ("res_task_schedule", 7),  # +2: the same check
    "resources:scenario-create": (None, 8),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_shows_each_form_page_in_a_fixed_number_of_queries(world, assert_queries, name):
    key, expected = PAGES[name]
    made = objects(world)
    url = reverse(name, args=[made[key].pk] if key else [])
    client = world.client("admin")
    client.get("/resources/")  # warm the session
    with assert_queries(expected, name):
        response = client.get(url)
    assert response.status_code == 200
