"""The SHA-256 of the edition index ``data/editions.json``: written by ``python -m rqds_build``, checked
by ``python -m rqds_build --check``. Never edit it by hand: rebuild.

Loading refuses an index whose hash differs, with a DatasetIntegrityError (the install was altered).
"""

EDITIONS_SHA256 = "32b97bc619d3e5db4b5a2bf95450cab40180955e6f869d4ea9a54b4664a64936"
