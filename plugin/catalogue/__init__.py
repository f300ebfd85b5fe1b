"""Discover: catalogue records (ISO 19139/19115-3, Dublin Core, OGC API Records) and OGC services."""
