"""The methods attrs would write for the record classes, one module per module of record classes, written
ahead of time by ``python -m rqds_build`` (``rqds_build/ahead.py``) from the classes' attrs definitions.
Never edit them by hand: rebuild; ``python -m rqds_build --check`` fails when they differ.

:func:`rqds_portraits._records.frozen.frozen` assembles each record class from them, so that
reading data imports no attrs (issue 20). In each module, ``SPEC`` is what a class body declares
(name, default, shown by ``repr``), checked when the class is made; ``TYPES`` is each field's type
as the loader reads it (:func:`rqds_portraits._loading.codec.term_of`).

``MEMBERS`` is the type of each member of a dataset file (the fields of ``EditionRecords``) as the
loader reads it: reading the territories loads no other module of methods.
"""

MEMBERS = {
    'format': 'value',
    'edition': 'value',
    'revision': 'value',
    'revision_date': ('optional', 'date'),
    'as_of': ('optional', 'date'),
    'territories': ('tuple', ('record', 'rqds_portraits._records.portraits.Territory')),
    'source': ('record', 'rqds_portraits._records.document.Source'),
    'initiatives': ('tuple', ('record', 'rqds_portraits._records.portraits.Initiative')),
    'periods': ('tuple', ('record', 'rqds_portraits._records.annotations.WrittenPeriod')),
    'dates': ('tuple', ('record', 'rqds_portraits._records.annotations.WrittenDate')),
    'amounts': ('tuple', ('record', 'rqds_portraits._records.annotations.Amount')),
    'ententes': ('tuple', ('record', 'rqds_portraits._records.ententes.Entente')),
    'source_notes': ('tuple', ('record', 'rqds_portraits._records.annotations.SourceNote')),
    'mentions': ('tuple', ('record', 'rqds_portraits._records.annotations.Mention')),
    'partners': ('tuple', ('record', 'rqds_portraits._records.partners.Partner')),
}
