import copy
from datetime import date

from kmo_portefeuille import tables
from kmo_portefeuille.parameters import Parameters, load
from kmo_portefeuille.sources import stale_sources


def test_no_source_is_stale_within_120_days_of_its_check():
    assert stale_sources(load(), date(2027, 3, 27)) == []


def test_a_source_not_checked_for_more_than_120_days_is_named():
    stale = stale_sources(load(), date(2027, 4, 4))  # 121 days after the latest check
    assert len(stale) == len(load().sources)
    assert stale[0] == {"id": "vlaio-2016", "label": "VLAIO, 8 januari 2016", "checked": "2026-11-27",
                        "url": load().source("vlaio-2016")["url"]}


def test_one_recently_checked_source_is_left_out_and_an_unchecked_one_is_named():
    data = copy.deepcopy(load().data)
    data["sources"]["vlaio-2026"]["checked"] = "2027-03-01"
    del data["sources"]["vlaio-wie"]["checked"]
    stale = stale_sources(Parameters(data), date(2027, 4, 1), max_age_days=40)
    ids = {s["id"]: s["checked"] for s in stale}
    assert "vlaio-2026" not in ids and ids["vlaio-wie"] is None and "vlaio-2016" in ids


def test_the_sources_table_lists_every_source_with_its_check_date():
    data = tables.table("bronnen", on=date(2026, 12, 2))
    assert len(data["rows"]) == len(load().sources)
    first = data["rows"][0]
    assert first[0].startswith("[VLAIO, 8 januari 2016](https://www.vlaio.be/")
    assert first[2] == "laatst nagekeken op 27\u00a0november\u00a02026"
