"""Messages of the end-of-term rules: fulfilment and follow-up contract.

See `accueil.rules.messages` for how templates are filled.
"""

from accueil.rules.messages_intake import t

# The date checks read the same for every obligation; only the code differs.
_DATE_CHECKS = {
    "before_term": {
        "unmet": t(
            "The attendance certificate is dated {date}, before the contract entered into force "
            "on {start}.",
            "L’attestation de participation est datée du {date}, avant l’entrée en vigueur du "
            "contrat le {start}.",
            "Die Teilnahmebescheinigung ist vom {date}, also vor dem Inkrafttreten des Vertrags "
            "am {start}.",
        )
    },
    "after_term": {
        "unmet": t(
            "The attendance certificate is dated {date}, after the end of the term (last day "
            "{last_day}).",
            "L’attestation de participation est datée du {date}, après la fin du contrat (dernier "
            "jour : {last_day}).",
            "Die Teilnahmebescheinigung ist vom {date}, also nach dem Ende der Laufzeit (letzter "
            "Tag: {last_day}).",
        )
    },
}

_PER_OBLIGATION = {
    "cai.fulfilment.language_training": {
        "met": t(
            "Language course attendance certificate dated {date}, within the term ({start} to "
            "{last_day}).",
            "Attestation de participation au cours de langue datée du {date}, dans la durée du "
            "contrat (du {start} au {last_day}).",
            "Teilnahmebescheinigung des Sprachkurses vom {date}, innerhalb der Laufzeit ({start} "
            "bis {last_day}).",
        )
    },
    "cai.fulfilment.language_training.literacy": {
        "met": t(
            "Literacy class attendance certificate dated {date}, within the term ({start} to "
            "{last_day}).",
            "Attestation de participation au cours d’alphabétisation datée du {date}, dans la "
            "durée du contrat (du {start} au {last_day}).",
            "Teilnahmebescheinigung des Alphabetisierungskurses vom {date}, innerhalb der "
            "Laufzeit ({start} bis {last_day}).",
        )
    },
    "cai.fulfilment.language_training.missing": {
        "unmet": t(
            "No attendance certificate for a language course or literacy classes.",
            "Aucune attestation de participation à un cours de langue ou d’alphabétisation.",
            "Keine Teilnahmebescheinigung für einen Sprach- oder Alphabetisierungskurs.",
        )
    },
    "cai.fulfilment.citizenship_course": {
        "met": t(
            "Citizenship course attendance certificate dated {date}, within the term ({start} to "
            "{last_day}): {hours} hours in {sessions} sessions.",
            "Attestation de participation au cours d’instruction civique datée du {date}, dans la "
            "durée du contrat (du {start} au {last_day}) : {hours} heures en {sessions} séances.",
            "Teilnahmebescheinigung des Staatsbürgerkundekurses vom {date}, innerhalb der "
            "Laufzeit ({start} bis {last_day}): {hours} Stunden in {sessions} Sitzungen.",
        )
    },
    "cai.fulfilment.citizenship_course.missing": {
        "unmet": t(
            "No attendance certificate for the citizenship course.",
            "Aucune attestation de participation au cours d’instruction civique.",
            "Keine Teilnahmebescheinigung für den Staatsbürgerkundekurs.",
        )
    },
    "cai.fulfilment.citizenship_course.hours": {
        "unmet": t(
            "Only {hours} of the required {min_hours} hours of the citizenship course were "
            "attended.",
            "Seulement {hours} des {min_hours} heures requises du cours d’instruction civique ont "
            "été suivies.",
            "Nur {hours} der erforderlichen {min_hours} Stunden des Staatsbürgerkundekurses wurden "
            "besucht.",
        )
    },
    "cai.fulfilment.citizenship_course.sessions": {
        "unmet": t(
            "The citizenship course was attended in {sessions} session(s); it must be divided "
            "into at least {min_sessions}.",
            "Le cours d’instruction civique a été suivi en {sessions} séance(s) ; il doit être "
            "réparti sur au moins {min_sessions} séances.",
            "Der Staatsbürgerkundekurs wurde in {sessions} Sitzung(en) besucht; er muss auf "
            "mindestens {min_sessions} Sitzungen verteilt sein.",
        )
    },
    "cai.fulfilment.orientation_day": {
        "met": t(
            "Orientation day attendance certificate dated {date}, within the term ({start} to "
            "{last_day}).",
            "Attestation de participation à une journée d’orientation datée du {date}, dans la "
            "durée du contrat (du {start} au {last_day}).",
            "Teilnahmebescheinigung eines Orientierungstags vom {date}, innerhalb der Laufzeit "
            "({start} bis {last_day}).",
        )
    },
    "cai.fulfilment.orientation_day.missing": {
        "unmet": t(
            "No attendance certificate for an orientation day.",
            "Aucune attestation de participation à une journée d’orientation.",
            "Keine Teilnahmebescheinigung für einen Orientierungstag.",
        )
    },
}

