"""ocop-docs: ND30-formatted OCOP documents from structured data, and back."""

__version__ = "0.1.0"
