from django.urls import path

from partnerplan.resources.views import actuals, capacity, demand, pool, runs, scenarios, tasks

app_name = "resources"

urlpatterns = [
    path("", pool.pool_list, name="pool-list"),
    path("pool/new/", pool.member_create, name="member-create"),
    path("pool/<int:pk>/", pool.member_detail, name="member-detail"),
    path("pool/<int:pk>/availability/", pool.availability_create, name="availability-create"),
    path("pool/<int:pk>/leave/", pool.leave_create, name="leave-create"),
    path("pool/<int:pk>/change/", pool.member_edit, name="member-edit"),
    path("pool/<int:pk>/leave-pool/", pool.member_archive, name="member-archive"),
    path("availability/<int:pk>/", pool.availability_edit, name="availability-edit"),
    path("availability/<int:pk>/remove/", pool.availability_delete, name="availability-delete"),
    path("leave/<int:pk>/", pool.leave_edit, name="leave-edit"),
    path("leave/<int:pk>/remove/", pool.leave_delete, name="leave-delete"),
    path("demand/", demand.demand_list, name="demand-list"),
    path("projects/<int:pk>/", demand.project_demand, name="project-demand"),
    path("projects/<int:pk>/roles/new/", demand.demand_create, name="demand-create"),
    path("projects/<int:pk>/planning/", demand.planning_edit, name="planning-edit"),
    path("roles/<int:pk>/book/", demand.assignment_create, name="assignment-create"),
    path("roles/<int:pk>/", demand.demand_edit, name="demand-edit"),
    path("roles/<int:pk>/remove/", demand.demand_delete, name="demand-delete"),
    path("bookings/<int:pk>/", demand.assignment_edit, name="assignment-edit"),
    path("bookings/<int:pk>/remove/", demand.assignment_delete, name="assignment-delete"),
    path("projects/<int:pk>/actuals/", actuals.project_actuals, name="project-actuals"),
    path("projects/<int:pk>/actuals/new/", actuals.actual_create, name="actual-create"),
    path("capacity/", capacity.capacity, name="capacity"),
    path("runs/", runs.run_list, name="run-list"),
    path("runs/new/", runs.run_create, name="run-create"),
    path("runs/<int:pk>/", runs.run_detail, name="run-detail"),
    path("runs/<int:pk>/progress/", runs.run_progress, name="run-progress"),
    path("runs/<int:pk>/book/", runs.run_book, name="run-book"),
    path("projects/<int:pk>/tasks/", tasks.task_network, name="task-network"),
    path("projects/<int:pk>/tasks/new/", tasks.task_create, name="task-create"),
    path(
        "projects/<int:pk>/task-resources/new/",
        tasks.task_resource_create,
        name="task-resource-create",
    ),
    path(
        "projects/<int:pk>/tasks/schedule/", tasks.task_schedule_create, name="task-schedule-create"
    ),
    path("tasks/<int:pk>/", tasks.task_edit, name="task-edit"),
    path("tasks/<int:pk>/remove/", tasks.task_delete, name="task-delete"),
    path("task-resources/<int:pk>/", tasks.task_resource_edit, name="task-resource-edit"),
    path(
        "task-resources/<int:pk>/remove/", tasks.task_resource_delete, name="task-resource-delete"
    ),
    path("task-schedules/<int:pk>/", tasks.task_schedule, name="task-schedule"),
    path(
        "task-schedules/<int:pk>/progress/",
        tasks.task_schedule_progress,
        name="task-schedule-progress",
    ),
    path("scenarios/", scenarios.scenario_list, name="scenario-list"),
    path("scenarios/new/", scenarios.scenario_create, name="scenario-create"),
]
