"""The proposal workflow as plain logic over a store: drafting, submitting, the outbox,
deciding, apply eligibility, rebasing, and which actions a proposal offers to whom.

No QGIS, no Qt: every function takes plain data — who the settings say the user is
(:class:`.session.Who`), the convention, proposals — and a **store opener**, a callable
without arguments that returns an open :class:`~..proposals.stores.base.ProposalStore` (the
bridge passes ``lambda: store_factory.open_store(settings, create=True, …)``; the tests a
GeoPackage store in a temporary folder). The bridge (plugin/bridge/propose_store.py,
review.py) only turns QgsSettings into plain data and runs these functions in a QgsTask;
ui/ presents what :func:`.actions.possible_actions` says, on the rules the stores enforce
(plugin/proposals/rules.py).
"""
