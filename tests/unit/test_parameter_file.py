"""parameters.json is checked once, at load: an editor's mistake stops everything with a clear message."""

import copy

import pytest

from kmo_portefeuille import tables
from kmo_portefeuille.parameters import ParameterError, Parameters
from tests.support.rules import after_the_data, fixed

# Entries added here come after every entry of the data.
NEW = after_the_data(fixed().data).isoformat()


def broken(change) -> str:
    data = copy.deepcopy(fixed().data)
    change(data)
    with pytest.raises(ParameterError) as raised:
        Parameters(data)
    return str(raised.value)


def cap(data):
    return data["annual_cap"]


def test_an_entry_out_of_date_order_is_named():
    message = broken(lambda d: cap(d).insert(0, {**cap(d)[1], "from": "2021-01-01"}))
    assert "annual_cap: het item vanaf 2016-04-01 staat na dat vanaf 2021-01-01" in message
    assert "volgorde van datum" in message


def test_two_entries_on_one_date_are_reported():
    message = broken(lambda d: cap(d).append({**cap(d)[-1]}))
    assert "annual_cap: twee items vanaf dezelfde datum 2020-01-01" in message


def test_an_impossible_date_is_reported_with_its_parameter():
    message = broken(lambda d: cap(d).append({**cap(d)[-1], "from": "2027-13-01"}))
    assert "annual_cap" in message and "2027-13-01" in message and "JJJJ-MM-DD" in message


def test_an_unknown_source_or_extra_source_is_reported():
    message = broken(lambda d: cap(d).append({**cap(d)[-1], "from": NEW, "source": "vlaio-2027"}))
    assert f"annual_cap, item vanaf {NEW}: de bron 'vlaio-2027' staat niet bij 'sources'" in message
    message = broken(lambda d: d["size_ceilings"][0]["also"].append("eu-gids"))
    assert "size_ceilings, item vanaf 2005-01-01" in message and "'eu-gids'" in message


def test_a_value_of_the_wrong_shape_is_reported():
    message = broken(lambda d: cap(d).append({"from": NEW, "value": {"klein": "5000"}, "source": "vlaio-2026"}))
    assert f"annual_cap, item vanaf {NEW}" in message and "ontbreekt: middelgroot" in message
    message = broken(lambda d: cap(d).append({"from": NEW, "value": {"klein": "5.000,00", "middelgroot": "5000"},
                                              "source": "vlaio-2026"}))
    assert "'klein'" in message and "punt als decimaalteken" in message


def test_an_unknown_key_in_an_entry_is_reported():
    message = broken(lambda d: cap(d).append({**cap(d)[-1], "from": NEW, "vanaf": NEW}))
    assert f"annual_cap, item vanaf {NEW}: onbekende sleutel 'vanaf'" in message


def test_a_theme_named_before_it_exists_is_reported():
    def add(data):
        data["eligible_themes"].append({"from": NEW, "source": "vlaio-2026",
                                        "value": {"opleiding": ["ai"], "advies": ["cybersecurity"]}})
    message = broken(add)
    assert f"eligible_themes, item vanaf {NEW} (opleiding): het thema 'ai' staat niet in 'themes'" in message


def test_a_rate_for_a_theme_that_does_not_exist_yet_is_reported():
    def add(data):
        data["rates"][1]["themes"].append("ai")
    message = broken(add)
    assert "rates, tarief 'cybersecurity', item vanaf 2021-09-14: het thema 'ai'" in message


def test_every_problem_is_listed_at_once():
    def two(data):
        cap(data).append({**cap(data)[-1], "from": "2027-02-30"})
        data["minimum_cost"][0]["source"] = "nergens"
    message = broken(two)
    assert "2027-02-30" in message and "'nergens'" in message


def test_extra_sources_are_shown_in_the_tables():
    sizes = " ".join(tables.table("grootte")["notes"])
    assert "Europese Commissie: kmo-definitie" in sizes and "VLAIO subsidiedatabank" in sizes
    cyber = next(row for row in tables.table("tarieven")["rows"] if "cybersecurity" in row[1])
    assert "VLAIO: hoeveel steun" in cyber[-1] and "Minister van Economie" in cyber[-1]


def paths(value, prefix=()):
    yield prefix
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from paths(child, (*prefix, key))


def replaced(data, path, junk):
    data = copy.deepcopy(data)
    *parents, last = path
    holder = data
    for key in parents:
        holder = holder[key]
    holder[last] = junk
    return data


def test_any_value_replaced_by_junk_gives_a_clear_error_or_a_valid_file():
    data = fixed().data
    for path in list(paths(data))[1:]:
        for junk in (None, 7, -1, "x", "", [], {}, True):
            try:
                Parameters(replaced(data, path, junk))
            except ParameterError as error:
                assert error.problems and all(isinstance(p, str) and p for p in error.problems)
