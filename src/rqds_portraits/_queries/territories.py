"""Finding territories: by id, name, heading, region number or region name, forgiving case and accents.

>>> import rqds_portraits as rp
>>> ds = rp.load("2014-2015")
>>> ds.territory("cote-nord").name, ds.territory(9).name, [t.id for t in ds.by_region("16")]
('Côte-Nord', 'Côte-Nord', ['monteregie-est', 'vallee-du-haut-saint-laurent'])
"""

from __future__ import annotations

from rqds_portraits._errors import AmbiguousTerritory, InvalidArgument, TerritoryNotFound, shown
from rqds_portraits._regions import REGIONS, region_number
from rqds_portraits._text import MAX_NAME_LENGTH, closest, lookup_key, written

TYPE_CHECKING = False  # not typing's: a first lookup imports no typing (issue 20)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from rqds_portraits._records.portraits import Territory

__all__ = ["TerritoryLookup"]


class TerritoryLookup:
    """The territories of one edition by every key a user may type, built once."""

    def __init__(self, territories: Sequence[Territory], edition: str) -> None:
        self._territories = tuple(territories)
        self._edition = edition
        # An id names its territory as it is typed; the folded keys of every name are made for other keys only
        # (a first lookup by id folds no name: tests/test_dataset.py checks that both say the same).
        self._ids = {t.id: t for t in self._territories}
        self._folded: tuple[dict[str, Territory], dict[str, str]] | None = None
        regions: dict[str, tuple[Territory, ...]] = {number: () for number in REGIONS}
        for territory in territories:
            regions[territory.region_number] = (*regions.get(territory.region_number, ()), territory)
        self._regions = regions

    def folded(self) -> tuple[dict[str, Territory], dict[str, str]]:
        """The territories by the lookup key of their id, name and heading, and the regions' numbers by the
        lookup key of their names (made on first use; two threads may both make them, alike)."""
        if self._folded is None:
            keys = {lookup_key(key): t for t in self._territories for key in (t.id, t.name, t.heading)}
            self._folded = keys, {lookup_key(region): number for number, region in REGIONS.items()}
        return self._folded

    def in_region(self, number: object) -> tuple[Territory, ...]:
        """The territories of region *number* (``16`` or ``"16"``), in document order."""
        found = region_number(number)
        if found is None:
            raise InvalidArgument(
                f"a region number is an integer from 1 to 17 or one or two ASCII digits, not {shown(number)}"
            )
        return self._regions[found]

    def resolve(self, key: object) -> Territory:
        """The territory *key* names; see :meth:`rqds_portraits.Dataset.territory`."""
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            raise InvalidArgument(f"a territory key is an id, a name or a region number, not {shown(key)}")
        if isinstance(key, str):
            key = written(key)  # one Unicode form: a decomposed accent does not make a name longer than MAX_NAME_LENGTH
        number = region_number(key)
        if number is not None:
            return self._one_in_region(number, key)
        if isinstance(key, int):
            raise TerritoryNotFound(f"no territory {shown(key)}: region numbers run from 1 to 17; {self._valid()}")
        found = self._ids.get(key)
        if found is not None:
            return found
        keys, region_names = self.folded()
        folded = lookup_key(key) if len(key) <= MAX_NAME_LENGTH else ""
        found = keys.get(folded) if folded else None
        if found is not None:
            return found
        if folded in region_names:
            return self._one_in_region(region_names[folded], key)
        # Suggest territories, and for a region's name the territories of that region.
        labels: dict[str, tuple[str, ...]] = {t.name: (t.name,) for t in self._territories}
        for region_id, region in REGIONS.items():
            labels.setdefault(region, tuple(t.name for t in self._regions[region_id]))
        near = list(dict.fromkeys(n for label in closest(key, labels) for n in labels[label]))
        hint = f"did you mean {', '.join(map(repr, near))}? " if near else ""
        raise TerritoryNotFound(f"no territory {shown(key)} in edition {self._edition}; {hint}{self._valid()}")

    def _one_in_region(self, number: str, key: object) -> Territory:
        found = self._regions[number]
        if len(found) == 1:
            return found[0]
        region = f"region {number} ({REGIONS[number]})"
        if not found:
            raise TerritoryNotFound(f"{region} has no territory in edition {self._edition}; {self._valid()}")
        choices = ", ".join(repr(t.id) for t in found)
        raise AmbiguousTerritory(
            f"{shown(key)} is {region}, which has {len(found)} territories: {choices}; ask for one by name"
        )

    def _valid(self) -> str:
        return f"valid ids: {', '.join(t.id for t in self._territories)}"
