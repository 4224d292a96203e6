"""VLAIO's five questions. Size (question 1) and the public share (question 4) are computed in
size.py; the visitor answers the other three."""

from __future__ import annotations

from .reasons import reason

# Each answer the visitor gives, and what a "no" means.
CHECKLIST = {
    "legal_form": (
        "rechtsvorm",
        "Je onderneming heeft geen aanvaarde rechtsvorm. Eenmanszaken, vrije beroepen en vennootschappen met "
        "rechtspersoonlijkheid komen in aanmerking; vzw's, tijdelijke handelsvennootschappen, feitelijke "
        "verenigingen, stille vennootschappen en maatschappen zonder rechtspersoonlijkheid niet.",
    ),
    "flanders": (
        "vestiging",
        "Je onderneming heeft geen vestiging in het Vlaams Gewest waar haar mensen werken. "
        "Zo'n vestiging is een voorwaarde.",
    ),
    "main_activity": (
        "hoofdactiviteit",
        "De hoofdactiviteit van je onderneming (de NACE-BEL-code met de hoogste omzet) staat niet op de lijst "
        "van aanvaarde activiteiten; primaire landbouw bijvoorbeeld is uitgesloten.",
    ),
}


def failed_questions(answers: dict[str, bool]) -> list[dict]:
    return [
        reason(code, message, blocking=True)
        for key, (code, message) in CHECKLIST.items()
        if answers.get(key) is False
    ]
