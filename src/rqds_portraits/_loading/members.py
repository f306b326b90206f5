"""One verified dataset file: its bytes, its SHA-256, and its members decoded into records on demand.

The file's JSON is decoded member by member, in file order, only as far as a
reader asks (:class:`LazyObject`): a script that asks for one territory decodes
the file's first members, not its hundreds of mentions.

A :class:`DatasetFile` is what loading hands up: the file's bytes (checked
against their SHA-256 before anything is read from them) and each member of the
file, upgraded from an older layout and decoded into records the first time it
is asked for, once, under a lock. It pickles as its bytes and hash, and the
hash is checked again when it is unpickled.
"""

from __future__ import annotations

from rqds_portraits._errors import DatasetIntegrityError
from rqds_portraits._lean import RLock, raw_decode
from rqds_portraits._loading.codec import from_member
from rqds_portraits._loading.files import sha256_of
from rqds_portraits._loading.upgrade import ADDED, added, upgrade
from rqds_portraits._once import Once

TYPE_CHECKING = False  # not typing's: the cold-start path imports no typing
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    _JSONObject = Mapping[str, Any]
else:
    from rqds_portraits._lean import Mapping as _JSONObject

__all__ = ["DatasetFile", "LazyObject", "unpickled", "verified"]


class LazyObject(_JSONObject):
    """The JSON object of the bytes *raw*, whose members are decoded in file order, only as far as asked.

    A script that asks for one territory decodes the file's first members, not
    its hundreds of mentions, and the bytes are made text only as far as those
    members go (decoding all of them would cost a first lookup a fifth of its time).
    Safe to share between threads.
    """

    _FIRST = 16 * 1024  # bytes made text at first

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._text = ""  # the text of raw[: self._decoded]
        self._decoded = 0
        self._members: dict[str, Any] = {}
        self._lock = RLock()
        self._position = self._spaces_to(0)
        if not self._text.startswith("{", self._position):
            raise DatasetIntegrityError("a dataset file holds one JSON object")
        self._position = self._spaces_to(self._position + 1)
        self._done = self._text.startswith("}", self._position)

    def _spaces_to(self, position: int) -> int:
        """Where the spaces from *position* end, making text of more bytes as long as they go on."""
        position = self._skip(position)
        while position == len(self._text) and self._more():
            position = self._skip(position)
        return position

    def _more(self) -> bool:
        """Make text of more of the bytes (up to a line end, so never within a character or a number);
        ``False`` when every byte already is."""
        if self._decoded == len(self._raw):
            return False
        end = self._raw.find(b"\n", max(2 * self._decoded, self._FIRST))
        end = len(self._raw) if end < 0 else end + 1
        try:
            self._text += self._raw[self._decoded : end].decode("utf-8")
        except UnicodeDecodeError as error:
            raise DatasetIntegrityError(f"the dataset file is not UTF-8: {error}") from None
        self._decoded = end
        return True

    def _skip(self, position: int) -> int:
        text = self._text
        while position < len(text) and text[position] in " \t\n\r":
            position += 1
        return position

    def _member_at(self, position: int) -> tuple[str, Any, int, bool]:
        """The member that starts at *position*, where the next one starts, and whether it was the last;
        raises ``ValueError`` where the text is not JSON, or ends before the member does."""
        text = self._text
        key, position = raw_decode(text, self._skip(position))
        position = self._skip(position)
        if not text.startswith(":", position):
            raise ValueError(f"':' expected at character {position}")
        value, position = raw_decode(text, self._skip(position + 1))
        position = self._skip(position)
        if position == len(text):
            raise ValueError("the text ends within the object")
        if text[position] not in ",}":
            raise ValueError(f"',' or '}}' expected at character {position}")
        return key, value, self._skip(position + 1), text[position] == "}"

    def _next_member(self) -> None:
        # In a file the build writes, the next member starts a line with its key: text that far holds this one whole.
        while self._text.find('\n"', self._position) < 0 and self._more():
            pass
        while True:
            try:
                key, value, self._position, self._done = self._member_at(self._position)
                break
            except (ValueError, RecursionError) as error:
                if not self._more():  # the whole text was there: not JSON
                    raise DatasetIntegrityError(f"the dataset file is not valid JSON: {error}") from None
        self._members[key] = value

    def _decode_until(self, key: str | None) -> None:
        """Decode members until *key* is found (every member when ``None``)."""
        with self._lock:
            while (key is None or key not in self._members) and not self._done:
                self._next_member()

    def __getitem__(self, key: str) -> Any:
        if key not in self._members:
            self._decode_until(key)
        return self._members[key]

    def __iter__(self) -> Iterator[str]:
        self._decode_until(None)
        return iter(list(self._members))

    def __len__(self) -> int:
        self._decode_until(None)
        return len(self._members)


