"""Helpers with no models: period arithmetic, pacing, text normalisation, the clock, widgets."""
