"""Messages of the rules a candidate meets first: eligibility, term and obligations.

See `accueil.rules.messages` for how templates are filled.
"""


def t(en: str, fr: str, de: str) -> dict[str, str]:
    """One message in the three languages, in the order of LANGUAGES."""
    return {"en": en, "fr": fr, "de": de}


INTAKE: dict[str, dict[str, dict[str, str]]] = {
    "cai.eligibility.age": {
        "met": t(
            "On {on} the person is {age} years old: at least {minimum_age}, as required.",
            "Le {on}, la personne a {age} ans : au moins {minimum_age} ans, comme requis.",
            "Am {on} ist die Person {age} Jahre alt und damit mindestens {minimum_age}, "
            "wie verlangt.",
        ),
        "unmet": t(
            "On {on} the person is {age} years old, under the minimum age of {minimum_age}; "
            "they may sign from their {minimum_age}th birthday, on {eligible_from}.",
            "Le {on}, la personne a {age} ans, moins que l’âge minimum de {minimum_age} ans ; "
            "elle pourra signer à partir de son {minimum_age}e anniversaire, le {eligible_from}.",
            "Am {on} ist die Person {age} Jahre alt und damit jünger als das Mindestalter von "
            "{minimum_age} Jahren; sie kann ab ihrem {minimum_age}. Geburtstag am "
            "{eligible_from} unterschreiben.",
        ),
    },
    "cai.eligibility.nationality": {
        "met": t(
            "The person is not a Luxembourg national (nationality: {nationalities}).",
            "La personne n’a pas la nationalité luxembourgeoise (nationalité : {nationalities}).",
            "Die Person besitzt nicht die luxemburgische Staatsangehörigkeit "
            "(Staatsangehörigkeit: {nationalities}).",
        ),
        "unmet": t(
            "The person is a Luxembourg national ({nationalities}); the contract is for "
            "foreigners, and a Luxembourg national who also holds another nationality is still "
            "a Luxembourg national.",
            "La personne a la nationalité luxembourgeoise ({nationalities}) ; le contrat "
            "s’adresse aux étrangers, et un Luxembourgeois qui a aussi une autre nationalité "
            "reste luxembourgeois.",
            "Die Person besitzt die luxemburgische Staatsangehörigkeit ({nationalities}); der "
            "Vertrag richtet sich an Ausländer, und wer neben der luxemburgischen noch eine "
            "andere Staatsangehörigkeit besitzt, bleibt Luxemburger.",
        ),
    },
    "cai.eligibility.legal_residence": {
        "met": t(
            "The person resides legally in Luxembourg.",
            "La personne réside légalement au Luxembourg.",
            "Die Person hält sich rechtmäßig in Luxemburg auf.",
        ),
        "unmet": t(
            "The person does not reside legally in Luxembourg.",
            "La personne ne réside pas légalement au Luxembourg.",
            "Die Person hält sich nicht rechtmäßig in Luxemburg auf.",
        ),
    },
    "cai.eligibility.settlement": {
        "met": t(
            "The person wishes to settle permanently in Luxembourg.",
            "La personne souhaite s’installer durablement au Luxembourg.",
            "Die Person möchte sich dauerhaft in Luxemburg niederlassen.",
        ),
        "unmet": t(
            "The person does not wish to settle permanently in Luxembourg.",
            "La personne ne souhaite pas s’installer durablement au Luxembourg.",
            "Die Person möchte sich nicht dauerhaft in Luxemburg niederlassen.",
        ),
    },
    "cai.eligibility.foreigners": {
        "info": t(
            "The contract is open to EU citizens and third-country nationals alike.",
            "Le contrat est ouvert aux ressortissants de l’Union européenne comme à ceux de "
            "pays tiers.",
            "Der Vertrag steht Unionsbürgern und Drittstaatsangehörigen gleichermaßen offen.",
        ),
    },
    "cai.eligibility.residence_duration": {
        "info": t(
            "Newcomers and people who have lived in Luxembourg for years may sign alike: the "
            "length of residence plays no part.",
            "Les nouveaux arrivants comme les personnes installées au Luxembourg depuis "
            "plusieurs années peuvent signer : la durée de résidence n’entre pas en compte.",
            "Neu Zugezogene wie auch Menschen, die schon seit Jahren in Luxemburg leben, können "
            "unterschreiben: Die Aufenthaltsdauer spielt keine Rolle.",
        ),
    },
    "cai.term.duration": {
        "info": t(
            "The term starts on {start}, the day the contract enters into force, and lasts at "
            "most {term_years} years: its last day is {last_day} (it ends before "
            "{end_exclusive}).",
            "La durée court à partir du {start}, jour de l’entrée en vigueur du contrat, et est "
            "d’au plus {term_years} ans : le dernier jour est le {last_day} (fin avant le "
            "{end_exclusive}).",
            "Die Laufzeit beginnt am {start}, dem Tag des Inkrafttretens des Vertrags, und "
            "beträgt höchstens {term_years} Jahre: Letzter Tag ist der {last_day} (Ende vor dem "
            "{end_exclusive}).",
        ),
    },
    "cai.term.in_term": {
        "met": t(
            "On {on} the contract is in force; {days_left} days of the term remain, counting "
            "that day.",
            "Le {on}, le contrat est en vigueur ; il reste {days_left} jours, ce jour compris.",
            "Am {on} ist der Vertrag in Kraft; es verbleiben {days_left} Tage, diesen Tag "
            "eingerechnet.",
        ),
    },
    "cai.term.not_started": {
        "unmet": t(
            "On {on} the contract has not yet entered into force.",
            "Le {on}, le contrat n’est pas encore entré en vigueur.",
            "Am {on} ist der Vertrag noch nicht in Kraft getreten.",
        ),
    },
    "cai.term.ended": {
        "unmet": t(
            "On {on} the term is over: its last day was {last_day}.",
            "Le {on}, la durée du contrat est écoulée : son dernier jour était le {last_day}.",
            "Am {on} ist die Laufzeit abgelaufen: Ihr letzter Tag war der {last_day}.",
        ),
    },
    "cai.obligations.language_training": {
        "info": t(
            "Language training at a reduced rate, to reach at least level {target_level} in "
            "one or more of these languages: {languages}.",
            "Formation linguistique à tarif réduit, pour atteindre au moins le niveau "
            "{target_level} dans une ou plusieurs de ces langues : {languages}.",
            "Sprachkurse zu ermäßigtem Preis, um mindestens das Niveau {target_level} in einer "
            "oder mehreren dieser Sprachen zu erreichen: {languages}.",
        ),
    },
    "cai.obligations.language_training.further": {
        "info": t(
            "Level {target_level} is already reached in {languages}: the person may develop "
            "that proficiency further, or choose a language not yet at basic level.",
            "Le niveau {target_level} est déjà atteint en {languages} : la personne peut "
            "approfondir ses connaissances ou choisir une langue dont elle n’a pas encore le "
            "niveau de base.",
            "Das Niveau {target_level} ist in {languages} bereits erreicht: Die Person kann "
            "diese Kenntnisse vertiefen oder eine Sprache wählen, in der sie das Grundniveau "
            "noch nicht erreicht hat.",
        ),
    },
    "cai.obligations.literacy": {
        "info": t(
            "Literacy classes are recommended; they may be attended as the language training.",
            "Des cours d’alphabétisation sont recommandés ; ils peuvent être suivis au titre de "
            "la formation linguistique.",
            "Alphabetisierungskurse werden empfohlen; sie können anstelle der Sprachkurse "
            "besucht werden.",
        ),
    },
    "cai.obligations.citizenship_course": {
        "info": t(
            "A free citizenship course of at least {min_hours} hours, in at least "
            "{min_sessions} sessions, given in {languages}.",
            "Un cours d’instruction civique gratuit d’au moins {min_hours} heures, en au moins "
            "{min_sessions} séances, donné en {languages}.",
            "Ein kostenloser Staatsbürgerkundekurs von mindestens {min_hours} Stunden in "
            "mindestens {min_sessions} Sitzungen, angeboten auf {languages}.",
        ),
    },
    "cai.obligations.orientation_day": {
        "info": t(
            "Orientation days to attend, free of charge: {count}.",
            "Journées d’orientation gratuites à suivre : {count}.",
            "Zu besuchende kostenlose Orientierungstage: {count}.",
        ),
    },
}


