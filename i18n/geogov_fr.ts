<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/governance/report_html.py" line="25"/>
        <source>updated continuously</source>
        <translation>mis à jour en continu</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="26"/>
        <source>updated every day</source>
        <translation>mis à jour chaque jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="27"/>
        <source>updated every week</source>
        <translation>mis à jour chaque semaine</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="28"/>
        <source>updated every two weeks</source>
        <translation>mis à jour tous les quinze jours</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="29"/>
        <source>updated twice a month</source>
        <translation>mis à jour deux fois par mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="30"/>
        <source>updated every month</source>
        <translation>mis à jour chaque mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="31"/>
        <source>updated every quarter</source>
        <translation>mis à jour chaque trimestre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="32"/>
        <source>updated every six months</source>
        <translation>mis à jour chaque semestre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="33"/>
        <source>updated every year</source>
        <translation>mis à jour chaque année</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="36"/>
        <source>updated when needed</source>
        <translation>mis à jour selon les besoins</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="37"/>
        <source>updated irregularly</source>
        <translation>mis à jour de façon irrégulière</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="34"/>
        <source>updated every two years</source>
        <translation>mis à jour tous les deux ans</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="35"/>
        <source>updated periodically</source>
        <translation>mis à jour périodiquement</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="54"/>
        <source>every two years</source>
        <translation>tous les deux ans</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="38"/>
        <source>no update planned</source>
        <translation>aucune mise à jour prévue</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="40"/>
        <source>update rhythm not stated</source>
        <translation>rythme de mise à jour non précisé</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="45"/>
        <source>continuously</source>
        <translation>en continu</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="46"/>
        <source>every day</source>
        <translation>chaque jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="47"/>
        <source>every week</source>
        <translation>chaque semaine</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="48"/>
        <source>every two weeks</source>
        <translation>tous les quinze jours</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="49"/>
        <source>twice a month</source>
        <translation>deux fois par mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="50"/>
        <source>every month</source>
        <translation>chaque mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="51"/>
        <source>every quarter</source>
        <translation>chaque trimestre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="52"/>
        <source>every six months</source>
        <translation>chaque semestre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="53"/>
        <source>every year</source>
        <translation>chaque année</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="56"/>
        <source>when needed</source>
        <translation>selon les besoins</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="61"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="62"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="63"/>
        <source>Metropolis of Greater Paris</source>
        <translation>Métropole du Grand Paris</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="64"/>
        <source>Territorial public establishment</source>
        <translation>Établissement public territorial</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="65"/>
        <source>Group of municipalities</source>
        <translation>Intercommunalité</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="66"/>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="67"/>
        <source>Joint syndicate of local authorities</source>
        <translation>Syndicat de collectivités</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="68"/>
        <source>Public operator</source>
        <translation>Opérateur public</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="69"/>
        <source>State services</source>
        <translation>Services de l'État</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="70"/>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="71"/>
        <source>Private contractor</source>
        <translation>Prestataire privé</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="78"/>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="79"/>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="82"/>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="88"/>
        <source>late by {n} months</source>
        <translation>en retard de {n} mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="90"/>
        <source>late by one month</source>
        <translation>en retard d'un mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="92"/>
        <source>late by one day</source>
        <translation>en retard d'un jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="93"/>
        <source>late by {n} days</source>
        <translation>en retard de {n} jours</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="98"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="101"/>
        <source>no known update date</source>
        <translation>date de mise à jour inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="106"/>
        <source>the whole region</source>
        <translation>toute la région</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="109"/>
        <source>département {code}</source>
        <translation>département {code}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="111"/>
        <source>départements {codes}</source>
        <translation>départements {codes}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="114"/>
        <source>one municipality</source>
        <translation>une commune</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="114"/>
        <source>{n} municipalities</source>
        <translation>{n} communes</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="117"/>
        <source>an area drawn on a map</source>
        <translation>une zone tracée sur une carte</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="119"/>
        <source>no territorial limit</source>
        <translation>sans limite territoriale</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="150"/>
        <source>Dataset</source>
        <translation>Donnée</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="150"/>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="150"/>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="160"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="160"/>
        <source>Who must deliver</source>
        <translation>Qui doit livrer</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="160"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="160"/>
        <source>To whom</source>
        <translation>À qui</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="160"/>
        <source>How often</source>
        <translation>À quel rythme</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="160"/>
        <source>Last delivery</source>
        <translation>Dernière livraison</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="175"/>
        <source>Partners of the convention: {n}</source>
        <translation>Partenaires de la convention : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="176"/>
        <source>Shared datasets: {n}</source>
        <translation>Données partagées : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="177"/>
        <source>Datasets up to date: {n}</source>
        <translation>Données à jour : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="178"/>
        <source>Datasets late: {n}</source>
        <translation>Données en retard : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="179"/>
        <source>Datasets without a known update date: {n}</source>
        <translation>Données sans date de mise à jour connue : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="180"/>
        <source>Overdue contract deliveries: {n}</source>
        <translation>Livraisons contractuelles en retard : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="181"/>
        <source>Proposed changes received: {submitted}; approved: {approved}; rejected: {rejected}; put into the data: {applied}</source>
        <translation>Propositions de modification reçues : {submitted} ; acceptées : {approved} ; refusées : {rejected} ; intégrées aux données : {applied}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="185"/>
        <source>Published in the catalogue but not covered by the convention: {n}</source>
        <translation>Publiées au catalogue mais absentes de la convention : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="187"/>
        <source>In the convention but not published in the catalogue: {n}</source>
        <translation>Prévues par la convention mais absentes du catalogue : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="190"/>
        <source>Summary</source>
        <translation>En résumé</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="195"/>
        <source>{kind} — territory: {territory}</source>
        <translation>{kind} — territoire : {territory}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="199"/>
        <source>Datasets it produces</source>
        <translation>Données qu'il produit</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="199"/>
        <source>Datasets it keeps up to date</source>
        <translation>Données qu'il tient à jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="199"/>
        <source>Datasets whose changes it validates</source>
        <translation>Données dont il valide les modifications</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="207"/>
        <source>Late: {titles}.</source>
        <translation>En retard : {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="211"/>
        <source>Proposed changes received: {submitted}; approved: {approved}; rejected: {rejected}.</source>
        <translation>Propositions de modification reçues : {submitted} ; acceptées : {approved} ; refusées : {rejected}.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="214"/>
        <source>Deliveries it owes under a contract</source>
        <translation>Livraisons qu'il doit au titre d'un contrat</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="218"/>
        <source>Deliveries it is owed under a contract</source>
        <translation>Livraisons qui lui sont dues au titre d'un contrat</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="228"/>
        <source>en</source>
        <translation>fr</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="229"/>
        <source>Shared geographic data: who does what</source>
        <translation>Données géographiques partagées : qui fait quoi</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="230"/>
        <source>Overdue deliveries</source>
        <translation>Livraisons en retard</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="231"/>
        <source>Every contract delivery is on time.</source>
        <translation>Toutes les livraisons prévues par les contrats sont à jour.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="232"/>
        <source>Convention “{title}” (version {version}), coordinated by {coordinator}. Situation on {today}.</source>
        <translation>Convention « {title} » (version {version}), coordonnée par {coordinator}. Situation au {today}.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="251"/>
        <source>Other partners</source>
        <translation>Autres partenaires</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="252"/>
        <source>No shared dataset yet: {names}.</source>
        <translation>Pas encore de donnée partagée : {names}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="57"/>
        <source>Responsible parties of metadata records</source>
        <translation>Responsables des fiches de métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="62"/>
        <source>Discover</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="66"/>
        <source>Lists every responsible party of every record in a metadata document, one row per party and context.

Input document (INPUT): a file path or an http(s) URL of an ISO 19139 record (also ISO 19115-2), a CSW GetRecords or GetRecordById response (ISO 19139, ISO 19115-3, Dublin Core or DCAT records), an ISO 19115-3 record, or an OGC API Records item or items collection (JSON).
Authentication (AUTHCFG, optional): the QGIS authentication configuration used to fetch a URL.
Timeout (TIMEOUT): seconds to wait for the server.

Output table (OUTPUT, no geometry): record_id, record_title, context (metadata_contact, resource_contact, cited_party, distributor, maintenance_contact, associated_party, catalogue_producer, ogcapi_contact, dc_party), role (the ISO 19115 CI_RoleCode, empty when the document's role is not one), role_raw (the role exactly as written), role_status (iso19139, iso19115-1, nonstandard, empty or missing: anything but iso19139 deserves a look), organisation, individual, position, email, phone, url, href (a party given only by reference).

A document that cannot be used (not a metadata document, malformed, hostile, an error from the server) stops the algorithm with the reason.</source>
        <translation>Liste chaque responsable de chaque fiche d'un document de métadonnées, une ligne par responsable et par contexte.

Document d'entrée (INPUT) : un chemin de fichier ou une URL http(s) d'une fiche ISO 19139 (ou ISO 19115-2), d'une réponse CSW GetRecords ou GetRecordById (fiches ISO 19139, ISO 19115-3, Dublin Core ou DCAT), d'une fiche ISO 19115-3, ou d'un enregistrement ou d'une collection d'enregistrements OGC API Records (JSON).
Authentification (AUTHCFG, facultatif) : la configuration d'authentification QGIS utilisée pour télécharger une URL.
Délai (TIMEOUT) : nombre de secondes d'attente de la réponse du serveur.

Table en sortie (OUTPUT, sans géométrie) : record_id, record_title, context (metadata_contact, resource_contact, cited_party, distributor, maintenance_contact, associated_party, catalogue_producer, ogcapi_contact, dc_party), role (le code CI_RoleCode ISO 19115, vide quand le rôle du document n'en est pas un), role_raw (le rôle tel qu'écrit), role_status (iso19139, iso19115-1, nonstandard, empty ou missing : tout autre statut que iso19139 mérite vérification), organisation, individual, position, email, phone, url, href (un responsable donné seulement par référence).

Un document inutilisable (pas un document de métadonnées, mal formé, malveillant, une erreur du serveur) arrête l'algorithme en indiquant pourquoi.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="91"/>
        <source>Metadata document (file path or URL)</source>
        <translation>Document de métadonnées (chemin ou URL)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="94"/>
        <source>Authentication configuration</source>
        <translation>Configuration d'authentification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="96"/>
        <source>Timeout (seconds)</source>
        <translation>Délai d'attente (secondes)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="98"/>
        <source>Responsible parties</source>
        <translation>Responsables</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="100"/>
        <source>Number of records</source>
        <translation>Nombre de fiches</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="101"/>
        <source>Number of parties</source>
        <translation>Nombre de responsables</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="106"/>
        <source>No metadata document was given.</source>
        <translation>Aucun document de métadonnées n'a été indiqué.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="130"/>
        <source>{parties} responsible parties in {records} records.</source>
        <translation>{parties} responsables dans {records} fiches.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="59"/>
        <source>Layers of a WMS or WFS service</source>
        <translation>Couches d'un service WMS ou WFS</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="68"/>
        <source>Lists the layers of a WMS (1.0 to 1.3.0) or the feature types of a WFS (1.0, 1.1, 2.0) from its capabilities document.

Capabilities (INPUT): a file path, or the full http(s) GetCapabilities URL (with SERVICE=WMS or SERVICE=WFS and REQUEST=GetCapabilities).
Authentication (AUTHCFG, optional): the QGIS authentication configuration used to fetch a URL.
Timeout (TIMEOUT): seconds to wait for the server.

Output table (OUTPUT, no geometry), one row per layer: service (WMS or WFS), version, name (empty for a WMS group layer that cannot be requested), title, abstract, parent (title of the enclosing WMS layer), crs (codes separated by spaces, inherited ones included), formats, styles, keywords, metadata_urls, bbox_wgs84 (west,south,east,north), service_title, named, depth (WMS nesting), transaction (the WFS accepts edits: WFS-T), contact_organisation, contact_individual, contact_email, contact_role (ISO code) and contact_role_raw (the free-text ows:Role of WFS capabilities).

Capabilities that cannot be used (an exception report, an HTML page, a malformed or hostile document, a missing mandatory element) stop the algorithm with the reason.</source>
        <translation>Liste les couches d'un WMS (1.0 à 1.3.0) ou les types d'objets d'un WFS (1.0, 1.1, 2.0) à partir de son document de capacités.

Capacités (INPUT) : un chemin de fichier, ou l'URL http(s) complète du GetCapabilities (avec SERVICE=WMS ou SERVICE=WFS et REQUEST=GetCapabilities).
Authentification (AUTHCFG, facultatif) : la configuration d'authentification QGIS utilisée pour télécharger une URL.
Délai (TIMEOUT) : nombre de secondes d'attente de la réponse du serveur.

Table en sortie (OUTPUT, sans géométrie), une ligne par couche : service (WMS ou WFS), version, name (vide pour une couche de regroupement WMS non interrogeable), title, abstract, parent (titre de la couche WMS englobante), crs (codes séparés par des espaces, hérités compris), formats, styles, keywords, metadata_urls, bbox_wgs84 (ouest,sud,est,nord), service_title, named, depth (imbrication WMS), transaction (le WFS accepte les modifications : WFS-T), contact_organisation, contact_individual, contact_email, contact_role (code ISO) et contact_role_raw (le ows:Role en texte libre des capacités WFS).

Des capacités inutilisables (un rapport d'exception, une page HTML, un document mal formé ou malveillant, un élément obligatoire manquant) arrêtent l'algorithme en indiquant pourquoi.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="92"/>
        <source>Capabilities document (file path or URL)</source>
        <translation>Document de capacités (chemin ou URL)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="99"/>
        <source>Service layers</source>
        <translation>Couches du service</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="101"/>
        <source>Number of layers</source>
        <translation>Nombre de couches</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="102"/>
        <source>Service type</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="107"/>
        <source>No capabilities document was given.</source>
        <translation>Aucun document de capacités n'a été indiqué.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="118"/>
        <source>This is a {service} service, not a WMS or a WFS.</source>
        <translation>C'est un service {service}, pas un WMS ni un WFS.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="141"/>
        <source>{count} layers in {service} {version} capabilities.</source>
        <translation>{count} couches dans les capacités {service} {version}.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="14"/>
        <source>The document starts with a {bom} byte-order mark but declares the encoding {declared}: it cannot be decoded reliably.</source>
        <translation>Le document commence par une marque d'ordre des octets {bom} mais déclare l'encodage {declared} : il ne peut pas être décodé de façon sûre.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="16"/>
        <source>The document is empty.</source>
        <translation>Le document est vide.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="17"/>
        <source>This document is not a metadata record, a catalogue response or OGC service capabilities (root: {root}).</source>
        <translation>Ce document n'est ni une fiche de métadonnées, ni une réponse de catalogue, ni les capacités d'un service OGC (racine : {root}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="19"/>
        <source>The file cannot be read: {detail}</source>
        <translation>Le fichier ne peut pas être lu : {detail}</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="20"/>
        <source>This document holds no metadata record (it is {kind}).</source>
        <translation>Ce document ne contient aucune fiche de métadonnées (c'est {kind}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="21"/>
        <source>This document is not the capabilities of a service (it is {kind}).</source>
        <translation>Ce document n'est pas le document de capacités d'un service (c'est {kind}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="23"/>
        <source>This element is not an ISO metadata record ({element}).</source>
        <translation>Cet élément n'est pas une fiche de métadonnées ISO ({element}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="24"/>
        <source>The metadata record lacks a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire à la fiche de métadonnées : {element}.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="26"/>
        <source>The WMS capabilities lack a mandatory element: {element} (layer {layer}).</source>
        <translation>Il manque un élément obligatoire aux capacités WMS : {element} (couche {layer}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="28"/>
        <source>The WMS capabilities bind their links to a wrong XLink namespace ({attribute}): the service addresses cannot be read.</source>
        <translation>Les capacités WMS rattachent leurs liens à un mauvais espace de noms XLink ({attribute}) : les adresses du service ne peuvent pas être lues.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="31"/>
        <source>This is not WMS capabilities ({element}).</source>
        <translation>Ce ne sont pas des capacités WMS ({element}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="32"/>
        <source>The WFS capabilities lack a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire aux capacités WFS : {element}.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="34"/>
        <source>This is not WFS capabilities ({element}).</source>
        <translation>Ce ne sont pas des capacités WFS ({element}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="35"/>
        <source>This is not the expected catalogue (CSW) response ({element}).</source>
        <translation>Ce n'est pas la réponse de catalogue (CSW) attendue ({element}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="37"/>
        <source>The catalogue response lacks a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire à la réponse du catalogue : {element}.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="39"/>
        <source>This element is not a Dublin Core record ({element}).</source>
        <translation>Cet élément n'est pas une fiche Dublin Core ({element}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="40"/>
        <source>This RDF document holds no DCAT dataset.</source>
        <translation>Ce document RDF ne contient aucun jeu de données DCAT.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="41"/>
        <source>This kind of record is not supported ({element}).</source>
        <translation>Ce type de fiche n'est pas pris en charge ({element}).</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="42"/>
        <source>The OGC API Records {what} is not a JSON object as expected.</source>
        <translation>Le {what} OGC API Records n'est pas un objet JSON comme attendu.</translation>
    </message>
    <message>
        <location filename="../ui/messages_documents.py" line="44"/>
        <source>The OGC API Records response has no list of records.</source>
        <translation>La réponse OGC API Records ne contient pas de liste d'enregistrements.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="16"/>
        <source>The proposal store refused the operation: {message}</source>
        <translation>Le registre des propositions a refusé l'opération : {message}</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="17"/>
        <source>The proposal database refused this operation to your login.</source>
        <translation>La base des propositions a refusé cette opération à votre identifiant.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="18"/>
        <source>Someone changed this proposal meanwhile (last change by {by}). Reload it and decide again.</source>
        <translation>Quelqu'un a modifié cette proposition entre-temps (dernière modification par {by}). Rechargez-la et décidez à nouveau.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="20"/>
        <source>The proposal file is busy: another user is writing to it. Try again in a moment.</source>
        <translation>Le fichier des propositions est occupé : un autre utilisateur y écrit. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="22"/>
        <source>This proposal does not exist, or you may not see it.</source>
        <translation>Cette proposition n'existe pas, ou vous n'avez pas le droit de la voir.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="23"/>
        <source>A proposal cannot go from “{old}” to “{new}”.</source>
        <translation>Une proposition ne peut pas passer de « {old} » à « {new} ».</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="24"/>
        <source>Only the author of the proposal may do this.</source>
        <translation>Seul l'auteur de la proposition peut faire cela.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="25"/>
        <source>You cannot review your own proposal.</source>
        <translation>Vous ne pouvez pas valider votre propre proposition.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="26"/>
        <source>You are not a steward, DPO or coordinator for this proposal.</source>
        <translation>Vous n'êtes ni référent validation, ni DPO, ni coordinateur pour cette proposition.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="27"/>
        <source>Only a steward of this dataset or a coordinator may do this.</source>
        <translation>Seul un référent validation de ce jeu de données ou un coordinateur peut faire cela.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="28"/>
        <source>This proposal is not awaiting a decision (it is “{status}”).</source>
        <translation>Cette proposition n'attend pas de décision (elle est « {status} »).</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="29"/>
        <source>A proposal that is “{status}” cannot be edited.</source>
        <translation>Une proposition « {status} » ne peut pas être modifiée.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="30"/>
        <source>A comment is required to reject a proposal or to request changes.</source>
        <translation>Un commentaire est obligatoire pour refuser une proposition ou demander des modifications.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="32"/>
        <source>The approvals the dataset's rule requires are not all given.</source>
        <translation>Les validations exigées par la règle du jeu de données ne sont pas toutes données.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="33"/>
        <source>Your organisation may not propose changes to this dataset.</source>
        <translation>Votre organisme ne peut pas proposer de modifications de ce jeu de données.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="34"/>
        <source>The changes lie outside your organisation's territory.</source>
        <translation>Les modifications sortent du territoire de votre organisme.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="35"/>
        <source>This login is not a member of the partnership convention.</source>
        <translation>Cet identifiant n'est pas membre de la convention de partenariat.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="36"/>
        <source>The author, organisation and dataset of a proposal cannot change.</source>
        <translation>L'auteur, l'organisme et le jeu de données d'une proposition ne peuvent pas changer.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="37"/>
        <source>The audit trail cannot be changed or deleted.</source>
        <translation>Le journal d'audit ne peut être ni modifié ni supprimé.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="38"/>
        <source>The proposal store refused a value: {message}</source>
        <translation>Le registre des propositions a refusé une valeur : {message}</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="39"/>
        <source>A proposal with this identifier already exists.</source>
        <translation>Une proposition avec cet identifiant existe déjà.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="40"/>
        <source>The proposal database cannot be reached. Drafts are kept on this computer and can be submitted later.</source>
        <translation>La base des propositions est injoignable. Les brouillons sont conservés sur cet ordinateur et pourront être soumis plus tard.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="42"/>
        <source>This proposal store was created by a newer version of GeoGov. Update the plugin.</source>
        <translation>Ce registre des propositions a été créé par une version plus récente de GeoGov. Mettez l'extension à jour.</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="44"/>
        <source>The proposal file cannot be used: {message}</source>
        <translation>Le fichier des propositions est inutilisable : {message}</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="45"/>
        <source>The proposal database failed: {message}</source>
        <translation>La base des propositions a échoué : {message}</translation>
    </message>
    <message>
        <location filename="../ui/messages_store.py" line="46"/>
        <source>The QGIS authentication configuration {authcfg} cannot be read.</source>
        <translation>La configuration d'authentification QGIS {authcfg} ne peut pas être lue.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="77"/>
        <source>Proposal store (STORE): a GeoPackage file or a PostgreSQL connection string ("host=… dbname=…", no password); empty: the store of the plugin settings.
Authentication (AUTHCFG, optional): the QGIS authentication configuration holding the PostgreSQL user name and password.
Login (LOGIN, optional): who you are in a GeoPackage store (no access control there); a PostgreSQL store knows you by your database login.
</source>
        <translation>Registre des propositions (STORE) : un fichier GeoPackage ou une chaîne de connexion PostgreSQL (« host=… dbname=… », sans mot de passe) ; vide : le registre des paramètres de l'extension.
Authentification (AUTHCFG, facultatif) : la configuration d'authentification QGIS qui contient l'utilisateur et le mot de passe PostgreSQL.
Identifiant (LOGIN, facultatif) : qui vous êtes dans un registre GeoPackage (sans contrôle d'accès) ; un registre PostgreSQL vous connaît par votre identifiant de base de données.
</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="96"/>
        <source>Propose and review</source>
        <translation>Proposer et valider</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="126"/>
        <source>List change proposals</source>
        <translation>Lister les propositions de modification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="201"/>
        <source>Review a change proposal</source>
        <translation>Statuer sur une proposition de modification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="129"/>
        <source>Scope (SCOPE): to review by me (submitted proposals awaiting a decision I may take), mine, my partner's, or all those I may see.
Status (STATUS, optional): draft, submitted, changes_requested, approved, rejected, applied, conflict or withdrawn.
Dataset (DATASET, optional): a dataset id of the convention.

Output table (OUTPUT, no geometry), one row per proposal, newest first: id, dataset, title, author, partner, status, version, round, created_at, submitted_at, updated_at (UTC, ISO 8601), inserts, updates, deletes, approvals (the approvals the dataset's rule asks, e.g. "steward=yes; dpo=no"), approvals_pending and departements.</source>
        <translation>Portée (SCOPE) : à valider par moi (propositions soumises qui attendent une décision que je peux prendre), les miennes, celles de mon organisme, ou toutes celles que je peux voir.
Statut (STATUS, facultatif) : draft, submitted, changes_requested, approved, rejected, applied, conflict ou withdrawn.
Jeu de données (DATASET, facultatif) : un identifiant de jeu de données de la convention.

Table en sortie (OUTPUT, sans géométrie), une ligne par proposition, la plus récente d'abord : id, dataset, title, author, partner, status, version, round, created_at, submitted_at, updated_at (UTC, ISO 8601), inserts, updates, deletes, approvals (les validations exigées par la règle du jeu de données, p. ex. « steward=yes; dpo=no »), approvals_pending et departements.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="204"/>
        <source>Proposal (PROPOSAL): the proposal id (see List change proposals).
Decision (DECISION): approve, reject or request changes. A comment (COMMENT) is required to reject or request changes.
Version (VERSION, optional): the proposal version you looked at; if someone changed the proposal since, the decision is refused instead of applying to a state you have not seen.

The store decides whether you may: your own proposal, a dataset you do not steward, a proposal not awaiting a decision are refused. An approval that leaves another required approval pending (the DPO's, for personal data) keeps the proposal submitted. Outputs: STATUS (the proposal's status afterwards) and NEW_VERSION.</source>
        <translation>Proposition (PROPOSAL) : l'identifiant de la proposition (voir Lister les propositions de modification).
Décision (DECISION) : valider, refuser ou demander des modifications. Un commentaire (COMMENT) est obligatoire pour refuser ou demander des modifications.
Version (VERSION, facultatif) : la version de la proposition que vous avez consultée ; si quelqu'un a modifié la proposition depuis, la décision est refusée plutôt que de s'appliquer à un état que vous n'avez pas vu.

Le registre décide si vous en avez le droit : votre propre proposition, un jeu de données dont vous n'êtes pas référent, une proposition qui n'attend pas de décision sont refusés. Une validation qui laisse en attente une autre validation exigée (celle du DPO, pour des données personnelles) laisse la proposition soumise. Sorties : STATUS (le statut de la proposition ensuite) et NEW_VERSION.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="102"/>
        <source>Proposal store (GeoPackage path or PostgreSQL connection; empty: the plugin's)</source>
        <translation>Registre des propositions (chemin GeoPackage ou connexion PostgreSQL ; vide : celui de l'extension)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="105"/>
        <source>Authentication configuration (PostgreSQL)</source>
        <translation>Configuration d'authentification (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="107"/>
        <source>Login (GeoPackage store only)</source>
        <translation>Identifiant (registre GeoPackage uniquement)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="146"/>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="149"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="150"/>
        <source>Dataset id</source>
        <translation>Identifiant du jeu de données</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="151"/>
        <source>Proposals</source>
        <translation>Propositions</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="153"/>
        <source>Number of proposals</source>
        <translation>Nombre de propositions</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="221"/>
        <source>Proposal id</source>
        <translation>Identifiant de la proposition</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="222"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="224"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="226"/>
        <source>Version seen (-1: do not check)</source>
        <translation>Version consultée (-1 : ne pas vérifier)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="229"/>
        <source>Status after the decision</source>
        <translation>Statut après la décision</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="230"/>
        <source>Version after the decision</source>
        <translation>Version après la décision</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="246"/>
        <source>Proposal {id}: {decision} recorded, status {status}.</source>
        <translation>Proposition {id} : décision « {decision} » enregistrée, statut {status}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="146"/>
        <source>To review by me</source>
        <translation>À valider par moi</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="146"/>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="146"/>
        <source>My partner's</source>
        <translation>Celles de mon organisme</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="146"/>
        <source>All I may see</source>
        <translation>Toutes celles que je peux voir</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="159"/>
        <source>Unknown status {status}.</source>
        <translation>Statut inconnu : {status}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="222"/>
        <source>Approve</source>
        <translation>Valider</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="222"/>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="222"/>
        <source>Request changes</source>
        <translation>Demander des modifications</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="77"/>
        <source>No convention was given.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="90"/>
        <source>Convention “{title}” (version {version}): {partners} partners, {datasets} datasets.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="103"/>
        <source>No catalogue given: freshness and discrepancies rest on the convention (and the store) alone.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="109"/>
        <source>This GeoGov cannot search catalogues: the catalogue was skipped.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="112"/>
        <source>Harvesting the catalogue {url}…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="120"/>
        <source>{n} records read from the catalogue.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="132"/>
        <source>Date of the situation (default: today)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="168"/>
        <source>not covered by the convention</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="194"/>
        <source>Check the partnership convention</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="56"/>
        <source>Governance</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="203"/>
        <source>Loads and checks a partnership convention (geogov.convention/1) and lists who is responsible for each shared dataset, whether it is up to date, and where the catalogue's metadata and the convention disagree.

Convention (CONVENTION): a file path or an http(s) URL of the YAML document. A convention with problems stops the algorithm; the log lists every problem with its line, column and place in the document.
Catalogue (CATALOGUE, optional): the URL of a CSW or OGC API Records catalogue; its records give the last update dates and the discrepancies (custodian, producer or frequency that differ, no point of contact, records the convention does not know and datasets without a record).
Date (DATE, optional): the day the situation is judged on (default: today).

Output table (OUTPUT, no geometry): one row per dataset with producers, maintainer, stewards and their e-mail, dissemination, personal data, licence, committed frequency, last revision and its source, next due date, status (up_to_date, late, unknown) and situation in words, days late, discrepancy codes and sentences, overdue contract deliveries; plus one row per catalogue record the convention does not cover.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="85"/>
        <source>Convention (file path or URL)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="87"/>
        <source>Catalogue URL (CSW or OGC API Records)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="231"/>
        <source>Datasets of the convention</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="233"/>
        <source>Number of datasets</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="100"/>
        <source>Number of late datasets</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="235"/>
        <source>Number of discrepancies</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="260"/>
        <source>{datasets} datasets, {late} late, {discrepancies} discrepancies.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="39"/>
        <source>Governance report</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="62"/>
        <source>Writes the governance report of the partnership, for coordinators and elected officials, in plain words: per partner, the datasets it produces, keeps up to date and validates, which are late, the contract deliveries it owes or is owed and which are overdue, the proposed changes received, approved and rejected; with a map of the partners' territories.

Convention (CONVENTION): a file path or an http(s) URL.
Catalogue (CATALOGUE, optional): the URL of a CSW or OGC API Records catalogue (update dates from the records; records and datasets missing on either side).
Proposal store (STORE, optional): a GeoGov GeoPackage store file, or a PostgreSQL connection string (host=… dbname=…; the user and password come from the authentication configuration of GeoGov's settings): the proposals counted, and the dates of the changes applied.
Login (LOGIN, optional, GeoPackage store only): whose view of the store is counted; default: the identity of GeoGov's settings, else the convention's coordinator, who sees every proposal.
Date (DATE, optional): the day the situation is judged on (default: today).
PDF report (OUTPUT_PDF) and HTML report (OUTPUT_HTML): give one or both.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="89"/>
        <source>Proposal store (GeoPackage file or PostgreSQL connection)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="92"/>
        <source>Login to read a GeoPackage store as</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="95"/>
        <source>PDF report</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="61"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="97"/>
        <source>HTML report</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="66"/>
        <source>HTML pages (*.html *.htm)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="101"/>
        <source>Number of overdue deliveries</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="108"/>
        <source>Give a PDF file, an HTML file, or both.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="121"/>
        <source>The store is read as {login}, the coordinator of the convention.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="131"/>
        <source>Proposal store read: {n} datasets with applied changes.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="162"/>
        <source>Written: {path}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/governance.py" line="279"/>
        <source>GeoGov: loading the partnership convention</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/governance.py" line="334"/>
        <source>GeoGov: reading the proposal store</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/governance.py" line="359"/>
        <source>GeoGov: reading the catalogue record of {title}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="238"/>
        <source>Created on {date} (catalogue record)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="239"/>
        <source>Published on {date} (catalogue record)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="240"/>
        <source>Revised on {date} (catalogue record)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="247"/>
        <source>Next update planned on {date}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/processing_provider.py" line="18"/>
        <source>GeoGov — regional geodata governance</source>
        <translation>GeoGov — gouvernance régionale des données géographiques</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="309"/>
        <source>Situation of the partners with a territory there</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="324"/>
        <source>The colour of a département sums up the datasets and contract deliveries of the partners whose territory in the convention names it. Partners competent everywhere are not on the map: see their sections.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="91"/>
        <source>Partner territories</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="458"/>
        <source>late: {n}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="462"/>
        <source>Partners with a territory there</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="469"/>
        <source>Every shared dataset</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="119"/>
        <source>Partners' data up to date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="120"/>
        <source>At least one dataset or delivery late</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="121"/>
        <source>No known update date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="158"/>
        <source>Change log</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="160"/>
        <source>added</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="160"/>
        <source>modified</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="160"/>
        <source>deleted</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="54"/>
        <source>GeoGov catalogue</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="82"/>
        <source>Catalogue</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="89"/>
        <source>Words to find, or "a phrase"</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="90"/>
        <source>Search</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="95"/>
        <source>Filters and sort</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="99"/>
        <source>Producer or maintainer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="101"/>
        <source>Limit to the map extent</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="103"/>
        <source>Server order</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="116"/>
        <source>Title</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="103"/>
        <source>Latest revision first</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="106"/>
        <source>Organisation</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="107"/>
        <source>Keyword</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="109"/>
        <source>Sort by</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="105"/>
        <source>Cancel</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="152"/>
        <source>◀ Previous</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="153"/>
        <source>Next ▶</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="162"/>
        <source>Add WMS</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="162"/>
        <source>Add WFS</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="162"/>
        <source>Add OGC API Features</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="169"/>
        <source>Raw response…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="260"/>
        <source>No catalogue is configured: add one in Settings ▸ Options ▸ GeoGov.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="265"/>
        <source>Searching {name}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="270"/>
        <source>Searching {name}…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="238"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="329"/>
        <source>No record matches.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="331"/>
        <source>{matched} records match, {first}–{last} shown</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="334"/>
        <source>{first}–{last} shown</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="232"/>
        <source>Layer "{name}" added to the map.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="73"/>
        <source>GeoGov</source>
        <translation>GeoGov</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="441"/>
        <source>Catalogue search</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="21"/>
        <source>Continual</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="22"/>
        <source>Daily</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="23"/>
        <source>Weekly</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="24"/>
        <source>Fortnightly</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="25"/>
        <source>Twice a month</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="26"/>
        <source>Monthly</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="27"/>
        <source>Quarterly</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="28"/>
        <source>Half-yearly</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="29"/>
        <source>Yearly</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="30"/>
        <source>Every two years</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="31"/>
        <source>Periodic</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="32"/>
        <source>As needed</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="33"/>
        <source>Irregular</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="34"/>
        <source>Not planned</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="85"/>
        <source>Unknown</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="48"/>
        <source>Every {duration}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="55"/>
        <source>metadata contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="56"/>
        <source>resource point of contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="57"/>
        <source>cited party</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="58"/>
        <source>distributor contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="59"/>
        <source>maintenance contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="60"/>
        <source>OGC API Records contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="61"/>
        <source>Dublin Core element</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="62"/>
        <source>service contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="63"/>
        <source>feature catalogue producer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="64"/>
        <source>party of an associated resource</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="77"/>
        <source>API</source>
        <comment>OGC API Features, in the Services column</comment>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="78"/>
        <source>Download</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="79"/>
        <source>Web page</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="80"/>
        <source>Other link</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="98"/>
        <source>{day:02d}/{month:02d}/{year}</source>
        <comment>a date</comment>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="103"/>
        <source>Created</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="103"/>
        <source>Published</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="104"/>
        <source>Revised</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="108"/>
        <source>title</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_labels.py" line="108"/>
        <source>revision date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="68"/>
        <source>Producer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="19"/>
        <source>Maintainer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="19"/>
        <source>Update frequency</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="20"/>
        <source>Last revision</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="20"/>
        <source>Services</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="36"/>
        <source>{names} (+{more})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="50"/>
        <source>{name} (in {territory})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="166"/>
        <source>Partnership convention</source>
        <translation>Convention de partenariat</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="66"/>
        <source>Filter partners and datasets…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="68"/>
        <source>Reload</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="70"/>
        <source>Open the file</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="79"/>
        <source>Severity</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="79"/>
        <source>File</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="79"/>
        <source>Line</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="79"/>
        <source>Column</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="79"/>
        <source>Place in the document</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="79"/>
        <source>Problem</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="86"/>
        <source>Partners</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="87"/>
        <source>Datasets</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="223"/>
        <source>Problems</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="116"/>
        <source>Name</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="99"/>
        <source>Detail</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="124"/>
        <source>not signed</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="126"/>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Version {version}, signed on {signed}; coordinated by {coordinator}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="261"/>
        <source>Loading the partnership convention…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="134"/>
        <source>The partnership convention could not be loaded.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="160"/>
        <source>Produces</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="160"/>
        <source>Maintains</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="160"/>
        <source>Validates the changes to</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="167"/>
        <source>Contacts</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="188"/>
        <source>Update</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="154"/>
        <source>Dissemination</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="153"/>
        <source>Licence</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="153"/>
        <source>not stated</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="155"/>
        <source>Personal data</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="58"/>
        <source>yes</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="58"/>
        <source>no</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="157"/>
        <source>Changes approved by</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="197"/>
        <source>Contract delivery</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="197"/>
        <source>{debtor} to {creditor}, {rhythm}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="164"/>
        <source>Error</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="164"/>
        <source>Warning</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="223"/>
        <source>Problems ({n})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="48"/>
        <source>A report for coordinators and elected officials, in plain words: per partner, the shared datasets, which are late, the contract deliveries and the proposed changes, with a map of the territories.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="57"/>
        <source>PDF (to print)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="63"/>
        <source>HTML page (to publish)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="69"/>
        <source>No catalogue (the convention and the store only)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="72"/>
        <source>Count the proposals of the proposal store</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="78"/>
        <source>Open the report when it is ready</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="94"/>
        <source>Create the report</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="110"/>
        <source>The partnership convention is not loaded: the report cannot be made.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="114"/>
        <source>Choose a PDF file, an HTML file, or both.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="121"/>
        <source>Gathering the report's data…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="122"/>
        <source>GeoGov: governance report</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="133"/>
        <source>Laying out the report…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="140"/>
        <source>Report written: {paths}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="177"/>
        <source>Governance report…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="18"/>
        <source>Resource provider</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="19"/>
        <source>Custodian</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="20"/>
        <source>Owner</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="21"/>
        <source>User</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="22"/>
        <source>Distributor</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="23"/>
        <source>Originator</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="24"/>
        <source>Point of contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="25"/>
        <source>Principal investigator</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="26"/>
        <source>Processor</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="27"/>
        <source>Publisher</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="28"/>
        <source>Author</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="30"/>
        <source>Sponsor</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="31"/>
        <source>Co-author</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="32"/>
        <source>Collaborator</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="33"/>
        <source>Editor</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="34"/>
        <source>Mediator</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="35"/>
        <source>Rights holder</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="36"/>
        <source>Contributor</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="37"/>
        <source>Funder</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="38"/>
        <source>Stakeholder</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="44"/>
        <source>Role not stated</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="51"/>
        <source>Data referent</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="52"/>
        <source>Validation referent (steward)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="71"/>
        <source>Data protection officer (DPO)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="54"/>
        <source>IT department (DSI)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="55"/>
        <source>Project manager</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="56"/>
        <source>Technician</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="57"/>
        <source>Convention coordinator</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="69"/>
        <source>Maintainer (custodian)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="70"/>
        <source>Validates the changes</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="84"/>
        <source>Up to date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="84"/>
        <source>Late</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="93"/>
        <source>Open data</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="93"/>
        <source>Partners of the convention only</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/labels.py" line="94"/>
        <source>Restricted</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="36"/>
        <source>Choose a layer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="39"/>
        <source>The link names no layer of "{service}": choose one.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="45"/>
        <source>{title} ({name})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="171"/>
        <source>Reading the {service} capabilities</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="177"/>
        <source>Reading the {service} capabilities…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="149"/>
        <source>Adding the layer {name}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="151"/>
        <source>Adding the layer {name}…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="37"/>
        <source>nobody named</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="39"/>
        <source>Changes validated by: {names}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="43"/>
        <source>Freshness: {status}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="45"/>
        <source>Next update expected by {date}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="48"/>
        <source>Proposals awaiting review: {n}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="50"/>
        <source>Discrepancies with the catalogue: {n}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="276"/>
        <source>Shared layer not covered by the convention</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages.py" line="22"/>
        <source>Unexpected error: {message}</source>
        <translation>Erreur inattendue : {message}</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="24"/>
        <source>An HTML page was received instead of the expected XML document. Check the address: it may point to a web page, not a service.</source>
        <translation>Une page HTML a été reçue au lieu du document XML attendu. Vérifiez l'adresse : elle désigne peut-être une page web et non un service.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="26"/>
        <source>The document declares XML entities. It was refused without being read, because such documents can be used to read local files or to exhaust memory (XXE, "billion laughs").</source>
        <translation>Le document déclare des entités XML. Il a été refusé sans être lu, car de tels documents peuvent servir à lire des fichiers locaux ou à épuiser la mémoire (XXE, « billion laughs »).</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="29"/>
        <source>The XML document is malformed (line {line}, column {column}): {detail}</source>
        <translation>Le document XML est mal formé (ligne {line}, colonne {column}) : {detail}</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="32"/>
        <source>An HTML page was received instead of the expected JSON document.</source>
        <translation>Une page HTML a été reçue au lieu du document JSON attendu.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="33"/>
        <source>The JSON document is malformed (line {line}, column {column}): {detail}</source>
        <translation>Le document JSON est mal formé (ligne {line}, colonne {column}) : {detail}</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="35"/>
        <source>The server answered with an error: {text} (code {exception_code})</source>
        <translation>Le serveur a répondu par une erreur : {text} (code {exception_code})</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="36"/>
        <source>The server did not answer within {timeout} seconds.</source>
        <translation>Le serveur n'a pas répondu dans le délai de {timeout} secondes.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="37"/>
        <source>Cannot connect to the server. Check the address and your network connection.</source>
        <translation>Impossible de se connecter au serveur. Vérifiez l'adresse et votre connexion réseau.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="39"/>
        <source>The server asks for authentication (HTTP 401). Choose an authentication configuration for this connection.</source>
        <translation>Le serveur demande une authentification (HTTP 401). Choisissez une configuration d'authentification pour cette connexion.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="41"/>
        <source>Access refused by the server (HTTP 403).</source>
        <translation>Accès refusé par le serveur (HTTP 403).</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="42"/>
        <source>Nothing was found at this address (HTTP 404).</source>
        <translation>Rien n'a été trouvé à cette adresse (HTTP 404).</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="43"/>
        <source>The server failed (HTTP {status}). Try again later or contact its administrator.</source>
        <translation>Le serveur a rencontré une erreur (HTTP {status}). Réessayez plus tard ou contactez son administrateur.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="45"/>
        <source>The server answered with HTTP status {status}.</source>
        <translation>Le serveur a répondu avec le statut HTTP {status}.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="46"/>
        <source>The server sent an unexpected kind of document ({content_type}).</source>
        <translation>Le serveur a envoyé un type de document inattendu ({content_type}).</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="48"/>
        <source>The request failed: {detail}</source>
        <translation>La requête a échoué : {detail}</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="49"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../ui/messages.py" line="90"/>
        <source>(document: {source})</source>
        <translation>(document : {source})</translation>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="19"/>
        <source>Only a web page answers at this address: it is neither a CSW nor an OGC API Records catalogue.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="21"/>
        <source>The address answered with a document that is neither CSW capabilities nor an OGC API landing page or collection.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="24"/>
        <source>This OGC API offers no records collection.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="25"/>
        <source>The catalogue has no record "{identifier}".</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="26"/>
        <source>This file holds no usable catalogue connections ({detail}).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="28"/>
        <source>Unknown catalogue kind "{kind}".</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="29"/>
        <source>This is not an http(s) address: "{url}".</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="30"/>
        <source>Unsupported CSW version "{version}".</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="31"/>
        <source>This address does not answer as a {expected} service.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="32"/>
        <source>QGIS cannot open the layer "{name}": {detail}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="33"/>
        <source>The link names no OGC API Features collection.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="39"/>
        <source>Accents: the server was also asked for the accented spellings of {terms}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="41"/>
        <source>Accents: for {terms}, the server got wildcards in place of the letters that can bear an accent; the extra records it returned were set aside here.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="44"/>
        <source>Accents: only the likeliest spellings of {terms} were sent ({dropped} left out); a record spelling them otherwise may be missed.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="47"/>
        <source>Whole words: the server also matches inside words ("velo" in "développement"); {hidden} of {examined} records were hidden here for that.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="51"/>
        <source>This catalogue searches one word at a time: {sent} was sent to the server, {terms} checked here.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="54"/>
        <source>Organisation {value}: filtered here, the server cannot ({hidden} hidden on this page).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="56"/>
        <source>Keyword {value}: filtered here, the server cannot ({hidden} hidden on this page).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="58"/>
        <source>Map extent not used: it covers the whole world, and servers would then leave out the records that have no extent.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="61"/>
        <source>Map extent: it crosses the antimeridian and was sent as two boxes.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="63"/>
        <source>Map extent: this server refuses spatial filters in CSW 3.0, so the search went in CSW 2.0.2.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="65"/>
        <source>Map extent: the server cannot filter on it; applied here ({hidden} hidden).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="67"/>
        <source>Sort by {sort}: not supported by the server, results come in its own order.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="69"/>
        <source>Sort by {sort}: the server puts accented capitals after Z ("Éclairage" after "Zones").</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="71"/>
        <source>The server returns at most {returned} records per page ({requested} asked).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="73"/>
        <source>{pages} server pages were read to fill this page.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="74"/>
        <source>{shown} records shown instead of {limit}: reading stopped after {pages} server pages; "Next" goes on.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="76"/>
        <source>This catalogue gives no ISO 19139 records, only {schema}: fewer parties, no maintenance information.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="78"/>
        <source>Record no. {index} of the page could not be read and was left out ({code}).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="80"/>
        <source>A record of an unsupported kind ({element}) was left out.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="82"/>
        <source>The server's count of returned records disagrees with the records it sent.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_catalogue.py" line="90"/>
        <source>"{text}"</source>
        <comment>a quoted search term</comment>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="19"/>
        <source>The partnership convention is not valid: {count} problem(s) must be corrected.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="21"/>
        <source>No partnership convention is configured. Choose its file or address in Settings ▸ Options ▸ GeoGov.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="23"/>
        <source>No e-mail application opened the message. Write to the address shown in the panel.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="25"/>
        <source>The PDF report could not be written to {path}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="26"/>
        <source>The HTML report could not be written: {detail}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="27"/>
        <source>The authentication configuration {authcfg} of the proposal store cannot be read (is QGIS's master password entered?).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="30"/>
        <source>The file is not valid YAML: {detail}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="31"/>
        <source>YAML aliases (*{anchor}) are not accepted in a convention ({count} found): write the value out, or refer to it by its id.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="34"/>
        <source>The document is too large (limit: {limit}).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="35"/>
        <source>The file is not UTF-8 text (byte {offset}). Save it as UTF-8.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="37"/>
        <source>The file is empty.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="39"/>
        <source>Expected {expected}, found {found}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="40"/>
        <source>The required key “{key}” is missing.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="41"/>
        <source>Unknown key “{key}”.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="42"/>
        <source>The key “{key}” is given twice.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="43"/>
        <source>A value is required here.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="44"/>
        <source>Unsupported format “{found}”: this version of GeoGov reads {expected}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="46"/>
        <source>The convention file cannot be read: {detail}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="48"/>
        <source>Unknown kind of partner “{value}”.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="49"/>
        <source>“{value}” is not a SIREN number (9 digits).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="50"/>
        <source>Unknown role “{value}”.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="51"/>
        <source>“{value}” is not an e-mail address.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="52"/>
        <source>“{value}” is not a date (expected YYYY-MM-DD).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="53"/>
        <source>“{value}” is not an update frequency (ISO 19115 maintenance frequency code).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="55"/>
        <source>“{value}” is not a dissemination level (open, partenaires or restreint).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="57"/>
        <source>“{value}” cannot approve changes (steward, dpo or coordinator).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="59"/>
        <source>“{code}” is not a French département code.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="60"/>
        <source>“{code}” is not the INSEE code of a commune of Île-de-France.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="62"/>
        <source>“{siren}” is not the SIREN number of an EPCI, an EPT or the Métropole du Grand Paris.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="64"/>
        <source>The territory file “{file}” does not exist beside the convention.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="67"/>
        <source>No partner has the id “{id}”.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="68"/>
        <source>No dataset has the id “{id}”.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="69"/>
        <source>The partner id “{id}” is already used (line {first_line}).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="71"/>
        <source>The dataset id “{id}” is already used (line {first_line}).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="73"/>
        <source>The id “{id}” is already used (line {first_line}).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="74"/>
        <source>The login “{login}” is already given to another contact (line {first_line}): a login is one person.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="76"/>
        <source>“{value}” already identifies another dataset (line {first_line}): a record or a layer belongs to one dataset only.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="79"/>
        <source>The approval rule of “{dataset}” needs the DPO, but no steward partner of this dataset has a contact with the DPO role.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="83"/>
        <source>“{dataset}” holds personal data but its approval rule does not require the DPO.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="85"/>
        <source>The steward partner “{partner}” of “{dataset}” has no contact with the steward role: nobody will be told of proposals.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="88"/>
        <source>Nothing says how to recognise the dataset “{dataset}” (match: records, services or sources).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="91"/>
        <source>The metadata names {found} as custodian; the convention says {expected_name}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="93"/>
        <source>The metadata names {found} as producer; the convention says {expected_names}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="95"/>
        <source>Update rhythm: the metadata says “{found}”, the convention commits to “{expected}”.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="97"/>
        <source>The metadata names no point of contact for the data.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="99"/>
        <source>The convention names nobody to validate changes here.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="100"/>
        <source>The catalogue record “{title}” is not covered by the convention.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="102"/>
        <source>The dataset “{title}” of the convention has no record in the catalogue.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="110"/>
        <source>a mapping (key: value)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="110"/>
        <source>a list</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="110"/>
        <source>a text</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="111"/>
        <source>nothing</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="112"/>
        <source>true or false</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="112"/>
        <source>a date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="113"/>
        <source>a date (YYYY-MM-DD)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="113"/>
        <source>a key</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="114"/>
        <source>“own” or a territory</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="144"/>
        <source>Did you mean “{suggestion}”?</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="154"/>
        <source>line {line}, column {column}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/messages_governance.py" line="162"/>
        <source>at {path}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="45"/>
        <source>OGC API Records</source>
        <translation>OGC API Records</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="46"/>
        <source>CSW {version}</source>
        <translation>CSW {version}</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="55"/>
        <source>Catalogue connection</source>
        <translation>Connexion à un catalogue</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="55"/>
        <source>Service connection</source>
        <translation>Connexion à un service</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="66"/>
        <source>WMS</source>
        <translation>WMS</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="67"/>
        <source>WFS</source>
        <translation>WFS</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="214"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="104"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="104"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="79"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="80"/>
        <source>Timeout</source>
        <translation>Délai d'attente</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="111"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="111"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="111"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="161"/>
        <source>Catalogues</source>
        <translation>Catalogues</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="162"/>
        <source>OGC services</source>
        <translation>Services OGC</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="169"/>
        <source>Convention (*.yaml *.yml)</source>
        <translation>Convention (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="171"/>
        <source>Convention file or URL</source>
        <translation>Fichier ou URL de la convention</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="174"/>
        <source>Proposal store</source>
        <translation>Stockage des propositions</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="177"/>
        <source>GeoPackage (one file, no set-up)</source>
        <translation>GeoPackage (un seul fichier, sans installation)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="178"/>
        <source>PostgreSQL/PostGIS (shared, rights enforced by the database)</source>
        <translation>PostgreSQL/PostGIS (partagé, droits garantis par la base de données)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="183"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="191"/>
        <source>In GeoPackage mode there is no access control: anyone who can open the file can act under any name. The identity below is only declared, not checked. Use the PostgreSQL store for a shared deployment in which the database enforces rights.</source>
        <translation>En mode GeoPackage, il n'y a aucun contrôle d'accès : toute personne qui peut ouvrir le fichier peut agir sous n'importe quel nom. L'identité ci-dessous est seulement déclarée, pas vérifiée. Utilisez le stockage PostgreSQL pour un déploiement partagé où la base de données fait respecter les droits.</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="196"/>
        <source>Store</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="197"/>
        <source>GeoPackage file</source>
        <translation>Fichier GeoPackage</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="198"/>
        <source>PostgreSQL connection</source>
        <translation>Connexion PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="199"/>
        <source>PostgreSQL authentication</source>
        <translation>Authentification PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="201"/>
        <source>My login (GeoPackage mode)</source>
        <translation>Mon identifiant (mode GeoPackage)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="202"/>
        <source>My partner (GeoPackage mode)</source>
        <translation>Mon partenaire (mode GeoPackage)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="206"/>
        <source>Network and display</source>
        <translation>Réseau et affichage</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="217"/>
        <source>Default network timeout</source>
        <translation>Délai d'attente réseau par défaut</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="218"/>
        <source>Check for new proposals every (GeoPackage mode)</source>
        <translation>Vérifier les nouvelles propositions toutes les (mode GeoPackage)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="219"/>
        <source>Added features</source>
        <translation>Entités ajoutées</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="219"/>
        <source>Deleted features</source>
        <translation>Entités supprimées</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="219"/>
        <source>Modified features</source>
        <translation>Entités modifiées</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="287"/>
        <source>GeoGov settings…</source>
        <translation>Paramètres de GeoGov…</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="108"/>
        <source>About GeoGov</source>
        <translation>À propos de GeoGov</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="108"/>
        <source>GeoGov brings the regional geodata partnership convention into QGIS: discover the partners' catalogues, see who is responsible for each layer, and propose and review changes to shared data.</source>
        <translation>GeoGov intègre à QGIS la convention de partenariat régionale sur les données géographiques : découvrez les catalogues des partenaires, voyez qui est responsable de chaque couche, proposez et validez des modifications des données partagées.</translation>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="50"/>
        <source>Request</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="53"/>
        <source>Response: HTTP {status} {content_type}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="57"/>
        <source>[… cut here: {size} characters in all]</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="67"/>
        <source>Raw response</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="77"/>
        <source>Copy</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="87"/>
        <source>{label} ({code})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="89"/>
        <source>ISO 19115-1 role, absent from the ISO 19139 code list: kept as is</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="94"/>
        <source>The record gives no role for this party</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="96"/>
        <source>non-standard role, kept as is</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="107"/>
        <source>Given by reference only: {link}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="121"/>
        <source>tel. {phone}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="128"/>
        <source>role written "{raw}" in the record</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="162"/>
        <source>Select a record to see who produces and maintains it.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="183"/>
        <source>The record names no responsible party.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="203"/>
        <source>Identifier</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="208"/>
        <source>Dates</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="210"/>
        <source>Keywords</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="215"/>
        <source>Constraints</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="221"/>
        <source>update frequency: {frequency}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="223"/>
        <source>next update: {date}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="228"/>
        <source>Maintenance</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="231"/>
        <source>Extent (WGS 84)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="231"/>
        <source>west {west:.4f}, south {south:.4f}, east {east:.4f}, north {north:.4f}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="241"/>
        <source>Links</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="82"/>
        <source>Update expected since {date}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="84"/>
        <source>Next update expected by {date}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="86"/>
        <source>No update date is known: neither the catalogue record nor the proposal store gives one.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="88"/>
        <source>The convention sets no update rhythm for these data.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="108"/>
        <source>(for {name}, where the layer lies)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="112"/>
        <source>none named</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="118"/>
        <source>catalogue record</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="118"/>
        <source>change applied by GeoGov</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="120"/>
        <source>Commitment: {phrase}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="122"/>
        <source>Last update: {date}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="129"/>
        <source>The catalogue record could not be read: {reason}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="138"/>
        <source>Overdue contract delivery: {debtor} must deliver these data to {creditor} {rhythm}; last delivery {date}; {late}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="148"/>
        <source>Not checked: the catalogue record is not known.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="150"/>
        <source>The catalogue record and the convention agree.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="159"/>
        <source>Proposals awaiting review</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="179"/>
        <source>Catalogue record: {id}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="378"/>
        <source>Who is responsible</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="221"/>
        <source>Contact</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="222"/>
        <source>Write to the partner who validates the changes</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="224"/>
        <source>Catalogue record</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="255"/>
        <source>Select a layer to see who is responsible for it.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="263"/>
        <source>The partnership convention could not be loaded: {reason} Open the convention browser to see its problems.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="276"/>
        <source>Neither its source nor its catalogue record matches a dataset of the convention “{title}”. Ask the coordinator whether it should be covered.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="282"/>
        <source>Local layer: not concerned by the partnership convention.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="332"/>
        <source>Shared data “{title}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="334"/>
        <source>layer {name}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="46"/>
        <source>(+{more})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="58"/>
        <source>Transaction (editing through WFS-T): {answer}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="67"/>
        <source>role "{raw}" ({label})</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="70"/>
        <source>no role stated</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="71"/>
        <source>Contact: {who} — {role}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="79"/>
        <source>GeoGov — WMS/WFS services</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="91"/>
        <source>or type the address of a WMS or WFS</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="95"/>
        <source>Connect</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="116"/>
        <source>CRS</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="116"/>
        <source>Formats</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="129"/>
        <source>Add to the map</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="149"/>
        <source>Configured services…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="198"/>
        <source>{count} layers.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="257"/>
        <source>WMS/WFS services…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Search a metadata catalogue</source>
        <translation>Chercher dans un catalogue de métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Searches a CSW (2.0.2 or 3.0) or OGC API Records catalogue and returns the records found as a layer of their bounding boxes.

Catalogue (CATALOGUE): the address of the catalogue (CSW endpoint, OGC API landing page or records collection), or the name of a catalogue connection of GeoGov's settings. The kind of catalogue is detected from its answer.
Text (QUERY, optional): words that must all appear (at the start of a word, accents and capitals ignored: velo finds Vélo) and "quoted phrases".
Organisation (ORGANISATION, optional): a producer, custodian, owner or contact of the record.
Keyword (KEYWORD, optional): a keyword of the record.
Extent (BBOX, optional): records whose box intersects it (reprojected to WGS 84; an extent covering the whole world is ignored).
Limit (LIMIT): the largest number of records returned.
Authentication (AUTHCFG, optional) and timeout (TIMEOUT): for the requests.

Output layer (OUTPUT, polygons in EPSG:4326; a record without a box has no geometry): identifier, title, producer (originators), custodian, frequency (ISO maintenance frequency), last_revision, wms and wms_layer, wfs and wfs_typename (the record's service links), catalogue.
The log says what the server could not do itself (accents, whole words, sorting, page size).</source>
        <translation>Cherche dans un catalogue CSW (2.0.2 ou 3.0) ou OGC API Records et renvoie les fiches trouvées sous forme d'une couche de leurs emprises.

Catalogue (CATALOGUE) : l'adresse du catalogue (point d'accès CSW, page d'accueil OGC API ou collection de fiches), ou le nom d'une connexion de catalogue des paramètres de GeoGov. Le type de catalogue est reconnu à sa réponse.
Texte (QUERY, facultatif) : des mots qui doivent tous figurer (en début de mot, sans tenir compte des accents ni des majuscules : velo trouve Vélo) et des « expressions entre guillemets ».
Organisation (ORGANISATION, facultatif) : un producteur, gestionnaire, propriétaire ou contact de la fiche.
Mot-clé (KEYWORD, facultatif) : un mot-clé de la fiche.
Emprise (BBOX, facultatif) : les fiches dont l'emprise la recoupe (reprojetée en WGS 84 ; une emprise couvrant le monde entier est ignorée).
Limite (LIMIT) : le nombre maximal de fiches renvoyées.
Authentification (AUTHCFG, facultatif) et délai (TIMEOUT) : pour les requêtes.

Couche en sortie (OUTPUT, polygones en EPSG:4326 ; une fiche sans emprise n'a pas de géométrie) : identifier, title, producer (producteurs), custodian (gestionnaire), frequency (fréquence de mise à jour ISO), last_revision, wms et wms_layer, wfs et wfs_typename (les liens de service de la fiche), catalogue.
Le journal indique ce que le serveur n'a pas su faire lui-même (accents, mots entiers, tri, taille des pages).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Catalogue (address or connection name)</source>
        <translation>Catalogue (adresse ou nom de connexion)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Largest number of records</source>
        <translation>Nombre maximal de fiches</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Catalogue records</source>
        <translation>Fiches du catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>Number of records the server matched</source>
        <translation>Nombre de fiches trouvées par le serveur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>No catalogue was given.</source>
        <translation>Aucun catalogue n'a été indiqué.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py"/>
        <source>{count} records from {url} (the server matched {matched}).</source>
        <translation>{count} fiches de {url} (le serveur en a trouvé {matched}).</translation>
    </message>
</context>
<context>
    <name>ReportLayoutBuilder</name>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="336"/>
        <source>Page {page} of {pages}</source>
        <translation type="unfinished"/>
    </message>
</context>
</TS>