"""Files in and out: YAML/JSON specs (and the files they name), Excel/CSV tables, starting files, atomic writes."""
from .spec import load_spec, read_spec_data, validate_spec

__all__ = ["load_spec", "read_spec_data", "validate_spec"]
