"""Kampung: offline-first neighbourhood welfare assessment and awards."""

__version__ = "0.1.0"
