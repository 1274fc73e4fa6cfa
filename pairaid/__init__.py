"""pairaid: an offline decision aid for parent-infant relationship support."""

__version__ = "0.1.0"
