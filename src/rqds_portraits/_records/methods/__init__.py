"""The methods attrs would write for the record classes, one module per module of record classes, written
ahead of time by ``python -m rqds_build`` (``rqds_build/ahead.py``). Never edit them by hand: rebuild.
"""
