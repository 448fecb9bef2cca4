"""Calculators of the seed's facts a newcomer applies to their own situation.

Five rules, each a number or a date with the passage it comes from:

* `short_stay_fit`: does a stay of N days from a day of arrival fit the 3 months? The
  stay counts its first and last days; it fits when its last day is before the day
  3 months after the arrival (1 March + 3 months = 1 June, so 1 March to 31 May fits,
  exactly 3 months). Months are counted as in `accueil.rules.dates` (31 May + 3 months
  = 31 August; 30 November + 3 months = 28 or 29 February).
* `guarantor_liability`: the last day of the guarantor's 2 years. The seed does not say
  from which day they run: they are counted from the day the guarantee was signed, and
  the reason says so. The period ends like every period of years here
  (`accueil.rules.dates.anniversary`: signed on 29 February, it ends on 28 February).
* `sworn_translation`: a document not in German, French or English needs a sworn
  translation (Luxembourgish too: the seed names only those three); every document is
  apostilled or legalised.
* `school_obligation`: whether a child must go to school on a day. "From 4 until 16" is
  counted from the 4th birthday up to the day before the 16th birthday; birthdays as
  in `accueil.rules.dates` (born on 29 February: 28 February in common years). The
  seed gives no school-year cut-off: the commune fixes the school year of entry.
* `housing_costs`: the agency fee (1 month of rent), the deposit (2 to 3 months) and
  what to pay at once (the first month's rent, the fee and the deposit), in Decimal.
"""

from datetime import date, timedelta
from decimal import Decimal

from accueil.rules.base import Decision, FactError, Reason
from accueil.rules.dates import add_months, add_years, age_on, anniversary
from accueil.rules.guide import sources as S
from accueil.rules.guide.checks import Check, note
from accueil.rules.guide.contacts import CASNA
from accueil.rules.guide.text import t
from accueil.rules.parameters import parameter

MAX_STAY_DAYS = 3650
MAX_RENT = Decimal("100000")

