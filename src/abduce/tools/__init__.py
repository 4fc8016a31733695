"""Plug-in symbolic tools (SymPy, networkx, grid ops); the registry arrives in a later issue."""
