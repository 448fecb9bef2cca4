"""`guide.third_country_national`: does the guide concern this person?

Seed: a third-country national has the nationality of no EU member state, nor
of an EEA state (Iceland, Liechtenstein, Norway), nor of Switzerland; the guide
does not concern people in the asylum procedure. A person with several
nationalities is a third-country national only if none of them is of those
states (an EU citizen who also holds another nationality is an EU citizen).
The member states are those on the day of the assessment.
"""

from datetime import date

from accueil.rules.base import Reason
from accueil.rules.countries import CountryNames
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

NATIONALITY = Check(
    "guide.third_country_national.nationality",
    S.TCN,
    t(
        "You are a third-country national: none of your nationalities ({nationalities}) is of "
        "the European Union, the EEA (Iceland, Liechtenstein, Norway) or Switzerland, so this "
        "guide is for you.",
        "Vous êtes ressortissant de pays tiers : aucune de vos nationalités ({nationalities}) "
        "n’est celle d’un pays de l’Union européenne, de l’EEE (Islande, Liechtenstein, Norvège) "
        "ou de la Suisse ; ce guide vous concerne.",
        "Sie sind Drittstaatsangehörige(r): keine Ihrer Staatsangehörigkeiten ({nationalities}) "
        "ist die eines Landes der Europäischen Union, des EWR (Island, Liechtenstein, Norwegen) "
        "oder der Schweiz; dieser Leitfaden betrifft Sie.",
    ),
    t(
        "You hold the nationality of {free_movement}, a country of the European Union, the EEA "
        "or Switzerland: you are not a third-country national, so this guide does not concern "
        "you. The rules of free movement apply to you (guichet.public.lu).",
        "Vous avez la nationalité d’un pays de l’Union européenne, de l’EEE ou de la Suisse "
        "({free_movement}) : vous n’êtes pas ressortissant de pays tiers et ce guide ne vous "
        "concerne pas. Les règles de la libre circulation s’appliquent à vous (guichet.public.lu).",
        "Sie besitzen die Staatsangehörigkeit von {free_movement}, einem Land der Europäischen "
        "Union, des EWR oder der Schweiz: Sie sind nicht Drittstaatsangehörige(r), dieser "
        "Leitfaden betrifft Sie nicht. Für Sie gelten die Regeln der Freizügigkeit "
        "(guichet.public.lu).",
    ),
    t(
        "Your nationality is not known yet: the guide is for nationals of countries outside "
        "the European Union, the EEA and Switzerland.",
        "Votre nationalité n’est pas encore connue : le guide s’adresse aux ressortissants de "
        "pays hors de l’Union européenne, de l’EEE et de la Suisse.",
        "Ihre Staatsangehörigkeit ist noch nicht bekannt: der Leitfaden richtet sich an "
        "Staatsangehörige von Ländern außerhalb der Europäischen Union, des EWR und der Schweiz.",
    ),
)
ASYLUM = Check(
    "guide.third_country_national.asylum",
    S.ASYLUM,
    t(
        "You are not in an asylum procedure, which other laws govern.",
        "Vous n’êtes pas en procédure d’asile, régie par une autre législation.",
        "Sie befinden sich nicht in einem Asylverfahren, für das andere Gesetze gelten.",
    ),
    t(
        "You are in an asylum procedure: it is governed by other laws, and this guide does not "
        "concern you. Ask the Immigration Directorate or ASTI.",
        "Vous êtes en procédure d’asile : elle est régie par une autre législation et ce guide "
        "ne vous concerne pas. Adressez-vous à la Direction de l’Immigration ou à l’ASTI.",
        "Sie befinden sich in einem Asylverfahren: dafür gelten andere Gesetze, und dieser "
        "Leitfaden betrifft Sie nicht. Wenden Sie sich an die Direktion der Immigration oder "
        "an die ASTI.",
    ),
    t(
        "It is not known whether you are in an asylum procedure; the guide does not cover it.",
        "On ne sait pas si vous êtes en procédure d’asile ; le guide ne la couvre pas.",
        "Es ist nicht bekannt, ob Sie sich in einem Asylverfahren befinden; der Leitfaden "
        "deckt es nicht ab.",
    ),
)


def free_movement_states(on: date) -> frozenset[str]:
    """EU member states on `on`, the EEA states outside the EU and Switzerland."""
    return _states(on.year, on.month, on.day)


def _states(year: int, month: int, day: int) -> frozenset[str]:
    key = (year, month, day)
    cached = _CACHE.get(key)
    if cached is None:
        on = date(year, month, day)
        cached = frozenset(parameter("guide.eu_member_states", on)) | frozenset(
            parameter("guide.other_free_movement_states", on)
        )
        if len(_CACHE) > 4096:
            _CACHE.clear()
        _CACHE[key] = cached
    return cached


_CACHE: dict[tuple[int, int, int], frozenset[str]] = {}


def status(
    nationalities: tuple[str, ...] | None, asylum: bool | None, on: date
) -> tuple[bool | None, tuple[Reason, ...]]:
    """Whether the guide concerns the person (None: not known yet) and why."""
    if not nationalities:
        return None, (NATIONALITY.reason(None),)
    states = free_movement_states(on)
    free = tuple(code for code in nationalities if code in states)
    if free:
        return False, (NATIONALITY.reason(False, free_movement=CountryNames(free)),)
    reasons = (NATIONALITY.reason(True, nationalities=CountryNames(nationalities)),)
    if asylum is True:
        return False, (*reasons, ASYLUM.reason(False))
    if asylum is None:
        return None, (*reasons, ASYLUM.reason(None))
    return True, (*reasons, ASYLUM.reason(True))
