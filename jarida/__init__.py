"""Jarida: a multilingual news aggregator and media-monitoring platform."""

__version__ = "0.1.0"