_OUTCOME = {
    "cai.fulfilment.contract": {
        "met": t(
            "Every obligation was met within {term_years} years of the entry into force: the "
            "contract is fulfilled.",
            "Toutes les obligations ont été remplies dans les {term_years} ans suivant l’entrée "
            "en vigueur : le contrat est rempli.",
            "Alle Verpflichtungen wurden innerhalb von {term_years} Jahren nach dem "
            "Inkrafttreten erfüllt: Der Vertrag ist erfüllt.",
        ),
        "unmet": t(
            "The term ended on {last_day} with obligations not met: {unmet}.",
            "Le contrat a pris fin le {last_day} ; obligations non remplies : {unmet}.",
            "Die Laufzeit endete am {last_day}; nicht erfüllte Verpflichtungen: {unmet}.",
        ),
        "info": t(
            "On {on} the term still runs until {last_day}; still to do: {unmet}.",
            "Le {on}, le contrat court encore jusqu’au {last_day} ; reste à faire : {unmet}.",
            "Am {on} läuft der Vertrag noch bis zum {last_day}; noch zu erledigen: {unmet}.",
        ),
    },
    "cai.follow_up.nothing_unmet": {
        "info": t(
            "No obligation is left unmet: a follow-up contract is not needed.",
            "Aucune obligation ne reste à remplir : un nouveau contrat n’est pas nécessaire.",
            "Es ist keine Verpflichtung offen: Ein Folgevertrag ist nicht nötig.",
        )
    },
    "cai.follow_up.legitimate_reason": {
        "met": t(
            "The Integration Department considers the reason legitimate: a new contract may "
            "be concluded.",
            "Le Département de l’intégration considère le motif comme légitime : un nouveau "
            "contrat peut être conclu.",
            "Die Abteilung Integration erkennt den Grund als berechtigt an: Ein neuer Vertrag "
            "kann geschlossen werden.",
        ),
        "unmet": t(
            "The Integration Department does not consider the reason legitimate: no new "
            "contract can be concluded.",
            "Le Département de l’intégration ne considère pas le motif comme légitime : aucun "
            "nouveau contrat ne peut être conclu.",
            "Die Abteilung Integration erkennt den Grund nicht als berechtigt an: Es kann kein "
            "neuer Vertrag geschlossen werden.",
        ),
    },
    "cai.follow_up.scope": {
        "info": t(
            "The new contract only applies to the obligations not fulfilled under the first one: "
            "{covers}.",
            "Le nouveau contrat ne porte que sur les obligations non remplies dans le cadre du "
            "premier : {covers}.",
            "Der neue Vertrag gilt nur für die im ersten Vertrag nicht erfüllten Verpflichtungen: "
            "{covers}.",
        )
    },
}

REVIEW: dict[str, dict[str, dict[str, str]]] = {
    **_PER_OBLIGATION,
    **{
        f"cai.fulfilment.{obligation}.{check}": templates
        for obligation in ("language_training", "citizenship_course", "orientation_day")
        for check, templates in _DATE_CHECKS.items()
    },
    **_OUTCOME,
}
