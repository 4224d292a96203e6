"""``python -m kmo_portefeuille``: a request as JSON on stdin, the response as JSON on stdout."""

from __future__ import annotations

import json
import sys

from .contract import evaluate


def main() -> int:
    try:
        request = json.load(sys.stdin)
    except json.JSONDecodeError as error:
        json.dump({"ok": False, "errors": [{"field": "request", "message": f"Geen geldige JSON: {error.msg}."}]}, sys.stdout)
        print()
        return 2
    response = evaluate(request)
    json.dump(response, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0 if response["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
