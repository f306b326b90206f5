"""The SHA-256 of the edition index ``data/editions.json``: written by ``python -m rqds_build``, checked
by ``python -m rqds_build --check``. Never edit it by hand: rebuild.

Loading refuses an index whose hash differs, with a DatasetIntegrityError (the install was altered).
"""

EDITIONS_SHA256 = "bff53172938c2a7eeedbb1f49380d3042ed10355c525f475fe38a2f91cbff661"
