"""The pages that compose several capabilities: each role's home page, the officers' list
and file of a candidate, a candidate's tasks at the information session (see
docs/architecture.md)."""
