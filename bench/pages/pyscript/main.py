# The PyScript peer: the same wheel and the same request as the calculator.
import json
import sys
import zipfile

zipfile.ZipFile("kmo.whl").extractall("/home/pyodide/kmo-wheel")
sys.path.insert(0, "/home/pyodide/kmo-wheel")
import kmo_portefeuille  # noqa: E402
from js import document  # noqa: E402

with open("request.json", encoding="utf-8") as file:
    response = kmo_portefeuille.evaluate(json.load(file))
result = document.getElementById("kmo-result")
result.dataset.support = response.get("support", "")
result.dataset.state = "ready"
