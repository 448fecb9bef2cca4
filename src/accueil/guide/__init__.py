"""The newcomer's guide on the web: a questionnaire ending in a personal, explained
result (seed 004, the guide for third-country nationals), its PDF and private link,
calculators for the dated rules, and a candidate's own residence dates on their path."""
