"""What every response must look like, whatever the request."""

import json

MONEY_KEYS = ("support", "own_share", "cap_remaining", "cap", "cost", "received")


def assert_valid_shape(response):
    assert isinstance(response, dict)
    assert json.loads(json.dumps(response, allow_nan=False)) == response
    assert "internal_error" not in response, response
    assert isinstance(response["ok"], bool)
    assert isinstance(response["warnings"], list)
    for warning in response["warnings"]:
        assert set(warning) == {"field", "message", "suggestion"} and warning["suggestion"].isdigit()
    if not response["ok"]:
        assert response["errors"], response
        for error in response["errors"]:
            assert set(error) == {"field", "message"} and error["field"] and error["message"]
        return
    assert response["size"] in {"klein", "middelgroot", "groot"}
    assert isinstance(response["eligible"], bool)
    for key in MONEY_KEYS:
        whole, dot, cents = response[key].partition(".")
        assert whole.isdigit() and dot == "." and len(cents) == 2 and cents.isdigit(), (key, response[key])
    assert response["reasons"] and all(r["code"] and r["message"] for r in response["reasons"])
    assert {r["group"] for r in response["reasons"]} <= {"grootte", "voorwaarde", "steun", "termijn"}
    assert set(response["display"]) == {*MONEY_KEYS, "date", "rate", "rate_line", "size"}
    assert isinstance(response["limited_by_cap"], bool)
    answer = response["answer"]
    assert set(answer) == {"headline", "why", "next", "assumed"} and answer["headline"]
    assert len(answer["why"]) <= 3 and all(isinstance(line, str) and line for line in answer["why"])
    assert all(set(step) == {"date", "date_display", "message"} and step["message"] for step in answer["next"])
    assert all(isinstance(line, str) and line for line in answer["assumed"])
    assert all(response["display"][key].startswith("€ ") for key in MONEY_KEYS)
    assert all(set(d) == {"code", "date", "date_display", "message"} for d in response["deadlines"])
