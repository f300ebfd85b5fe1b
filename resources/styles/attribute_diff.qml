<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" readOnly="1">
  <!-- GeoGov attribute diff ("diff as a layer", plugin/bridge/diff_layers.py): one row per
       change with "_op" (insert / update / delete), "_key", "_geometry_changed" and, for every
       field, its proposed value with "_old_<field>" beside it. The row styles below colour
       inserts green and deletes red (the plugin replaces their colours with the configured
       diff colours); the per-field styles that highlight a changed cell
       ("_op" = 'update' AND "field" IS NOT "_old_field") are added by the plugin, since the
       field names depend on the dataset. The layer is read-only: it describes a proposal. -->
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
  </flags>
  <attributetableconfig sortExpression="" actionWidgetStyle="dropDown" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles>
      <style name="insert" background_color="#c0e3c0" background_color_alpha="255" rule="&quot;_op&quot; = 'insert'"/>
      <style name="delete" background_color="#f3bebe" background_color_alpha="255" rule="&quot;_op&quot; = 'delete'"/>
    </rowstyles>
    <fieldstyles/>
  </conditionalstyles>
  <previewExpression>"_key"</previewExpression>
  <layerGeometryType>4</layerGeometryType>
</qgis>
