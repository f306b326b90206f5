"""The methods attrs would write for the record classes, one module per module of record classes, written
ahead of time by ``python -m rqds_build`` (``rqds_build/ahead.py``). Never edit them by hand: rebuild.

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
