"""What every response must look like, whatever the request."""

import json

MONEY_KEYS = ("support", "own_share", "cap_remaining", "cap", "cost", "received")
PLAN_MONEY_KEYS = ("total_cost", "total_support", "total_own_share")
YEAR_MONEY_KEYS = ("cap", "received", "support", "remaining")


def assert_money(response, keys):
    for key in keys:
        whole, dot, cents = response[key].partition(".")
        assert whole.isdigit() and dot == "." and len(cents) == 2 and cents.isdigit(), (key, response[key])
        assert response["display"][key].startswith("€ "), (key, response["display"][key])


def assert_answer(answer):
    assert set(answer) == {"headline", "why", "next", "assumed", "assumed_line"} and answer["headline"]
    assert len(answer["why"]) <= 3 and all(isinstance(line, str) and line for line in answer["why"])
    assert all(set(step) - {"code"} == {"date", "date_display", "message"} and step["message"] for step in answer["next"])
    assert all(isinstance(line, str) and line for line in answer["assumed"])


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
    if "services" in response:
        assert_valid_plan_shape(response)
        return
    assert response["size"] in {"klein", "middelgroot", "groot"}
    assert isinstance(response["eligible"], bool)
    assert_money(response, MONEY_KEYS)
    assert response["reasons"] and all(r["code"] and r["message"] for r in response["reasons"])
    assert {r["group"] for r in response["reasons"]} <= {"grootte", "voorwaarde", "steun", "termijn"}
    assert set(response["display"]) == {*MONEY_KEYS, "date", "rate", "rate_line", "size"}
    assert isinstance(response["limited_by_cap"], bool)
    assert_answer(response["answer"])
    assert all(set(d) == {"code", "date", "date_display", "message"} for d in response["deadlines"])


def assert_valid_plan_shape(response):
    assert response["size"] in {"klein", "middelgroot", "groot"}
    assert response["rows"] == len(response["services"]) == len(response["order"])
    assert sorted(response["order"]) == list(range(response["rows"]))
    assert response["eligible"] == any(row["eligible"] for row in response["services"])
    assert_money(response, PLAN_MONEY_KEYS)
    for row in response["services"]:
        assert_valid_shape(row)
        assert row["ok"] and "services" not in row
    years = [year["year"] for year in response["years"]]
    assert years == sorted(set(years)) == sorted({int(row["date"][:4]) for row in response["services"]})
    for year in response["years"]:
        assert_money(year, YEAR_MONEY_KEYS)
    assert set(response["display"]) == {*PLAN_MONEY_KEYS, "size"}
    assert_answer(response["answer"])
    fields = {w["field"] for w in response["warnings"]}
    assert fields == {w["field"] for row in response["services"] for w in row["warnings"]}
