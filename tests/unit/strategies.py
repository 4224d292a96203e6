"""Hypothesis strategies for requests and plans: well-formed ones and arbitrary JSON."""

from datetime import date

from hypothesis import strategies as st

from kmo_portefeuille import catalog
from kmo_portefeuille.parameters import load

THEMES = [t["value"] for t in catalog.every_theme(load())]

dates = st.dates(min_value=date(2016, 4, 1), max_value=date(2030, 12, 31)).map(str)
money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False).map(str)
belgian_money = money.map(lambda s: s.replace(".", ","))
amounts = st.one_of(money, belgian_money, st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False))
shares = st.integers(0, 100)
figures = st.fixed_dictionaries({"fte": st.integers(0, 400), "turnover": amounts, "balance_sheet_total": amounts})
holdings = st.lists(figures.flatmap(lambda f: shares.map(lambda s: {**f, "share": s})), max_size=3)

companies = st.one_of(
    st.fixed_dictionaries({"size": st.sampled_from(["klein", "middelgroot"])}, optional={"maatwerkbedrijf": st.booleans()}),
    figures.flatmap(lambda f: st.fixed_dictionaries(
        {}, optional={"previous": figures, "partners": holdings, "linked": holdings, "public_share": shares,
                      "maatwerkbedrijf": st.sampled_from([True, False, "ja", "nee"])}
    ).map(lambda extra: {**f, **extra})),
)

service_fields = {
    "date": dates,
    "service": st.sampled_from(["opleiding", "advies"]),
    "theme": st.sampled_from(THEMES),
    "cost": amounts,
}
valid_requests = st.fixed_dictionaries({**service_fields, "received": amounts, "company": companies})

# Plan rows mostly around the turn of 2026/2027, so that rows share a year's cap and cross into the next.
near_dates = st.dates(min_value=date(2025, 10, 1), max_value=date(2027, 3, 31)).map(str)
rows = st.fixed_dictionaries({**service_fields, "date": st.one_of(near_dates, near_dates, dates)})
checklists = st.fixed_dictionaries({}, optional={key: st.booleans() for key in ("legal_form", "flanders", "main_activity")})
valid_plans = st.fixed_dictionaries(
    {"services": st.lists(rows, min_size=1, max_size=20), "company": companies},
    optional={"received": amounts, "checklist": checklists},
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
KEYS = ["date", "service", "theme", "cost", "received", "company", "checklist", "size", "fte", "partners",
        "linked", "previous", "public_share", "turnover", "balance_sheet_total", "share", "maatwerkbedrijf",
        "received_year"]
keyed = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=8)
# Plans with junk: any JSON as ``services``, junk rows among good ones, a row field replaced by junk.
junk_plans = st.one_of(
    st.tuples(keyed, json_values).map(lambda pair: {**pair[0], "services": pair[1]}),
    st.tuples(valid_plans, st.lists(st.one_of(json_values, keyed, rows), max_size=22)).map(
        lambda pair: {**pair[0], "services": pair[1]}),
    st.tuples(valid_plans, keyed, st.integers(0, 19)).map(lambda t: {**t[0], "services": [
        {**row, **t[1]} if index == t[2] else row for index, row in enumerate(t[0]["services"])]}),
    st.tuples(valid_plans, keyed).map(lambda pair: {**pair[0], **pair[1]}),
)
# Arbitrary JSON, JSON shaped like a request, valid requests with one field replaced by junk, and
# plans with junk.
any_requests = st.one_of(
    json_values,
    keyed,
    keyed.map(lambda d: {**d, "company": d}),
    st.tuples(valid_requests, keyed).map(lambda pair: {**pair[0], **pair[1]}),
    junk_plans,
)
