"""The audit trail is not on the admin site.

Its one page is the trail's own (`audit.views`, under `audit.access`), which decides
who reads which events. A second, unfiltered copy on the admin site would show the
administrator every event about every candidate (issue 14, point 6: the administrator
"cannot read candidates' files"), outside those rules. Nothing is registered here.
"""
