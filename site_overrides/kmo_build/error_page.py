"""The page `mkdocs serve` shows at every address while parameters.json is broken: the problems in
Dutch, instead of an old page or a preview that seems stuck. Live reload brings the real page back
once the file is fixed (the server adds its reload script to every HTML page it sends)."""

from __future__ import annotations

import html

from .csp import META


def error_page(problems: list[str]) -> str:
    listed = "\n".join(f"<pre>{html.escape(problem)}</pre>" for problem in problems)
    return f"""<!doctype html>
<html lang="nl">
<head>
{META}
<meta charset="utf-8">
<title>Fout in de gegevens - voorbeeld van de site</title>
</head>
<body>
<h1>De gegevens van de site kloppen niet</h1>
<p>Zolang dit zo is, toont het voorbeeld geen pagina's. Verbeter het bestand en bewaar het: deze pagina
ververst dan vanzelf.</p>
{listed}
</body>
</html>
"""
