"""duban (督办): supervision of a government's responsibility-breakdown notice."""
