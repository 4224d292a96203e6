"""What every response must look like, whatever the request."""

import json
import re

MONEY_KEYS = ("support", "own_share", "cap_remaining", "cap", "cost", "received")
PLAN_MONEY_KEYS = ("total_cost", "total_support", "total_own_share")
YEAR_MONEY_KEYS = ("cap", "received", "support", "remaining")


def assert_money(response, keys):
    for key in keys:
        whole, dot, cents = response[key].partition(".")
        assert whole.isdigit() and dot == "." and len(cents) == 2 and cents.isdigit(), (key, response[key])
        # the answer's format: whole euros when the cents are zero, a no-break space after the sign
        assert re.fullmatch(r"€\u00a0[0-9]{1,3}(\.[0-9]{3})*(,[0-9]{2})?", response["display"][key]), \
            (key, response["display"][key])
        assert not response["display"][key].endswith(",00")


def assert_answer(answer):
    assert set(answer) == {"headline", "why", "next", "assumed", "assumed_line", "received_line", "new_year"}
    assert answer["headline"]
    assert len(answer["why"]) <= 3 and all(isinstance(line, str) and line for line in answer["why"])
    for step in answer["next"]:
        assert set(step) - {"link"} == {"code", "date", "date_display", "message"} and step["code"] and step["message"]
        assert ("link" in step) == (step["code"] == "aanvraag")
        assert "link" not in step or step["link"]["href"].startswith("https://")
    assert all(isinstance(line, str) and line for line in answer["assumed"])


def assert_valid_shape(response):
    assert isinstance(response, dict)
    assert json.loads(json.dumps(response, allow_nan=False)) == response
    assert "internal_error" not in response, response
    assert isinstance(response["ok"], bool)
    assert isinstance(response["warnings"], list)
    for warning in response["warnings"]:
        assert set(warning) == {"field", "message", "read", "suggestion"}
        assert re.fullmatch(r"[0-9]+(,[0-9]+)?", warning["suggestion"]) and warning["read"]
    if not response["ok"]:
        assert response["errors"], response
        for error in response["errors"]:
            assert set(error) == {"field", "message"} and error["field"] and error["message"]
        if "by_size" in response:
            assert [e["field"] for e in response["errors"]] == ["company"] and response["by_size"]["headline"]
            assert [s["size"] for s in response["by_size"]["sizes"]] == ["klein", "middelgroot"]
            for size in response["by_size"]["sizes"]:
                assert_money(size, ("support", "own_share"))
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
    assert isinstance(response["received_year"], int) and isinstance(response["received_counted"], bool)
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
    assert isinstance(response["received_year"], int) and isinstance(response["received_counted"], bool)
    assert_answer(response["answer"])
    fields = {w["field"] for w in response["warnings"]}
    assert fields == {w["field"] for row in response["services"] for w in row["warnings"]}
