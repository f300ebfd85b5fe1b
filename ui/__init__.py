"""GeoGov's widgets, dialogs and the plugin entry point (initGui/unload)."""