STAY = Check(
    "guide.short_stay_fit.limit",
    S.SHORT_STAY,
    t(
        "A stay of {days} days from {arrival} ends on {last_day}: it fits within {months} "
        "months (the last day that fits is {limit}).",
        "Un séjour de {days} jours à partir du {arrival} se termine le {last_day} : il tient "
        "dans les {months} mois (le dernier jour possible est le {limit}).",
        "Ein Aufenthalt von {days} Tagen ab dem {arrival} endet am {last_day}: er passt in "
        "die {months} Monate (der letzte mögliche Tag ist der {limit}).",
    ),
    t(
        "A stay of {days} days from {arrival} ends on {last_day}: it is longer than {months} "
        "months (the last day that fits is {limit}). A longer stay needs a residence "
        "authorisation.",
        "Un séjour de {days} jours à partir du {arrival} se termine le {last_day} : il dépasse "
        "{months} mois (le dernier jour possible est le {limit}). Un séjour plus long demande "
        "une autorisation de séjour.",
        "Ein Aufenthalt von {days} Tagen ab dem {arrival} endet am {last_day}: er ist länger "
        "als {months} Monate (der letzte mögliche Tag ist der {limit}). Ein längerer "
        "Aufenthalt braucht eine Aufenthaltserlaubnis.",
    ),
    t("", "", ""),
)
VISA = (
    "guide.short_stay_fit.visa",
    S.SHORT_VISA_LIMIT,
    t(
        "If you need a visa: it is valid for at most {stay} months within a period of "
        "{period} months.",
        "Si vous avez besoin d’un visa : il est valable {stay} mois maximum sur une période "
        "de {period} mois.",
        "Wenn Sie ein Visum brauchen: es gilt höchstens {stay} Monate innerhalb von {period} "
        "Monaten.",
    ),
)
GUARANTOR = Check(
    "guide.guarantor_liability.period",
    S.SHORT_GUARANTOR,
    t(
        "On {on} the person who signed the guarantee on {signed} is still jointly liable with "
        "you for the costs of stay, health and return, until {last_day} included.",
        "Le {on}, la personne qui a signé la prise en charge le {signed} est encore "
        "solidairement responsable avec vous des frais de séjour, de santé et de retour, "
        "jusqu’au {last_day} inclus.",
        "Am {on} haftet die Person, die die Verpflichtungserklärung am {signed} unterschrieben "
        "hat, noch gesamtschuldnerisch mit Ihnen für die Kosten von Aufenthalt, Gesundheit "
        "und Rückkehr, bis einschließlich {last_day}.",
    ),
    t(
        "On {on} the liability of the person who signed the guarantee on {signed} has ended: "
        "it ran until {last_day} included.",
        "Le {on}, la responsabilité de la personne qui a signé la prise en charge le {signed} "
        "a pris fin : elle courait jusqu’au {last_day} inclus.",
        "Am {on} ist die Haftung der Person, die die Verpflichtungserklärung am {signed} "
        "unterschrieben hat, beendet: sie lief bis einschließlich {last_day}.",
    ),
    t(
        "The person who signed the guarantee on {signed} is jointly liable with you for the "
        "costs of stay, health and return until {last_day} included.",
        "La personne qui a signé la prise en charge le {signed} est solidairement responsable "
        "avec vous des frais de séjour, de santé et de retour jusqu’au {last_day} inclus.",
        "Die Person, die die Verpflichtungserklärung am {signed} unterschrieben hat, haftet "
        "gesamtschuldnerisch mit Ihnen für die Kosten von Aufenthalt, Gesundheit und "
        "Rückkehr bis einschließlich {last_day}.",
    ),
)
GUARANTOR_COUNT = (
    "guide.guarantor_liability.counted_from",
    S.SHORT_GUARANTOR,
    t(
        'The guide says "for {years} years" without saying from which day: they are counted '
        "here from the day the guarantee was signed, {signed}.",
        "Le guide dit « pendant une durée de {years} ans » sans dire à partir de quel jour : "
        "ils sont comptés ici à partir du jour de la signature de la prise en charge, le "
        "{signed}.",
        "Der Leitfaden sagt „für {years} Jahre“, ohne zu sagen, ab welchem Tag: sie werden "
        "hier ab dem Tag der Unterschrift der Verpflichtungserklärung gezählt, dem {signed}.",
    ),
)
TRANSLATION = Check(
    "guide.sworn_translation.needed",
    S.TRANSLATION,
    t(
        "A document in German, French or English needs no translation.",
        "Un document rédigé en allemand, en français ou en anglais n’a pas besoin de traduction.",
        "Ein Dokument auf Deutsch, Französisch oder Englisch braucht keine Übersetzung.",
    ),
    t(
        "A document in any other language than German, French or English needs a certified "
        "translation by a sworn translator in Luxembourg, joined to it.",
        "Un document rédigé dans une autre langue que l’allemand, le français ou l’anglais "
        "doit être accompagné d’une traduction conforme par un traducteur assermenté à "
        "Luxembourg.",
        "Einem Dokument in einer anderen Sprache als Deutsch, Französisch oder Englisch muss "
        "eine beglaubigte Übersetzung durch einen in Luxemburg vereidigten Übersetzer "
        "beigefügt werden.",
    ),
    t("", "", ""),
)
LUXEMBOURGISH = (
    "guide.sworn_translation.luxembourgish",
    S.TRANSLATION,
    t(
        "Luxembourgish is not one of the three languages the guide names (German, French, "
        "English): a document in Luxembourgish needs a sworn translation too.",
        "Le luxembourgeois ne fait pas partie des trois langues que le guide nomme "
        "(allemand, français, anglais) : un document en luxembourgeois doit lui aussi être "
        "traduit par un traducteur assermenté.",
        "Luxemburgisch gehört nicht zu den drei Sprachen, die der Leitfaden nennt (Deutsch, "
        "Französisch, Englisch): auch ein Dokument auf Luxemburgisch braucht eine "
        "beglaubigte Übersetzung.",
    ),
)
APOSTILLE = (
    "guide.sworn_translation.apostille",
    S.APOSTILLE,
    t(
        "Whatever its language, every document must be apostilled by the competent authority "
        "of the country of origin, or legalised by it and authenticated by the embassy.",
        "Quelle que soit sa langue, tout document doit être apostillé par l’autorité "
        "compétente du pays d’origine, ou légalisé par elle et authentifié par l’ambassade.",
        "Unabhängig von seiner Sprache muss jedes Dokument von der zuständigen Behörde des "
        "Herkunftslandes mit einer Apostille versehen oder von ihr legalisiert und von der "
        "Botschaft beglaubigt werden.",
    ),
)
SCHOOL = Check(
    "guide.school_obligation.compulsory",
    S.SCHOOL_COMPULSORY,
    t(
        "On {on} the child is {age} years old: school is compulsory for them (from {start} "
        "to {end} years old: from their {start}th birthday, {from_day}, up to the day before "
        "their {end}th birthday, {until_day}).",
        "Le {on}, l’enfant a {age} ans : l’école est obligatoire pour lui (de {start} à {end} "
        "ans : de son {start}e anniversaire, le {from_day}, jusqu’à la veille de son {end}e "
        "anniversaire, le {until_day}).",
        "Am {on} ist das Kind {age} Jahre alt: es ist schulpflichtig (von {start} bis {end} "
        "Jahren: von seinem {start}. Geburtstag, dem {from_day}, bis zum Tag vor seinem "
        "{end}. Geburtstag, dem {until_day}).",
    ),
    t(
        "On {on} the child is {age} years old: school is not compulsory for them that day "
        "(it is from {start} to {end} years old: from their {start}th birthday, {from_day}, "
        "up to the day before their {end}th birthday, {until_day}).",
        "Le {on}, l’enfant a {age} ans : l’école n’est pas obligatoire pour lui ce jour-là "
        "(elle l’est de {start} à {end} ans : de son {start}e anniversaire, le {from_day}, "
        "jusqu’à la veille de son {end}e anniversaire, le {until_day}).",
        "Am {on} ist das Kind {age} Jahre alt: an diesem Tag ist es nicht schulpflichtig (die "
        "Schulpflicht gilt von {start} bis {end} Jahren: von seinem {start}. Geburtstag, dem "
        "{from_day}, bis zum Tag vor seinem {end}. Geburtstag, dem {until_day}).",
    ),
    t("", "", ""),
)
SCHOOL_LEAP = (
    "guide.school_obligation.leap_day",
    S.SCHOOL_COMPULSORY,
    t(
        "Born on 29 February: in a year without 29 February, the birthday is counted on "
        "28 February, as for every age in this service.",
        "Né un 29 février : les années sans 29 février, l’anniversaire est compté le "
        "28 février, comme pour tous les âges dans ce service.",
        "Am 29. Februar geboren: in Jahren ohne 29. Februar zählt der Geburtstag am "
        "28. Februar, wie bei jedem Alter in diesem Dienst.",
    ),
)
SCHOOL_COMMUNE = (
    "guide.school_obligation.commune",
    S.SCHOOL_COMMUNE,
    t(
        "Children are enrolled at the commune where you live. The guide gives no cut-off date "
        "for the school year: the commune tells you in which school year the child starts.",
        "Les inscriptions se font à la commune du lieu de résidence. Le guide ne donne pas de "
        "date limite pour l’année scolaire : la commune vous dit en quelle année scolaire "
        "l’enfant commence.",
        "Die Anmeldung erfolgt bei der Gemeinde des Wohnorts. Der Leitfaden nennt keinen "
        "Stichtag für das Schuljahr: die Gemeinde sagt Ihnen, in welchem Schuljahr das Kind "
        "beginnt.",
    ),
)
SCHOOL_CASNA = (
    "guide.school_obligation.casna",
    S.SCHOOL_CASNA,
    t(
        "A child who finished primary school in their country of origin must contact CASNA "
        "(telephone {phone}, {email}).",
        "L’enfant qui a terminé l’école fondamentale dans son pays d’origine doit contacter "
        "la CASNA (téléphone {phone}, {email}).",
        "Ein Kind, das die Grundschule im Herkunftsland abgeschlossen hat, muss sich an die "
        "CASNA wenden (Telefon {phone}, {email}).",
    ),
)
AGENCY = (
    "guide.housing_costs.agency_fee",
    S.HOUSING_AGENCY,
    t(
        "Through an estate agency, the agency fee is probably {months} month of rent: €{fee}.",
        "En passant par une agence immobilière, les frais d’agence équivalent probablement à "
        "{months} mois de loyer : {fee} €.",
        "Über einen Makler beträgt die Maklergebühr wahrscheinlich {months} Monatsmiete: {fee} €.",
    ),
)
NO_AGENCY = (
    "guide.housing_costs.no_agency",
    S.HOUSING_AGENCY,
    t(
        "Without an estate agency, there is no agency fee.",
        "Sans agence immobilière, il n’y a pas de frais d’agence.",
        "Ohne Makler fällt keine Maklergebühr an.",
    ),
)
DEPOSIT = (
    "guide.housing_costs.deposit",
    S.HOUSING_DEPOSIT,
    t(
        "The landlord may ask in advance for a deposit of {low} to {high} months of rent: "
        "€{deposit_min} to €{deposit_max}.",
        "Le propriétaire peut exiger à l’avance un dépôt de garantie de {low} à {high} mois de "
        "loyer : de {deposit_min} € à {deposit_max} €.",
        "Der Vermieter kann im Voraus eine Kaution von {low} bis {high} Monatsmieten "
        "verlangen: {deposit_min} € bis {deposit_max} €.",
    ),
)
AT_ONCE = (
    "guide.housing_costs.at_once",
    S.HOUSING_EXAMPLE,
    t(
        "To pay at once: the first month's rent (€{rent}){fee_words} and the deposit: "
        "€{total_min} to €{total_max}, depending on the months of deposit asked for.",
        "À payer tout de suite : le premier loyer ({rent} €){fee_words} et le dépôt de "
        "garantie : de {total_min} € à {total_max} €, selon le nombre de mois de caution "
        "demandés.",
        "Sofort zu zahlen: die erste Monatsmiete ({rent} €){fee_words} und die Kaution: "
        "{total_min} € bis {total_max} €, je nach verlangten Monaten Kaution.",
    ),
)
FEE_WORDS = t(", the agency fee", ", les frais d’agence", ", die Maklergebühr")
NO_FEE_WORDS = t("", "", "")


