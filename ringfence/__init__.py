"""Ringfence: redaction and ingest of council call recordings and web chats.

The distribution installs one import package, ``ringfence``. Its subpackages are the
repository's top-level folders (``ringfence.streams`` is ``streams/``, ``ringfence.redaction``
is ``redaction/``...); see ``docs/architecture.md`` for the map.
"""
