"""Data files shipped with the search: the corpus of solutions and the learned prior."""
