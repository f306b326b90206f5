"""Bounded cost: every lookup answers a 1 MB string in well under 50 ms.

    python benchmarks/lookups.py [--repeat 5]

Each public lookup is called with strings of a million characters (letters, accented
letters, digits, a real name followed by padding, combining marks); each call must raise
the package's error or answer. Each lookup is called once with a short string first, so
what a first call imports (pandas, the citation styles) is not counted. Prints the slowest call of each lookup (the worst of
*repeat* runs) and exits 1 when one takes 50 ms or more.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable

import rqds_portraits as rp

BUDGET_MS = 50.0
SIZE = 10**6
INPUTS = {
    "letters": "a" * SIZE,
    "accents": "é" * SIZE,
    "digits": "1" * SIZE,
    "name + padding": "Laval" + " x" * (SIZE // 2),
    "combining marks": "e\u0301" * (SIZE // 2),
}


def lookups(ds: rp.Dataset) -> dict[str, Callable[[str], object]]:
    return {
        "rp.load(edition)": lambda text: rp.load(text),
        "rp.revisions(edition)": lambda text: rp.revisions(text),
        "ds.territory": ds.territory,
        "ds.by_region": ds.by_region,
        "ds.initiatives_in": ds.initiatives_in,
        "ds.partner": ds.partner,
        "ds.partner(territory=)": lambda text: ds.partner("CRÉ", territory=text),
        "ds.by_partner": ds.by_partner,
        "ds.partner_territories": ds.partner_territories,
        "ds.initiative": ds.initiative,
        "ds.entente": ds.entente,
        "ds.amount": ds.amount,
        "ds.mention": ds.mention,
        "ds.period": ds.period,
        "ds.date": ds.date,
        "ds.source_note": ds.source_note,
        "ds.find_ententes(territory=)": lambda text: ds.find_ententes(territory=text),
        "ds.find_ententes(partner=)": lambda text: ds.find_ententes(partner=text),
        "ds.find_ententes(status=)": lambda text: ds.find_ententes(status=text),  # type: ignore[arg-type]
        "ds.by_period": ds.by_period,
        "ds.total_funding(partner=)": lambda text: ds.total_funding(partner=text),
        "ds.total_funding(period=)": lambda text: ds.total_funding(period=text),
        "ds.cite": ds.cite,
        "ds.to_dataframe": ds.to_dataframe,
        "rp.Period.parse": rp.Period.parse,
        "rp.PartialDate.parse": rp.PartialDate.parse,
    }


def slowest(call: Callable[[str], object], repeat: int) -> tuple[float, str]:
    with contextlib.suppress(rp.RqdsError):  # a first call may import what it needs (pandas): not the lookup's cost
        call("x")
    worst, which = 0.0, ""
    for name, text in INPUTS.items():
        for _ in range(repeat):
            start = time.perf_counter()
            with contextlib.suppress(rp.RqdsError):
                call(text)
            elapsed = (time.perf_counter() - start) * 1000
            if elapsed > worst:
                worst, which = elapsed, name
    return worst, which


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    ds = rp.load("2014-2015")
    ds.partners, ds.ententes, ds.mentions  # built once, as any first query does  # noqa: B018
    over = []
    for name, call in lookups(ds).items():
        worst, which = slowest(call, repeat)
        print(f"{name:32} slowest {worst:7.2f} ms ({which})")
        if worst >= BUDGET_MS:
            over.append(name)
    print(f"budget: under {BUDGET_MS:.0f} ms for a {SIZE:,}-character string; over budget: {', '.join(over) or 'none'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
