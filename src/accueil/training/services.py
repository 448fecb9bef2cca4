"""The training capability's services, for its own pages and for other apps.

Each part keeps its services in its own module and re-exports them here in one line.
"""

from accueil.training.catalogue import (  # noqa: F401
    CourseData,
    course_cancel,
    course_create,
    course_publish,
    course_update,
    is_approved,
    provider_approval_set,
    session_add,
    session_remove,
    session_update,
)
