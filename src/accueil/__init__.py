"""Accueil: Luxembourg's Welcome and Integration Contract (CAI), as software."""

__version__ = "0.1.0"
