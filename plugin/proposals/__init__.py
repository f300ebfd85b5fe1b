"""Propose: change sets, validation and the proposal store."""
