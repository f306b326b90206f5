"""Write the bundled dataset replicated ×N: a larger dataset file that :func:`rqds_portraits.load_file` accepts.

    python benchmarks/replicate.py 100 /tmp/dataset-x100.json

Copy 1 is the bundled file as is; copy *k* (2 to N) repeats every record of a portrait
(territories, initiatives, periods, dates, amounts, ententes, source notes, mentions) with:

- its ids and the ids it refers to suffixed ``-cK`` (``laval`` → ``laval-c2``): ids stay
  unique as lookups fold them;
- its territory's name and heading suffixed `` copie K``: a territory is still found by each;
- its lines moved down by ``(K - 1) ×`` the source's line count, and the source's line count
  multiplied by N: the copies write the source again below it, so no line is written by two
  records and every line range stays inside the source.

The partners' registry is not copied: copy *k*'s mentions name the same partners, so a
partner's mentions (and the money of its ententes) grow N times, as they would in N editions
of portraits of the same bodies.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import rqds_portraits as rp
from rqds_portraits._loading.codec import dumps

PORTRAIT_TABLES = (
    "territories",
    "initiatives",
    "periods",
    "dates",
    "amounts",
    "ententes",
    "source_notes",
    "mentions",
)
"""The tables whose records belong to a portrait: copied. (``partners``, the registry, is not.)"""
_IDS = frozenset({"id", "territory_id", "initiative_id", "period_id", "share_of"})
_ID_LISTS = frozenset({"amount_ids", "mention_ids", "period_ids", "date_ids"})


def _copy(value: Any, suffix: str, shift: int, territory: bool) -> Any:
    if isinstance(value, list):
        return [_copy(item, suffix, shift, False) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key in _IDS and isinstance(item, str):
            out[key] = f"{item}-{suffix}"
        elif key in _ID_LISTS:
            out[key] = [f"{one}-{suffix}" for one in item]
        elif key == "lines":
            out[key] = [line + shift for line in item]
        elif territory and key in ("name", "heading"):
            out[key] = f"{item} copie {suffix[1:]}"
        else:
            out[key] = _copy(item, suffix, shift, False)
    return out


def replicated(data: dict[str, Any], times: int) -> dict[str, Any]:
    """The dataset file's JSON object *data* with its portraits written *times* times."""
    line_count = data["source"]["line_count"]
    out = dict(data)
    for table in PORTRAIT_TABLES:
        rows = list(data[table])
        for k in range(2, times + 1):
            rows.extend(_copy(row, f"c{k}", (k - 1) * line_count, table == "territories") for row in data[table])
        out[table] = rows
    out["source"] = dict(data["source"], line_count=line_count * times)
    return out


def write(times: int, path: Path) -> Path:
    """Write the bundled latest revision replicated *times* times to *path*; return *path*."""
    data = json.loads(rp.load().to_json())
    path.write_bytes(dumps(replicated(data, times)))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("times", type=int, help="how many copies of the portraits (1: the bundled file)")
    parser.add_argument("path", type=Path, help="where to write the dataset file")
    args = parser.parse_args()
    if args.times < 1:
        parser.error("times must be at least 1")
    write(args.times, args.path)
    print(f"{args.path}: {args.path.stat().st_size / 1e6:.1f} MB, ×{args.times}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
