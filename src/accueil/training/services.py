"""The training capability's services, for its own pages and for other apps.

Each part keeps its services in its own module and re-exports them here in one line.
"""

from accueil.training.catalogue import (
    CourseData as CourseData,
)
from accueil.training.catalogue import (
    course_cancel as course_cancel,
)
from accueil.training.catalogue import (
    course_create as course_create,
)
from accueil.training.catalogue import (
    course_publish as course_publish,
)
from accueil.training.catalogue import (
    course_update as course_update,
)
from accueil.training.catalogue import (
    is_approved as is_approved,
)
from accueil.training.catalogue import (
    provider_approval_set as provider_approval_set,
)
from accueil.training.catalogue import (
    session_add as session_add,
)
from accueil.training.catalogue import (
    session_remove as session_remove,
)
from accueil.training.catalogue import (
    session_update as session_update,
)
