"""The build: source text and curated readings → the bundled dataset files. Runs from a checkout
(``python -m rqds_build``); it is not part of the installed package."""
