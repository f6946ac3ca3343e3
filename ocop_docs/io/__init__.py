"""Readers of user input: YAML/JSON specs and Excel/CSV tables, with Vietnamese errors."""
from .spec import load_spec, read_spec_data, validate_spec

__all__ = ["load_spec", "read_spec_data", "validate_spec"]
