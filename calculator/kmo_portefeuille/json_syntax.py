"""What an editor most likely did wrong when parameters.json is not valid JSON, in Dutch, at the line
where the mistake is (Python's json names the spot where it noticed, often the line after)."""

from __future__ import annotations

import json


def _before(text: str, pos: int) -> int:
    """Position just after the last non-blank character before pos (0 when there is none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _where(text: str, pos: int) -> tuple[int, int]:
    """(line, column), both from 1, of position pos."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _guess(text: str, error: json.JSONDecodeError) -> tuple[int, str]:
    """(position the editor should look at, what is likely wrong and what to do)."""
    pos, here = error.pos, text[error.pos : error.pos + 1]
    end = _before(text, pos)
    previous = text[end - 1 : end]
    if not text.strip():
        return 0, "het bestand is leeg. Zet de vorige versie terug (in git of op GitHub)."
    if error.msg.startswith("Expecting ',' delimiter"):
        if not text[pos:].strip():
            return end, ("het bestand houdt op terwijl er nog een { of [ open staat. Waarschijnlijk ontbreekt er "
                         "een sluitend haakje } of ]; kijk na of elk { en [ ook gesloten wordt.")
        return end, ("waarschijnlijk ontbreekt er een komma aan het eind van deze regel. Tussen twee items "
                     "(of twee \"naam\": waarde-paren) staat altijd een komma.")
    if error.msg.startswith(("Expecting property name", "Expecting value")) and previous == ",":
        if here and here in "}]":
            return end - 1, ("er staat een komma te veel aan het eind van deze regel: na het laatste item "
                             "komt geen komma. Haal de komma weg.")
        if here and here in "{[":
            return end - 1, ("vóór deze komma ontbreekt waarschijnlijk een sluitend haakje } of ]: "
                             "het vorige item wordt niet gesloten.")
    if error.msg.startswith("Expecting property name") and here == "'":
        return pos, "gebruik dubbele aanhalingstekens (\") rond namen en teksten, geen enkele (')."
    if error.msg.startswith(("Invalid control character", "Unterminated string")):
        if here == "\t":
            return pos, "er staat een tab in een tekst. Vervang hem door een spatie."
        return pos, ("een tekst wordt niet gesloten: er ontbreekt een aanhalingsteken (\") aan het eind "
                     "van de tekst op deze regel.")
    if error.msg.startswith("Expecting ':' delimiter"):
        return pos, ("na een naam tussen aanhalingstekens hoort een dubbele punt. Kijk na of de aanhalingstekens "
                     "rond de naam en de waarde op deze regel kloppen (\"naam\": \"waarde\").")
    if error.msg.startswith("Extra data"):
        return pos, ("na het laatste sluitende haakje staat nog iets. Waarschijnlijk staat er een } of ] te "
                     "veel; haal die weg.")
    if error.msg.startswith("Invalid \\escape"):
        return pos, "een backslash (\\) in een tekst: schrijf er twee (\\\\) of laat hem weg."
    return pos, ("hier verwacht het bestand iets anders: een tekst tussen dubbele aanhalingstekens, een getal, "
                 "true, false, null, { of [. Kijk deze regel en de regel erboven na.")


def syntax_problem(text: str, error: json.JSONDecodeError) -> str:
    """One Dutch problem: line, column, what is likely wrong and the line itself."""
    pos, what = _guess(text, error)
    line, column = _where(text, pos)
    shown = text.split("\n")[line - 1].rstrip() if text.strip() else ""
    quoted = f"\n    {line} | {shown}" if shown else ""
    return f"regel {line}, kolom {column}: dit is geen geldige JSON. {what[0].upper()}{what[1:]}{quoted}"
