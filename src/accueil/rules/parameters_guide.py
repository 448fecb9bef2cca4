"""The numbers of the newcomer's guide (seed 004), each with the date it applies from.

The guide summarises "la loi modifiée du 29 août 2008 sur la libre circulation
des personnes et l'immigration": its rows apply from 29 August 2008, the date
the seed gives for the law (it does not give the day the law came into force),
except the rows of the amended Article 89 (in force from 28 December 2015) and
the minimum social wage, which the seed gives at 1 January 2016. The lists of
countries are not in the seed, which only names the groups (European Union,
EEA: Iceland, Liechtenstein, Norway, and Switzerland); the member states are
dated by their accession (Croatia, 1 July 2013) and withdrawal (the United
Kingdom left on 1 February 2020, but its nationals were treated as EU citizens
until the end of the transition period, 31 December 2020: the rows change on
1 January 2021).

The minimum social wage (unqualified worker aged 18 or over, gross a month, in
euros) has one row per amount from 1 January 2016, each row ending the day the
next begins. Its passage stays the seed's (the rule's basis); `authority` names
the official text each amount comes from: article L. 222-9 of the Labour Code
(its structural raises) and the sliding-scale index (indexation by 2.5 %), as
published by the IGSS in its "paramètres sociaux" of that date. Amounts after
1 May 2025 could not be checked from the machine this was written on: when a
new amount applies, add a line (first day, amount, authority) at the end of
`_WAGE_AMOUNTS` below; the row before it then ends that day by itself.

This module imports only `accueil.rules.base`, so `accueil.rules.parameters`
can join its rows without importing the guide package.
"""

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from accueil.rules.base import Source

GUIDE_SEED = "004_788ffbea22f4a3d7.txt"
IMMIGRATION_LAW = date(2008, 8, 29)
ARTICLE_89_IN_FORCE = date(2015, 12, 28)
MINIMUM_WAGE_DATE = date(2016, 1, 1)
CROATIA = date(2013, 7, 1)
# The United Kingdom left the EU on 1 February 2020; until the end of the transition
# period (31 December 2020) its nationals were treated as EU citizens.
UK_TRANSITION_END = date(2021, 1, 1)
_LAW_NOTE = "Law of 29 August 2008 on the free movement of persons and immigration"

_EU27 = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    """The pieces of one parameter row; `accueil.rules.parameters` builds the Parameter."""

    name: str
    value: Any
    valid_from: date
    valid_until: date | None
    source: Source
    description: str
    # The official text the VALUE comes from, when it is not the seed itself (cited in
    # French, the language of those texts, as the seed's passages are).
    authority: str = ""


def _src(section: str, passage: str) -> Source:
    return Source(seed=GUIDE_SEED, section=section, passage=passage, lang="fr")


def _law(name: str, value: Any, source: Source, description: str) -> Row:
    return Row(name, value, IMMIGRATION_LAW, None, source, f"{description} ({_LAW_NOTE}.)")


