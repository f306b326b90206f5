"""The check every export makes of the dataset it is given."""

from __future__ import annotations

from rqds_portraits._dataset import Dataset
from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._loading.index import is_edition_name

__all__ = ["checked_dataset"]


def checked_dataset(ds: object) -> Dataset:
    """*ds* when it is a :class:`~rqds_portraits.Dataset` whose edition is named by its years
    (export file names are made from it); :class:`~rqds_portraits.InvalidArgument` otherwise."""
    if not isinstance(ds, Dataset):
        raise InvalidArgument(f"ds= must be a Dataset (from rp.load or rp.load_file), not {shown(ds)}")
    if not is_edition_name(ds.edition):  # file names come only from an edition's name
        raise InvalidArgument(f"the dataset's edition {shown(ds.edition)} is not an edition's name")
    return ds
