"""The list of GeoGov Processing algorithms (each lives in its own module).

QGIS loads them while it starts (loadAlgorithms, then each initAlgorithm): an algorithm
module imports at module level only qgis, .i18n, ..errors and the other alg_ modules, and
the core where it runs (processAlgorithm). tests/qgis/test_plugin_lifecycle.py checks it.
"""


def all_algorithms():
    from .alg_apply_proposal import ApplyProposalAlgorithm
    from .alg_catalogue_search import CatalogueSearchAlgorithm
    from .alg_compute_changes import ComputeChangesAlgorithm
    from .alg_convention_check import ConventionCheckAlgorithm
    from .alg_export_changelog import ExportChangelogAlgorithm
    from .alg_governance_report import GovernanceReportAlgorithm
    from .alg_proposals import ListProposalsAlgorithm, ReviewProposalAlgorithm
    from .alg_responsible_parties import ResponsiblePartiesAlgorithm
    from .alg_service_layers import ServiceLayersAlgorithm
    from .alg_setup_store import SetupPostgresStoreAlgorithm
    from .alg_submit_proposal import SubmitProposalAlgorithm

    return [ResponsiblePartiesAlgorithm(), ServiceLayersAlgorithm(), ListProposalsAlgorithm(),
            ReviewProposalAlgorithm(), CatalogueSearchAlgorithm(),
            ConventionCheckAlgorithm(), GovernanceReportAlgorithm(),
            ApplyProposalAlgorithm(), ExportChangelogAlgorithm(),
            ComputeChangesAlgorithm(), SubmitProposalAlgorithm(), SetupPostgresStoreAlgorithm()]
