"""The rules of the domain: pure Python and pydantic, no Qt, SQLite or PDF (a test enforces it)."""