# The same eligibility messages spoken to the reader, for the pages where a person checks
# their own case ("you are 36 years old", not "the person is 36 years old").
INTAKE_YOU: dict[str, dict[str, dict[str, str]]] = {
    "cai.eligibility.age": {
        "met": t(
            "On {on} you are {age} years old: at least {minimum_age}, as required.",
            "Le {on}, vous avez {age} ans\u00a0: au moins {minimum_age} ans, comme requis.",
            "Am {on} sind Sie {age} Jahre alt und damit mindestens {minimum_age}, wie verlangt.",
        ),
        "unmet": t(
            "On {on} you are {age} years old, under the minimum age of {minimum_age}; "
            "you may sign from your {minimum_age}th birthday, on {eligible_from}.",
            "Le {on}, vous avez {age} ans, moins que l’âge minimum de {minimum_age} ans\u00a0; "
            "vous pourrez signer à partir de votre {minimum_age}e anniversaire, le "
            "{eligible_from}.",
            "Am {on} sind Sie {age} Jahre alt und damit jünger als das Mindestalter von "
            "{minimum_age} Jahren; Sie können ab Ihrem {minimum_age}. Geburtstag am "
            "{eligible_from} unterschreiben.",
        ),
    },
    "cai.eligibility.nationality": {
        "met": t(
            "You are not a Luxembourg national (nationality: {nationalities}).",
            "Vous n’avez pas la nationalité luxembourgeoise (nationalité\u00a0: {nationalities}).",
            "Sie besitzen nicht die luxemburgische Staatsangehörigkeit "
            "(Staatsangehörigkeit: {nationalities}).",
        ),
        "unmet": t(
            "You are a Luxembourg national ({nationalities}); the contract is for "
            "foreigners, and a Luxembourg national who also holds another nationality is still "
            "a Luxembourg national.",
            "Vous avez la nationalité luxembourgeoise ({nationalities})\u00a0; le contrat "
            "s’adresse aux étrangers, et un Luxembourgeois qui a aussi une autre nationalité "
            "reste luxembourgeois.",
            "Sie besitzen die luxemburgische Staatsangehörigkeit ({nationalities}); der "
            "Vertrag richtet sich an Ausländer, und wer neben der luxemburgischen noch eine "
            "andere Staatsangehörigkeit besitzt, bleibt Luxemburger.",
        ),
    },
    "cai.eligibility.legal_residence": {
        "met": t(
            "You reside legally in Luxembourg.",
            "Vous résidez légalement au Luxembourg.",
            "Sie halten sich rechtmäßig in Luxemburg auf.",
        ),
        "unmet": t(
            "You do not reside legally in Luxembourg.",
            "Vous ne résidez pas légalement au Luxembourg.",
            "Sie halten sich nicht rechtmäßig in Luxemburg auf.",
        ),
    },
    "cai.eligibility.settlement": {
        "met": t(
            "You wish to settle permanently in Luxembourg.",
            "Vous souhaitez vous installer durablement au Luxembourg.",
            "Sie möchten sich dauerhaft in Luxemburg niederlassen.",
        ),
        "unmet": t(
            "You do not wish to settle permanently in Luxembourg.",
            "Vous ne souhaitez pas vous installer durablement au Luxembourg.",
            "Sie möchten sich nicht dauerhaft in Luxemburg niederlassen.",
        ),
    },
}
