from django.urls import path

from partnerplan.collaboration import views

app_name = "collaboration"

urlpatterns = [
    path("", views.space_list, name="space-list"),
    path("spaces/add/", views.space_create, name="space-create"),
    path("spaces/<int:pk>/", views.space_detail, name="space-detail"),
    path("spaces/<int:pk>/start/", views.thread_create, name="thread-create"),
    path("spaces/<int:pk>/follow/", views.space_follow, name="space-follow"),
    path("threads/<int:pk>/", views.thread_detail, name="thread-detail"),
    path("threads/<int:pk>/reply/", views.thread_reply, name="thread-reply"),
    path("threads/<int:pk>/follow/", views.thread_follow, name="thread-follow"),
    path("posts/<int:pk>/quote/", views.post_quote, name="post-quote"),
    path("posts/<int:pk>/answer/", views.post_answer, name="post-answer"),
    path("questions/", views.question_list, name="question-list"),
    path("notifications/", views.notification_list, name="notification-list"),
]
