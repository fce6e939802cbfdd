"""The importer: a raw text or file becomes a ``Part``.

read -> detect its family -> clean (the family's passes) -> segment -> structure.
"""
