"""Rules of the Flemish kmo-portefeuille: company size, eligibility and support by application date.

Standard library only, so the same package runs in CPython and in Pyodide.
"""

from .agenda import calendar
from .contract import evaluate

__all__ = ["calendar", "evaluate"]