def _error(fact: str, en: str, fr: str, de: str) -> FactError:
    return FactError(fact, en, t(en, fr, de))


def _said(check: Check, which: bool | None, **params: object) -> Reason:
    """The text of `check` for `which` as an informative reason (met None): being liable,
    needing a translation or having to go to school is a fact to know, not a condition
    met or not (the page would label it "Met")."""
    text = {True: check.met, False: check.unmet, None: check.unknown}[which]
    return note(check.code, check.source, text, **params)


def short_stay_fit(arrival: date, days: int) -> Decision:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_STAY_DAYS:
        raise _error(
            "days",
            f"expected a whole number of days from 1 to {MAX_STAY_DAYS}",
            f"un nombre entier de jours de 1 à {MAX_STAY_DAYS} est attendu",
            f"erwartet wird eine ganze Zahl von Tagen von 1 bis {MAX_STAY_DAYS}",
        )
    months = parameter("guide.short_stay_max_months", arrival)
    limit = add_months(arrival, months) - timedelta(days=1)
    last_day = arrival + timedelta(days=days - 1)
    fits = last_day <= limit
    params = {"days": days, "arrival": arrival, "last_day": last_day, "limit": limit}
    visa = parameter("guide.visa_limits_months", arrival)
    reasons = (
        STAY.reason(fits, months=months, **params),
        note(*VISA, stay=visa["stay"], period=visa["period"]),
    )
    values = {
        "arrival_date": arrival,
        "days": days,
        "last_day": last_day,
        "last_day_that_fits": limit,
    }
    return Decision("guide.short_stay_fit", "fits" if fits else "too_long", reasons, values)


