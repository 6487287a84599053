"""Storage errors. ``retriable`` tells stream code to retry rather than dead-letter."""

from __future__ import annotations

from ringfence.errors import RingfenceError


class StorageError(RingfenceError):
    reason = "storage_error"


class StorageUnavailableError(StorageError):
    """The store could not be reached or answered with a server error: try again later."""

    retriable = True
    reason = "storage_unavailable"


class ObjectMissingError(StorageError):
    """A referenced object (e.g. raw audio in the landing bucket) does not exist."""

    reason = "object_missing"