_TCN = _src(
    "Bienvenue au Luxembourg",
    "n’a pas la nationalité d’un des pays membres de l’Union Européenne, ni d’un pays qui fait "
    "partie de l’Espace Economique Européen (EEE): l’Islande, le Liechtenstein, la Norvège, ou "
    "de la Suisse.",
)
_S = "1. Le séjour de moins de 3 mois"
_N = "Bon à savoir :"
_W = "L’autorisation de séjour pour le travailleur salarié"
_A = "L’article 89"
_ST = "L’autorisation de séjour pour l’étudiant et le stagiaire"
_EU = "Le droit de séjour du membre de famille"
_R = "3. Le regroupement familial d’un membre de famille"
_L = "4. Le résident de longue durée"
_D = "7. Les délais et les recours"
_WAGE_SOURCE = _src(_L, "Au 1er janvier 2016, le salaire social minimum est de 1922,96 euros.")
_WAGE_NOTE = "Monthly minimum social wage of an unqualified worker aged 18 or over, gross, in euros"
_L222_9 = "Code du travail, art. L. 222-9"
_AMENDED = f"{_L222_9}, modifié par la loi"
_IGSS = "IGSS, paramètres sociaux au"
_INDEX = "Échelle mobile des salaires, indice"
_SC = "\u00a0;"  # French spacing: a no-break space before ";" and "%"
_PC = "\u00a0%"
# (first day, amount, the official text of the amount, in French as the texts are, with
# French spacing); each row ends when the next begins.
_WAGE_AMOUNTS: tuple[tuple[date, float, str], ...] = (
    (MINIMUM_WAGE_DATE, 1922.96, f"Le guide{_SC} {_IGSS} 1er janvier 2016"),
    (
        date(2017, 1, 1),
        1998.59,
        f"{_AMENDED} du 15 décembre 2016 (+1,4{_PC}){_SC} indice 794,54{_SC} "
        f"{_IGSS} 1er janvier 2017",
    ),
    (date(2018, 8, 1), 2048.54, f"{_INDEX} 814,40{_SC} {_IGSS} 1er août 2018"),
    (
        date(2019, 1, 1),
        2071.10,
        f"{_AMENDED} du 12 décembre 2018 (+1,1{_PC}){_SC} {_IGSS} 1er janvier 2019",
    ),
    (
        date(2020, 1, 1),
        2141.99,
        f"{_L222_9}, modifié (+0,9{_PC}){_SC} indice 834,76{_SC} {_IGSS} 1er janvier 2020",
    ),
    (
        date(2021, 1, 1),
        2201.93,
        f"{_L222_9}, modifié (+2,8{_PC}){_SC} {_IGSS} 1er janvier 2021",
    ),
    (date(2021, 10, 1), 2256.95, f"{_INDEX} 855,62{_SC} {_IGSS} 1er octobre 2021"),
    (date(2022, 4, 1), 2313.38, f"{_INDEX} 877,01{_SC} {_IGSS} 1er avril 2022"),
    (
        date(2023, 1, 1),
        2387.40,
        f"{_AMENDED} de décembre 2022 (+3,2{_PC}){_SC} {_IGSS} 1er janvier 2023",
    ),
    (date(2023, 2, 1), 2447.07, f"{_INDEX} 898,93{_SC} {_IGSS} 1er février 2023"),
    (date(2023, 4, 1), 2508.24, f"{_INDEX} 921,40{_SC} {_IGSS} 1er avril 2023"),
    (date(2023, 9, 1), 2570.93, f"{_INDEX} 944,43{_SC} {_IGSS} 1er septembre 2023"),
    (
        date(2025, 1, 1),
        2637.79,
        f"{_AMENDED} du 20 décembre 2024 (+2,6{_PC}){_SC} {_IGSS} 1er janvier 2025",
    ),
    (date(2025, 5, 1), 2703.74, f"{_INDEX} 968,04{_SC} {_IGSS} 1er mai 2025"),
)
_WAGES = tuple(
    Row(
        "guide.minimum_social_wage",
        amount,
        start,
        _WAGE_AMOUNTS[i + 1][0] if i + 1 < len(_WAGE_AMOUNTS) else None,
        _WAGE_SOURCE,
        f"{_WAGE_NOTE}, from {start.isoformat()}"
        + (" (the seed's figure)." if start == MINIMUM_WAGE_DATE else "."),
        authority,
    )
    for i, (start, amount, authority) in enumerate(_WAGE_AMOUNTS)
)
_MEMBERS = "Member states of the European Union on that day (not listed in the seed)."