class DatasetFile:
    """A dataset file whose bytes match *sha256*, and its members as records.

    *data* is the file's JSON object (decoded lazily or already checked whole);
    *defaults* gives members that an older layout lacks and the edition index
    knows (the ``revision_date`` of a bundled revision).
    """

    __slots__ = ("_built", "_once", "data", "defaults", "raw", "sha256")

    def __init__(
        self,
        raw: bytes,
        sha256: str,
        data: Mapping[str, Any],
        defaults: Mapping[str, Any] | None = None,
        built: Any = None,
    ) -> None:
        self.raw = raw
        self.sha256 = sha256
        self.data = data
        self.defaults: Mapping[str, Any] = dict(defaults or {})
        self._once = Once()
        self._built = built  # the file's records, when they were built as the file was checked (an EditionRecords)

    @classmethod
    def of_records(cls, raw: bytes, sha256: str, records: Any) -> DatasetFile:
        """The dataset file *raw* whose records (an ``EditionRecords``) were built as it was checked:
        they are kept as they are, and no JSON data of the file is kept besides its bytes."""
        data = {"format": records.format, "edition": records.edition, "revision": records.revision}
        return cls(raw, sha256, data, built=records)

    def __reduce__(self) -> tuple[Any, ...]:
        return unpickled, (self.raw, self.sha256, self.defaults)

    def member(self, name: str) -> Any:
        """The member *name* as JSON data, in today's layout (an older file is upgraded)."""
        layout = int(self.data["format"])
        if added(name, layout):
            return self.defaults.get(name, ADDED[name][1])
        return upgrade(name, self.data[name], layout)

    def records(self, name: str) -> Any:
        """The member *name* as records (``territories``: a tuple of Territory), decoded once."""
        if self._built is not None:
            return getattr(self._built, name)
        return self._once.get(name, lambda: from_member(name, self.member(name)))


def verified(
    raw: bytes,
    sha256: str,
    defaults: Mapping[str, Any] | None = None,
    where: str = "the unpickled dataset file",
    remedy: str = ": its bytes were altered after it was pickled",
) -> DatasetFile:
    """The dataset file *raw* (named *where* in messages), whose SHA-256 must be *sha256*; its
    members are decoded lazily.

    Raises :class:`~rqds_portraits.DatasetIntegrityError` when the bytes do not match the hash
    (the message ends with *remedy*, which says where the hash comes from) or are not UTF-8.
    """
    digest = sha256_of(raw)
    if digest != sha256:
        raise DatasetIntegrityError(f"{where} has sha256 {digest}, not {sha256}{remedy}")
    return DatasetFile(raw, digest, LazyObject(raw), defaults)


def unpickled(raw: bytes, sha256: str, defaults: Mapping[str, Any]) -> DatasetFile:
    """A pickled dataset file, checked as loading checks one: its bytes against its hash, and then
    against the edition index when it is a bundled revision (whose index gives its defaults), or else
    whole, as :func:`rqds_portraits.load_file` does."""
    from rqds_portraits._loading.index import read_index

    file = verified(raw, sha256)
    index = read_index()
    published = [r for edition in index for r in edition.revisions if r.sha256 == sha256]
    if published:
        return DatasetFile(raw, sha256, file.data, {"revision_date": published[0].date.isoformat()})
    from rqds_portraits._collector import paused
    from rqds_portraits._loading.integrity import checked_records

    with paused():  # as load_file builds them: records by the thousand, none garbage
        records = checked_records(raw, "the unpickled dataset file")
    return DatasetFile.of_records(raw, sha256, records)
