"""The course catalogue's pages: the public list and course pages (anyone), a provider's
own courses and sessions (provider staff, only their organisation's: 404 otherwise),
and approving providers (officers, the administrator)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accueil.accounts.access import has_role
from accueil.accounts.decorators import role_required
from accueil.accounts.http import AuthenticatedHttpRequest
from accueil.accounts.models import Role
from accueil.core import clock
from accueil.core.http import posted
from accueil.core.languages import language_name
from accueil.rules.course_publication import Problem
from accueil.training import access, selectors, services
from accueil.training.catalogue import ChangeRefused, SessionTaken
from accueil.training.forms_catalogue import CatalogueFilterForm, CourseForm, SessionForm
from accueil.training.models import Course, CourseSession, CourseStatus

COURSES_PER_PAGE = 20


def describe(course: Course) -> Course:
    """What the pages show of a course, in the page's language."""
    course.language_names = [language_name(code) for code in course.languages]  # type: ignore[attr-defined]
    course.taught_name = language_name(course.taught_language) if course.taught_language else ""  # type: ignore[attr-defined]
    return course


def in_language(problem: Problem) -> str:
    """The rule's message in the page's language."""
    return problem.message.get((get_language() or "en")[:2], problem.message["en"])


def refuse(form, refused: ChangeRefused) -> None:
    """Each problem next to its field when the form has it, else at the top of the form."""
    for problem in refused.problems:
        form.add_error(
            problem.field if problem.field in form.fields else None, in_language(problem)
        )


def filters_from(form: CatalogueFilterForm) -> selectors.CatalogueFilters:
    if not form.is_valid():
        return selectors.CatalogueFilters()
    data = form.cleaned_data
    return selectors.CatalogueFilters(
        kind=data["kind"],
        language=data["language"],
        level=data["level"],
        place=data["place"].strip(),
        date_from=data["date_from"],
        free_seats=data["free_seats"],
    )


