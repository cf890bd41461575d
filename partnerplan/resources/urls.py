from django.urls import path

from partnerplan.resources import views

app_name = "resources"

urlpatterns = [
    path("", views.pool_list, name="pool-list"),
    path("pool/new/", views.member_create, name="member-create"),
    path("pool/<int:pk>/", views.member_detail, name="member-detail"),
    path("pool/<int:pk>/availability/", views.availability_create, name="availability-create"),
    path("pool/<int:pk>/leave/", views.leave_create, name="leave-create"),
    path("pool/<int:pk>/change/", views.member_edit, name="member-edit"),
    path("pool/<int:pk>/leave-pool/", views.member_archive, name="member-archive"),
    path("availability/<int:pk>/", views.availability_edit, name="availability-edit"),
    path("availability/<int:pk>/remove/", views.availability_delete, name="availability-delete"),
    path("leave/<int:pk>/", views.leave_edit, name="leave-edit"),
    path("leave/<int:pk>/remove/", views.leave_delete, name="leave-delete"),
    path("demand/", views.demand_list, name="demand-list"),
    path("projects/<int:pk>/", views.project_demand, name="project-demand"),
    path("projects/<int:pk>/roles/new/", views.demand_create, name="demand-create"),
    path("projects/<int:pk>/planning/", views.planning_edit, name="planning-edit"),
    path("roles/<int:pk>/book/", views.assignment_create, name="assignment-create"),
    path("roles/<int:pk>/", views.demand_edit, name="demand-edit"),
    path("roles/<int:pk>/remove/", views.demand_delete, name="demand-delete"),
    path("bookings/<int:pk>/", views.assignment_edit, name="assignment-edit"),
    path("bookings/<int:pk>/remove/", views.assignment_delete, name="assignment-delete"),
    path("capacity/", views.capacity, name="capacity"),
    path("runs/", views.run_list, name="run-list"),
    path("runs/new/", views.run_create, name="run-create"),
    path("runs/<int:pk>/", views.run_detail, name="run-detail"),
    path("runs/<int:pk>/progress/", views.run_progress, name="run-progress"),
    path("runs/<int:pk>/book/", views.run_book, name="run-book"),
    path("projects/<int:pk>/tasks/", views.task_network, name="task-network"),
    path("projects/<int:pk>/tasks/new/", views.task_create, name="task-create"),
    path(
        "projects/<int:pk>/task-resources/new/",
        views.task_resource_create,
        name="task-resource-create",
    ),
    path(
        "projects/<int:pk>/tasks/schedule/", views.task_schedule_create, name="task-schedule-create"
    ),
    path("tasks/<int:pk>/", views.task_edit, name="task-edit"),
    path("tasks/<int:pk>/remove/", views.task_delete, name="task-delete"),
    path("task-resources/<int:pk>/", views.task_resource_edit, name="task-resource-edit"),
    path(
        "task-resources/<int:pk>/remove/", views.task_resource_delete, name="task-resource-delete"
    ),
    path("task-schedules/<int:pk>/", views.task_schedule, name="task-schedule"),
    path(
        "task-schedules/<int:pk>/progress/",
        views.task_schedule_progress,
        name="task-schedule-progress",
    ),
    path("scenarios/", views.scenario_list, name="scenario-list"),
    path("scenarios/new/", views.scenario_create, name="scenario-create"),
]
