"""Pure helpers with no models: period arithmetic, pacing, text normalisation."""