ROWS: tuple[Row, ...] = (
    Row(
        "guide.eu_member_states",
        tuple(sorted((*(c for c in _EU27 if c != "HR"), "GB"))),
        IMMIGRATION_LAW,
        CROATIA,
        _TCN,
        f"{_MEMBERS} ({_LAW_NOTE}.)",
    ),
    Row(
        "guide.eu_member_states",
        tuple(sorted((*_EU27, "GB"))),
        CROATIA,
        UK_TRANSITION_END,
        _TCN,
        f"{_MEMBERS} Croatia joined on 1 July 2013. The United Kingdom left on 1 February "
        "2020; its nationals were treated as EU citizens until the end of the transition "
        "period, 31 December 2020.",
    ),
    Row(
        "guide.eu_member_states",
        _EU27,
        UK_TRANSITION_END,
        None,
        _TCN,
        f"{_MEMBERS} From 1 January 2021, after the transition period that followed the "
        "United Kingdom's withdrawal (1 February 2020).",
    ),
    _law(
        "guide.other_free_movement_states",
        ("CH", "IS", "LI", "NO"),
        _TCN,
        "The EEA states outside the EU (Iceland, Liechtenstein, Norway) and Switzerland.",
    ),
    _law(
        "guide.short_stay_max_months",
        3,
        _src(_S, "pour une durée qui ne dépasse pas 3 mois maximum"),
        "Longest stay, in months, without a residence authorisation.",
    ),
    _law(
        "guide.guarantor_liability_years",
        2,
        _src(_N, "pendant une durée de 2 ans, solidairement responsable avec vous"),
        "Years during which the signatory of the guarantee is jointly liable.",
    ),
    _law(
        "guide.visa_limits_months",
        MappingProxyType({"stay": 3, "period": 6}),
        _src(_N, "Le visa est valable 3 mois maximum sur une période de 6 mois."),
        "A short-stay visa: at most 'stay' months within a period of 'period' months.",
    ),
    _law(
        "guide.embassy_silence_months",
        3,
        _src(_S, "après 3 mois sans réponse, prenez contact avec l’ambassade"),
        "Months without an answer from the embassy after which to contact it.",
    ),
    _law(
        "guide.adem_certificate_wait_weeks",
        3,
        _src(_W, "au plus tôt 3 semaines après la déclaration du poste."),
        "Weeks after the vacancy's declaration before the ADEM certificate may be asked for.",
    ),
    _law(
        "guide.adem_certificate_working_days",
        5,
        _src(_W, "L’ADEM envoie le certificat 5 jours ouvrables après la demande."),
        "Working days after the request in which ADEM sends the certificate.",
    ),
    _law(
        "guide.arrival_declaration_working_days",
        3,
        _src(_W, "dans les trois jours ouvrables à compter de sa date d’entrée sur le territoire"),
        "Working days after entry to declare one's arrival at the commune.",
    ),
    _law(
        "guide.salaried_first_permit_years",
        1,
        _src(_W, "Une première autorisation est valable pour un an"),
        "Validity, in years, of a salaried worker's first permit.",
    ),
    _law(
        "guide.renewal_notice_months",
        2,
        _src(
            "8. Informations utiles",
            "Une demande de renouvellement pour un titre de séjour est à introduire 2 mois avant "
            "son expiration.",
        ),
        "Months before a permit's expiry by which its renewal is to be asked for.",
    ),
    _law(
        "guide.salaried_renewed_max_years",
        3,
        _src(_W, "dès le 1er renouvellement pour une durée de validité maximale de 3 ans."),
        "Longest validity, in years, of a salaried worker's permit from the first renewal.",
    ),
    Row(
        "guide.article_89_years",
        MappingProxyType({"schooling": 4, "residence": 4, "pupil_of_age": 18, "pupil_max_age": 21}),
        ARTICLE_89_IN_FORCE,
        None,
        _src(_A, "a été modifié et est entré en vigueur le 28 décembre 2015."),
        "Article 89 as amended: years of continuous schooling and of residence before the "
        "application; the adult pupil is of age (18, the age of majority, which the seed does "
        "not state) and applies before 21 (in force from 28 December 2015).",
    ),
    _law(
        "guide.self_employed_permit_years",
        3,
        _src(
            "L’autorisation de séjour en qualité",
            "est valable pendant un maximum de 3 ans, renouvelable à la fin de ces 3 ans.",
        ),
        "Longest validity, in years, of a self-employed worker's permit.",
    ),
    _law(
        "guide.student_resources_ratio",
        0.8,
        _src(_ST, "(80 % du revenu minimum garanti)"),
        "Resources a student must show, as a share of the guaranteed minimum income (the "
        "seed gives the share, not an amount).",
    ),
    _law(
        "guide.trainee_paid_months",
        3,
        _src(_ST, "si le stage a s’étend sur une durée inférieure ou supérieure de 3 mois."),
        "Length, in months, that separates a short paid traineeship from a long one.",
    ),
    _law(
        "guide.eu_family",
        MappingProxyType(
            {"child_max_age": 21, "receipt_months": 6, "permanent_years": 5, "death_years": 1}
        ),
        _src(_EU, "ce récépissé vaut carte de séjour pendant une durée maximale de 6 mois."),
        "Family of an EU citizen: children under 21; the receipt counts as a card for at most "
        "6 months; the permanent card after 5 uninterrupted years; 1 year of residence before "
        "the citizen's death.",
    ),
    _law(
        "guide.eu_divorce_years",
        MappingProxyType({"marriage": 3, "residence": 1}),
        _src(_EU, "a duré au moins 3 ans avant le début de la procédure judiciaire"),
        "Years the marriage or partnership lasted before the proceedings, of which years of "
        "residence in Luxembourg, for the right of residence to survive a divorce.",
    ),
    _law(
        "guide.reunification",
        MappingProxyType(
            {
                "child_max_age": 18,
                "sponsor_permit_years": 1,
                "sponsor_months": 12,
                "permit_years": 1,
            }
        ),
        _src(_R, "Le regroupant doit être titulaire d’un titre de séjour d’une durée de validité"),
        "Family reunification with a third-country sponsor: unmarried children under 18; the "
        "sponsor's permit valid at least 1 year and 12 months of stay; the family member's "
        "permit valid 1 year.",
    ),
    _law(
        "guide.long_term_years",
        5,
        _src(_L, "d’un séjour régulier ininterrompu d’au moins cinq années"),
        "Years of uninterrupted legal residence before a long-term resident application.",
    ),
    *_WAGES,
    _law(
        "guide.blue_card_child_max_age",
        18,
        _src("6. La carte bleue européenne", "célibataires âgés de moins de 18 ans."),
        "Age under which the unmarried children of a Blue Card holder may accompany them.",
    ),
    _law(
        "guide.decision_months",
        MappingProxyType(
            {"general": 3, "salaried": 4, "family_tcn": 9, "family_eu": 3, "long_term": 6}
        ),
        _src(_D, "Le délai légal est de 3 mois."),
        "Months the Immigration Directorate has to decide, from the complete file: 3 in "
        "general, 4 for a salaried worker, 9 for family reunification with a third-country "
        "sponsor, 3 for the family of an EU citizen, 6 for a long-term resident.",
    ),
    _law(
        "guide.compulsory_school_ages",
        MappingProxyType({"from": 4, "until": 16}),
        _src(
            "Bienvenue au Luxembourg",
            "L’enseignement scolaire est obligatoire pour tous à partir de 4 ans jusqu’à 16 ans.",
        ),
        "Ages between which school is compulsory.",
    ),
    _law(
        "guide.document_languages",
        ("de", "fr", "en"),
        _src(
            "8. Informations utiles",
            "Si les documents ne sont pas rédigés dans les langues allemande, française ou "
            "anglaise, une traduction conforme par un traducteur assermenté6 à Luxembourg doit "
            "être jointe.",
        ),
        "Languages (ISO 639-1) of the documents that need no sworn translation.",
    ),
    _law(
        "guide.housing_months_of_rent",
        MappingProxyType({"agency_fee": 1, "deposit_min": 2, "deposit_max": 3}),
        _src(
            "Trouver un logement",
            "un dépôt de garantie de 2-3 mois de loyer peut être exigé à l’avance",
        ),
        "Months of rent: the agency fee (about one month) and the deposit (2 to 3 months).",
    ),
)