def guarantor_liability(signed: date, on: date | None) -> Decision:
    years = parameter("guide.guarantor_liability_years", signed)
    last_day = anniversary(signed, years) - timedelta(days=1)
    # A day before the signature (a guarantee still to be signed): only the period is said.
    liable = None if on is None or on < signed else on <= last_day
    reasons = (
        _said(GUARANTOR, liable, on=on, signed=signed, last_day=last_day),
        note(*GUARANTOR_COUNT, years=years, signed=signed),
    )
    outcome = "ended" if liable is False else "liable"
    values = {"signed_on": signed, "liable_until": last_day, "liable_on_day": liable}
    return Decision("guide.guarantor_liability", outcome, reasons, values)


def sworn_translation(language: str, on: date) -> Decision:
    accepted = parameter("guide.document_languages", on)
    needed = language not in accepted
    reasons: list[Reason] = [_said(TRANSLATION, not needed)]
    if language == "lb":
        reasons.append(note(*LUXEMBOURGISH))
    reasons.append(note(*APOSTILLE))
    outcome = "translation_needed" if needed else "no_translation"
    values = {"language": language, "translation_needed": needed, "apostille_needed": True}
    return Decision("guide.sworn_translation", outcome, tuple(reasons), values)


def school_obligation(birth: date, on: date) -> Decision:
    if on < birth:
        raise _error(
            "on",
            "the day to check is before the date of birth",
            "le jour à vérifier précède la date de naissance",
            "der zu prüfende Tag liegt vor dem Geburtsdatum",
        )
    ages = parameter("guide.compulsory_school_ages", on)
    start, end = ages["from"], ages["until"]
    from_day = add_years(birth, start)
    ends_on = add_years(birth, end)
    compulsory = from_day <= on < ends_on
    age = age_on(birth, on)
    params = {
        "on": on,
        "age": age,
        "start": start,
        "end": end,
        "from_day": from_day,
        "until_day": ends_on - timedelta(days=1),
    }
    reasons: list[Reason] = [_said(SCHOOL, compulsory, **params)]
    if (birth.month, birth.day) == (2, 29):
        reasons.append(note(*SCHOOL_LEAP))
    reasons += [
        note(*SCHOOL_COMMUNE),
        note(*SCHOOL_CASNA, phone=CASNA.phone, email=CASNA.email),
    ]
    values = {
        "birth_date": birth,
        "on": on,
        "age": age,
        "compulsory": compulsory,
        "turns_start_age_on": from_day,
        "turns_end_age_on": ends_on,
        "school_ages": {"from": start, "until": end},
        "contacts": ["commune", "men", "casna"],
    }
    outcome = "compulsory" if compulsory else "not_compulsory"
    return Decision("guide.school_obligation", outcome, tuple(reasons), values)


