"""The pages the bench compares, as paths under the served site, and what each refuses."""

from __future__ import annotations

from collections import namedtuple

# The calculator with company figures (the form's own URL state): support 4500.00.
QUERY = "date=2026-05-04&service=advies&theme=cybersecurity&cost=10000&fte=12&turnover=1500000&balance_sheet_total=800000"
CALCULATOR = "rekenhulp/?" + QUERY
# A year plan of 20 services (the most a plan takes): row 1 alone in 2026, so every edit of its cost
# changes the total support; rows 2-20 trainings in 2027 that together stay under that year's cap.
PLAN_QUERY = QUERY + "".join(
    f"&date_{n}=2027-01-{n:02d}&service_{n}=opleiding&theme_{n}=innovatie&cost_{n}=1.000" for n in range(2, 21)
)
PLAN_CALCULATOR = "rekenhulp/?" + PLAN_QUERY
NO_SNAPSHOT = (".snapshot.gz",)  # refused: the worker starts Pyodide the normal way


# refuse: URL endings the page is not allowed to download.
Target = namedtuple("Target", "key label path refuse", defaults=((),))


TARGETS = {
    t.key: t
    for t in (
        Target("floor", "Floor: bare page, Pyodide `1+1`", "bench/floor/"),
        Target("floor-worker", "Floor in a module worker, Pyodide `1+1`", "bench/floor-worker/"),
        Target("calculator", "Calculator page (/rekenhulp/)", CALCULATOR),
        Target("fresh", "Calculator page, snapshot download refused (fallback start)", CALCULATOR, NO_SNAPSHOT),
        Target("pyscript", "Peer: PyScript, same wheel and request", "bench/pyscript/"),
        Target("worker", "Bare page with the calculator's worker, same request", "bench/worker/"),
    )
}
