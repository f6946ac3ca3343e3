"""The OCOP programme's rules by date: regimes, star bands, who recognises what, agency names."""