def parse_rent(value: object) -> Decimal:
    """A monthly rent in euros: a JSON number or a decimal string, > 0, at most MAX_RENT,
    with at most 2 decimals."""
    refused = _error(
        "monthly_rent",
        f"expected an amount in euros greater than 0 and at most {MAX_RENT}, with at most "
        "2 decimals",
        f"un montant en euros supérieur à 0 et d'au plus {MAX_RENT}, avec au plus 2 décimales, "
        "est attendu",
        f"erwartet wird ein Betrag in Euro über 0 und höchstens {MAX_RENT}, mit höchstens "
        "2 Nachkommastellen",
    )
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise refused
    try:
        amount = Decimal(str(value).strip())
    except ArithmeticError:
        raise refused from None
    if not amount.is_finite() or not 0 < amount <= MAX_RENT:
        raise refused
    if amount != amount.quantize(Decimal("0.01")):
        raise refused
    return amount.quantize(Decimal("0.01"))


def housing_costs(rent: Decimal, agency: bool, on: date) -> Decision:
    months = parameter("guide.housing_months_of_rent", on)
    fee = rent * months["agency_fee"] if agency else Decimal("0.00")
    deposit_min = rent * months["deposit_min"]
    deposit_max = rent * months["deposit_max"]
    total_min, total_max = rent + fee + deposit_min, rent + fee + deposit_max
    reasons = [
        note(*AGENCY, months=months["agency_fee"], fee=fee) if agency else note(*NO_AGENCY),
        note(
            *DEPOSIT,
            low=months["deposit_min"],
            high=months["deposit_max"],
            deposit_min=deposit_min,
            deposit_max=deposit_max,
        ),
        note(
            *AT_ONCE,
            rent=rent,
            fee_words=FEE_WORDS if agency else NO_FEE_WORDS,
            total_min=total_min,
            total_max=total_max,
        ),
    ]
    values = {
        "monthly_rent": rent,
        "through_agency": agency,
        "agency_fee": fee,
        "deposit_min": deposit_min,
        "deposit_max": deposit_max,
        "to_pay_at_once_min": total_min,
        "to_pay_at_once_max": total_max,
    }
    return Decision("guide.housing_costs", "costs", tuple(reasons), values)
