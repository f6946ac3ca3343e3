"""The ND30 rules once: rule IDs, sizes and standard strings, for both making and checking documents."""
