"""The one error the store raises on purpose (a leaf module)."""


class StoreError(Exception):
    """The database or its hashing key cannot be used; the message says why and what to do."""
