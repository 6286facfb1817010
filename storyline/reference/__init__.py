"""Lookup tables every stage may read: countries, office holders, organisations, roles, triggers, CAMEO, GeoNames
and actor dictionaries, each read once from the packaged data files (files.py is the one door to storyline/data)."""
