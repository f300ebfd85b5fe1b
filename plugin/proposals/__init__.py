"""Propose: the change-set engine (change sets, fingerprints, validation, the workflow rules);
the proposal stores are in stores/."""