@require_GET
def catalogue(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Anyone may browse the published courses; the filters are a GET form."""
    form = CatalogueFilterForm(request.GET or None)
    courses = selectors.catalogue_courses(filters_from(form), clock.today())
    page = Paginator(courses, COURSES_PER_PAGE).get_page(request.GET.get("page"))
    for course in page.object_list:
        describe(course)
    context = {
        "form": form,
        "page": page,
        "can_edit": access.can_edit_courses(request.user),
        "can_approve": access.can_approve_providers(request.user),
    }
    return render(request, "training/catalogue/catalogue.html", context)


@require_GET
def course_detail(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = selectors.published_course(course_id)
    if course is None:
        raise Http404
    context = {"course": describe(course), "can_enrol": can_enrol(request.user, course)}
    return render(request, "training/catalogue/course.html", context)


def can_enrol(user, course: Course) -> bool:
    """Whether the course page offers to enrol: to anyone not signed in (asked to sign in
    first), a candidate, or the staff of the course's provider (who enrol someone)."""
    if course.status != CourseStatus.PUBLISHED:
        return False
    if not user.is_authenticated:
        return True
    if has_role(user, Role.CANDIDATE):
        return True
    return has_role(user, Role.PROVIDER) and user.organisation_id == course.provider_id


# Provider staff: their own organisation's courses only.


@require_GET
@role_required(access.can_edit_courses)
def provider_courses(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisation = access.provider_of(request.user)
    courses = (
        selectors.with_seats(access.courses_for_provider(request.user))
        .prefetch_related("sessions")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(courses, COURSES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "organisation": organisation,
        "approved": services.is_approved(organisation),
        "page": page,
    }
    return render(request, "training/catalogue/provider_courses.html", context)


@require_http_methods(["GET", "POST"])
@role_required(access.can_edit_courses)
def course_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisation = access.provider_of(request.user)
    form = CourseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        course = services.course_create(
            provider=organisation, data=form.course_data(), actor=request.user
        )
        messages.success(request, _("The course is saved as a draft. Add its sessions."))
        return redirect("training:course_manage", course.pk)
    return render(request, "training/catalogue/course_form.html", {"form": form, "course": None})


@require_http_methods(["GET", "POST"])
@role_required(access.can_edit_courses)
def course_edit(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = access.get_course_for_provider(request.user, course_id)
    form = CourseForm(posted(request), initial=CourseForm.initial_from(course))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.course_update(course=course, data=form.course_data(), actor=request.user)
        except ChangeRefused as refused:
            refuse(form, refused)
            status = 400
        else:
            messages.success(request, _("The course is changed."))
            return redirect("training:course_manage", course.pk)
    context = {"form": form, "course": course, "refused": status == 400}
    return render(request, "training/catalogue/course_form.html", context, status=status)


def manage_page(request, course, problems=(), status=200) -> HttpResponse:
    course = selectors.with_seats(Course.objects.filter(pk=course.pk)).get()
    context = {
        "course": describe(course),
        "sessions": list(course.sessions.all()),
        "problems": [
            {"field": problem.field, "message": in_language(problem)} for problem in problems
        ],
    }
    return render(request, "training/catalogue/course_manage.html", context, status=status)


@require_GET
@role_required(access.can_edit_courses)
def course_manage(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    return manage_page(request, access.get_course_for_provider(request.user, course_id))


@require_POST
@role_required(access.can_edit_courses)
def course_publish(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = access.get_course_for_provider(request.user, course_id)
    problems = services.course_publish(course=course, actor=request.user)
    if problems:
        return manage_page(request, course, problems, status=400)
    messages.success(request, _("The course is published in the catalogue."))
    return redirect("training:course_manage", course.pk)


@require_POST
@role_required(access.can_edit_courses)
def course_cancel(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = access.get_course_for_provider(request.user, course_id)
    services.course_cancel(course=course, actor=request.user)
    messages.success(request, _("The course is cancelled."))
    return redirect("training:course_manage", course.pk)


@require_http_methods(["GET", "POST"])
@role_required(access.can_edit_courses)
def session_add(request: AuthenticatedHttpRequest, course_id: int) -> HttpResponse:
    course = access.get_course_for_provider(request.user, course_id)
    taken = course.sessions.values_list("starts_at", flat=True)
    form = SessionForm(posted(request), taken=taken)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.session_add(
                course=course,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                actor=request.user,
            )
        except SessionTaken:
            form.add_error("start_time", _("The course already has a session starting then"))
        except ChangeRefused as refused:
            refuse(form, refused)
            status = 400
        else:
            messages.success(request, _("The session is added."))
            return redirect("training:course_manage", course.pk)
    context = {"form": form, "course": course, "session": None, "refused": status == 400}
    return render(request, "training/catalogue/session_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@role_required(access.can_edit_courses)
def session_edit(
    request: AuthenticatedHttpRequest, course_id: int, session_id: int
) -> HttpResponse:
    course = access.get_course_for_provider(request.user, course_id)
    session = access.get_session_for_provider(request.user, course, session_id)
    taken = course.sessions.exclude(pk=session.pk).values_list("starts_at", flat=True)
    form = SessionForm(posted(request), taken=taken, initial=SessionForm.initial_from(session))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(
                session=session,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                actor=request.user,
            )
        except CourseSession.DoesNotExist:
            raise Http404 from None  # removed meanwhile
        except SessionTaken:
            form.add_error("start_time", _("The course already has a session starting then"))
        except ChangeRefused as refused:
            refuse(form, refused)
            status = 400
        else:
            messages.success(request, _("The session is changed."))
            return redirect("training:course_manage", course.pk)
    context = {"form": form, "course": course, "session": session, "refused": status == 400}
    return render(request, "training/catalogue/session_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@role_required(access.can_edit_courses)
def session_remove(
    request: AuthenticatedHttpRequest, course_id: int, session_id: int
) -> HttpResponse:
    course = access.get_course_for_provider(request.user, course_id)
    session = access.get_session_for_provider(request.user, course, session_id)
    problems: list[str] = []
    if request.method == "POST":
        try:
            services.session_remove(session=session, actor=request.user)
        except ChangeRefused as refused:
            problems = [in_language(problem) for problem in refused.problems]
        else:
            messages.success(request, _("The session is removed."))
            return redirect("training:course_manage", course.pk)
    context = {"course": course, "session": session, "problems": problems}
    status = 400 if problems else 200
    return render(request, "training/catalogue/session_remove.html", context, status=status)


# Officers and the administrator: approving providers; the orientation days' warning.


@require_GET
@role_required(access.can_approve_providers)
def providers(request: AuthenticatedHttpRequest) -> HttpResponse:
    scheduled, missing = selectors.orientation_days_warning(clock.today())
    context = {
        "organisations": access.organisations_to_approve(request.user),
        "orientation_days": scheduled,
        "orientation_missing": missing,
    }
    return render(request, "training/catalogue/providers.html", context)


@require_POST
@role_required(access.can_approve_providers)
def provider_approve(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access.get_organisation_to_approve(request.user, organisation_id)
    approved = request.POST.get("approved") == "yes"
    services.provider_approval_set(organisation=organisation, approved=approved, actor=request.user)
    if approved:
        messages.success(
            request, _("%(name)s is approved as a course provider.") % {"name": organisation}
        )
    else:
        messages.success(request, _("%(name)s is no longer approved.") % {"name": organisation})
    return redirect("training:providers")
