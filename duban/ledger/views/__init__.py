"""The ledger's pages, one module per area; urls.py imports the modules."""

__all__ = ["imports", "notices", "people", "placeholders", "tasks"]
