"""Stage 4, exports: an :class:`~lmsys_about.models.About` in, text or plain data out.

``records`` gives the flat tables (rows, CSV, NDJSON), ``jsonld`` the schema.org document, ``schema`` the
JSON Schema of the About JSON, ``summary`` the ``show`` command's tables for a person to read, and ``check``
the ``check`` command's report of diagnostics. Each reads the models only and never parses a page.
"""
