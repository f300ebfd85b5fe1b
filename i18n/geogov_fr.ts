<?xml version="1.0" encoding="utf-8"?>
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
        <location filename="../plugin/governance/report_html.py" line="75"/>
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
        <location filename="../plugin/governance/report_html.py" line="66"/>
        <source>continuously</source>
        <translation>en continu</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="67"/>
        <source>every day</source>
        <translation>chaque jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="68"/>
        <source>every week</source>
        <translation>chaque semaine</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="69"/>
        <source>every two weeks</source>
        <translation>tous les quinze jours</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="70"/>
        <source>twice a month</source>
        <translation>deux fois par mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="71"/>
        <source>every month</source>
        <translation>chaque mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="72"/>
        <source>every quarter</source>
        <translation>chaque trimestre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="73"/>
        <source>every six months</source>
        <translation>chaque semestre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="74"/>
        <source>every year</source>
        <translation>chaque année</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="77"/>
        <source>when needed</source>
        <translation>selon les besoins</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="82"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="83"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="84"/>
        <source>Metropolis of Greater Paris</source>
        <translation>Métropole du Grand Paris</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="85"/>
        <source>Territorial public establishment</source>
        <translation>Établissement public territorial</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="86"/>
        <source>Group of municipalities</source>
        <translation>Intercommunalité</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="87"/>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="88"/>
        <source>Joint syndicate of local authorities</source>
        <translation>Syndicat de collectivités</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="89"/>
        <source>Public operator</source>
        <translation>Opérateur public</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="90"/>
        <source>State services</source>
        <translation>Services de l'État</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="91"/>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="92"/>
        <source>Private contractor</source>
        <translation>Prestataire privé</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="99"/>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="100"/>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="103"/>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="109"/>
        <source>late by {n} months</source>
        <translation>en retard de {n} mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="111"/>
        <source>late by one month</source>
        <translation>en retard d'un mois</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="113"/>
        <source>late by one day</source>
        <translation>en retard d'un jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="114"/>
        <source>late by {n} days</source>
        <translation>en retard de {n} jours</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="119"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="122"/>
        <source>no known update date</source>
        <translation>date de mise à jour inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="128"/>
        <source>the whole region</source>
        <translation>toute la région</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="135"/>
        <source>département {code}</source>
        <translation>département {code}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="137"/>
        <source>départements {codes}</source>
        <translation>départements {codes}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="140"/>
        <source>one municipality</source>
        <translation>une commune</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="140"/>
        <source>{n} municipalities</source>
        <translation>{n} communes</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="143"/>
        <source>an area drawn on a map</source>
        <translation>une zone tracée sur une carte</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="145"/>
        <source>no territorial limit</source>
        <translation>sans limite territoriale</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="56"/>
        <source>Dataset</source>
        <translation>Donnée</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="176"/>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="176"/>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="190"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="190"/>
        <source>Who must deliver</source>
        <translation>Qui doit livrer</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="190"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="190"/>
        <source>To whom</source>
        <translation>À qui</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="190"/>
        <source>How often</source>
        <translation>À quel rythme</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="190"/>
        <source>Last delivery</source>
        <translation>Dernière livraison</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="206"/>
        <source>Partners of the convention: {n}</source>
        <translation>Partenaires de la convention : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="207"/>
        <source>Shared datasets: {n}</source>
        <translation>Données partagées : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="208"/>
        <source>Datasets up to date: {n}</source>
        <translation>Données à jour : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="209"/>
        <source>Datasets late: {n}</source>
        <translation>Données en retard : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="210"/>
        <source>Datasets without a known update date: {n}</source>
        <translation>Données sans date de mise à jour connue : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="211"/>
        <source>Overdue contract deliveries: {n}</source>
        <translation>Livraisons contractuelles en retard : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="212"/>
        <source>Proposed changes received: {submitted}; approved: {approved}; rejected: {rejected}; put into the data: {applied}</source>
        <translation>Propositions de modification reçues : {submitted} ; acceptées : {approved} ; refusées : {rejected} ; intégrées aux données : {applied}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="216"/>
        <source>Published in the catalogue but not covered by the convention: {n}</source>
        <translation>Publiées au catalogue mais absentes de la convention : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="218"/>
        <source>In the convention but not published in the catalogue: {n}</source>
        <translation>Prévues par la convention mais absentes du catalogue : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="260"/>
        <source>Summary</source>
        <translation>En résumé</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="265"/>
        <source>{kind} — territory: {territory}</source>
        <translation>{kind} — territoire : {territory}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="269"/>
        <source>Datasets it produces</source>
        <translation>Données qu'il produit</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="269"/>
        <source>Datasets it keeps up to date</source>
        <translation>Données qu'il tient à jour</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="269"/>
        <source>Datasets whose changes it validates</source>
        <translation>Données dont il valide les modifications</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="277"/>
        <source>Late: {titles}.</source>
        <translation>En retard : {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="281"/>
        <source>Proposed changes received: {submitted}; approved: {approved}; rejected: {rejected}.</source>
        <translation>Propositions de modification reçues : {submitted} ; acceptées : {approved} ; refusées : {rejected}.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="284"/>
        <source>Deliveries it owes under a contract</source>
        <translation>Livraisons qu'il doit au titre d'un contrat</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="288"/>
        <source>Deliveries it is owed under a contract</source>
        <translation>Livraisons qui lui sont dues au titre d'un contrat</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="298"/>
        <source>en</source>
        <translation>fr</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="299"/>
        <source>Shared geographic data: who does what</source>
        <translation>Données géographiques partagées : qui fait quoi</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="300"/>
        <source>Overdue deliveries</source>
        <translation>Livraisons en retard</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="301"/>
        <source>Every contract delivery is on time.</source>
        <translation>Toutes les livraisons prévues par les contrats sont à jour.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="302"/>
        <source>Convention “{title}” (version {version}), coordinated by {coordinator}. Situation on {today}.</source>
        <translation>Convention « {title} » (version {version}), coordonnée par {coordinator}. Situation au {today}.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="321"/>
        <source>Other partners</source>
        <translation>Autres partenaires</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="322"/>
        <source>No shared dataset yet: {names}.</source>
        <translation>Pas encore de donnée partagée : {names}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="50"/>
        <source>Responsible parties of metadata records</source>
        <translation>Responsables des fiches de métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="30"/>
        <source>Discover</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="53"/>
        <source>Lists every responsible party of every record in a metadata document, one row per party and context.

Input document (INPUT): a file path or an http(s) URL of an ISO 19139 record (also ISO 19115-2), a CSW GetRecords or GetRecordById response (ISO 19139, ISO 19115-3, Dublin Core or DCAT records), an ISO 19115-3 record, or an OGC API Records item or items collection (JSON).
Authentication (AUTHCFG, optional): the QGIS authentication configuration used to fetch a URL.
Timeout (TIMEOUT): seconds to wait for the server.

Output table (OUTPUT, no geometry): record_id, record_title, context (metadata_contact, resource_contact, cited_party, distributor, maintenance_contact, associated_party, catalogue_producer, ogcapi_contact, dc_party), role (the ISO 19115 CI_RoleCode, empty when the document&apos;s role is not one), role_raw (the role exactly as written), role_status (iso19139, iso19115-1, nonstandard, empty or missing: anything but iso19139 deserves a look), organisation, individual, position, email, phone, url, href (a party given only by reference).

A document that cannot be used (not a metadata document, malformed, hostile, an error from the server) stops the algorithm with the reason.</source>
        <translation>Liste chaque responsable de chaque fiche d'un document de métadonnées, une ligne par responsable et par contexte.

Document d'entrée (INPUT) : un chemin de fichier ou une URL http(s) d'une fiche ISO 19139 (ou ISO 19115-2), d'une réponse CSW GetRecords ou GetRecordById (fiches ISO 19139, ISO 19115-3, Dublin Core ou DCAT), d'une fiche ISO 19115-3, ou d'un enregistrement ou d'une collection d'enregistrements OGC API Records (JSON).
Authentification (AUTHCFG, facultatif) : la configuration d'authentification QGIS utilisée pour télécharger une URL.
Délai (TIMEOUT) : nombre de secondes d'attente de la réponse du serveur.

Table en sortie (OUTPUT, sans géométrie) : record_id, record_title, context (metadata_contact, resource_contact, cited_party, distributor, maintenance_contact, associated_party, catalogue_producer, ogcapi_contact, dc_party), role (le code CI_RoleCode ISO 19115, vide quand le rôle du document n'en est pas un), role_raw (le rôle tel qu'écrit), role_status (iso19139, iso19115-1, nonstandard, empty ou missing : tout autre statut que iso19139 mérite vérification), organisation, individual, position, email, phone, url, href (un responsable donné seulement par référence).

Un document inutilisable (pas un document de métadonnées, mal formé, malveillant, une erreur du serveur) arrête l'algorithme en indiquant pourquoi.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="78"/>
        <source>Metadata document (file path or URL)</source>
        <translation>Document de métadonnées (chemin ou URL)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="66"/>
        <source>Authentication configuration</source>
        <translation>Configuration d'authentification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="68"/>
        <source>Timeout (seconds)</source>
        <translation>Délai d'attente (secondes)</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="181"/>
        <source>Responsible parties</source>
        <translation>Responsables</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="81"/>
        <source>Number of records</source>
        <translation>Nombre de fiches</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="82"/>
        <source>Number of parties</source>
        <translation>Nombre de responsables</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="87"/>
        <source>No metadata document was given.</source>
        <translation>Aucun document de métadonnées n'a été indiqué.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_responsible_parties.py" line="105"/>
        <source>{parties} responsible parties in {records} records.</source>
        <translation>{parties} responsables dans {records} fiches.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="53"/>
        <source>Layers of a WMS or WFS service</source>
        <translation>Couches d'un service WMS ou WFS</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="56"/>
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
        <location filename="../plugin/bridge/alg_service_layers.py" line="80"/>
        <source>Capabilities document (file path or URL)</source>
        <translation>Document de capacités (chemin ou URL)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="81"/>
        <source>Service layers</source>
        <translation>Couches du service</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="83"/>
        <source>Number of layers</source>
        <translation>Nombre de couches</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="84"/>
        <source>Service type</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="89"/>
        <source>No capabilities document was given.</source>
        <translation>Aucun document de capacités n'a été indiqué.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="94"/>
        <source>This is a {service} service, not a WMS or a WFS.</source>
        <translation>C'est un service {service}, pas un WMS ni un WFS.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_service_layers.py" line="117"/>
        <source>{count} layers in {service} {version} capabilities.</source>
        <translation>{count} couches dans les capacités {service} {version}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="17"/>
        <source>The document starts with a {bom} byte-order mark but declares the encoding {declared}: it cannot be decoded reliably.</source>
        <translation>Le document commence par une marque d'ordre des octets {bom} mais déclare l'encodage {declared} : il ne peut pas être décodé de façon sûre.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="27"/>
        <source>The document is empty.</source>
        <translation>Le document est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="20"/>
        <source>This document is not a metadata record, a catalogue response or OGC service capabilities (root: {root}).</source>
        <translation>Ce document n'est ni une fiche de métadonnées, ni une réponse de catalogue, ni les capacités d'un service OGC (racine : {root}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="22"/>
        <source>The file cannot be read: {detail}</source>
        <translation>Le fichier ne peut pas être lu : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="23"/>
        <source>This document holds no metadata record (it is {kind}).</source>
        <translation>Ce document ne contient aucune fiche de métadonnées (c'est {kind}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="24"/>
        <source>This document is not the capabilities of a service (it is {kind}).</source>
        <translation>Ce document n'est pas le document de capacités d'un service (c'est {kind}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="26"/>
        <source>This element is not an ISO metadata record ({element}).</source>
        <translation>Cet élément n'est pas une fiche de métadonnées ISO ({element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="27"/>
        <source>The metadata record lacks a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire à la fiche de métadonnées : {element}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="29"/>
        <source>The WMS capabilities lack a mandatory element: {element} (layer {layer}).</source>
        <translation>Il manque un élément obligatoire aux capacités WMS : {element} (couche {layer}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="31"/>
        <source>The WMS capabilities bind their links to a wrong XLink namespace ({attribute}): the service addresses cannot be read.</source>
        <translation>Les capacités WMS rattachent leurs liens à un mauvais espace de noms XLink ({attribute}) : les adresses du service ne peuvent pas être lues.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="34"/>
        <source>This is not WMS capabilities ({element}).</source>
        <translation>Ce ne sont pas des capacités WMS ({element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="35"/>
        <source>The WFS capabilities lack a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire aux capacités WFS : {element}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="37"/>
        <source>This is not WFS capabilities ({element}).</source>
        <translation>Ce ne sont pas des capacités WFS ({element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="38"/>
        <source>This is not the expected catalogue (CSW) response ({element}).</source>
        <translation>Ce n'est pas la réponse de catalogue (CSW) attendue ({element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="40"/>
        <source>The catalogue response lacks a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire à la réponse du catalogue : {element}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="42"/>
        <source>This element is not a Dublin Core record ({element}).</source>
        <translation>Cet élément n'est pas une fiche Dublin Core ({element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="43"/>
        <source>This RDF document holds no DCAT dataset.</source>
        <translation>Ce document RDF ne contient aucun jeu de données DCAT.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="44"/>
        <source>This kind of record is not supported ({element}).</source>
        <translation>Ce type de fiche n'est pas pris en charge ({element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="45"/>
        <source>The OGC API Records {what} is not a JSON object as expected.</source>
        <translation>Le {what} OGC API Records n'est pas un objet JSON comme attendu.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="47"/>
        <source>The OGC API Records response has no list of records.</source>
        <translation>La réponse OGC API Records ne contient pas de liste d'enregistrements.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="16"/>
        <source>The proposal store refused the operation: {message}</source>
        <translation>Le registre des propositions a refusé l'opération : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="17"/>
        <source>The proposal database refused this operation to your login.</source>
        <translation>La base des propositions a refusé cette opération à votre identifiant.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="18"/>
        <source>Someone changed this proposal meanwhile (last change by {by}). Reload it and decide again.</source>
        <translation>Quelqu'un a modifié cette proposition entre-temps (dernière modification par {by}). Rechargez-la et décidez à nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="22"/>
        <source>This proposal does not exist, or you may not see it.</source>
        <translation>Cette proposition n'existe pas, ou vous n'avez pas le droit de la voir.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="23"/>
        <source>A proposal cannot go from “{old}” to “{new}”.</source>
        <translation>Une proposition ne peut pas passer de « {old} » à « {new} ».</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="30"/>
        <source>Only the author of the proposal may do this.</source>
        <translation>Seul l'auteur de la proposition peut faire cela.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="17"/>
        <source>You are not a steward, DPO or coordinator for this proposal.</source>
        <translation>Vous n'êtes ni référent validation, ni DPO, ni coordinateur pour cette proposition.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="30"/>
        <source>Only a steward of this dataset or a coordinator may do this.</source>
        <translation>Seul un référent validation de ce jeu de données ou un coordinateur peut faire cela.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="14"/>
        <source>This proposal is not awaiting a decision (it is “{status}”).</source>
        <translation>Cette proposition n'attend pas de décision (elle est « {status} »).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="32"/>
        <source>A proposal that is “{status}” cannot be edited.</source>
        <translation>Une proposition « {status} » ne peut pas être modifiée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="33"/>
        <source>A comment is required to reject a proposal or to request changes.</source>
        <translation>Un commentaire est obligatoire pour refuser une proposition ou demander des modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="35"/>
        <source>The approvals the dataset&apos;s rule requires are not all given.</source>
        <translation>Les validations exigées par la règle du jeu de données ne sont pas toutes données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="36"/>
        <source>Your organisation may not propose changes to this dataset.</source>
        <translation>Votre organisme ne peut pas proposer de modifications de ce jeu de données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="37"/>
        <source>The changes lie outside your organisation&apos;s territory.</source>
        <translation>Les modifications sortent du territoire de votre organisme.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="48"/>
        <source>This login is not a member of the partnership convention.</source>
        <translation>Cet identifiant n'est pas membre de la convention de partenariat.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="49"/>
        <source>The author, organisation and dataset of a proposal cannot change.</source>
        <translation>L'auteur, l'organisme et le jeu de données d'une proposition ne peuvent pas changer.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="50"/>
        <source>The audit trail cannot be changed or deleted.</source>
        <translation>Le journal d'audit ne peut être ni modifié ni supprimé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="51"/>
        <source>The proposal store refused a value: {message}</source>
        <translation>Le registre des propositions a refusé une valeur : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="52"/>
        <source>A proposal with this identifier already exists.</source>
        <translation>Une proposition avec cet identifiant existe déjà.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="53"/>
        <source>The proposal database cannot be reached. Drafts are kept on this computer and can be submitted later.</source>
        <translation>La base des propositions est injoignable. Les brouillons sont conservés sur cet ordinateur et pourront être soumis plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="58"/>
        <source>This proposal store was created by a newer version of GeoGov. Update the plugin.</source>
        <translation>Ce registre des propositions a été créé par une version plus récente de GeoGov. Mettez l'extension à jour.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="66"/>
        <source>The proposal file cannot be used: {message}</source>
        <translation>Le fichier des propositions est inutilisable : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="102"/>
        <source>The proposal database failed: {message}</source>
        <translation>La base des propositions a échoué : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="103"/>
        <source>The QGIS authentication configuration {authcfg} cannot be read.</source>
        <translation>La configuration d'authentification QGIS {authcfg} ne peut pas être lue.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="53"/>
        <source>Proposal store (STORE): a GeoPackage file or a PostgreSQL connection string (&quot;host=… dbname=…&quot;, no password); empty: the store of the plugin settings.
Authentication (AUTHCFG, optional): the QGIS authentication configuration holding the PostgreSQL user name and password.
Login (LOGIN, optional): who you are in a GeoPackage store (no access control there); a PostgreSQL store knows you by your database login.
</source>
        <translation>Registre des propositions (STORE) : un fichier GeoPackage ou une chaîne de connexion PostgreSQL (« host=… dbname=… », sans mot de passe) ; vide : le registre des paramètres de l'extension.
Authentification (AUTHCFG, facultatif) : la configuration d'authentification QGIS qui contient l'utilisateur et le mot de passe PostgreSQL.
Identifiant (LOGIN, facultatif) : qui vous êtes dans un registre GeoPackage (sans contrôle d'accès) ; un registre PostgreSQL vous connaît par votre identifiant de base de données.
</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="31"/>
        <source>Propose and review</source>
        <translation>Proposer et valider</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="97"/>
        <source>List change proposals</source>
        <translation>Lister les propositions de modification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="175"/>
        <source>Review a change proposal</source>
        <translation>Statuer sur une proposition de modification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="100"/>
        <source>Scope (SCOPE): to review by me (submitted proposals awaiting a decision I may take), mine, my partner&apos;s, or all those I may see.
Status (STATUS, optional): draft, submitted, changes_requested, approved, rejected, applied, conflict or withdrawn.
Dataset (DATASET, optional): a dataset id of the convention.

Output table (OUTPUT, no geometry), one row per proposal, newest first: id, dataset, title, author, partner, status, version, round, created_at, submitted_at, updated_at (UTC, ISO 8601), inserts, updates, deletes, approvals (the approvals the dataset&apos;s rule asks, e.g. &quot;steward=yes; dpo=no&quot;), approvals_pending and departements.</source>
        <translation>Portée (SCOPE) : à valider par moi (propositions soumises qui attendent une décision que je peux prendre), les miennes, celles de mon organisme, ou toutes celles que je peux voir.
Statut (STATUS, facultatif) : draft, submitted, changes_requested, approved, rejected, applied, conflict ou withdrawn.
Jeu de données (DATASET, facultatif) : un identifiant de jeu de données de la convention.

Table en sortie (OUTPUT, sans géométrie), une ligne par proposition, la plus récente d'abord : id, dataset, title, author, partner, status, version, round, created_at, submitted_at, updated_at (UTC, ISO 8601), inserts, updates, deletes, approvals (les validations exigées par la règle du jeu de données, p. ex. « steward=yes; dpo=no »), approvals_pending et departements.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="178"/>
        <source>Proposal (PROPOSAL): the proposal id (see List change proposals).
Decision (DECISION): approve, reject or request changes. A comment (COMMENT) is required to reject or request changes.
Version (VERSION, optional): the proposal version you looked at; if someone changed the proposal since, the decision is refused instead of applying to a state you have not seen.

The store decides whether you may: your own proposal, a dataset you do not steward, a proposal not awaiting a decision are refused. An approval that leaves another required approval pending (the DPO&apos;s, for personal data) keeps the proposal submitted. Outputs: STATUS (the proposal&apos;s status afterwards) and NEW_VERSION.</source>
        <translation>Proposition (PROPOSAL) : l'identifiant de la proposition (voir Lister les propositions de modification).
Décision (DECISION) : valider, refuser ou demander des modifications. Un commentaire (COMMENT) est obligatoire pour refuser ou demander des modifications.
Version (VERSION, facultatif) : la version de la proposition que vous avez consultée ; si quelqu'un a modifié la proposition depuis, la décision est refusée plutôt que de s'appliquer à un état que vous n'avez pas vu.

Le registre décide si vous en avez le droit : votre propre proposition, un jeu de données dont vous n'êtes pas référent, une proposition qui n'attend pas de décision sont refusés. Une validation qui laisse en attente une autre validation exigée (celle du DPO, pour des données personnelles) laisse la proposition soumise. Sorties : STATUS (le statut de la proposition ensuite) et NEW_VERSION.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="73"/>
        <source>Proposal store (GeoPackage path or PostgreSQL connection; empty: the plugin&apos;s)</source>
        <translation>Registre des propositions (chemin GeoPackage ou connexion PostgreSQL ; vide : celui de l'extension)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="76"/>
        <source>Authentication configuration (PostgreSQL)</source>
        <translation>Configuration d'authentification (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="78"/>
        <source>Login (GeoPackage store only)</source>
        <translation>Identifiant (registre GeoPackage uniquement)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="117"/>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="56"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="78"/>
        <source>Dataset id</source>
        <translation>Identifiant du jeu de données</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="122"/>
        <source>Proposals</source>
        <translation>Propositions</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="124"/>
        <source>Number of proposals</source>
        <translation>Nombre de propositions</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="87"/>
        <source>Proposal id</source>
        <translation>Identifiant de la proposition</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="106"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="198"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="200"/>
        <source>Version seen (-1: do not check)</source>
        <translation>Version consultée (-1 : ne pas vérifier)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="203"/>
        <source>Status after the decision</source>
        <translation>Statut après la décision</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="204"/>
        <source>Version after the decision</source>
        <translation>Version après la décision</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="222"/>
        <source>Proposal {id}: {decision} recorded, status {status}.</source>
        <translation>Proposition {id} : décision « {decision} » enregistrée, statut {status}.</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="27"/>
        <source>To review by me</source>
        <translation>À valider par moi</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="28"/>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="117"/>
        <source>My partner&apos;s</source>
        <translation>Celles de mon organisme</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="28"/>
        <source>All I may see</source>
        <translation>Toutes celles que je peux voir</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_proposals.py" line="133"/>
        <source>Unknown status {status}.</source>
        <translation>Statut inconnu : {status}.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="108"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="110"/>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="109"/>
        <source>Request changes</source>
        <translation>Demander des modifications</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="76"/>
        <source>No convention was given.</source>
        <translation>Aucune convention n'a été donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="89"/>
        <source>Convention “{title}” (version {version}): {partners} partners, {datasets} datasets.</source>
        <translation>Convention « {title} » (version {version}) : {partners} partenaires, {datasets} données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="104"/>
        <source>No catalogue given: freshness and discrepancies rest on the convention (and the store) alone.</source>
        <translation>Aucun catalogue donné : la fraîcheur et les écarts reposent sur la seule convention (et le registre des propositions).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="110"/>
        <source>This GeoGov cannot search catalogues: the catalogue was skipped.</source>
        <translation>Cette version de GeoGov ne sait pas interroger les catalogues : le catalogue a été ignoré.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="115"/>
        <source>Harvesting the catalogue {url}…</source>
        <translation>Moissonnage du catalogue {url}…</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="123"/>
        <source>{n} records read from the catalogue.</source>
        <translation>Fiches lues dans le catalogue : {n}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="197"/>
        <source>Date of the situation (default: today)</source>
        <translation>Date de la situation (par défaut : aujourd'hui)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="215"/>
        <source>not covered by the convention</source>
        <translation>non couverte par la convention</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="245"/>
        <source>Check the partnership convention</source>
        <translation>Vérifier la convention de partenariat</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="30"/>
        <source>Governance</source>
        <translation>Gouvernance</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="82"/>
        <source>Convention (file path or URL)</source>
        <translation>Convention (chemin de fichier ou adresse)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="84"/>
        <source>Catalogue URL (CSW or OGC API Records)</source>
        <translation>Adresse du catalogue (CSW ou OGC API Records)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="284"/>
        <source>Datasets of the convention</source>
        <translation>Données de la convention</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="286"/>
        <source>Number of datasets</source>
        <translation>Nombre de données</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="98"/>
        <source>Number of late datasets</source>
        <translation>Nombre de données en retard</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="288"/>
        <source>Number of discrepancies</source>
        <translation>Nombre d'écarts</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="319"/>
        <source>{datasets} datasets, {late} late, {discrepancies} discrepancies.</source>
        <translation>Données : {datasets} ; en retard : {late} ; écarts : {discrepancies}.</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="43"/>
        <source>Governance report</source>
        <translation>Rapport de gouvernance</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="58"/>
        <source>Writes the governance report of the partnership, for coordinators and elected officials, in plain words: per partner, the datasets it produces, keeps up to date and validates, which are late, the contract deliveries it owes or is owed and which are overdue, the proposed changes received, approved and rejected; with a map of the partners' territories.

Convention (CONVENTION): a file path or an http(s) URL.
Catalogue (CATALOGUE, optional): the URL of a CSW or OGC API Records catalogue (update dates from the records; records and datasets missing on either side).
Proposal store (STORE, optional): a GeoGov GeoPackage store file, or a PostgreSQL connection string (host=… dbname=…; the user and password come from the authentication configuration of GeoGov's settings): the proposals counted, and the dates of the changes applied.
Login (LOGIN, optional, GeoPackage store only): whose view of the store is counted; default: the identity of GeoGov's settings, else the convention's coordinator, who sees every proposal.
Date (DATE, optional): the day the situation is judged on (default: today).
PDF report (OUTPUT_PDF) and HTML report (OUTPUT_HTML): give one or both.</source>
        <translation>Rédige le rapport de gouvernance du partenariat, pour les coordinateurs et les élus, en mots simples : pour chaque partenaire, les données qu'il produit, tient à jour et valide, celles qui sont en retard, les livraisons contractuelles qu'il doit ou qui lui sont dues et celles qui sont en retard, les propositions de modification reçues, acceptées et refusées ; avec une carte des territoires des partenaires.

Convention (CONVENTION) : chemin de fichier ou adresse http(s).
Catalogue (CATALOGUE, facultatif) : adresse d'un catalogue CSW ou OGC API Records (dates de mise à jour tirées des fiches ; fiches et données manquantes d'un côté ou de l'autre).
Registre des propositions (STORE, facultatif) : un fichier GeoPackage de propositions GeoGov, ou une chaîne de connexion PostgreSQL (host=… dbname=… ; l'utilisateur et le mot de passe viennent de la configuration d'authentification des réglages de GeoGov) : les propositions comptées et les dates des modifications intégrées.
Identifiant (LOGIN, facultatif, registre GeoPackage seulement) : la vue du registre qui est comptée ; par défaut l'identité des réglages de GeoGov, sinon le coordinateur de la convention, qui voit toutes les propositions.
Date (DATE, facultatif) : le jour auquel la situation est appréciée (par défaut : aujourd'hui).
Rapport PDF (OUTPUT_PDF) et rapport HTML (OUTPUT_HTML) : donner l'un, l'autre ou les deux.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="87"/>
        <source>Proposal store (GeoPackage file or PostgreSQL connection)</source>
        <translation>Registre des propositions (fichier GeoPackage ou connexion PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="90"/>
        <source>Login to read a GeoPackage store as</source>
        <translation>Identifiant sous lequel lire un registre GeoPackage</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="93"/>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="65"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="95"/>
        <source>HTML report</source>
        <translation>Rapport HTML</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="70"/>
        <source>HTML pages (*.html *.htm)</source>
        <translation>Pages HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="99"/>
        <source>Number of overdue deliveries</source>
        <translation>Nombre de livraisons en retard</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="108"/>
        <source>Give a PDF file, an HTML file, or both.</source>
        <translation>Indiquez un fichier PDF, un fichier HTML, ou les deux.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="167"/>
        <source>The store is read as {login}, the coordinator of the convention.</source>
        <translation>Le registre est lu sous l'identité de {login}, coordinateur de la convention.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="177"/>
        <source>Proposal store read: {n} datasets with applied changes.</source>
        <translation>Registre des propositions lu : données avec des modifications intégrées : {n}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_governance_report.py" line="148"/>
        <source>Written: {path}</source>
        <translation>Écrit : {path}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/governance.py" line="353"/>
        <source>GeoGov: loading the partnership convention</source>
        <translation>GeoGov : chargement de la convention de partenariat</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/governance.py" line="409"/>
        <source>GeoGov: reading the proposal store</source>
        <translation>GeoGov : lecture du registre des propositions</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/governance.py" line="462"/>
        <source>GeoGov: reading the catalogue record of {title}</source>
        <translation>GeoGov : lecture de la fiche de catalogue de {title}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="251"/>
        <source>Created on {date} (catalogue record)</source>
        <translation>Créée le {date} (fiche de catalogue)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="252"/>
        <source>Published on {date} (catalogue record)</source>
        <translation>Publiée le {date} (fiche de catalogue)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="253"/>
        <source>Revised on {date} (catalogue record)</source>
        <translation>Révisée le {date} (fiche de catalogue)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/layers_from_records.py" line="260"/>
        <source>Next update planned on {date}</source>
        <translation>Prochaine mise à jour prévue le {date}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/processing_provider.py" line="18"/>
        <source>GeoGov — regional geodata governance</source>
        <translation>GeoGov — gouvernance régionale des données géographiques</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/layout_pages.py" line="290"/>
        <source>Situation of the partners with a territory there</source>
        <translation>Situation des partenaires qui y ont un territoire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/layout_pages.py" line="305"/>
        <source>The colour of a département sums up the datasets and contract deliveries of the partners whose territory in the convention names it. Partners competent everywhere are not on the map: see their sections.</source>
        <translation>La couleur d'un département résume les données et les livraisons contractuelles des partenaires dont le territoire, dans la convention, le comprend. Les partenaires compétents partout ne figurent pas sur la carte : voir leurs sections.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="94"/>
        <source>Partner territories</source>
        <translation>Territoires des partenaires</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="150"/>
        <source>late: {n}</source>
        <translation>en retard : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="154"/>
        <source>Partners with a territory there</source>
        <translation>Partenaires qui y ont un territoire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_layout.py" line="161"/>
        <source>Every shared dataset</source>
        <translation>Toutes les données partagées</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="129"/>
        <source>Partners&apos; data up to date</source>
        <translation>Données des partenaires à jour</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="130"/>
        <source>At least one dataset or delivery late</source>
        <translation>Au moins une donnée ou une livraison en retard</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/report_map.py" line="131"/>
        <source>No known update date</source>
        <translation>Aucune date de mise à jour connue</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="181"/>
        <source>Change log</source>
        <translation>Journal des modifications</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="104"/>
        <source>added</source>
        <translation>ajoutée</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="104"/>
        <source>modified</source>
        <translation>modifiée</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="104"/>
        <source>deleted</source>
        <translation>supprimée</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="37"/>
        <source>GeoGov catalogue</source>
        <translation>Catalogue GeoGov</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="92"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="48"/>
        <source>Words to find, or &quot;a phrase&quot;</source>
        <translation>Mots à chercher, ou « une expression »</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="49"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="54"/>
        <source>Filters and sort</source>
        <translation>Filtres et tri</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="58"/>
        <source>Producer or maintainer</source>
        <translation>Producteur ou gestionnaire</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="60"/>
        <source>Limit to the map extent</source>
        <translation>Limiter à l'emprise de la carte</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="62"/>
        <source>Server order</source>
        <translation>Ordre du serveur</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="122"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="62"/>
        <source>Latest revision first</source>
        <translation>Révision la plus récente d'abord</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="56"/>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="66"/>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="68"/>
        <source>Sort by</source>
        <translation>Trier par</translation>
    </message>
    <message>
        <location filename="../ui/standard_buttons.py" line="24"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="113"/>
        <source>◀ Previous</source>
        <translation>◀ Précédentes</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="114"/>
        <source>Next ▶</source>
        <translation>Suivantes ▶</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="123"/>
        <source>Add WMS</source>
        <translation>Ajouter le WMS</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="123"/>
        <source>Add WFS</source>
        <translation>Ajouter le WFS</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="123"/>
        <source>Add OGC API Features</source>
        <translation>Ajouter l'OGC API Features</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock_layout.py" line="129"/>
        <source>Raw response…</source>
        <translation>Réponse brute…</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="149"/>
        <source>No catalogue is configured: add one in Settings ▸ Options ▸ GeoGov.</source>
        <translation>Aucun catalogue configuré : ajoutez-en un dans Préférences ▸ Options ▸ GeoGov.</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="154"/>
        <source>Searching {name}</source>
        <translation>Recherche dans {name}</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="159"/>
        <source>Searching {name}…</source>
        <translation>Recherche dans {name}…</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="244"/>
        <source>Cancelled by the user.</source>
        <translation>Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="218"/>
        <source>No record matches.</source>
        <translation>Aucune fiche ne correspond.</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="238"/>
        <source>Layer &quot;{name}&quot; added to the map.</source>
        <translation>Couche « {name} » ajoutée à la carte.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="467"/>
        <source>GeoGov</source>
        <translation>GeoGov</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Catalogue search</source>
        <translation>Recherche dans les catalogues</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="85"/>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="55"/>
        <source>metadata contact</source>
        <translation>contact des métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="56"/>
        <source>resource point of contact</source>
        <translation>point de contact de la ressource</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="57"/>
        <source>cited party</source>
        <translation>partie citée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="58"/>
        <source>distributor contact</source>
        <translation>distributeur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="59"/>
        <source>maintenance contact</source>
        <translation>contact de maintenance</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="60"/>
        <source>OGC API Records contact</source>
        <translation>contact OGC API Records</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="61"/>
        <source>Dublin Core element</source>
        <translation>élément Dublin Core</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="62"/>
        <source>service contact</source>
        <translation>contact du service</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="63"/>
        <source>feature catalogue producer</source>
        <translation>producteur du catalogue d'attributs</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="64"/>
        <source>party of an associated resource</source>
        <translation>partie d'une ressource associée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="77"/>
        <source>API</source>
        <comment>OGC API Features, in the Services column</comment>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="78"/>
        <source>Download</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="79"/>
        <source>Web page</source>
        <translation>Page web</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="80"/>
        <source>Other link</source>
        <translation>Autre lien</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="98"/>
        <source>{day:02d}/{month:02d}/{year}</source>
        <comment>a date</comment>
        <translation>{day:02d}/{month:02d}/{year}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="103"/>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="103"/>
        <source>Published</source>
        <translation>Publiée le</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="104"/>
        <source>Revised</source>
        <translation>Révisée le</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="132"/>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="132"/>
        <source>revision date</source>
        <translation>date de révision</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="28"/>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="28"/>
        <source>Maintainer</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="28"/>
        <source>Update frequency</source>
        <translation>Fréquence de mise à jour</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="226"/>
        <source>Last revision</source>
        <translation>Dernière révision</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="29"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_results.py" line="46"/>
        <source>{names} (+{more})</source>
        <translation>{names} (+{more})</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="51"/>
        <source>{name} (in {territory})</source>
        <translation>{name} (sur {territory})</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Partnership convention</source>
        <translation>Convention de partenariat</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="68"/>
        <source>Filter partners and datasets…</source>
        <translation>Filtrer les partenaires et les données…</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="70"/>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="72"/>
        <source>Open the file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="81"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="81"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="81"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="81"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="81"/>
        <source>Place in the document</source>
        <translation>Emplacement dans le document</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="81"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="95"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="89"/>
        <source>Datasets</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="229"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="122"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="101"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="127"/>
        <source>not signed</source>
        <translation>non signée</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="129"/>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Version {version}, signed on {signed}; coordinated by {coordinator}.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Version {version}, signée le {signed} ; coordonnée par {coordinator}.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="137"/>
        <source>Loading the partnership convention…</source>
        <translation>Chargement de la convention de partenariat…</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="137"/>
        <source>The partnership convention could not be loaded.</source>
        <translation>La convention de partenariat n'a pas pu être chargée.</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="166"/>
        <source>Produces</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="166"/>
        <source>Maintains</source>
        <translation>Tient à jour</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="166"/>
        <source>Validates the changes to</source>
        <translation>Valide les modifications de</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="158"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="194"/>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="149"/>
        <source>Dissemination</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="148"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="148"/>
        <source>not stated</source>
        <translation>non précisée</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="150"/>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="63"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="63"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="152"/>
        <source>Changes approved by</source>
        <translation>Modifications validées par</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="203"/>
        <source>Contract delivery</source>
        <translation>Livraison contractuelle</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="203"/>
        <source>{debtor} to {creditor}, {rhythm}</source>
        <translation>{debtor} à {creditor}, {rhythm}</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="217"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="217"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location filename="../ui/convention_browser.py" line="229"/>
        <source>Problems ({n})</source>
        <translation>Problèmes ({n})</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="52"/>
        <source>A report for coordinators and elected officials, in plain words: per partner, the shared datasets, which are late, the contract deliveries and the proposed changes, with a map of the territories.</source>
        <translation>Un rapport pour les coordinateurs et les élus, en mots simples : pour chaque partenaire, les données partagées, celles qui sont en retard, les livraisons contractuelles et les propositions de modification, avec une carte des territoires.</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="61"/>
        <source>PDF (to print)</source>
        <translation>PDF (à imprimer)</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="67"/>
        <source>HTML page (to publish)</source>
        <translation>Page HTML (à publier)</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="73"/>
        <source>No catalogue (the convention and the store only)</source>
        <translation>Aucun catalogue (la convention et le registre seulement)</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="83"/>
        <source>Count the proposals of the proposal store</source>
        <translation>Compter les propositions du registre des propositions</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="88"/>
        <source>Open the report when it is ready</source>
        <translation>Ouvrir le rapport quand il est prêt</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="106"/>
        <source>Create the report</source>
        <translation>Créer le rapport</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="122"/>
        <source>The partnership convention is not loaded: the report cannot be made.</source>
        <translation>La convention de partenariat n'est pas chargée : le rapport ne peut pas être établi.</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="126"/>
        <source>Choose a PDF file, an HTML file, or both.</source>
        <translation>Choisissez un fichier PDF, un fichier HTML, ou les deux.</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="133"/>
        <source>Gathering the report's data…</source>
        <translation>Collecte des informations du rapport…</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="137"/>
        <source>GeoGov: governance report</source>
        <translation>GeoGov : rapport de gouvernance</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="150"/>
        <source>Laying out the report…</source>
        <translation>Mise en page du rapport…</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="157"/>
        <source>Report written: {paths}</source>
        <translation>Rapport écrit : {paths}</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Governance report…</source>
        <translation>Rapport de gouvernance…</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="18"/>
        <source>Resource provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="19"/>
        <source>Custodian</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="20"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="21"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="22"/>
        <source>Distributor</source>
        <translation>Distributeur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="23"/>
        <source>Originator</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="24"/>
        <source>Point of contact</source>
        <translation>Point de contact</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="25"/>
        <source>Principal investigator</source>
        <translation>Chercheur principal</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="26"/>
        <source>Processor</source>
        <translation>Opérateur de traitement</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="27"/>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="56"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="30"/>
        <source>Sponsor</source>
        <translation>Commanditaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="31"/>
        <source>Co-author</source>
        <translation>Coauteur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="32"/>
        <source>Collaborator</source>
        <translation>Collaborateur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="33"/>
        <source>Editor</source>
        <translation>Rédacteur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="34"/>
        <source>Mediator</source>
        <translation>Médiateur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="35"/>
        <source>Rights holder</source>
        <translation>Détenteur des droits</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="36"/>
        <source>Contributor</source>
        <translation>Contributeur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="37"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="38"/>
        <source>Stakeholder</source>
        <translation>Partie prenante</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="44"/>
        <source>Role not stated</source>
        <translation>Rôle non précisé</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="51"/>
        <source>Data referent</source>
        <translation>Référent données</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="52"/>
        <source>Validation referent (steward)</source>
        <translation>Référent validation</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="71"/>
        <source>Data protection officer (DPO)</source>
        <translation>Délégué à la protection des données (DPO)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="54"/>
        <source>IT department (DSI)</source>
        <translation>DSI</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="55"/>
        <source>Project manager</source>
        <translation>Chef de projet</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="56"/>
        <source>Technician</source>
        <translation>Technicien</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="57"/>
        <source>Convention coordinator</source>
        <translation>Coordinateur de la convention</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="69"/>
        <source>Maintainer (custodian)</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="70"/>
        <source>Validates the changes</source>
        <translation>Valide les modifications</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="84"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="84"/>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="93"/>
        <source>Open data</source>
        <translation>Données ouvertes</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="93"/>
        <source>Partners of the convention only</source>
        <translation>Partenaires de la convention seulement</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/governance.py" line="94"/>
        <source>Restricted</source>
        <translation>Restreinte</translation>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="39"/>
        <source>Choose a layer</source>
        <translation>Choisir une couche</translation>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="42"/>
        <source>The link names no layer of &quot;{service}&quot;: choose one.</source>
        <translation>Le lien ne nomme aucune couche de « {service} » : choisissez-en une.</translation>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="48"/>
        <source>{title} ({name})</source>
        <translation>{title} ({name})</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="177"/>
        <source>Reading the {service} capabilities</source>
        <translation>Lecture des capacités du {service}</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="183"/>
        <source>Reading the {service} capabilities…</source>
        <translation>Lecture des capacités du {service}…</translation>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="176"/>
        <source>Adding the layer {name}</source>
        <translation>Ajout de la couche {name}</translation>
    </message>
    <message>
        <location filename="../ui/layer_adder.py" line="178"/>
        <source>Adding the layer {name}…</source>
        <translation>Ajout de la couche {name}…</translation>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="53"/>
        <source>nobody named</source>
        <translation>personne de désigné</translation>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="55"/>
        <source>Changes validated by: {names}</source>
        <translation>Modifications validées par : {names}</translation>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="59"/>
        <source>Freshness: {status}</source>
        <translation>Fraîcheur : {status}</translation>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="61"/>
        <source>Next update expected by {date}</source>
        <translation>Prochaine mise à jour attendue au plus tard le {date}</translation>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="64"/>
        <source>Proposals awaiting review: {n}</source>
        <translation>Propositions en attente de validation : {n}</translation>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="70"/>
        <source>Discrepancies with the catalogue: {n}</source>
        <translation>Écarts avec le catalogue : {n}</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="152"/>
        <source>Shared layer not covered by the convention</source>
        <translation>Couche partagée non couverte par la convention</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="14"/>
        <source>Unexpected error: {message}</source>
        <translation>Erreur inattendue : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="20"/>
        <source>An HTML page was received instead of the expected XML document. Check the address: it may point to a web page, not a service.</source>
        <translation>Une page HTML a été reçue au lieu du document XML attendu. Vérifiez l'adresse : elle désigne peut-être une page web et non un service.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="22"/>
        <source>The document declares XML entities. It was refused without being read, because such documents can be used to read local files or to exhaust memory (XXE, &quot;billion laughs&quot;).</source>
        <translation>Le document déclare des entités XML. Il a été refusé sans être lu, car de tels documents peuvent servir à lire des fichiers locaux ou à épuiser la mémoire (XXE, « billion laughs »).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="25"/>
        <source>The XML document is malformed (line {line}, column {column}): {detail}</source>
        <translation>Le document XML est mal formé (ligne {line}, colonne {column}) : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="28"/>
        <source>An HTML page was received instead of the expected JSON document.</source>
        <translation>Une page HTML a été reçue au lieu du document JSON attendu.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="29"/>
        <source>The JSON document is malformed (line {line}, column {column}): {detail}</source>
        <translation>Le document JSON est mal formé (ligne {line}, colonne {column}) : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="31"/>
        <source>The server answered with an error: {text} (code {exception_code})</source>
        <translation>Le serveur a répondu par une erreur : {text} (code {exception_code})</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="32"/>
        <source>The server did not answer within {timeout} seconds.</source>
        <translation>Le serveur n'a pas répondu dans le délai de {timeout} secondes.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="65"/>
        <source>Cannot connect to the server. Check the address and your network connection.</source>
        <translation>Impossible de se connecter au serveur. Vérifiez l'adresse et votre connexion réseau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="67"/>
        <source>The server asks for authentication (HTTP 401). Choose an authentication configuration for this connection.</source>
        <translation>Le serveur demande une authentification (HTTP 401). Choisissez une configuration d'authentification pour cette connexion.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="69"/>
        <source>Access refused by the server (HTTP 403).</source>
        <translation>Accès refusé par le serveur (HTTP 403).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="70"/>
        <source>Nothing was found at this address (HTTP 404).</source>
        <translation>Rien n'a été trouvé à cette adresse (HTTP 404).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="71"/>
        <source>The server failed (HTTP {status}). Try again later or contact its administrator.</source>
        <translation>Le serveur a rencontré une erreur (HTTP {status}). Réessayez plus tard ou contactez son administrateur.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="73"/>
        <source>The server answered with HTTP status {status}.</source>
        <translation>Le serveur a répondu avec le statut HTTP {status}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="74"/>
        <source>The server sent an unexpected kind of document ({content_type}).</source>
        <translation>Le serveur a envoyé un type de document inattendu ({content_type}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="76"/>
        <source>The request failed: {detail}</source>
        <translation>La requête a échoué : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="77"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/lookup.py" line="73"/>
        <source>(document: {source})</source>
        <translation>(document : {source})</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="19"/>
        <source>Only a web page answers at this address: it is neither a CSW nor an OGC API Records catalogue.</source>
        <translation>Seule une page web répond à cette adresse : ce n'est ni un catalogue CSW ni un catalogue OGC API Records.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="21"/>
        <source>The address answered with a document that is neither CSW capabilities nor an OGC API landing page or collection.</source>
        <translation>L'adresse a répondu par un document qui n'est ni les capacités d'un CSW, ni la page d'accueil ou une collection d'une OGC API.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="24"/>
        <source>This OGC API offers no records collection.</source>
        <translation>Cette OGC API ne propose aucune collection de fiches (Records).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="25"/>
        <source>The catalogue has no record &quot;{identifier}&quot;.</source>
        <translation>Le catalogue n'a pas de fiche « {identifier} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="26"/>
        <source>This file holds no usable catalogue connections ({detail}).</source>
        <translation>Ce fichier ne contient pas de connexions de catalogue utilisables ({detail}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="28"/>
        <source>Unknown catalogue kind &quot;{kind}&quot;.</source>
        <translation>Type de catalogue inconnu « {kind} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="29"/>
        <source>This is not an http(s) address: &quot;{url}&quot;.</source>
        <translation>Ce n'est pas une adresse http(s) : « {url} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="30"/>
        <source>Unsupported CSW version &quot;{version}&quot;.</source>
        <translation>Version CSW non prise en charge « {version} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="31"/>
        <source>This address does not answer as a {expected} service.</source>
        <translation>Cette adresse ne répond pas comme un service {expected}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="32"/>
        <source>QGIS cannot open the layer &quot;{name}&quot;: {detail}</source>
        <translation>QGIS ne peut pas ouvrir la couche « {name} » : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="33"/>
        <source>The link names no OGC API Features collection.</source>
        <translation>Le lien ne nomme aucune collection OGC API Features.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="39"/>
        <source>Accents: the server was also asked for the accented spellings of {terms}.</source>
        <translation>Accents : le serveur a aussi été interrogé avec les graphies accentuées de {terms}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="41"/>
        <source>Accents: for {terms}, the server got wildcards in place of the letters that can bear an accent; the extra records it returned were set aside here.</source>
        <translation>Accents : pour {terms}, le serveur a reçu des caractères génériques à la place des lettres qui peuvent porter un accent ; les fiches en trop qu'il a renvoyées ont été écartées ici.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="44"/>
        <source>Accents: only the likeliest spellings of {terms} were sent ({dropped} left out); a record spelling them otherwise may be missed.</source>
        <translation>Accents : seules les graphies les plus probables de {terms} ont été envoyées (graphies laissées de côté : {dropped}) ; une fiche qui les écrit autrement peut manquer.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="47"/>
        <source>Whole words: the server also matches inside words (&quot;velo&quot; in &quot;développement&quot;); {hidden} of {examined} records were hidden here for that.</source>
        <translation>Mots entiers : le serveur trouve aussi les mots à l'intérieur d'autres (« velo » dans « développement ») ; fiches masquées ici pour cette raison : {hidden} sur {examined}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="51"/>
        <source>This catalogue searches one word at a time: {sent} was sent to the server, {terms} checked here.</source>
        <translation>Ce catalogue ne cherche qu'un mot à la fois : {sent} a été envoyé au serveur, {terms} vérifié ici.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="54"/>
        <source>Organisation {value}: filtered here, the server cannot ({hidden} hidden on this page).</source>
        <translation>Organisme {value} : filtré ici, le serveur ne sait pas le faire (masquées sur cette page : {hidden}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="56"/>
        <source>Keyword {value}: filtered here, the server cannot ({hidden} hidden on this page).</source>
        <translation>Mot-clé {value} : filtré ici, le serveur ne sait pas le faire (masquées sur cette page : {hidden}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="58"/>
        <source>Map extent not used: it covers the whole world, and servers would then leave out the records that have no extent.</source>
        <translation>Emprise de la carte non utilisée : elle couvre le monde entier, et les serveurs écarteraient alors les fiches sans emprise.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="61"/>
        <source>Map extent: it crosses the antimeridian and was sent as two boxes.</source>
        <translation>Emprise de la carte : elle traverse l'antiméridien et a été envoyée en deux rectangles.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="63"/>
        <source>Map extent: this server refuses spatial filters in CSW 3.0, so the search went in CSW 2.0.2.</source>
        <translation>Emprise de la carte : ce serveur refuse les filtres spatiaux en CSW 3.0, la recherche est donc passée en CSW 2.0.2.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="65"/>
        <source>Map extent: the server cannot filter on it; applied here ({hidden} hidden).</source>
        <translation>Emprise de la carte : le serveur ne sait pas filtrer dessus ; appliquée ici (fiches masquées : {hidden}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="67"/>
        <source>Sort by {sort}: not supported by the server, results come in its own order.</source>
        <translation>Tri par {sort} : non pris en charge par le serveur, les résultats viennent dans son propre ordre.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="69"/>
        <source>Sort by {sort}: the server puts accented capitals after Z (&quot;Éclairage&quot; after &quot;Zones&quot;).</source>
        <translation>Tri par {sort} : le serveur classe les majuscules accentuées après Z (« Éclairage » après « Zones »).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="71"/>
        <source>The server returns at most {returned} records per page ({requested} asked).</source>
        <translation>Le serveur renvoie au plus {returned} fiches par page ({requested} demandées).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="73"/>
        <source>{pages} server pages were read to fill this page.</source>
        <translation>{pages} pages du serveur ont été lues pour remplir cette page.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="74"/>
        <source>{shown} records shown instead of {limit}: reading stopped after {pages} server pages; &quot;Next&quot; goes on.</source>
        <translation>Fiches affichées : {shown} au lieu de {limit} ; la lecture s'est arrêtée après {pages} pages du serveur ; « Suivantes » continue.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="76"/>
        <source>This catalogue gives no ISO 19139 records, only {schema}: fewer parties, no maintenance information.</source>
        <translation>Ce catalogue ne fournit pas de fiches ISO 19139, seulement {schema} : moins de responsables, aucune information de maintenance.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="78"/>
        <source>Record no. {index} of the page could not be read and was left out ({code}).</source>
        <translation>La fiche n° {index} de la page n'a pas pu être lue et a été écartée ({code}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="84"/>
        <source>A record of an unsupported kind ({element}) was left out.</source>
        <translation>Une fiche d'un type non pris en charge ({element}) a été écartée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="86"/>
        <source>The server&apos;s count of returned records disagrees with the records it sent.</source>
        <translation>Le nombre de fiches renvoyées annoncé par le serveur ne correspond pas aux fiches envoyées.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="94"/>
        <source>&quot;{text}&quot;</source>
        <comment>a quoted search term</comment>
        <translation>« {text} »</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="21"/>
        <source>The partnership convention is not valid: {count} problem(s) must be corrected.</source>
        <translation>La convention de partenariat n'est pas valide : problèmes à corriger : {count}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="23"/>
        <source>No partnership convention is configured. Choose its file or address in Settings ▸ Options ▸ GeoGov.</source>
        <translation>Aucune convention de partenariat n'est configurée. Choisissez son fichier ou son adresse dans Préférences ▸ Options ▸ GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="25"/>
        <source>No e-mail application opened the message. Write to the address shown in the panel.</source>
        <translation>Aucune messagerie n'a ouvert le message. Écrivez à l'adresse indiquée dans le panneau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="27"/>
        <source>The PDF report could not be written to {path}.</source>
        <translation>Le rapport PDF n'a pas pu être écrit dans {path}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="28"/>
        <source>The HTML report could not be written: {detail}</source>
        <translation>Le rapport HTML n'a pas pu être écrit : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="29"/>
        <source>The authentication configuration {authcfg} of the proposal store cannot be read (is QGIS&apos;s master password entered?).</source>
        <translation>La configuration d'authentification {authcfg} du registre des propositions ne peut pas être lue (le mot de passe principal de QGIS a-t-il été saisi ?).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="32"/>
        <source>The file is not valid YAML: {detail}</source>
        <translation>Le fichier n'est pas du YAML valide : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="33"/>
        <source>YAML aliases (*{anchor}) are not accepted in a convention ({count} found): write the value out, or refer to it by its id.</source>
        <translation>Les alias YAML (*{anchor}) ne sont pas acceptés dans une convention ({count} trouvés) : écrivez la valeur en entier, ou désignez-la par son identifiant.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="36"/>
        <source>The document is too large (limit: {limit}).</source>
        <translation>Le document est trop volumineux (limite : {limit}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="39"/>
        <source>The file is not UTF-8 text (byte {offset}). Save it as UTF-8.</source>
        <translation>Le fichier n'est pas un texte UTF-8 (octet {offset}). Enregistrez-le en UTF-8.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="41"/>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="43"/>
        <source>Expected {expected}, found {found}.</source>
        <translation>Attendu : {expected} ; trouvé : {found}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="44"/>
        <source>The required key “{key}” is missing.</source>
        <translation>La clé obligatoire « {key} » manque.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="45"/>
        <source>Unknown key “{key}”.</source>
        <translation>Clé inconnue « {key} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="46"/>
        <source>The key “{key}” is given twice.</source>
        <translation>La clé « {key} » est donnée deux fois.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="47"/>
        <source>A value is required here.</source>
        <translation>Une valeur est obligatoire ici.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="48"/>
        <source>Unsupported format “{found}”: this version of GeoGov reads {expected}.</source>
        <translation>Format « {found} » non pris en charge : cette version de GeoGov lit {expected}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="50"/>
        <source>The convention file cannot be read: {detail}</source>
        <translation>Le fichier de la convention ne peut pas être lu : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="52"/>
        <source>Unknown kind of partner “{value}”.</source>
        <translation>Type de partenaire inconnu « {value} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="53"/>
        <source>“{value}” is not a SIREN number (9 digits).</source>
        <translation>« {value} » n'est pas un numéro SIREN (9 chiffres).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="54"/>
        <source>Unknown role “{value}”.</source>
        <translation>Rôle inconnu « {value} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="55"/>
        <source>“{value}” is not an e-mail address.</source>
        <translation>« {value} » n'est pas une adresse électronique.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="56"/>
        <source>“{value}” is not a date (expected YYYY-MM-DD).</source>
        <translation>« {value} » n'est pas une date (attendu : AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="57"/>
        <source>“{value}” is not an update frequency (ISO 19115 maintenance frequency code).</source>
        <translation>« {value} » n'est pas une fréquence de mise à jour (code de fréquence de maintenance ISO 19115).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="59"/>
        <source>“{value}” is not a dissemination level (open, partenaires or restreint).</source>
        <translation>« {value} » n'est pas un niveau de diffusion (open, partenaires ou restreint).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="64"/>
        <source>“{value}” cannot approve changes (steward, dpo or coordinator).</source>
        <translation>« {value} » ne peut pas valider de modifications (steward, dpo ou coordinator).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="66"/>
        <source>“{code}” is not a French département code.</source>
        <translation>« {code} » n'est pas un code de département français.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="124"/>
        <source>The territory file “{file}” does not exist beside the convention.</source>
        <translation>Le fichier de territoire « {file} » n'existe pas à côté de la convention.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="127"/>
        <source>No partner has the id “{id}”.</source>
        <translation>Aucun partenaire n'a l'identifiant « {id} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="128"/>
        <source>No dataset has the id “{id}”.</source>
        <translation>Aucune donnée n'a l'identifiant « {id} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="129"/>
        <source>The partner id “{id}” is already used (line {first_line}).</source>
        <translation>L'identifiant de partenaire « {id} » est déjà utilisé (ligne {first_line}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="131"/>
        <source>The dataset id “{id}” is already used (line {first_line}).</source>
        <translation>L'identifiant de donnée « {id} » est déjà utilisé (ligne {first_line}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="133"/>
        <source>The id “{id}” is already used (line {first_line}).</source>
        <translation>L'identifiant « {id} » est déjà utilisé (ligne {first_line}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="134"/>
        <source>The login “{login}” is already given to another contact (line {first_line}): a login is one person.</source>
        <translation>L'identifiant de connexion « {login} » est déjà attribué à un autre contact (ligne {first_line}) : un identifiant désigne une seule personne.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="136"/>
        <source>“{value}” already identifies another dataset (line {first_line}): a record or a layer belongs to one dataset only.</source>
        <translation>« {value} » identifie déjà une autre donnée (ligne {first_line}) : une fiche ou une couche n'appartient qu'à une seule donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="139"/>
        <source>The approval rule of “{dataset}” needs the DPO, but no steward partner of this dataset has a contact with the DPO role.</source>
        <translation>La règle de validation de « {dataset} » exige le DPO, mais aucun partenaire référent de cette donnée n'a de contact ayant le rôle de DPO.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="143"/>
        <source>“{dataset}” holds personal data but its approval rule does not require the DPO.</source>
        <translation>« {dataset} » contient des données personnelles mais sa règle de validation n'exige pas le DPO.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="145"/>
        <source>The steward partner “{partner}” of “{dataset}” has no contact with the steward role: nobody will be told of proposals.</source>
        <translation>Le partenaire référent « {partner} » de « {dataset} » n'a aucun contact ayant le rôle de référent validation : personne ne sera prévenu des propositions.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="148"/>
        <source>Nothing says how to recognise the dataset “{dataset}” (match: records, services or sources).</source>
        <translation>Rien n'indique comment reconnaître la donnée « {dataset} » (match : records, services ou sources).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="151"/>
        <source>The metadata names {found} as custodian; the convention says {expected_name}.</source>
        <translation>La fiche de métadonnées désigne {found} comme gestionnaire ; la convention indique {expected_name}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="153"/>
        <source>The metadata names {found} as producer; the convention says {expected_names}.</source>
        <translation>La fiche de métadonnées désigne {found} comme producteur ; la convention indique {expected_names}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="155"/>
        <source>Update rhythm: the metadata says “{found}”, the convention commits to “{expected}”.</source>
        <translation>Rythme de mise à jour : la fiche de métadonnées indique « {found} », la convention engage à « {expected} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="157"/>
        <source>The metadata names no point of contact for the data.</source>
        <translation>La fiche de métadonnées ne désigne aucun point de contact pour la donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="159"/>
        <source>The convention names nobody to validate changes here.</source>
        <translation>La convention ne désigne personne pour valider les modifications ici.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="163"/>
        <source>The catalogue record “{title}” is not covered by the convention.</source>
        <translation>La fiche de catalogue « {title} » n'est pas couverte par la convention.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="165"/>
        <source>The dataset “{title}” of the convention has no record in the catalogue.</source>
        <translation>La donnée « {title} » de la convention n'a pas de fiche dans le catalogue.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="173"/>
        <source>a mapping (key: value)</source>
        <translation>un dictionnaire (clé : valeur)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="173"/>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="173"/>
        <source>a text</source>
        <translation>un texte</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="174"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="175"/>
        <source>true or false</source>
        <translation>vrai ou faux (true ou false)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="175"/>
        <source>a date</source>
        <translation>une date</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="176"/>
        <source>a date (YYYY-MM-DD)</source>
        <translation>une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="176"/>
        <source>a key</source>
        <translation>une clé</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="177"/>
        <source>“own” or a territory</source>
        <translation>« own » ou un territoire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="211"/>
        <source>Did you mean “{suggestion}”?</source>
        <translation>Vouliez-vous dire « {suggestion} » ?</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="222"/>
        <source>line {line}, column {column}</source>
        <translation>ligne {line}, colonne {column}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="230"/>
        <source>at {path}</source>
        <translation>à {path}</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="53"/>
        <source>OGC API Records</source>
        <translation>OGC API Records</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="54"/>
        <source>CSW {version}</source>
        <translation>CSW {version}</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="64"/>
        <source>Catalogue connection</source>
        <translation>Connexion à un catalogue</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="64"/>
        <source>Service connection</source>
        <translation>Connexion à un service</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="75"/>
        <source>WMS</source>
        <translation>WMS</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="76"/>
        <source>WFS</source>
        <translation>WFS</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="348"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="180"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="180"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="101"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="102"/>
        <source>Timeout</source>
        <translation>Délai d'attente</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="187"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="187"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="187"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="288"/>
        <source>Catalogues</source>
        <translation>Catalogues</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="289"/>
        <source>OGC services</source>
        <translation>Services OGC</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="296"/>
        <source>Convention (*.yaml *.yml)</source>
        <translation>Convention (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="298"/>
        <source>Convention file or URL</source>
        <translation>Fichier ou URL de la convention</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="301"/>
        <source>Proposal store</source>
        <translation>Registre des propositions</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="304"/>
        <source>GeoPackage (one file, no set-up)</source>
        <translation>GeoPackage (un seul fichier, sans installation)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="305"/>
        <source>PostgreSQL/PostGIS (shared, rights enforced by the database)</source>
        <translation>PostgreSQL/PostGIS (partagé, droits garantis par la base de données)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="310"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="318"/>
        <source>In GeoPackage mode there is no access control: anyone who can open the file can act under any name. The identity below is only declared, not checked. Use the PostgreSQL store for a shared deployment in which the database enforces rights.</source>
        <translation>En mode GeoPackage, il n'y a aucun contrôle d'accès : toute personne qui peut ouvrir le fichier peut agir sous n'importe quel nom. L'identité ci-dessous est seulement déclarée, pas vérifiée. Utilisez le registre PostgreSQL pour un déploiement partagé où la base de données fait respecter les droits.</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="323"/>
        <source>Store</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="324"/>
        <source>GeoPackage file</source>
        <translation>Fichier GeoPackage</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="325"/>
        <source>PostgreSQL connection</source>
        <translation>Connexion PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="326"/>
        <source>PostgreSQL authentication</source>
        <translation>Authentification PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="328"/>
        <source>My login (GeoPackage mode)</source>
        <translation>Mon identifiant (mode GeoPackage)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="329"/>
        <source>My partner (GeoPackage mode)</source>
        <translation>Mon partenaire (mode GeoPackage)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="333"/>
        <source>Network and display</source>
        <translation>Réseau et affichage</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="351"/>
        <source>Default network timeout</source>
        <translation>Délai d'attente réseau par défaut</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="353"/>
        <source>Check for new proposals every (GeoPackage mode)</source>
        <translation>Vérifier les nouvelles propositions toutes les (mode GeoPackage)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="354"/>
        <source>Added features</source>
        <translation>Entités ajoutées</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="354"/>
        <source>Deleted features</source>
        <translation>Entités supprimées</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="354"/>
        <source>Modified features</source>
        <translation>Entités modifiées</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="184"/>
        <source>GeoGov settings…</source>
        <translation>Paramètres de GeoGov…</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="332"/>
        <source>About GeoGov</source>
        <translation>À propos de GeoGov</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="332"/>
        <source>GeoGov brings the regional geodata partnership convention into QGIS: discover the partners&apos; catalogues, see who is responsible for each layer, and propose and review changes to shared data.</source>
        <translation>GeoGov intègre à QGIS la convention de partenariat régionale sur les données géographiques : découvrez les catalogues des partenaires, voyez qui est responsable de chaque couche, proposez et validez des modifications des données partagées.</translation>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="52"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="55"/>
        <source>Response: HTTP {status} {content_type}</source>
        <translation>Réponse : HTTP {status} {content_type}</translation>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="59"/>
        <source>[… cut here: {size} characters in all]</source>
        <translation>[… coupé ici : {size} caractères en tout]</translation>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="70"/>
        <source>Raw response</source>
        <translation>Réponse brute</translation>
    </message>
    <message>
        <location filename="../ui/raw_response_dialog.py" line="81"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="91"/>
        <source>{label} ({code})</source>
        <translation>{label} ({code})</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="93"/>
        <source>ISO 19115-1 role, absent from the ISO 19139 code list: kept as is</source>
        <translation>rôle ISO 19115-1, absent de la liste de codes ISO 19139 : conservé tel quel</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="98"/>
        <source>The record gives no role for this party</source>
        <translation>la fiche ne donne aucun rôle à cette partie</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="100"/>
        <source>non-standard role, kept as is</source>
        <translation>rôle non standard, conservé tel quel</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="111"/>
        <source>Given by reference only: {link}</source>
        <translation>Donné seulement par référence : {link}</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="125"/>
        <source>tel. {phone}</source>
        <translation>tél. {phone}</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="132"/>
        <source>role written &quot;{raw}&quot; in the record</source>
        <translation>rôle écrit « {raw} » dans la fiche</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="166"/>
        <source>Select a record to see who produces and maintains it.</source>
        <translation>Sélectionnez une fiche pour voir qui produit et gère la donnée.</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="186"/>
        <source>The record names no responsible party.</source>
        <translation>La fiche ne nomme aucun responsable.</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="216"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="223"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="229"/>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="234"/>
        <source>Constraints</source>
        <translation>Contraintes</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="241"/>
        <source>update frequency: {frequency}</source>
        <translation>fréquence de mise à jour : {frequency}</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="243"/>
        <source>next update: {date}</source>
        <translation>prochaine mise à jour : {date}</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="248"/>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="251"/>
        <source>west {west:.4f}, south {south:.4f}, east {east:.4f}, north {north:.4f}</source>
        <translation>ouest {west:.4f}, sud {south:.4f}, est {east:.4f}, nord {north:.4f}</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="261"/>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="58"/>
        <source>Update expected since {date}.</source>
        <translation>Mise à jour attendue depuis le {date}.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="60"/>
        <source>Next update expected by {date}.</source>
        <translation>Prochaine mise à jour attendue au plus tard le {date}.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="62"/>
        <source>No update date is known: neither the catalogue record nor the proposal store gives one.</source>
        <translation>Aucune date de mise à jour n'est connue : ni la fiche de catalogue ni le registre des propositions n'en donnent.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="64"/>
        <source>The convention sets no update rhythm for these data.</source>
        <translation>La convention ne fixe pas de rythme de mise à jour pour ces données.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="101"/>
        <source>none named</source>
        <translation>aucun de désigné</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="107"/>
        <source>catalogue record</source>
        <translation>fiche de catalogue</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="107"/>
        <source>change applied by GeoGov</source>
        <translation>modification intégrée par GeoGov</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="109"/>
        <source>Commitment: {phrase}.</source>
        <translation>Engagement : {phrase}.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="111"/>
        <source>Last update: {date}</source>
        <translation>Dernière mise à jour : {date}</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="124"/>
        <source>The catalogue record could not be read: {reason}</source>
        <translation>La fiche de catalogue n'a pas pu être lue : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="133"/>
        <source>Overdue contract delivery: {debtor} must deliver these data to {creditor} {rhythm}; last delivery {date}; {late}.</source>
        <translation>Livraison contractuelle en retard : {debtor} doit livrer ces données à {creditor} {rhythm} ; dernière livraison le {date} ; {late}.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="143"/>
        <source>Not checked: the catalogue record is not known.</source>
        <translation>Non vérifié : la fiche de catalogue n'est pas connue.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="145"/>
        <source>The catalogue record and the convention agree.</source>
        <translation>La fiche de catalogue et la convention concordent.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="154"/>
        <source>Proposals awaiting review</source>
        <translation>Propositions en attente de validation</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="175"/>
        <source>Catalogue record: {id}</source>
        <translation>Fiche de catalogue : {id}</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="55"/>
        <source>Who is responsible</source>
        <translation>Qui est responsable ?</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="79"/>
        <source>Contact</source>
        <translation>Contacter</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="80"/>
        <source>Write to the partner who validates the changes</source>
        <translation>Écrire au partenaire qui valide les modifications</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="82"/>
        <source>Catalogue record</source>
        <translation>Fiche de catalogue</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="131"/>
        <source>Select a layer to see who is responsible for it.</source>
        <translation>Sélectionnez une couche pour voir qui en est responsable.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="139"/>
        <source>The partnership convention could not be loaded: {reason} Open the convention browser to see its problems.</source>
        <translation>La convention de partenariat n'a pas pu être chargée : {reason} Ouvrez le navigateur de la convention pour voir ses problèmes.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="152"/>
        <source>Neither its source nor its catalogue record matches a dataset of the convention “{title}”. Ask the coordinator whether it should be covered.</source>
        <translation>Ni sa source ni sa fiche de catalogue ne correspondent à une donnée de la convention « {title} ». Demandez au coordinateur si elle doit l'être.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="158"/>
        <source>Local layer: not concerned by the partnership convention.</source>
        <translation>Couche locale : non concernée par la convention de partenariat.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="209"/>
        <source>Shared data “{title}”</source>
        <translation>Donnée partagée « {title} »</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="211"/>
        <source>layer {name}</source>
        <translation>couche {name}</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="52"/>
        <source>(+{more})</source>
        <translation>(+{more})</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="63"/>
        <source>Transaction (editing through WFS-T): {answer}</source>
        <translation>Transaction (édition par WFS-T) : {answer}</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="72"/>
        <source>role &quot;{raw}&quot; ({label})</source>
        <translation>rôle « {raw} » ({label})</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="75"/>
        <source>no role stated</source>
        <translation>aucun rôle indiqué</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="76"/>
        <source>Contact: {who} — {role}</source>
        <translation>Contact : {who} — {role}</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="85"/>
        <source>GeoGov — WMS/WFS services</source>
        <translation>GeoGov — services WMS/WFS</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="97"/>
        <source>or type the address of a WMS or WFS</source>
        <translation>ou saisissez l'adresse d'un WMS ou d'un WFS</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="101"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="122"/>
        <source>CRS</source>
        <translation>SCR</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="122"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="135"/>
        <source>Add to the map</source>
        <translation>Ajouter à la carte</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="155"/>
        <source>Configured services…</source>
        <translation>Services configurés…</translation>
    </message>
    <message>
        <location filename="../ui/service_browser.py" line="204"/>
        <source>{count} layers.</source>
        <translation>{count} couches.</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>WMS/WFS services…</source>
        <translation>Services WMS/WFS…</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="105"/>
        <source>Freshness</source>
        <translation>Fraîcheur</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="122"/>
        <source>Reading the catalogue record…</source>
        <translation>Lecture de la fiche de catalogue…</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="128"/>
        <source>Discrepancies</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="147"/>
        <source>Use of the data</source>
        <translation>Utilisation des données</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="172"/>
        <source>Open the catalogue record</source>
        <translation>Ouvrir la fiche de catalogue</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_dock.py" line="187"/>
        <source>Layer: {name}</source>
        <translation>Couche : {name}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/layout_pages.py" line="318"/>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="120"/>
        <source>Search a metadata catalogue</source>
        <translation>Chercher dans un catalogue de métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="151"/>
        <source>Catalogue (address or connection name)</source>
        <translation>Catalogue (adresse ou nom de connexion)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="153"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="251"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="161"/>
        <source>Largest number of records</source>
        <translation>Nombre maximal de fiches</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="165"/>
        <source>Catalogue records</source>
        <translation>Fiches du catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="168"/>
        <source>Number of records the server matched</source>
        <translation>Nombre de fiches trouvées par le serveur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="180"/>
        <source>No catalogue was given.</source>
        <translation>Aucun catalogue n'a été indiqué.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="232"/>
        <source>{count} records from {url} (the server matched {matched}).</source>
        <translation>{count} fiches de {url} (le serveur en a trouvé {matched}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_compute_changes.py" line="106"/>
        <source>Compute the changes between two layers</source>
        <translation>Calculer les changements entre deux couches</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_compute_changes.py" line="109"/>
        <source>Compares the original (authoritative) version of a layer with a revised version and writes one feature per change.

Original layer (ORIGINAL): the authoritative data (WFS, PostGIS, GeoPackage…).
Revised layer (REVISED): the edited version, with the same fields.
Key field (KEY, optional): the field that identifies a feature in both layers (the dataset's key in the partnership convention, e.g. identifiant); empty: the original layer's primary key, else the QGIS feature id.

Output (OUTPUT): op (insert, update or delete), fid (the key; empty for a new feature without a key of its own), changed_fields (the modified fields, comma-separated), geometry_changed, the new geometry and attributes (the old ones for a deletion). A field of the layers named like one of these columns is written with &quot;_1&quot; appended. Numbers of added (INSERTED), modified (UPDATED) and deleted (DELETED) features.</source>
        <translation>Compare la version d'origine (de référence) d'une couche à une version révisée et écrit une entité par changement.

Couche d'origine (ORIGINAL) : les données de référence (WFS, PostGIS, GeoPackage…).
Couche révisée (REVISED) : la version modifiée, avec les mêmes champs.
Champ clé (KEY, facultatif) : le champ qui identifie une entité dans les deux couches (la clé du jeu de données dans la convention de partenariat, par exemple identifiant) ; vide : la clé primaire de la couche d'origine, sinon l'identifiant d'entité QGIS.

Sortie (OUTPUT) : op (insert, update ou delete), fid (la clé ; vide pour une nouvelle entité sans clé propre), changed_fields (les champs modifiés, séparés par des virgules), geometry_changed, la nouvelle géométrie et les nouveaux attributs (les anciens pour une suppression). Un champ des couches qui porte le nom de l'une de ces colonnes est écrit suivi de « _1 ». Nombres d'entités ajoutées (INSERTED), modifiées (UPDATED) et supprimées (DELETED).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="49"/>
        <source>Original layer (authoritative)</source>
        <translation>Couche d'origine (de référence)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="51"/>
        <source>Revised layer</source>
        <translation>Couche révisée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="53"/>
        <source>Key field</source>
        <translation>Champ clé</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="133"/>
        <source>Changes</source>
        <translation>Changements</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="100"/>
        <source>Both the original and the revised layer are needed.</source>
        <translation>Il faut la couche d'origine et la couche révisée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_compute_changes.py" line="150"/>
        <source>The revised layer has no field {key}.</source>
        <translation>La couche révisée n'a pas de champ {key}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_compute_changes.py" line="166"/>
        <source>The change of feature {key} could not be written: {error}</source>
        <translation>Le changement de l'entité {key} n'a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_compute_changes.py" line="169"/>
        <source>{inserted} added, {updated} modified, {deleted} deleted.</source>
        <translation>{inserted} ajoutée(s), {updated} modifiée(s), {deleted} supprimée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="28"/>
        <source>{n} problem(s) prevent submitting this proposal:</source>
        <translation>{n} problème(s) empêchent de soumettre cette proposition :</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="49"/>
        <source>Submit a change proposal</source>
        <translation>Soumettre une proposition de modification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="52"/>
        <source>Proposes the changes between the authoritative version of a shared layer and an edited copy: they are checked, saved in the proposal store and submitted to the dataset&apos;s stewards. Nothing is written to the authoritative data.

Original layer (ORIGINAL): the authoritative data (a layer of a partner&apos;s WFS service, a PostGIS or GeoPackage table).
Revised layer (REVISED): the edited copy, with the same fields.
Key field (KEY, optional): the field that identifies a feature; empty: the dataset&apos;s key in the convention, else the original layer&apos;s primary key.
Dataset (DATASET, optional): the dataset id in the partnership convention; empty: the dataset the original layer belongs to.
Title (TITLE) and comment (COMMENT: why these changes; required to submit).
Submit (SUBMIT): checked, the proposal is submitted for review; unchecked, it is saved as a draft.
Convention (CONVENTION, optional): path or URL of the partnership convention; empty: the one of the plugin settings.
</source>
        <translation>Propose les changements entre la version de référence d'une couche partagée et une copie modifiée : ils sont contrôlés, enregistrés dans le registre des propositions et soumis aux référents validation du jeu de données. Rien n'est écrit dans les données de référence.

Couche d'origine (ORIGINAL) : les données de référence (une couche du service WFS d'un partenaire, une table PostGIS ou GeoPackage).
Couche révisée (REVISED) : la copie modifiée, avec les mêmes champs.
Champ clé (KEY, facultatif) : le champ qui identifie une entité ; vide : la clé du jeu de données dans la convention, sinon la clé primaire de la couche d'origine.
Jeu de données (DATASET, facultatif) : l'identifiant du jeu de données dans la convention de partenariat ; vide : le jeu de données auquel appartient la couche d'origine.
Titre (TITLE) et commentaire (COMMENT : pourquoi ces changements ; obligatoire pour soumettre).
Soumettre (SUBMIT) : cochée, la proposition est soumise à validation ; décochée, elle est enregistrée comme brouillon.
Convention (CONVENTION, facultatif) : chemin ou URL de la convention de partenariat ; vide : celle des paramètres de l'extension.
</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="67"/>
        <source>
Outputs: OUTPUT (the proposal id) and STATUS (draft or submitted). The algorithm fails, listing every problem, when the changes break the dataset&apos;s schema (fields, types, required values, geometry type and validity, CRS) or the convention (your organisation may not propose on this dataset, or a change lies outside its territory).</source>
        <translation>
Sorties : OUTPUT (l'identifiant de la proposition) et STATUS (draft ou submitted). L'algorithme échoue, en listant chaque problème, quand les changements ne respectent pas le schéma du jeu de données (champs, types, valeurs obligatoires, type et validité des géométries, SCR) ou la convention (votre organisme ne peut pas proposer sur ce jeu de données, ou un changement sort de son territoire).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="80"/>
        <source>Comment (why)</source>
        <translation>Commentaire (pourquoi)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="82"/>
        <source>Submit for review</source>
        <translation>Soumettre à validation</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="84"/>
        <source>Partnership convention (path or URL; empty: the plugin&apos;s)</source>
        <translation>Convention de partenariat (chemin ou URL ; vide : celle de l'extension)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="88"/>
        <source>Status of the proposal</source>
        <translation>Statut de la proposition</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="105"/>
        <source>Say why (COMMENT): reviewers need the reason for these changes.</source>
        <translation>Dites pourquoi (COMMENT) : les valideurs ont besoin de la raison de ces changements.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="123"/>
        <source>There is nothing to propose: the revised layer is the same as the original.</source>
        <translation>Il n'y a rien à proposer : la couche révisée est identique à la couche d'origine.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="253"/>
        <source>Changes to {dataset}</source>
        <translation>Modifications de {dataset}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="127"/>
        <source>Draft {id} saved: {changes} change(s).</source>
        <translation>Brouillon {id} enregistré : {changes} changement(s).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_submit_proposal.py" line="132"/>
        <source>Submitted to {stewards}.</source>
        <translation>Soumise à : {stewards}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="28"/>
        <source>{count} problem(s) prevent submitting this proposal.</source>
        <translation>{count} problème(s) empêchent de soumettre cette proposition.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="29"/>
        <source>Your organisation ({partner}) may not propose changes to this dataset.</source>
        <translation>Votre organisme ({partner}) ne peut pas proposer de modifications sur ce jeu de données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="31"/>
        <source>The changes are in {crs}, the dataset in {expected}.</source>
        <translation>Les changements sont en {crs}, le jeu de données en {expected}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="32"/>
        <source>the field “{field}” does not exist in the dataset.</source>
        <translation>le champ « {field} » n'existe pas dans le jeu de données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="33"/>
        <source>the value “{value}” of the field “{field}” is not a valid {type}.</source>
        <translation>la valeur « {value} » du champ « {field} » n'est pas du type attendu ({type}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="34"/>
        <source>the field “{field}” is required.</source>
        <translation>le champ « {field} » est obligatoire.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="35"/>
        <source>the value of the field “{field}” has {length} characters, at most {max} are allowed.</source>
        <translation>la valeur du champ « {field} » compte {length} caractères, {max} au plus sont admis.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="37"/>
        <source>the geometry is missing (a {expected} is expected).</source>
        <translation>la géométrie manque (une géométrie {expected} est attendue).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="38"/>
        <source>the geometry cannot be read ({reason}).</source>
        <translation>la géométrie est illisible ({reason}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="39"/>
        <source>the geometry is a {type}, the dataset expects a {expected}.</source>
        <translation>la géométrie est de type {type}, le jeu de données attend le type {expected}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="40"/>
        <source>the geometry is not valid ({reason}).</source>
        <translation>la géométrie n'est pas valide ({reason}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="86"/>
        <source>the feature lies outside your organisation&apos;s territory.</source>
        <translation>l'entité se trouve hors du territoire de votre organisme.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="87"/>
        <source>the feature was outside your organisation&apos;s territory before your change: it is not yours to edit.</source>
        <translation>l'entité se trouvait hors du territoire de votre organisme avant votre changement : il ne vous revient pas de la modifier.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="94"/>
        <source>Your login “{login}” is not a member of the partnership convention: nobody knows which organisation proposes.</source>
        <translation>Votre identifiant « {login} » ne figure pas dans la convention de partenariat : on ne sait pas quel organisme propose.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="97"/>
        <source>These changes cannot be proposed: {message}</source>
        <translation>Ces changements ne peuvent pas être proposés : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="98"/>
        <source>No partnership convention is loaded: set it in the GeoGov settings.</source>
        <translation>Aucune convention de partenariat n'est chargée : indiquez-la dans les paramètres de GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="100"/>
        <source>The convention has no dataset “{dataset}”.</source>
        <translation>La convention ne contient pas de jeu de données « {dataset} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="101"/>
        <source>The layer “{layer}” is not a shared dataset of the partnership convention: there is nobody to review changes to it.</source>
        <translation>La couche « {layer} » n'est pas un jeu de données partagé de la convention de partenariat : personne n'est désigné pour valider ses modifications.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="110"/>
        <source>The layer “{layer}” has no edits to propose.</source>
        <translation>La couche « {layer} » n'a pas de modification à proposer.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="111"/>
        <source>The layer “{layer}” has no field “{key}”, the key that identifies the features of the dataset.</source>
        <translation>La couche « {layer} » n'a pas de champ « {key} », la clé qui identifie les entités du jeu de données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="113"/>
        <source>The edited copy is in {edited}, the authoritative layer in {base}: use the same CRS.</source>
        <translation>La copie modifiée est en {edited}, la couche de référence en {base} : utilisez le même SCR.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="116"/>
        <source>The features cannot be compared: {message}</source>
        <translation>Les entités ne peuvent pas être comparées : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="117"/>
        <source>The features of the {side} layer do not come in key order.</source>
        <translation>Les entités de la couche {side} n'arrivent pas dans l'ordre de la clé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="118"/>
        <source>The key {key} appears twice in the {side} layer: the key field must identify each feature.</source>
        <translation>La clé {key} apparaît deux fois dans la couche {side} : le champ clé doit identifier chaque entité.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="120"/>
        <source>A feature of the authoritative layer has no key: it cannot be followed.</source>
        <translation>Une entité de la couche de référence n'a pas de clé : elle ne peut pas être suivie.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="122"/>
        <source>The keys of the two layers are of different types and cannot be matched.</source>
        <translation>Les clés des deux couches sont de types différents et ne peuvent pas être rapprochées.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="124"/>
        <source>A feature has {values} values for {fields} fields.</source>
        <translation>Une entité a {values} valeurs pour {fields} champs.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="125"/>
        <source>A geometry cannot be read: {message}</source>
        <translation>Une géométrie est illisible : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="127"/>
        <source>No proposal store is configured: choose one in the GeoGov settings.</source>
        <translation>Aucun registre des propositions n'est configuré : choisissez-en un dans les paramètres de GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="129"/>
        <source>Your login is not set: in GeoPackage mode, type it in the GeoGov settings.</source>
        <translation>Votre identifiant n'est pas renseigné : en mode GeoPackage, saisissez-le dans les paramètres de GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="136"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="136"/>
        <source>whole number</source>
        <translation>nombre entier</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="136"/>
        <source>decimal number</source>
        <translation>nombre décimal</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="137"/>
        <source>yes/no value</source>
        <translation>valeur oui/non</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="137"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="137"/>
        <source>date and time</source>
        <translation>date et heure</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="138"/>
        <source>binary value</source>
        <translation>valeur binaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="148"/>
        <source>New feature {key}</source>
        <translation>Nouvelle entité {key}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="150"/>
        <source>Feature {key} (modified)</source>
        <translation>Entité {key} (modifiée)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="152"/>
        <source>Feature {key} (deleted)</source>
        <translation>Entité {key} (supprimée)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="153"/>
        <source>Feature {key}</source>
        <translation>Entité {key}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="175"/>
        <source>{feature}: {rule}</source>
        <translation>{feature} : {rule}</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="52"/>
        <source>Saved on this computer only</source>
        <translation>Enregistrée sur cet ordinateur seulement</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="53"/>
        <source>Saved on this computer, to be submitted</source>
        <translation>Enregistrée sur cet ordinateur, à soumettre</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>My proposals</source>
        <translation>Mes propositions</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="77"/>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="77"/>
        <source>Awaiting</source>
        <translation>En attente de</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="104"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="85"/>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="86"/>
        <source>Submit again</source>
        <translation>Soumettre à nouveau</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="87"/>
        <source>Send the local drafts</source>
        <translation>Envoyer les brouillons locaux</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="88"/>
        <source>Edit in the layer</source>
        <translation>Modifier dans la couche</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="89"/>
        <source>Reload the proposal&apos;s changes into an edit session of its layer, change them, then use Propose my changes and Submit again.</source>
        <translation>Recharge les changements de la proposition dans une session d'édition de sa couche : modifiez-les, puis utilisez « Proposer mes modifications » et soumettez à nouveau.</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="133"/>
        <source>Reading my proposals…</source>
        <translation>Lecture de mes propositions…</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="144"/>
        <source>Proposals by {login}</source>
        <translation>Propositions de {login}</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="146"/>
        <source>GeoPackage store: no access control (identity from the settings)</source>
        <translation>Registre GeoPackage : aucun contrôle d'accès (identité issue des paramètres)</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="148"/>
        <source>the proposal database cannot be reached: only the drafts kept on this computer are listed</source>
        <translation>la base des propositions est injoignable : seuls les brouillons conservés sur cet ordinateur sont listés</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="174"/>
        <source>{n} proposal(s).</source>
        <translation>{n} proposition(s).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="254"/>
        <source>Reading the proposal…</source>
        <translation>Lecture de la proposition…</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="240"/>
        <source>Withdrawing the proposal…</source>
        <translation>Retrait de la proposition…</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="681"/>
        <source>Submitting the proposal…</source>
        <translation>Soumission de la proposition…</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="756"/>
        <source>Sending the drafts kept on this computer…</source>
        <translation>Envoi des brouillons conservés sur cet ordinateur…</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="264"/>
        <source>Add the layer of this proposal to the project first ({layer} at {uri}).</source>
        <translation>Ajoutez d'abord au projet la couche de cette proposition ({layer} sur {uri}).</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="268"/>
        <source>The layer “{layer}” has other edits: propose or discard them first.</source>
        <translation>La couche « {layer} » a d'autres modifications : proposez-les ou abandonnez-les d'abord.</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="273"/>
        <source>The layer “{layer}” has no field “{key}”.</source>
        <translation>La couche « {layer} » n'a pas de champ « {key} ».</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="279"/>
        <source>Finding the features of the proposal in the layer…</source>
        <translation>Recherche des entités de la proposition dans la couche…</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="280"/>
        <source>GeoGov: reload a proposal into its layer</source>
        <translation>GeoGov : recharger une proposition dans sa couche</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="291"/>
        <source>The layer was removed from the project.</source>
        <translation>La couche a été retirée du projet.</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="295"/>
        <source>{n} change(s) reloaded into “{layer}”: edit them, then use Propose my changes and Submit.</source>
        <translation>{n} changement(s) rechargé(s) dans « {layer} » : modifiez-les, puis utilisez « Proposer mes modifications » et soumettez.</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="299"/>
        <source>No longer in the layer: {keys}.</source>
        <translation>Absentes désormais de la couche : {keys}.</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="120"/>
        <source>Status: {status}</source>
        <translation>Statut : {status}</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="121"/>
        <source>Dataset: {dataset}</source>
        <translation>Jeu de données : {dataset}</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="154"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="330"/>
        <source>Problems to fix</source>
        <translation>Problèmes à corriger</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="146"/>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="149"/>
        <source>{who} ({role}) {decision} on {when}</source>
        <translation>{who} ({role}) : {decision} le {when}</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="162"/>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location filename="../ui/my_proposals.py" line="345"/>
        <source>{who} on {when}: {body}</source>
        <translation>{who}, le {when} : {body}</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="93"/>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="94"/>
        <source>Ask the address which kind of catalogue it is</source>
        <translation>Demander à l'adresse de quel type de catalogue il s'agit</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="116"/>
        <source>Detecting the catalogue kind</source>
        <translation>Détection du type de catalogue</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="124"/>
        <source>Asking {url}…</source>
        <translation>Interrogation de {url}…</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="145"/>
        <source>Found: {kind} — {title}</source>
        <translation>Trouvé : {kind} — {title}</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="194"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="194"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="247"/>
        <source>Import catalogue connections</source>
        <translation>Importer des connexions de catalogue</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="236"/>
        <source>Connections (*.json *.xml);;All files (*)</source>
        <translation>Connexions (*.json *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="247"/>
        <source>These connections were replaced by the imported ones: {names}</source>
        <translation>Ces connexions ont été remplacées par celles importées : {names}</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="272"/>
        <source>Export catalogue connections</source>
        <translation>Exporter les connexions de catalogue</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="264"/>
        <source>GeoGov connections (*.json)</source>
        <translation>Connexions GeoGov (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Propose my changes…</source>
        <translation>Proposer mes modifications…</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="38"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="38"/>
        <source>Submitted, awaiting review</source>
        <translation>Soumise, en attente de validation</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="39"/>
        <source>Changes requested</source>
        <translation>Modifications demandées</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="39"/>
        <source>Approved</source>
        <translation>Approuvée</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="40"/>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="40"/>
        <source>Applied to the data</source>
        <translation>Appliquée aux données</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="41"/>
        <source>Conflict with newer data</source>
        <translation>En conflit avec des données plus récentes</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="41"/>
        <source>Withdrawn</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="46"/>
        <source>approved</source>
        <translation>approuvée</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="46"/>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="47"/>
        <source>requested changes</source>
        <translation>modifications demandées</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="51"/>
        <source>steward</source>
        <translation>référent validation</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="51"/>
        <source>data protection officer</source>
        <translation>délégué à la protection des données</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="52"/>
        <source>coordinator</source>
        <translation>coordinateur</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="57"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="63"/>
        <source>({n} bytes)</source>
        <translation>({n} octets)</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="70"/>
        <source>{total} change(s): {added} added, {modified} modified, {deleted} deleted</source>
        <translation>{total} changement(s) : {added} ajoutée(s), {modified} modifiée(s), {deleted} supprimée(s)</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="111"/>
        <source>Added ({n})</source>
        <translation>Ajoutées ({n})</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="111"/>
        <source>Modified ({n})</source>
        <translation>Modifiées ({n})</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="111"/>
        <source>Deleted ({n})</source>
        <translation>Supprimées ({n})</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="131"/>
        <source>geometry</source>
        <translation>géométrie</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="131"/>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="131"/>
        <source>moved or reshaped</source>
        <translation>déplacée ou redessinée</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="142"/>
        <source>… and {n} more</source>
        <translation>… et {n} autres</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="210"/>
        <source>WFS service</source>
        <translation>Service WFS</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="210"/>
        <source>PostGIS table</source>
        <translation>Table PostGIS</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="210"/>
        <source>GeoPackage table</source>
        <translation>Table GeoPackage</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="211"/>
        <source>{kind} {layer} at {where}</source>
        <translation>{kind} {layer} sur {where}</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="226"/>
        <source>&lt;b&gt;Dataset&lt;/b&gt;: {title} ({id})</source>
        <translation>&lt;b&gt;Jeu de données&lt;/b&gt; : {title} ({id})</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="251"/>
        <source>&lt;b&gt;Target&lt;/b&gt;: {target}</source>
        <translation>&lt;b&gt;Cible&lt;/b&gt; : {target}</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="229"/>
        <source>&lt;b&gt;Proposed by&lt;/b&gt;: {login} ({partner})</source>
        <translation>&lt;b&gt;Proposée par&lt;/b&gt; : {login} ({partner})</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="229"/>
        <source>unknown organisation</source>
        <translation>organisme inconnu</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="239"/>
        <source>&lt;b&gt;Where&lt;/b&gt;: {places}</source>
        <translation>&lt;b&gt;Où&lt;/b&gt; : {places}</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="245"/>
        <source>&lt;b&gt;Reviewed by&lt;/b&gt;: {reviewers}</source>
        <translation>&lt;b&gt;Validée par&lt;/b&gt; : {reviewers}</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="245"/>
        <source>nobody: the convention names no steward</source>
        <translation>personne : la convention ne désigne aucun référent validation</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="248"/>
        <source>no DPO named</source>
        <translation>aucun DPO désigné</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="249"/>
        <source>&lt;b&gt;And, for personal data, the data protection officer&lt;/b&gt;: {dpos}</source>
        <translation>&lt;b&gt;Et, pour les données personnelles, le délégué à la protection des données&lt;/b&gt; : {dpos}</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="253"/>
        <source>The proposal database cannot be reached: your identity is the login of the connection, not yet confirmed by the database.</source>
        <translation>La base des propositions est injoignable : votre identité est l'identifiant de la connexion, pas encore confirmé par la base.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="120"/>
        <source>Propose my changes</source>
        <translation>Proposer mes modifications</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="16"/>
        <source>What to propose</source>
        <translation>Quoi proposer</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="23"/>
        <source>The differences between an edited copy and the authoritative layer</source>
        <translation>Les différences entre une copie modifiée et la couche de référence</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="29"/>
        <source>Compute the changes again</source>
        <translation>Recalculer les changements</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="34"/>
        <source>Shared layer</source>
        <translation>Couche partagée</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="35"/>
        <source>Edited copy</source>
        <translation>Copie modifiée</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="63"/>
        <source>GeoPackage store: there is no access control. Your identity is the one declared in the GeoGov settings, and anyone who can open the file can change it.</source>
        <translation>Registre GeoPackage : il n'y a aucun contrôle d'accès. Votre identité est celle déclarée dans les paramètres de GeoGov, et quiconque peut ouvrir le fichier peut le modifier.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="98"/>
        <source>Feature / field</source>
        <translation>Entité / champ</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="125"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="125"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="155"/>
        <source>Why these changes? What did you see on the ground, which source did you use?</source>
        <translation>Pourquoi ces changements ? Qu'avez-vous constaté sur le terrain, quelle source avez-vous utilisée ?</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="169"/>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="183"/>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="184"/>
        <source>Submit</source>
        <translation>Soumettre</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="223"/>
        <source>Choose the shared layer.</source>
        <translation>Choisissez la couche partagée.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="240"/>
        <source>Choose the edited copy: another layer than the shared one.</source>
        <translation>Choisissez la copie modifiée : une autre couche que la couche partagée.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="255"/>
        <source>Computing, checking and saving the changes…</source>
        <translation>Calcul, contrôle et enregistrement des changements…</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="256"/>
        <source>GeoGov: propose changes to {layer}</source>
        <translation>GeoGov : proposer des modifications de {layer}</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="325"/>
        <source>There is nothing to propose: the edited version is the same as the authoritative one.</source>
        <translation>Il n'y a rien à proposer : la version modifiée est identique à la version de référence.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="330"/>
        <source>The draft could not be saved: {reason}</source>
        <translation>Le brouillon n'a pas pu être enregistré : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="335"/>
        <source>Draft saved in the proposal store ({id}).</source>
        <translation>Brouillon enregistré dans le registre des propositions ({id}).</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="383"/>
        <source>{n} problem(s) to fix before submitting:</source>
        <translation>{n} problème(s) à corriger avant de soumettre :</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="383"/>
        <source>No problem found: the changes can be submitted.</source>
        <translation>Aucun problème : les changements peuvent être soumis.</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="28"/>
        <source>Wait for the current operation to finish.</source>
        <translation>Attendez la fin de l'opération en cours.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="618"/>
        <source>The changes have not been computed yet.</source>
        <translation>Les changements n'ont pas encore été calculés.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="620"/>
        <source>There is nothing to propose.</source>
        <translation>Il n'y a rien à proposer.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="626"/>
        <source>Submit is disabled: fix the {n} problem(s) listed in the layer, then compute the changes again.</source>
        <translation>Impossible de soumettre : corrigez dans la couche le(s) {n} problème(s) listé(s), puis recalculez les changements.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="629"/>
        <source>Submit is disabled: the draft could not be saved.</source>
        <translation>Impossible de soumettre : le brouillon n'a pas pu être enregistré.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="631"/>
        <source>This proposal is submitted.</source>
        <translation>Cette proposition est soumise.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="636"/>
        <source>Give the proposal a title.</source>
        <translation>Donnez un titre à la proposition.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="638"/>
        <source>Say why: reviewers need the reason for these changes.</source>
        <translation>Dites pourquoi : les valideurs ont besoin de la raison de ces changements.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="681"/>
        <source>Saving the draft…</source>
        <translation>Enregistrement du brouillon…</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="682"/>
        <source>GeoGov: save the proposal</source>
        <translation>GeoGov : enregistrer la proposition</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="698"/>
        <source>The proposal is saved on this computer and will be submitted when the database is reachable.</source>
        <translation>La proposition est enregistrée sur cet ordinateur et sera soumise dès que la base sera joignable.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="704"/>
        <source>Proposal submitted: {status}. The reviewers will see it in their queue.</source>
        <translation>Proposition soumise : {status}. Les valideurs la verront dans leur file d'attente.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="707"/>
        <source>Draft saved ({id}).</source>
        <translation>Brouillon enregistré ({id}).</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="733"/>
        <source>Discard the edits from the layer?</source>
        <translation>Abandonner les modifications de la couche ?</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="727"/>
        <source>Your changes now live in the proposal “{title}”. Discard them from the layer “{layer}”? Nothing is ever saved to the shared data from here: it changes only when a steward applies the approved proposal.</source>
        <translation>Vos changements sont désormais dans la proposition « {title} ». Les abandonner dans la couche « {layer} » ? Rien n'est jamais enregistré d'ici dans les données partagées : elles ne changent que lorsqu'un référent validation applique la proposition approuvée.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="757"/>
        <source>GeoGov: send the local drafts</source>
        <translation>GeoGov : envoyer les brouillons locaux</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="769"/>
        <source>Sent to the proposal database.</source>
        <translation>Envoyée à la base des propositions.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="769"/>
        <source>Sent and submitted.</source>
        <translation>Envoyée et soumise.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="773"/>
        <source>Nothing left to send.</source>
        <translation>Plus rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="775"/>
        <source>Still not sent: {reason}</source>
        <translation>Toujours pas envoyée : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="780"/>
        <source>Draft saved locally: it will be sent when the database is reachable.</source>
        <translation>Brouillon enregistré localement : il sera envoyé dès que la base sera joignable.</translation>
    </message>
    <message>
        <location filename="../ui/propose_action.py" line="133"/>
        <source>GeoGov: local copy of {layer}</source>
        <translation>GeoGov : copie locale de {layer}</translation>
    </message>
    <message>
        <location filename="../ui/propose_action.py" line="145"/>
        <source>Local copy {path} added in edit mode: edit it, then use Propose my changes. The shared layer is not changed.</source>
        <translation>Copie locale {path} ajoutée en mode édition : modifiez-la, puis utilisez « Proposer mes modifications ». La couche partagée n'est pas modifiée.</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Edit a local copy of this shared layer</source>
        <translation>Modifier une copie locale de cette couche partagée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="21"/>
        <source>Continual</source>
        <comment>update frequency</comment>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="22"/>
        <source>Daily</source>
        <comment>update frequency</comment>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="23"/>
        <source>Weekly</source>
        <comment>update frequency</comment>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="24"/>
        <source>Fortnightly</source>
        <comment>update frequency</comment>
        <translation>Tous les 15 jours</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="25"/>
        <source>Twice a month</source>
        <comment>update frequency</comment>
        <translation>Deux fois par mois</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="26"/>
        <source>Monthly</source>
        <comment>update frequency</comment>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="27"/>
        <source>Quarterly</source>
        <comment>update frequency</comment>
        <translation>Trimestrielle</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="28"/>
        <source>Half-yearly</source>
        <comment>update frequency</comment>
        <translation>Semestrielle</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="29"/>
        <source>Yearly</source>
        <comment>update frequency</comment>
        <translation>Annuelle</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="30"/>
        <source>Every two years</source>
        <comment>update frequency</comment>
        <translation>Tous les deux ans</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="31"/>
        <source>Periodic</source>
        <comment>update frequency</comment>
        <translation>Périodique</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="32"/>
        <source>As needed</source>
        <comment>update frequency</comment>
        <translation>Au besoin</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="33"/>
        <source>Irregular</source>
        <comment>update frequency</comment>
        <translation>Irrégulière</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="34"/>
        <source>Not planned</source>
        <comment>update frequency</comment>
        <translation>Non planifiée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="35"/>
        <source>Unknown</source>
        <comment>update frequency</comment>
        <translation>Inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="48"/>
        <source>Every {duration}</source>
        <comment>update frequency</comment>
        <translation>Tous les {duration}</translation>
    </message>
    <message>
        <location filename="../ui/record_details.py" line="200"/>
        <source>About the record</source>
        <translation>À propos de la fiche</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="146"/>
        <source>New feature no. {n} (no key yet)</source>
        <translation>Nouvelle entité n° {n} (pas encore identifiée)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="52"/>
        <source>Applied and verified: {inserted} added, {updated} modified, {deleted} deleted.</source>
        <translation>Appliquée et vérifiée : {inserted} ajoutée(s), {updated} modifiée(s), {deleted} supprimée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="57"/>
        <source>Every change was already in the data (an earlier attempt wrote it); nothing was written again.</source>
        <translation>Toutes les modifications figuraient déjà dans les données (une tentative précédente les avait écrites) ; rien n’a été réécrit.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="60"/>
        <source>Conflict: {n} feature(s) changed in the data since the proposal was made. Nothing was written.</source>
        <translation>Conflit : {n} entité(s) ont changé dans les données depuis la proposition. Rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="63"/>
        <source>Feature {key}: fields changed on both sides: {fields}</source>
        <translation>Entité {key} : champs modifiés des deux côtés : {fields}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="66"/>
        <source>The proposal does not fit the target&apos;s schema; nothing was sent.</source>
        <translation>La proposition ne correspond pas au schéma de la cible ; rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="68"/>
        <source>Feature {key}, field {field}: {code}</source>
        <translation>Entité {key}, champ {field} : {code}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="72"/>
        <source>Cancelled while writing.</source>
        <translation>Annulé pendant l’écriture.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="74"/>
        <source>Refused: {op} of feature {key}: {message}</source>
        <translation>Refusé : {op} de l’entité {key} : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="77"/>
        <source>Everything of the proposal that had been written was undone.</source>
        <translation>Tout ce qui avait été écrit de la proposition a été annulé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="79"/>
        <source>The undo could not restore every feature: {keys}. Check them in the data.</source>
        <translation>L’annulation n’a pas pu rétablir toutes les entités : {keys}. Vérifiez-les dans les données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="83"/>
        <source>The connection failed after sending: what the server did is unknown. Run the apply again later: it finds what already landed and writes only the rest.</source>
        <translation>La connexion a échoué après l’envoi : on ne sait pas ce que le serveur a fait. Relancez l’application plus tard : elle retrouve ce qui a déjà été écrit et n’écrit que le reste.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="133"/>
        <source>Apply an approved proposal</source>
        <translation>Appliquer une proposition approuvée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_common.py" line="31"/>
        <source>Review and apply</source>
        <translation>Validation et application</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="165"/>
        <source>Authentication configuration of the target</source>
        <translation>Configuration d’authentification de la cible</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="173"/>
        <source>Apply result</source>
        <translation>Résultat de l’application</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="175"/>
        <source>Proposal status</source>
        <translation>Statut de la proposition</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="176"/>
        <source>Report (JSON)</source>
        <translation>Compte rendu (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="209"/>
        <source>Proposal {id} is {status}: only an approved proposal can be applied.</source>
        <translation>La proposition {id} est au statut {status} : seule une proposition approuvée peut être appliquée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="40"/>
        <source>Export a dataset&apos;s change log</source>
        <translation>Exporter le journal des modifications d’un jeu de données</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="43"/>
        <source>Dataset (DATASET): a dataset id of the convention.
Title (TITLE, optional): the dataset&apos;s title shown on the page.
Since (SINCE, optional): only changes applied from this date (YYYY-MM-DD, UTC).
Format (FORMAT): CSV, GeoJSON (WGS 84) or HTML (a standalone page to publish).

One line per changed feature of every applied proposal, oldest first: when it was applied, the proposal, its title and the author&apos;s reason, author and partner, who approved it, who applied it, the operation, the feature and the changed values. Output COUNT: the number of proposals exported.</source>
        <translation>Jeu de données (DATASET) : un identifiant de jeu de données de la convention.
Titre (TITLE, facultatif) : le titre du jeu affiché sur la page.
Depuis (SINCE, facultatif) : seulement les modifications appliquées à partir de cette date (AAAA-MM-JJ, UTC).
Format (FORMAT) : CSV, GeoJSON (WGS 84) ou HTML (une page autonome à publier).

Une ligne par entité modifiée de chaque proposition appliquée, de la plus ancienne à la plus récente : date d’application, proposition, son titre et le motif de l’auteur, auteur et partenaire, qui l’a approuvée, qui l’a appliquée, l’opération, l’entité et les valeurs modifiées. Sortie COUNT : le nombre de propositions exportées.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="59"/>
        <source>Dataset title</source>
        <translation>Titre du jeu de données</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="61"/>
        <source>Applied since (YYYY-MM-DD)</source>
        <translation>Appliquées depuis (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="63"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="66"/>
        <source>Change log file</source>
        <translation>Fichier du journal des modifications</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="86"/>
        <source>Not a date (YYYY-MM-DD): {value}</source>
        <translation>Ce n’est pas une date (AAAA-MM-JJ) : {value}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="99"/>
        <source>Cannot write {path}: {error}</source>
        <translation>Impossible d’écrire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_export_changelog.py" line="101"/>
        <source>{n} applied proposal(s) written to {path}.</source>
        <translation>{n} proposition(s) appliquée(s) écrite(s) dans {path}.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="102"/>
        <source>proposal</source>
        <translation>proposition</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="314"/>
        <source>{title} — after</source>
        <translation>{title} — après</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="315"/>
        <source>{title} — before</source>
        <translation>{title} — avant</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="405"/>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="405"/>
        <source>Deleted</source>
        <translation>Supprimée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="405"/>
        <source>Modified (after)</source>
        <translation>Modifiée (après)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="406"/>
        <source>Modified (before)</source>
        <translation>Modifiée (avant)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="424"/>
        <source>{title} — attribute changes</source>
        <translation>{title} — attributs modifiés</translation>
    </message>
    <message>
        <location filename="../ui/attribute_diff.py" line="42"/>
        <source>One row per change. Green: added; red: deleted; highlighted: the value changed (beside it, struck through, the value before).</source>
        <translation>Une ligne par changement. Vert : ajoutée ; rouge : supprimée ; surlignée : la valeur a changé (à côté, barrée, la valeur d'avant).</translation>
    </message>
    <message>
        <location filename="../ui/attribute_diff.py" line="47"/>
        <source>Open in QGIS&apos;s attribute table</source>
        <translation>Ouvrir dans la table attributaire de QGIS</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="50"/>
        <source>GeoGov review</source>
        <translation>GeoGov – validation</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="185"/>
        <source>Show the changes on the map</source>
        <translation>Afficher les modifications sur la carte</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="192"/>
        <source>Swipe between before and after</source>
        <translation>Balayer entre avant et après</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="198"/>
        <source>Zoom to the change</source>
        <translation>Zoomer sur le changement</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="199"/>
        <source>Zoom to all changes</source>
        <translation>Zoomer sur tous les changements</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="203"/>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="260"/>
        <source>On the map: {added} added (green), {deleted} deleted (red), {modified} modified (orange; before: dashed).</source>
        <translation>Sur la carte : {added} ajoutée(s) (vert), {deleted} supprimée(s) (rouge), {modified} modifiée(s) (orange ; avant : en tirets).</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="399"/>
        <source>Change {n} of {total}: {feature}</source>
        <translation>Changement {n} sur {total} : {feature}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="21"/>
        <source>Applying the proposal failed: {message}</source>
        <translation>L'application de la proposition a échoué : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="24"/>
        <source>The authoritative data changed since the proposal was made: nothing was written.</source>
        <translation>Les données de référence ont changé depuis la proposition : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="26"/>
        <source>Cannot connect to the target database. Check the connection and its authentication configuration.</source>
        <translation>Connexion impossible à la base de données cible. Vérifiez la connexion et sa configuration d'authentification.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="47"/>
        <source>GeoGov cannot apply changes to a target of kind “{kind}”.</source>
        <translation>GeoGov ne sait pas appliquer de modifications à une cible de type « {kind} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="48"/>
        <source>This proposal has no changes to apply.</source>
        <translation>Cette proposition n'a aucune modification à appliquer.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="49"/>
        <source>Only an approved proposal can be applied (this one is “{status}”).</source>
        <translation>Seule une proposition approuvée peut être appliquée (celle-ci est « {status} »).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="57"/>
        <source>The target has no table “{table}”.</source>
        <translation>La cible n'a pas de table « {table} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="58"/>
        <source>The table “{table}” has no single-column primary key: GeoGov cannot find its features.</source>
        <translation>La table « {table} » n'a pas de clé primaire sur une seule colonne : GeoGov ne peut pas retrouver ses entités.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="60"/>
        <source>Several features of the target have {field} = {key}: the key must identify one feature.</source>
        <translation>Plusieurs entités de la cible ont {field} = {key} : la clé doit identifier une seule entité.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="62"/>
        <source>The value of “{field}” contains control characters that cannot be sent to a WFS server.</source>
        <translation>La valeur de « {field} » contient des caractères de contrôle qui ne peuvent pas être envoyés à un serveur WFS.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="64"/>
        <source>An update or a deletion was prepared without any feature.</source>
        <translation>Une modification ou une suppression a été préparée sans aucune entité.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="65"/>
        <source>Too many features in one request ({count}); the server would silently match none.</source>
        <translation>Trop d'entités dans une même requête ({count}) : le serveur n'en trouverait silencieusement aucune.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="89"/>
        <source>The changes are in {proposal}, the target in {target}.</source>
        <translation>Les modifications sont en {proposal}, la cible en {target}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="90"/>
        <source>the service does not allow this kind of change.</source>
        <translation>le service n'autorise pas ce type de modification.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="91"/>
        <source>the target has no field “{field}”, the key of the proposal.</source>
        <translation>la cible n'a pas de champ « {field} », la clé de la proposition.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="92"/>
        <source>this feature appears twice in the proposal.</source>
        <translation>cette entité apparaît deux fois dans la proposition.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="93"/>
        <source>the target has no field “{field}”.</source>
        <translation>la cible n'a pas de champ « {field} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="94"/>
        <source>the field “{field}” is filled by the target itself and cannot be changed.</source>
        <translation>le champ « {field} » est rempli par la cible elle-même et ne peut pas être modifié.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="96"/>
        <source>the value {value} of “{field}” is not a valid {type}.</source>
        <translation>la valeur {value} de « {field} » n'est pas un(e) {type} valide.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="97"/>
        <source>the field “{field}” may not be empty in the target.</source>
        <translation>le champ « {field} » ne peut pas être vide dans la cible.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="98"/>
        <source>the key “{field}” is empty.</source>
        <translation>la clé « {field} » est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="99"/>
        <source>the geometry cannot be read ({detail}).</source>
        <translation>la géométrie est illisible ({detail}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="100"/>
        <source>the geometry is a {geometry}, the target holds {layer}.</source>
        <translation>la géométrie est de type {geometry}, la cible contient des {layer}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="101"/>
        <source>the geometry is missing and the target requires one.</source>
        <translation>la géométrie manque et la cible en exige une.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="103"/>
        <source>The service&apos;s description of the layer cannot be used (element {element}).</source>
        <translation>La description de la couche par le service est inutilisable (élément {element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="105"/>
        <source>The service does not publish the layer “{typename}”.</source>
        <translation>Le service ne publie pas la couche « {typename} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="106"/>
        <source>The layer “{typename}” has no field “{field}”.</source>
        <translation>La couche « {typename} » n'a pas de champ « {field} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="107"/>
        <source>The server sent “{value}” for “{field}”, which is not a valid {type}.</source>
        <translation>Le serveur a envoyé « {value} » pour « {field} », qui n'est pas un(e) {type} valide.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="108"/>
        <source>The server did not answer the transaction with a transaction response ({element}).</source>
        <translation>Le serveur n'a pas répondu à la transaction par une réponse de transaction ({element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="110"/>
        <source>The server&apos;s transaction response has an unreadable count ({value}).</source>
        <translation>La réponse du serveur à la transaction contient un décompte illisible ({value}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="112"/>
        <source>The coordinate reference system {crs} is unknown.</source>
        <translation>Le système de coordonnées {crs} est inconnu.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="113"/>
        <source>A geometry of the proposal cannot be read.</source>
        <translation>Une géométrie de la proposition est illisible.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="114"/>
        <source>A geometry cannot be converted to or from GML.</source>
        <translation>Une géométrie ne peut pas être convertie en GML ou depuis GML.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="116"/>
        <source>Feature {key}: choose a value for {fields}.</source>
        <translation>Entité {key} : choisissez une valeur pour {fields}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="117"/>
        <source>The choice for “{field}” is not understood.</source>
        <translation>Le choix pour « {field} » n'est pas compris.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="119"/>
        <source>Unknown change log format “{format}”: choose CSV, GeoJSON or HTML.</source>
        <translation>Format de journal inconnu « {format} » : choisissez CSV, GeoJSON ou HTML.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="124"/>
        <source>The diff layers cannot be built: {message}</source>
        <translation>Les couches de différences ne peuvent pas être construites : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="122"/>
        <source>The changes of this proposal have no geometry to show on the map.</source>
        <translation>Les modifications de cette proposition n'ont pas de géométrie à afficher sur la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="123"/>
        <source>The diff style cannot be loaded: {message}</source>
        <translation>Le style des différences ne peut pas être chargé : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="148"/>
        <source>{who}: {message}</source>
        <translation>{who} : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="150"/>
        <source>{feature}: {message}</source>
        <translation>{feature} : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="155"/>
        <source>The server</source>
        <translation>Le serveur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="155"/>
        <source>The database</source>
        <translation>La base de données</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="156"/>
        <source>The check after writing</source>
        <translation>La vérification après écriture</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="156"/>
        <source>The target</source>
        <translation>La cible</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="162"/>
        <source>(and {n} more)</source>
        <translation>(et {n} de plus)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="178"/>
        <source>Applied to the authoritative data and verified: {inserted} added, {updated} modified, {deleted} deleted.</source>
        <translation>Appliquée aux données de référence et vérifiée : {inserted} ajoutée(s), {updated} modifiée(s), {deleted} supprimée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="181"/>
        <source>These changes were already in the data (an earlier attempt had landed): nothing was written twice. {inserted} added, {updated} modified, {deleted} deleted.</source>
        <translation>Ces modifications étaient déjà dans les données (une tentative précédente avait abouti) : rien n'a été écrit deux fois. {inserted} ajoutée(s), {updated} modifiée(s), {deleted} supprimée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="185"/>
        <source>{n} feature(s) changed in the authoritative data since the proposal was made: nothing was written. Resolve the conflicts to rebase the proposal; it then needs approval again.</source>
        <translation>{n} entité(s) modifiée(s) dans les données de référence depuis la proposition : rien n'a été écrit. Résolvez les conflits pour mettre à jour la proposition ; elle devra ensuite être approuvée à nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="190"/>
        <source>The changes do not fit the target&apos;s schema: nothing was sent. {problems}</source>
        <translation>Les modifications ne respectent pas le schéma de la cible : rien n'a été envoyé. {problems}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="195"/>
        <source>The target refused part of the proposal: {refusals}. Everything of the proposal that had landed was undone; the data is as before.</source>
        <translation>La cible a refusé une partie de la proposition : {refusals}. Tout ce qui avait été écrit de la proposition a été défait ; les données sont comme avant.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="200"/>
        <source>The target refused part of the proposal: {refusals}. Undoing what had landed failed for: {left}. Check these features in the data.</source>
        <translation>La cible a refusé une partie de la proposition : {refusals}. L'annulation de ce qui avait été écrit a échoué pour : {left}. Vérifiez ces entités dans les données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="203"/>
        <source>Cancelled while writing: everything of the proposal that had landed was undone.</source>
        <translation>Annulé pendant l'écriture : tout ce qui avait été écrit de la proposition a été défait.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="205"/>
        <source>The connection failed after sending: whether the changes landed is unknown. Apply again: GeoGov finds what already landed and writes nothing twice.</source>
        <translation>La connexion a échoué après l'envoi : on ne sait pas si les modifications ont été écrites. Appliquez à nouveau : GeoGov retrouve ce qui a déjà été écrit et n'écrit rien deux fois.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="207"/>
        <source>The apply ended with the status “{status}”.</source>
        <translation>L'application s'est terminée avec le statut « {status} ».</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="39"/>
        <source>just now</source>
        <translation>à l'instant</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="41"/>
        <source>a minute ago</source>
        <translation>il y a une minute</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="43"/>
        <source>{n} minutes ago</source>
        <translation>il y a {n} minutes</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="45"/>
        <source>an hour ago</source>
        <translation>il y a une heure</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="47"/>
        <source>{n} hours ago</source>
        <translation>il y a {n} heures</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="49"/>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="51"/>
        <source>{n} days ago</source>
        <translation>il y a {n} jours</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="52"/>
        <source>{n} months ago</source>
        <translation>il y a {n} mois</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="56"/>
        <source>DPO</source>
        <translation>DPO</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="64"/>
        <source>{role} ✓</source>
        <translation>{role} ✓</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="64"/>
        <source>{role} pending</source>
        <translation>{role} en attente</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="74"/>
        <source>{added} added, {modified} modified, {deleted} deleted</source>
        <translation>{added} ajoutée(s), {modified} modifiée(s), {deleted} supprimée(s)</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="97"/>
        <source>applied</source>
        <translation>appliquée</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="97"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="97"/>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="98"/>
        <source>outcome unknown</source>
        <translation>résultat inconnu</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="98"/>
        <source>refused, undone</source>
        <translation>refusée, défaite</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="103"/>
        <source>{when}, by {who}: {result}</source>
        <translation>{when}, par {who} : {result}</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="122"/>
        <source>Proposed by {author} ({partner}), {age}</source>
        <translation>Proposée par {author} ({partner}), {age}</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="126"/>
        <source>Review round {n}</source>
        <translation>Tour de validation {n}</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="129"/>
        <source>No explanation given.</source>
        <translation>Aucune explication donnée.</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="56"/>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="138"/>
        <source>Validation</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="143"/>
        <source>No problem was found when it was checked before submission.</source>
        <translation>Aucun problème n'a été trouvé lors de la vérification avant soumission.</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="153"/>
        <source>(round {n})</source>
        <translation>(tour {n})</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="159"/>
        <source>Apply attempts</source>
        <translation>Tentatives d'application</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="168"/>
        <source>No comment yet.</source>
        <translation>Aucun commentaire pour l'instant.</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="184"/>
        <source>Add a comment to the discussion…</source>
        <translation>Ajouter un commentaire à la discussion…</translation>
    </message>
    <message>
        <location filename="../ui/proposal_view.py" line="186"/>
        <source>Add the comment</source>
        <translation>Ajouter le commentaire</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="51"/>
        <source>Export the change log</source>
        <translation>Exporter le journal des modifications</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="55"/>
        <source>All datasets</source>
        <translation>Tous les jeux de données</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="73"/>
        <source>Folder of the exported files</source>
        <translation>Dossier des fichiers exportés</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="78"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="79"/>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="80"/>
        <source>The change log lists the applied proposals: who proposed them and why, who approved and applied them, and each changed feature.</source>
        <translation>Le journal des modifications liste les propositions appliquées : qui les a proposées et pourquoi, qui les a approuvées et appliquées, et chaque entité modifiée.</translation>
    </message>
    <message>
        <location filename="../ui/standard_buttons.py" line="24"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="89"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="112"/>
        <source>change-log</source>
        <translation>journal-des-modifications</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="111"/>
        <source>all-datasets</source>
        <translation>tous-les-jeux</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="121"/>
        <source>Choose at least one format.</source>
        <translation>Choisissez au moins un format.</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="123"/>
        <source>Choose an existing folder.</source>
        <translation>Choisissez un dossier existant.</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="125"/>
        <source>Type a file name.</source>
        <translation>Saisissez un nom de fichier.</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="141"/>
        <source>Exporting the change log…</source>
        <translation>Export du journal des modifications…</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="144"/>
        <source>GeoGov: export the change log</source>
        <translation>GeoGov : export du journal des modifications</translation>
    </message>
    <message>
        <location filename="../ui/changelog_dialog.py" line="168"/>
        <source>{n} applied proposal(s) written to {link}</source>
        <translation>{n} proposition(s) appliquée(s) écrite(s) dans {link}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="61"/>
        <source>(no geometry)</source>
        <translation>(pas de géométrie)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="64"/>
        <source>(unreadable geometry)</source>
        <translation>(géométrie illisible)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="102"/>
        <source>Resolve the conflicts — {title}</source>
        <translation>Résoudre les conflits — {title}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="110"/>
        <source>The authoritative data changed since this proposal was made. For each field changed on both sides, click the value to keep in the “In the data now” or “Proposed” column, or double-click the “Merged” cell to type another value. Fields changed on one side only keep that side's value. The rebased proposal goes back to review and needs approval again.</source>
        <translation>Les données de référence ont changé depuis cette proposition. Pour chaque champ modifié des deux côtés, cliquez sur la valeur à garder dans la colonne « Dans les données » ou « Proposé », ou double-cliquez sur la cellule « Fusion » pour saisir une autre valeur. Un champ modifié d'un seul côté garde la valeur de ce côté. La proposition mise à jour repart en validation et doit être approuvée à nouveau.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="90"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="119"/>
        <source>In the data now</source>
        <translation>Dans les données</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="119"/>
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="145"/>
        <source>Keep the data&apos;s value everywhere</source>
        <translation>Garder partout la valeur des données</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="146"/>
        <source>Take the proposed value everywhere</source>
        <translation>Prendre partout la valeur proposée</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="147"/>
        <source>Settles every choice still open; fields changed on one side only keep that side&apos;s value.</source>
        <translation>Tranche tous les choix restants ; un champ modifié d'un seul côté garde la valeur de ce côté.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="155"/>
        <source>A comment for the reviewers: what you chose and why</source>
        <translation>Un commentaire pour les valideurs : ce que vous avez choisi et pourquoi</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="162"/>
        <source>Rebase the proposal</source>
        <translation>Mettre à jour la proposition</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="231"/>
        <source>geometry (WKT)</source>
        <translation>géométrie (WKT)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="232"/>
        <source>“{text}” is not a valid {type}.</source>
        <translation>« {text} » n'est pas un(e) {type} valide.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="259"/>
        <source>the whole feature</source>
        <translation>l'entité entière</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="299"/>
        <source>Geometry</source>
        <translation>Géométrie</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="306"/>
        <source>Changed on both sides: choose the value to keep.</source>
        <translation>Modifié des deux côtés : choisissez la valeur à garder.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="312"/>
        <source>Click to keep this value</source>
        <translation>Cliquez pour garder cette valeur</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="325"/>
        <source>This feature was deleted from the data since the proposal was made. Click “In the data now” to leave it deleted, or “Proposed” to create it again as proposed.</source>
        <translation>Cette entité a été supprimée des données depuis la proposition. Cliquez sur « Dans les données » pour la laisser supprimée, ou sur « Proposé » pour la recréer comme proposé.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="328"/>
        <source>The proposal deletes this feature, which was changed in the data meanwhile. Click “In the data now” to keep the feature as it is now, or “Proposed” to delete it anyway.</source>
        <translation>La proposition supprime cette entité, modifiée entre-temps dans les données. Cliquez sur « Dans les données » pour garder l'entité telle qu'elle est, ou sur « Proposé » pour la supprimer quand même.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="332"/>
        <source>The proposal adds a feature whose key is now taken in the data: merge the two.</source>
        <translation>La proposition ajoute une entité dont la clé est désormais prise dans les données : fusionnez les deux.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="333"/>
        <source>Changed in the data and in the proposal.</source>
        <translation>Modifiée dans les données et dans la proposition.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="357"/>
        <source>choose…</source>
        <translation>à choisir…</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="358"/>
        <source>Click a value on the left, or double-click here to type one.</source>
        <translation>Cliquez sur une valeur à gauche, ou double-cliquez ici pour en saisir une.</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="362"/>
        <source>A value you chose</source>
        <translation>Une valeur que vous avez choisie</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="368"/>
        <source>Automatic: only one side changed it</source>
        <translation>Automatique : un seul côté l'a modifié</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="368"/>
        <source>Your choice</source>
        <translation>Votre choix</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="403"/>
        <source>(to decide)</source>
        <translation>(à trancher)</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="406"/>
        <source>Still to decide: {items}</source>
        <translation>Reste à trancher : {items}</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="28"/>
        <source>Your proposal “{title}” is now: {status}.</source>
        <translation>Votre proposition « {title} » est maintenant : {status}.</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="30"/>
        <source>A new proposal awaits your review: “{title}” ({dataset}).</source>
        <translation>Une nouvelle proposition attend votre validation : « {title} » ({dataset}).</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="107"/>
        <source>{mine} of your proposals changed status and {new} new proposal(s) await your review.</source>
        <translation>{mine} de vos propositions ont changé de statut et {new} nouvelle(s) proposition(s) attendent votre validation.</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="119"/>
        <source>Proposal notifications: {error}</source>
        <translation>Notifications des propositions : {error}</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="123"/>
        <source>Notifications about proposals are interrupted: {error}</source>
        <translation>Les notifications sur les propositions sont interrompues : {error}</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="228"/>
        <source>The partnership convention is still loading…</source>
        <translation>La convention de partenariat est en cours de chargement…</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="27"/>
        <source>Approved, to apply</source>
        <translation>Approuvées, à appliquer</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="28"/>
        <source>My organisation&apos;s</source>
        <translation>De mon organisme</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="75"/>
        <source>Review proposals</source>
        <translation>Valider les propositions</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="52"/>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="56"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="56"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="101"/>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="102"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="103"/>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="105"/>
        <source>Change log…</source>
        <translation>Journal des modifications…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="107"/>
        <source>Your comment (required to reject or to request changes)</source>
        <translation>Votre commentaire (obligatoire pour rejeter ou demander des modifications)</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="429"/>
        <source>Apply to the authoritative data</source>
        <translation>Appliquer aux données de référence</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="112"/>
        <source>Resolve the conflicts…</source>
        <translation>Résoudre les conflits…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="198"/>
        <source>Reading the proposals…</source>
        <translation>Lecture des propositions…</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="34"/>
        <source>Reviewing as {login} ({partner}).</source>
        <translation>Validation en tant que {login} ({partner}).</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="37"/>
        <source>GeoPackage store: no access control (identity from the settings).</source>
        <translation>Registre GeoPackage : aucun contrôle d'accès (identité lue dans les paramètres).</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="42"/>
        <source>{n} proposal(s) in the list.</source>
        <translation>{n} proposition(s) dans la liste.</translation>
    </message>
    <message>
        <location filename="../ui/review_queue.py" line="42"/>
        <source>No proposal here.</source>
        <translation>Aucune proposition ici.</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="24"/>
        <source>Select one proposal in the list.</source>
        <translation>Sélectionnez une proposition dans la liste.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="44"/>
        <source>You cannot approve your own proposal: you are its author. A steward of the dataset reviews it.</source>
        <translation>Vous ne pouvez pas approuver votre propre proposition : vous en êtes l'auteur. Un référent validation du jeu de données la valide.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="13"/>
        <source>You are the author of this proposal: someone else reviews it.</source>
        <translation>Vous êtes l'auteur de cette proposition : quelqu'un d'autre la valide.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="20"/>
        <source>Your decision is not needed: you already decided in this round, or you are not a steward, DPO or coordinator for this proposal.</source>
        <translation>Votre décision n'est pas attendue : vous avez déjà décidé pour ce tour, ou vous n'êtes ni référent validation, ni DPO, ni coordinateur pour cette proposition.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="22"/>
        <source>Type a comment first: it is required to reject or to request changes.</source>
        <translation>Saisissez d'abord un commentaire : il est obligatoire pour rejeter ou demander des modifications.</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="95"/>
        <source>Approve this proposal</source>
        <translation>Approuver cette proposition</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="102"/>
        <source>Approve all selected ({n})</source>
        <translation>Approuver toute la sélection ({n})</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="102"/>
        <source>Select several proposals in the list (Ctrl or Shift + click).</source>
        <translation>Sélectionnez plusieurs propositions dans la liste (Ctrl ou Maj + clic).</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="102"/>
        <source>Each one is approved in turn; the refused ones are listed with the reason.</source>
        <translation>Chacune est approuvée à son tour ; les refus sont listés avec leur motif.</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="108"/>
        <source>Write the approved changes to the authoritative data, check them, and undo everything if part is refused.</source>
        <translation>Écrire les modifications approuvées dans les données de référence, les vérifier, et tout défaire si une partie est refusée.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="23"/>
        <source>Only an approved proposal can be applied.</source>
        <translation>Seule une proposition approuvée peut être appliquée.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="24"/>
        <source>Only a steward of this dataset or a coordinator may apply it.</source>
        <translation>Seul un référent validation de ce jeu de données ou un coordinateur peut l'appliquer.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="356"/>
        <source>Recording your decision…</source>
        <translation>Enregistrement de votre décision…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="365"/>
        <source>Decision recorded: the proposal “{title}” is now “{status}”.</source>
        <translation>Décision enregistrée : la proposition « {title} » est maintenant « {status} ».</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="383"/>
        <source>Approving {n} proposal(s)…</source>
        <translation>Approbation de {n} proposition(s)…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="400"/>
        <source>Adding your comment…</source>
        <translation>Ajout de votre commentaire…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="407"/>
        <source>Comment added.</source>
        <translation>Commentaire ajouté.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="429"/>
        <source>Write the changes of “{title}” ({size}) to {layer}? They are checked against the data first; if anything is refused, everything is undone.</source>
        <translation>Écrire les modifications de « {title} » ({size}) dans {layer} ? Elles sont d'abord comparées aux données ; si quoi que ce soit est refusé, tout est défait.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="434"/>
        <source>Applying “{title}” to the authoritative data…</source>
        <translation>Application de « {title} » aux données de référence…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="453"/>
        <source>The proposal store did not record it: {error}</source>
        <translation>Le registre des propositions ne l'a pas enregistré : {error}</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="534"/>
        <source>Rebasing the proposal on the current data…</source>
        <translation>Mise à jour de la proposition sur les données actuelles…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="541"/>
        <source>The proposal “{title}” was rebased on the current data: it is back in review and needs approval again.</source>
        <translation>La proposition « {title} » a été mise à jour sur les données actuelles : elle repart en validation et doit être approuvée à nouveau.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="581"/>
        <source>{done} approved, {failed} refused.</source>
        <translation>{done} approuvée(s), {failed} refusée(s).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="584"/>
        <source>“{title}”: {reason}</source>
        <translation>« {title} » : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="196"/>
        <source>◀ Previous change</source>
        <translation>◀ Changement précédent</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="197"/>
        <source>Next change ▶</source>
        <translation>Changement suivant ▶</translation>
    </message>
    <message>
        <location filename="../ui/diff_view.py" line="403"/>
        <source>{total} change(s): go through them with “Next change”.</source>
        <translation>{total} changement(s) : parcourez-les avec « Changement suivant ».</translation>
    </message>
    <message>
        <location filename="../ui/attribute_diff.py" line="45"/>
        <source>Only the key and the modified columns</source>
        <translation>Seulement la clé et les colonnes modifiées</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="78"/>
        <source>line of {length} m, centre {where}</source>
        <translation>ligne de {length} m, centre {where}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="79"/>
        <source>line, centre {where}</source>
        <translation>ligne, centre {where}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="82"/>
        <source>area of {area} m², centre {where}</source>
        <translation>surface de {area} m², centre {where}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="83"/>
        <source>area, centre {where}</source>
        <translation>surface, centre {where}</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="119"/>
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="119"/>
        <source>Merged</source>
        <translation>Fusion</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="121"/>
        <source>The value when the proposal was made</source>
        <translation>La valeur au moment de la proposition</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="121"/>
        <source>The value in the authoritative data now</source>
        <translation>La valeur actuelle dans les données de référence</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="121"/>
        <source>The value the proposal writes</source>
        <translation>La valeur que la proposition écrit</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="121"/>
        <source>The value the rebased proposal will write</source>
        <translation>La valeur que la proposition mise à jour écrira</translation>
    </message>
    <message>
        <location filename="../ui/conflict_dialog.py" line="406"/>
        <source>{feature}: {fields}</source>
        <translation>{feature} : {fields}</translation>
    </message>
    <message>
        <location filename="../ui/propose_action.py" line="109"/>
        <source>“{layer}” is shared data: do not save your edits, use Propose my changes.</source>
        <translation>« {layer} » est une donnée partagée : n'enregistrez pas vos modifications, utilisez « Proposer mes modifications ».</translation>
    </message>
    <message>
        <location filename="../ui/propose_action.py" line="109"/>
        <source>The steward of the data reviews your proposal before it is applied to the shared data.</source>
        <translation>Le référent validation de la donnée examine votre proposition avant qu'elle soit appliquée aux données partagées.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="55"/>
        <source>The proposal database refused the login: check the user name and password of the authentication configuration chosen in GeoGov&apos;s settings.</source>
        <translation>La base des propositions a refusé la connexion : vérifiez le nom d’utilisateur et le mot de passe de la configuration d’authentification choisie dans les paramètres de GeoGov.</translation>
    </message>
    <message>
        <location filename="../ui/standard_buttons.py" line="24"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/standard_buttons.py" line="24"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../ui/standard_buttons.py" line="24"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="43"/>
        <source>Set up the PostgreSQL proposal store (administrator)</source>
        <translation>Installer le registre PostgreSQL des propositions (administrateur)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="46"/>
        <source>For the region's database administrator. Creates or updates the GeoGov schema in a PostgreSQL/PostGIS database and loads the partnership convention into it: partners, their members (the convention's logins), datasets, stewards and approval rules. Each existing login receives the database roles that match its roles in the convention (contributor, steward, DPO, coordinator); from then on the database itself enforces who may see, propose, review and apply what.
Connection (DSN): &quot;host=… port=5432 dbname=…&quot;, without password.
Authentication (AUTHCFG): a QGIS authentication configuration holding an administrator's user name and password (a superuser or the DBA).
Convention (CONVENTION): path or URL of the convention file; empty: the one of the plugin settings.
Verify the audit trail (VERIFY): also check the hash chain of the audit trail.
Logins of the convention that do not exist yet in the database are listed (MISSING_LOGINS): create them with their passwords, then run the algorithm again. Running it again is safe: only what changed is written.</source>
        <translation>Pour l’administrateur de la base de données de la région. Crée ou met à jour le schéma GeoGov dans une base PostgreSQL/PostGIS et y charge la convention de partenariat : partenaires, leurs membres (les identifiants de la convention), jeux de données, référents et règles de validation. Chaque identifiant existant reçoit les rôles de base de données correspondant à ses rôles dans la convention (contributeur, référent, DPO, coordinateur) ; dès lors, c’est la base de données elle-même qui garantit qui peut voir, proposer, valider et appliquer quoi.
Connexion (DSN) : « host=… port=5432 dbname=… », sans mot de passe.
Authentification (AUTHCFG) : une configuration d’authentification QGIS contenant l’identifiant et le mot de passe d’un administrateur (superutilisateur ou administrateur de la base).
Convention (CONVENTION) : chemin ou URL du fichier de la convention ; vide : celle des paramètres du plugin.
Vérifier le journal d’audit (VERIFY) : contrôle aussi la chaîne d’empreintes du journal d’audit.
Les identifiants de la convention qui n’existent pas encore dans la base sont listés (MISSING_LOGINS) : créez-les avec leur mot de passe, puis relancez l’algorithme. Le relancer est sans risque : seul ce qui a changé est écrit.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="67"/>
        <source>PostgreSQL connection (without password)</source>
        <translation>Connexion PostgreSQL (sans mot de passe)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="69"/>
        <source>Administrator&apos;s authentication configuration</source>
        <translation>Configuration d’authentification de l’administrateur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="71"/>
        <source>Convention file or URL (empty: the plugin&apos;s)</source>
        <translation>Fichier ou URL de la convention (vide : celle du plugin)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="73"/>
        <source>Verify the audit trail</source>
        <translation>Vérifier le journal d’audit</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="75"/>
        <source>Schema version</source>
        <translation>Version du schéma</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="76"/>
        <source>Logins to create</source>
        <translation>Identifiants à créer</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="90"/>
        <source>No convention: give one, or configure it in GeoGov&apos;s settings.</source>
        <translation>Aucune convention : indiquez-en une ou configurez-la dans les paramètres de GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="101"/>
        <source>Installing or updating the schema…</source>
        <translation>Installation ou mise à jour du schéma…</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="104"/>
        <source>Schema version {version}.</source>
        <translation>Version du schéma : {version}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="107"/>
        <source>Convention loaded: {partners} partners, {members} members, {datasets} datasets, {stewardships} stewardships.</source>
        <translation>Convention chargée : {partners} partenaires, {members} membres, {datasets} jeux de données, {stewardships} attributions de référents.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="112"/>
        <source>Granted {group} to {login}.</source>
        <translation>Rôle {group} accordé à {login}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="114"/>
        <source>Revoked {group} from {login}.</source>
        <translation>Rôle {group} retiré à {login}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="117"/>
        <source>These logins of the convention do not exist in the database yet; create them, then run this again: {logins}</source>
        <translation>Ces identifiants de la convention n’existent pas encore dans la base ; créez-les puis relancez : {logins}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="129"/>
        <source>The audit trail was altered: row {row} fails ({reason}).</source>
        <translation>Le journal d’audit a été altéré : la ligne {row} est invalide ({reason}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="132"/>
        <source>Audit trail verified: {rows} rows, last hash {hash}. Keep this hash elsewhere: it reveals a rewritten trail.</source>
        <translation>Journal d’audit vérifié : {rows} lignes, dernière empreinte {hash}. Conservez cette empreinte ailleurs : elle révèle un journal réécrit.</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="220"/>
        <source>One record matches.</source>
        <translation>Une fiche correspond.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="67"/>
        <source>The folder of the proposal file does not exist: {folder}. Choose another file in Settings ▸ Options ▸ GeoGov.</source>
        <translation>Le dossier du fichier des propositions n'existe pas : {folder}. Choisissez un autre fichier dans Préférences ▸ Options ▸ GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="69"/>
        <source>The proposal store is a folder, not a GeoPackage file: choose a .gpkg file in Settings ▸ Options ▸ GeoGov.</source>
        <translation>Le magasin des propositions désigne un dossier et non un fichier GeoPackage : choisissez un fichier .gpkg dans Préférences ▸ Options ▸ GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="67"/>
        <source>“{code}” is not the INSEE code of a commune of the territory reference ({reference}).</source>
        <translation>« {code} » n'est le code INSEE d'aucune commune du référentiel territorial ({reference}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="69"/>
        <source>“{siren}” is not the SIREN number of an EPCI, an EPT or the Métropole du Grand Paris of the territory reference ({reference}).</source>
        <translation>« {siren} » n'est le numéro SIREN d'aucun EPCI, EPT ni de la Métropole du Grand Paris du référentiel territorial ({reference}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="72"/>
        <source>“{siren}” is not the SIREN number of an établissement public territorial of the territory reference ({reference}).</source>
        <translation>« {siren} » n'est le numéro SIREN d'aucun établissement public territorial du référentiel territorial ({reference}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="74"/>
        <source>The territory reference ({reference}) has no commune of the département “{code}”: its territory cannot be checked. Name a reference that covers it (territories: reference).</source>
        <translation>Le référentiel territorial ({reference}) ne contient aucune commune du département « {code} » : ce territoire ne peut pas être vérifié. Indiquez un référentiel qui le couvre (territories: reference).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="83"/>
        <source>Expected at least {minimum}, found {value}.</source>
        <translation>Au moins {minimum} attendu, {value} trouvé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="84"/>
        <source>No partner of kind “{kind}” has a territory.</source>
        <translation>Aucun partenaire de type « {kind} » n'a de territoire.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="86"/>
        <source>The territory reference “{file}” does not exist.</source>
        <translation>Le référentiel territorial « {file} » n'existe pas.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="87"/>
        <source>The territory reference “{file}” cannot be read as geographic data: {reason}</source>
        <translation>Le référentiel territorial « {file} » ne peut pas être lu comme une donnée géographique : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="89"/>
        <source>The territory reference “{file}” cannot be downloaded: {reason}</source>
        <translation>Le référentiel territorial « {file} » ne peut pas être téléchargé : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="90"/>
        <source>The territory reference “{file}” has no layer “{layer}” (its layers: {layers}).</source>
        <translation>Le référentiel territorial « {file} » n'a pas de couche « {layer} » (ses couches : {layers}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="92"/>
        <source>The territory reference “{file}” has no field “{field}” (its fields: {fields}).</source>
        <translation>Le référentiel territorial « {file} » n'a pas de champ « {field} » (ses champs : {fields}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="94"/>
        <source>The territory reference “{file}” does not say its coordinate reference system.</source>
        <translation>Le référentiel territorial « {file} » n'indique pas son système de coordonnées.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="96"/>
        <source>The territory reference “{file}” is in {crs}, not in {expected} as the convention says.</source>
        <translation>Le référentiel territorial « {file} » est en {crs}, et non en {expected} comme le dit la convention.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="98"/>
        <source>{count} commune(s) of the territory reference “{file}” have no code (features {features}).</source>
        <translation>{count} commune(s) du référentiel territorial « {file} » n'ont pas de code (entités {features}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="100"/>
        <source>The territory reference “{file}” has the code(s) {codes} twice.</source>
        <translation>Le référentiel territorial « {file} » contient deux fois le(s) code(s) {codes}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="101"/>
        <source>{count} commune(s) of the territory reference “{file}” have no polygon: {codes}.</source>
        <translation>{count} commune(s) du référentiel territorial « {file} » n'ont pas de polygone : {codes}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="103"/>
        <source>{count} commune(s) of the territory reference “{file}” have an invalid polygon: {codes} ({reason}).</source>
        <translation>{count} commune(s) du référentiel territorial « {file} » ont un polygone invalide : {codes} ({reason}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="105"/>
        <source>Communes of the territory reference “{file}” overlap: {pairs}. A place would belong to two communes.</source>
        <translation>Des communes du référentiel territorial « {file} » se chevauchent : {pairs}. Un lieu appartiendrait à deux communes.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="107"/>
        <source>The territory reference “{file}” holds no commune.</source>
        <translation>Le référentiel territorial « {file} » ne contient aucune commune.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="108"/>
        <source>The territory geometry file “{file}” does not exist.</source>
        <translation>Le fichier de géométrie du territoire « {file} » n'existe pas.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="109"/>
        <source>The territory geometry file “{file}” cannot be read as geographic data: {reason}</source>
        <translation>Le fichier de géométrie du territoire « {file} » ne peut pas être lu comme une donnée géographique : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="111"/>
        <source>The territory geometry file “{file}” does not say its coordinate reference system.</source>
        <translation>Le fichier de géométrie du territoire « {file} » n'indique pas son système de coordonnées.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="113"/>
        <source>The territory geometry file “{file}” has an invalid polygon (feature {feature}).</source>
        <translation>Le fichier de géométrie du territoire « {file} » contient un polygone invalide (entité {feature}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="115"/>
        <source>The territory geometry file “{file}” holds no polygon.</source>
        <translation>Le fichier de géométrie du territoire « {file} » ne contient aucun polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="120"/>
        <source>The changes have no coordinate reference system: where they lie cannot be told.</source>
        <translation>Les modifications n'ont pas de système de coordonnées : impossible de dire où elles se trouvent.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="122"/>
        <source>The changes are in {crs}, which cannot be compared with the territory reference: {reason}</source>
        <translation>Les modifications sont en {crs}, qui ne peut pas être comparé au référentiel territorial : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="18"/>
        <source>You have already approved this proposal: each approval it needs is given by a different person.</source>
        <translation>Vous avez déjà approuvé cette proposition : chaque approbation requise doit venir d'une personne différente.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="46"/>
        <source>The territory reference&apos;s coordinate reference system has no EPSG code: PostGIS cannot hold it.</source>
        <translation>Le système de coordonnées du référentiel territorial n'a pas de code EPSG : PostGIS ne peut pas l'enregistrer.</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="236"/>
        <source>&lt;b&gt;Where&lt;/b&gt;: {places} — {n} municipalities</source>
        <translation>&lt;b&gt;Où&lt;/b&gt; : {places} — {n} communes</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="388"/>
        <source>{n} change(s) lie in no municipality of the territory reference: the default stewards review them.</source>
        <translation>{n} modification(s) ne se trouvent dans aucune commune du référentiel territorial : les référents par défaut les valident.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="84"/>
        <source>elsewhere</source>
        <translation>ailleurs</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/governance.py" line="435"/>
        <source>GeoGov: where the features of {layer} lie</source>
        <translation>GeoGov : où se trouvent les entités de {layer}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_catalogue_search.py" line="123"/>
        <source>Searches a CSW (2.0.2 or 3.0) or OGC API Records catalogue and returns the records found as a layer of their bounding boxes.

Catalogue (CATALOGUE): the address of the catalogue (CSW endpoint, OGC API landing page or records collection), or the name of a catalogue connection of GeoGov's settings. The kind of catalogue is detected from its answer.
Text (QUERY, optional): words that must all appear (at the start of a word, accents and capitals ignored: velo finds Vélo) and &quot;quoted phrases&quot;.
Organisation (ORGANISATION, optional): a producer, custodian, owner or contact of the record.
Keyword (KEYWORD, optional): a keyword of the record.
Extent (BBOX, optional): records whose box intersects it (reprojected to WGS 84; an extent covering the whole world is ignored).
Limit (LIMIT): the largest number of records returned.
Authentication (AUTHCFG, optional) and timeout (TIMEOUT): for the requests.

Output layer (OUTPUT, polygons in EPSG:4326; a record without a box has no geometry): identifier, title, producer (originators), custodian, frequency (ISO maintenance frequency), last_revision (the latest of the revision, publication and creation dates of the record's resource citation, the date as the record writes it: a time or time zone never moves it to another day), wms and wms_layer, wfs and wfs_typename (the record's service links), catalogue.
The log says what the server could not do itself (accents, whole words, sorting, page size).</source>
        <translation>Cherche dans un catalogue CSW (2.0.2 ou 3.0) ou OGC API Records et renvoie les fiches trouvées sous forme d'une couche de leurs emprises.

Catalogue (CATALOGUE) : l'adresse du catalogue (point d'accès CSW, page d'accueil OGC API ou collection de fiches), ou le nom d'une connexion de catalogue des paramètres de GeoGov. Le type de catalogue est reconnu à sa réponse.
Texte (QUERY, facultatif) : des mots qui doivent tous figurer (en début de mot, sans tenir compte des accents ni des majuscules : velo trouve Vélo) et des « expressions entre guillemets ».
Organisation (ORGANISATION, facultatif) : un producteur, gestionnaire, propriétaire ou contact de la fiche.
Mot-clé (KEYWORD, facultatif) : un mot-clé de la fiche.
Emprise (BBOX, facultatif) : les fiches dont l'emprise la recoupe (reprojetée en WGS 84 ; une emprise couvrant le monde entier est ignorée).
Limite (LIMIT) : le nombre maximal de fiches renvoyées.
Authentification (AUTHCFG, facultatif) et délai (TIMEOUT) : pour les requêtes.

Couche en sortie (OUTPUT, polygones en EPSG:4326 ; une fiche sans emprise n'a pas de géométrie) : identifier, title, producer (producteurs), custodian (gestionnaire), frequency (fréquence de mise à jour ISO), last_revision (la plus récente des dates de révision, de publication et de création de la citation de la ressource, la date telle que la fiche l'écrit : une heure ou un fuseau horaire ne la fait jamais changer de jour), wms et wms_layer, wfs et wfs_typename (les liens de service de la fiche), catalogue.
Le journal indique ce que le serveur n'a pas su faire lui-même (accents, mots entiers, tri, taille des pages).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="109"/>
        <source>publication date</source>
        <translation>date de publication</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="110"/>
        <source>creation date</source>
        <translation>date de création</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="115"/>
        <source>Last revision: the latest of the revision, publication and creation dates of the record&apos;s resource citation, as the record writes it (a time or time zone never moves it to another day).</source>
        <translation>Dernière révision : la plus récente des dates de révision, de publication et de création de la citation de la ressource, telle que la fiche l'écrit (une heure ou un fuseau horaire ne la fait jamais changer de jour).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="127"/>
        <source>{date} ({kind})</source>
        <comment>last revision and its date type</comment>
        <translation>{date} ({kind})</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="78"/>
        <source>A target names one of wfs, oapif, postgis or gpkg.</source>
        <translation>Une cible indique l'un de : wfs, oapif, postgis ou gpkg.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="79"/>
        <source>A target address may hold * and ? as wildcards, not brackets: “{value}”.</source>
        <translation>Une adresse de cible peut contenir * et ? comme caractères génériques, pas de crochets : « {value} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="81"/>
        <source>“{value}” is not a coordinate reference system with an EPSG code.</source>
        <translation>« {value} » n'est pas un système de coordonnées de référence doté d'un code EPSG.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="89"/>
        <source>the new feature has no “{field}”, the key that identifies the features of the dataset.</source>
        <translation>la nouvelle entité n'a pas de « {field} », la clé qui identifie les entités du jeu de données.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="92"/>
        <source>another feature of the proposal already has the key “{value}” (field “{field}”).</source>
        <translation>une autre entité de la proposition a déjà la clé « {value} » (champ « {field} »).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="50"/>
        <source>No partnership convention is loaded: GeoGov cannot check where this dataset is published, so it applies nothing.</source>
        <translation>Aucune convention de partenariat n'est chargée : GeoGov ne peut pas vérifier où ce jeu de données est publié, il n'applique donc rien.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="52"/>
        <source>The partnership convention names no authoritative data for the dataset “{dataset}”: nothing can be applied to it.</source>
        <translation>La convention de partenariat ne désigne aucune donnée de référence pour le jeu de données « {dataset} » : rien ne peut y être appliqué.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="54"/>
        <source>This proposal targets “{layer}” at {uri}, which is not where the partnership convention says the dataset “{dataset}” is published: nothing was written.</source>
        <translation>Cette proposition vise « {layer} » à l'adresse {uri}, qui n'est pas l'endroit où la convention de partenariat publie le jeu de données « {dataset} » : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="38"/>
        <source>The proposal does not point at the layer the convention names for this dataset: it cannot be stored.</source>
        <translation>La proposition ne vise pas la couche que la convention désigne pour ce jeu de données : elle ne peut pas être enregistrée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="40"/>
        <source>The changes are not in the dataset&apos;s coordinate reference system (EPSG:{srid}).</source>
        <translation>Les modifications ne sont pas dans le système de coordonnées de référence du jeu de données (EPSG:{srid}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="42"/>
        <source>This proposal id was not made for your login: GeoGov makes one for each new draft.</source>
        <translation>Cet identifiant de proposition n'a pas été créé pour votre identifiant de connexion : GeoGov en crée un pour chaque nouveau brouillon.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="103"/>
        <source>The layer “{layer}” is not where the partnership convention publishes this dataset (“{expected}” at {uri}): a proposal made from it could never be applied. Your edits are still in the layer; to propose them from a copy, compare the copy with the authoritative layer.</source>
        <translation>La couche « {layer} » n'est pas l'endroit où la convention de partenariat publie ce jeu de données (« {expected} » à l'adresse {uri}) : une proposition faite à partir d'elle ne pourrait jamais être appliquée. Vos modifications sont toujours dans la couche ; pour les proposer depuis une copie, comparez la copie avec la couche de référence.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="212"/>
        <source>The proposal goes back to its author, with this reason, to be corrected.</source>
        <translation>La proposition retourne à son auteur, avec cette raison, pour être corrigée.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="15"/>
        <source>You cannot decide a proposal whose changes you wrote or rebased: another reviewer must decide it.</source>
        <translation>Vous ne pouvez pas décider d'une proposition dont vous avez écrit ou rebasé les modifications : un autre relecteur doit en décider.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="27"/>
        <source>Decisions are taken as the login that connected to the database, not under another login&apos;s role.</source>
        <translation>Les décisions sont prises sous l'identifiant qui s'est connecté à la base de données, pas sous le rôle d'un autre identifiant.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_setup_store.py" line="121"/>
        <source>Your administrator login may not set these logins&apos; session time limits (lock wait 10 s, idle transaction 60 s); the database still ends the transactions that stall the others: {logins}</source>
        <translation>Votre compte d’administration ne peut pas fixer les limites de session de ces comptes (attente d’un verrou 10 s, transaction inactive 60 s) ; la base met tout de même fin aux transactions qui bloquent les autres : {logins}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="20"/>
        <source>The proposal store is busy: another user is writing to it. Try again in a moment.</source>
        <translation>Le registre des propositions est occupé : un autre utilisateur y écrit. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="91"/>
        <source>the dataset&apos;s own table refuses this feature ({reason}).</source>
        <translation>la table du jeu de données elle-même refuse cette entité ({reason}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="96"/>
        <source>Catalogue record {record} updated: revision date {revision}.</source>
        <translation>Fiche de catalogue {record} mise à jour : date de révision {revision}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="99"/>
        <source>Next update expected on {date}.</source>
        <translation>Prochaine mise à jour attendue le {date}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="105"/>
        <source>The catalogue accepted the record {record} but does not serve the new dates: {reason}</source>
        <translation>Le catalogue a accepté la fiche {record} mais ne sert pas les nouvelles dates : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="108"/>
        <source>The catalogue record {record} could not be read back: whether it was updated is unknown ({reason}).</source>
        <translation>La fiche de catalogue {record} n’a pas pu être relue : on ne sait pas si elle a été mise à jour ({reason}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="112"/>
        <source>The catalogue refused to update the record {record}: {reason}</source>
        <translation>Le catalogue a refusé de mettre à jour la fiche {record} : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="114"/>
        <source>The data stays applied. Retry the catalogue update from the review panel or with geogov:apply_proposal on this proposal.</source>
        <translation>Les données restent appliquées. Relancez la mise à jour de la fiche depuis le panneau de validation ou avec geogov:apply_proposal sur cette proposition.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="136"/>
        <source>Proposal (PROPOSAL): the id of an approved proposal.
Target authentication (TARGET_AUTHCFG, optional): the QGIS authentication configuration for the WFS-T or OGC API Features service or the PostGIS database (default: the one recorded with the proposal&apos;s target).
Convention (CONVENTION, optional): path or URL of the partnership convention; empty: the plugin&apos;s. The proposal is applied only to the target the convention names for its dataset: no credential goes anywhere else.

The changes are checked against the target&apos;s real schema, then every touched feature is read: if someone changed one since the proposal was made, nothing is written and the proposal goes to conflict. Otherwise the changes are written, read back and compared; if the target refuses any part, whatever was written is undone and the refused features are listed with the target&apos;s reason. Running it again after a lost connection never writes anything twice.
Catalogue authentication (CATALOGUE_AUTHCFG, optional): when the convention names the dataset&apos;s catalogue record, the record&apos;s revision date, date stamp and next update date are then updated in the catalogue (CSW-T) and read back. A catalogue that refuses leaves the data applied; run the algorithm again on the applied proposal to retry the catalogue update alone.
Outputs: STATUS (applied, already_applied, conflict, invalid, refused, undo_failed, unknown, cancelled), PROPOSAL_STATUS, CATALOGUE (updated, refused, not_verified, unknown, or empty) and RESULT (the full report, JSON).</source>
        <translation>Proposition (PROPOSAL) : l'identifiant d'une proposition approuvée.
Authentification de la cible (TARGET_AUTHCFG, facultatif) : la configuration d'authentification QGIS du service WFS-T ou OGC API Features ou de la base PostGIS (par défaut : celle enregistrée avec la cible de la proposition).
Convention (CONVENTION, facultatif) : chemin ou URL de la convention de partenariat ; vide : celle de l'extension. La proposition n'est appliquée qu'à la cible que la convention désigne pour son jeu de données : aucun identifiant ne part ailleurs.

Les modifications sont vérifiées contre le schéma réel de la cible, puis chaque entité touchée est lue : si quelqu'un en a modifié une depuis la proposition, rien n'est écrit et la proposition passe en conflit. Sinon les modifications sont écrites, relues et comparées ; si la cible en refuse une partie, tout ce qui a été écrit est annulé et les entités refusées sont listées avec la raison donnée par la cible. La relancer après une connexion perdue n'écrit jamais rien deux fois.
Authentification du catalogue (CATALOGUE_AUTHCFG, facultatif) : quand la convention désigne la fiche de catalogue du jeu, sa date de révision, sa date de fiche et sa date de prochaine mise à jour sont ensuite mises à jour dans le catalogue (CSW-T) puis relues. Un catalogue qui refuse laisse les données appliquées ; relancez l'algorithme sur la proposition appliquée pour ne refaire que la mise à jour de la fiche.
Sorties : STATUS (applied, already_applied, conflict, invalid, refused, undo_failed, unknown, cancelled), PROPOSAL_STATUS, CATALOGUE (updated, refused, not_verified, unknown, ou vide) et RESULT (le rapport complet, JSON).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="167"/>
        <source>Authentication configuration of the catalogue</source>
        <translation>Configuration d’authentification du catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_apply_proposal.py" line="174"/>
        <source>Catalogue update</source>
        <translation>Mise à jour du catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="248"/>
        <source>Loads and checks a partnership convention (geogov.convention/1) and lists who is responsible for each shared dataset, whether it is up to date, and where the catalogue&apos;s metadata and the convention disagree.

Convention (CONVENTION): a file path or an http(s) URL of the YAML document. A convention with problems stops the algorithm; the log lists every problem with its line, column and place in the document.
Catalogue (CATALOGUE, optional): the URL of a CSW or OGC API Records catalogue; its records give the last update dates and the discrepancies (custodian, producer or frequency that differ, no point of contact, records the convention does not know and datasets without a record).
Date (DATE, optional): the day the situation is judged on (default: today).
Proposal store (STORE, optional, and LOGIN for a GeoPackage store): the days changes were applied give how often the data really changes (observed freshness), compared with the committed frequency; a catalogue record older than the last applied change is flagged.

Output table (OUTPUT, no geometry): one row per dataset with producers, maintainer, stewards and their e-mail, dissemination, personal data, licence, committed frequency, last revision and its source, next due date, status (up_to_date, late, unknown) and situation in words, days late, discrepancy codes and sentences, overdue contract deliveries, applied changes, last applied change, observed interval (days), observed frequency and pace (as_committed, more_often, less_often, unknown) and in words, record_behind; plus one row per catalogue record the convention does not cover.</source>
        <translation>Charge et vérifie une convention de partenariat (geogov.convention/1) et indique qui est responsable de chaque jeu de données partagé, s’il est à jour, et où les métadonnées du catalogue et la convention divergent.

Convention (CONVENTION) : chemin de fichier ou URL http(s) du document YAML. Une convention qui comporte des problèmes arrête l’algorithme ; le journal liste chaque problème avec sa ligne, sa colonne et son emplacement dans le document.
Catalogue (CATALOGUE, facultatif) : l’URL d’un catalogue CSW ou OGC API Records ; ses fiches donnent les dates de dernière mise à jour et les écarts (gestionnaire, producteur ou fréquence différents, pas de point de contact, fiches inconnues de la convention et jeux sans fiche).
Date (DATE, facultatif) : le jour auquel la situation est jugée (par défaut : aujourd’hui).
Registre des propositions (STORE, facultatif, et LOGIN pour un registre GeoPackage) : les jours où des modifications ont été appliquées disent à quel rythme les données changent réellement (fraîcheur observée), comparé à la fréquence convenue ; une fiche de catalogue plus ancienne que la dernière modification appliquée est signalée.

Table en sortie (OUTPUT, sans géométrie) : une ligne par jeu de données avec producteurs, gestionnaire, référents et leur courriel, diffusion, données personnelles, licence, fréquence convenue, dernière révision et sa source, prochaine échéance, statut (up_to_date, late, unknown) et situation en toutes lettres, jours de retard, codes et phrases des écarts, livraisons contractuelles en retard, modifications appliquées, dernière modification appliquée, intervalle observé (jours), fréquence et rythme observés (as_committed, more_often, less_often, unknown) et en toutes lettres, record_behind ; plus une ligne par fiche du catalogue que la convention ne couvre pas.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="46"/>
        <source>no change applied through GeoGov yet</source>
        <translation>aucune modification appliquée par GeoGov pour l’instant</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="48"/>
        <source>one change applied, on {date}</source>
        <translation>une modification appliquée, le {date}</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="50"/>
        <source>{n} changes applied, about every {days} days ({rhythm})</source>
        <translation>{n} modifications appliquées, environ tous les {days} jours ({rhythm})</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="53"/>
        <source>as committed</source>
        <translation>comme convenu</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="53"/>
        <source>more often than committed</source>
        <translation>plus souvent que convenu</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="54"/>
        <source>less often than committed</source>
        <translation>moins souvent que convenu</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="58"/>
        <source>the catalogue record ({date}) is older than the last applied change ({applied})</source>
        <translation>la fiche de catalogue ({date}) est plus ancienne que la dernière modification appliquée ({applied})</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="176"/>
        <source>Observed</source>
        <translation>Observé</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="61"/>
        <source>“{value}” is not an http(s) address.</source>
        <translation>« {value} » n’est pas une adresse http(s).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="62"/>
        <source>Name the catalogue record to update (record:): the dataset&apos;s match.records names {count}.</source>
        <translation>Indiquez la fiche de catalogue à mettre à jour (record:) : le match.records du jeu en nomme {count}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="160"/>
        <source>The catalogue record was last revised on {record_date}, before the last change applied to the data ({applied}): update the record.</source>
        <translation>La fiche de catalogue a été révisée pour la dernière fois le {record_date}, avant la dernière modification appliquée aux données ({applied}) : mettez la fiche à jour.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="67"/>
        <source>The convention names no catalogue record for the dataset “{dataset}”.</source>
        <translation>La convention ne désigne aucune fiche de catalogue pour le jeu « {dataset} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="69"/>
        <source>Only an applied proposal's catalogue record can be updated (this one is “{status}”).</source>
        <translation>Seule la fiche de catalogue d’une proposition appliquée peut être mise à jour (celle-ci est « {status} »).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="72"/>
        <source>The catalogue has no ISO 19139 record “{record}”.</source>
        <translation>Le catalogue n’a pas de fiche ISO 19139 « {record} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="73"/>
        <source>The catalogue did not answer as a CSW catalogue does (element {element}).</source>
        <translation>Le catalogue n’a pas répondu comme un catalogue CSW (élément {element}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="75"/>
        <source>The catalogue answered the record “{found}” when asked for “{record}”: nothing was sent.</source>
        <translation>Le catalogue a répondu la fiche « {found} » quand « {record} » était demandée : rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="77"/>
        <source>The catalogue updated {count} records instead of one.</source>
        <translation>Le catalogue a mis à jour {count} fiches au lieu d’une.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="78"/>
        <source>the record the catalogue serves afterwards lacks: {fields}.</source>
        <translation>la fiche que le catalogue sert ensuite n’a pas : {fields}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="80"/>
        <source>The server refused the write: {message}</source>
        <translation>Le serveur a refusé l’écriture : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="81"/>
        <source>The feature changed on the server since it was read (HTTP 412).</source>
        <translation>L’entité a changé sur le serveur depuis sa lecture (HTTP 412).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="83"/>
        <source>The server&apos;s answer to {request} is not JSON.</source>
        <translation>La réponse du serveur à {request} n’est pas du JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="84"/>
        <source>The collection has no property “{field}”.</source>
        <translation>La collection n’a pas de propriété « {field} ».</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="85"/>
        <source>The server cannot select features by “{field}”: GeoGov cannot read the features the proposal touches.</source>
        <translation>Le serveur ne sait pas sélectionner les entités par « {field} » : GeoGov ne peut pas lire les entités que touche la proposition.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="87"/>
        <source>The server sent a geometry that cannot be read.</source>
        <translation>Le serveur a envoyé une géométrie illisible.</translation>
    </message>
    <message>
        <location filename="../ui/responsibility_html.py" line="119"/>
        <source>Observed: {phrase}.</source>
        <translation>Observé : {phrase}.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="113"/>
        <source>Update the catalogue record</source>
        <translation>Mettre à jour la fiche de catalogue</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="112"/>
        <source>The data of this proposal is applied but its catalogue record was not updated: try the catalogue update again (the data is not written again).</source>
        <translation>Les données de cette proposition sont appliquées mais sa fiche de catalogue n’a pas été mise à jour : relancez la mise à jour de la fiche (les données ne sont pas réécrites).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="443"/>
        <source>Updating the catalogue record of “{title}”…</source>
        <translation>Mise à jour de la fiche de catalogue de « {title} »…</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="33"/>
        <source>Only web addresses (http or https) are requested from a server; {url} was refused.</source>
        <translation>Seules des adresses web (http ou https) sont demandées à un serveur ; {url} a été refusée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="35"/>
        <source>The server redirected the request to {location}, which is not a web address (http or https). GeoGov never follows such a redirect: it could read a file of this computer.</source>
        <translation>Le serveur a redirigé la requête vers {location}, qui n'est pas une adresse web (http ou https). GeoGov ne suit jamais une telle redirection : elle pourrait lire un fichier de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="39"/>
        <source>The server redirected a secure (https) request to an insecure address ({location}). The redirect was not followed.</source>
        <translation>Le serveur a redirigé une requête sécurisée (https) vers une adresse non sécurisée ({location}). La redirection n'a pas été suivie.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="42"/>
        <source>The server redirects the request in a loop (back to {location}). Tell its administrator; nothing was read.</source>
        <translation>Le serveur redirige la requête en boucle (retour à {location}). Prévenez son administrateur ; rien n'a été lu.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="45"/>
        <source>The server redirected the request more than {limit} times (last to {location}). Check the address or tell the server&apos;s administrator.</source>
        <translation>Le serveur a redirigé la requête plus de {limit} fois (en dernier vers {location}). Vérifiez l'adresse ou prévenez l'administrateur du serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="48"/>
        <source>The server redirected the request without saying where.</source>
        <translation>Le serveur a redirigé la requête sans dire vers où.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="49"/>
        <source>The server&apos;s answer is larger than {limit_mb} MB, the limit set in GeoGov&apos;s options (Network). It was not read to the end; nothing else was changed.</source>
        <translation>La réponse du serveur dépasse {limit_mb} Mo, la limite fixée dans les options de GeoGov (Réseau). Elle n'a pas été lue jusqu'au bout ; rien d'autre n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="52"/>
        <source>The server&apos;s answer is compressed in a form GeoGov cannot read ({encoding}).</source>
        <translation>La réponse du serveur est compressée sous une forme que GeoGov ne sait pas lire ({encoding}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="54"/>
        <source>The server&apos;s compressed answer is corrupt: {detail}</source>
        <translation>La réponse compressée du serveur est corrompue : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="55"/>
        <source>Secure connection refused: the server&apos;s certificate is not trusted ({detail}). If you trust this server, add its certificate or an exception in QGIS (Settings &gt; Options &gt; Authentication &gt; SSL Server Exceptions).</source>
        <translation>Connexion sécurisée refusée : le certificat du serveur n'est pas reconnu ({detail}). Si vous faites confiance à ce serveur, ajoutez son certificat ou une exception dans QGIS (Préférences &gt; Options &gt; Authentification &gt; Exceptions SSL des serveurs).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="59"/>
        <source>Secure connection refused: the server&apos;s certificate was issued for another name than this address ({detail}).</source>
        <translation>Connexion sécurisée refusée : le certificat du serveur a été délivré pour un autre nom que cette adresse ({detail}).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="62"/>
        <source>Secure connection failed: the server and QGIS could not agree on a secure protocol ({detail}).</source>
        <translation>Échec de la connexion sécurisée : le serveur et QGIS n'ont pas pu s'accorder sur un protocole sécurisé ({detail}).</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="341"/>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="343"/>
        <source>A server&apos;s answer larger than this (after decompression) is refused and not read to the end, so that a wrong or hostile server cannot fill the memory.</source>
        <translation>Une réponse de serveur plus grande (après décompression) est refusée sans être lue jusqu'au bout, pour qu'un serveur défaillant ou malveillant ne puisse pas saturer la mémoire.</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="352"/>
        <source>Largest answer read from a server</source>
        <translation>Taille maximale d'une réponse de serveur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="16"/>
        <source>The document cannot be used: {message}</source>
        <translation>Le document est inutilisable : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="17"/>
        <source>The exchange with the server failed: {message}</source>
        <translation>L'échange avec le serveur a échoué : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/general.py" line="18"/>
        <source>The territories cannot be worked out: {message}</source>
        <translation>Les territoires ne peuvent pas être déterminés : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="20"/>
        <source>A stored change set cannot be read: {message}. The proposal store may be damaged; nothing was changed. Tell your coordinator.</source>
        <translation>Un jeu de modifications enregistré est illisible : {message}. Le registre des propositions est peut-être endommagé ; rien n'a été modifié. Prévenez votre coordinateur.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="22"/>
        <source>This change set was written by a newer version of GeoGov (format {version}): update the plugin to read it.</source>
        <translation>Ce jeu de modifications a été écrit par une version plus récente de GeoGov (format {version}) : mettez à jour l'extension pour le lire.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="24"/>
        <source>A value of type {type} cannot be stored in a proposal.</source>
        <translation>Une valeur de type {type} ne peut pas être enregistrée dans une proposition.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="25"/>
        <source>{value} is not a valid {type}.</source>
        <translation>{value} n'est pas une valeur valide de type {type}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="26"/>
        <source>The GeoPackage cannot be read: {message}</source>
        <translation>Le GeoPackage est illisible : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="22"/>
        <source>A geometry of the proposal cannot be read: the proposal cannot be applied as it is. Ask its author to propose it again.</source>
        <translation>Une géométrie de la proposition est illisible : la proposition ne peut pas être appliquée en l'état. Demandez à son auteur de la proposer à nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/files.py" line="15"/>
        <source>The file “{path}” could not be written ({detail}). Nothing was lost: a file that was already there is unchanged.</source>
        <translation>Le fichier « {path} » n'a pas pu être écrit ({detail}). Rien n'est perdu : un fichier qui s'y trouvait déjà est intact.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/files.py" line="17"/>
        <source>The file “{path}” could not be written: the disk is full (or your disk quota is used up). Nothing was lost: a file that was already there is unchanged. Free some space on that disk, or choose another folder, then try again.</source>
        <translation>Le fichier « {path} » n'a pas pu être écrit : le disque est plein (ou votre quota disque est atteint). Rien n'est perdu : un fichier qui s'y trouvait déjà est intact. Libérez de la place sur ce disque, ou choisissez un autre dossier, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/files.py" line="21"/>
        <source>The file “{path}” could not be written: it is larger than that disk or the system allows. Nothing was lost: a file that was already there is unchanged. Choose a folder on another disk, then try again.</source>
        <translation>Le fichier « {path} » n'a pas pu être écrit : il dépasse la taille que ce disque ou le système autorise. Rien n'est perdu : un fichier qui s'y trouvait déjà est intact. Choisissez un dossier sur un autre disque, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/files.py" line="24"/>
        <source>The file “{path}” could not be written: its disk is read-only. Nothing was lost: a file that was already there is unchanged. Choose a folder you can write to, then try again.</source>
        <translation>Le fichier « {path} » n'a pas pu être écrit : son disque est en lecture seule. Rien n'est perdu : un fichier qui s'y trouvait déjà est intact. Choisissez un dossier où vous pouvez écrire, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/files.py" line="27"/>
        <source>You may not write the file “{path}”: the file or its folder is protected or read-only, or the file is open in another program. Nothing was lost: a file that was already there is unchanged. Close the file in other programs, or choose a folder you can write to, then try again.</source>
        <translation>Vous ne pouvez pas écrire le fichier « {path} » : le fichier ou son dossier est protégé ou en lecture seule, ou le fichier est ouvert dans un autre programme. Rien n'est perdu : un fichier qui s'y trouvait déjà est intact. Fermez le fichier dans les autres programmes, ou choisissez un dossier où vous pouvez écrire, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/files.py" line="32"/>
        <source>The file “{path}” is open in another program, which prevents replacing it. Nothing was lost: the file is unchanged. Close it in that program, then try again.</source>
        <translation>Le fichier « {path} » est ouvert dans un autre programme, ce qui empêche de le remplacer. Rien n'est perdu : le fichier est intact. Fermez-le dans ce programme, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/files.py" line="35"/>
        <source>The folder of “{path}” does not exist: choose an existing folder. Nothing was written.</source>
        <translation>Le dossier de « {path} » n'existe pas : choisissez un dossier existant. Rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="108"/>
        <source>The local copy “{path}” could not be written ({reason}). The shared layer is unchanged, and no half-written copy was left.</source>
        <translation>La copie locale « {path} » n'a pas pu être écrite ({reason}). La couche partagée est intacte, et aucune copie à moitié écrite n'a été laissée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="30"/>
        <source>The dataset's GeoPackage “{path}” could not be written: the disk is full. Nothing was written to it, and the proposal is still approved. Free some space on that disk, then apply it again.</source>
        <translation>Le GeoPackage du jeu de données « {path} » n'a pas pu être écrit : le disque est plein. Rien n'y a été écrit, et la proposition reste approuvée. Libérez de la place sur ce disque, puis appliquez-la de nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="33"/>
        <source>The dataset's GeoPackage “{path}” is read-only for you. Nothing was written to it, and the proposal is still approved. Ask for the right to write to the file and its folder, then apply it again.</source>
        <translation>Le GeoPackage du jeu de données « {path} » est en lecture seule pour vous. Rien n'y a été écrit, et la proposition reste approuvée. Demandez le droit d'écrire dans le fichier et son dossier, puis appliquez-la de nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="36"/>
        <source>The dataset's GeoPackage “{path}” is locked: another user or program is writing to it (a QGIS editing the layer?). Nothing was written to it, and the proposal is still approved. Apply it again once that edit is saved or closed.</source>
        <translation>Le GeoPackage du jeu de données « {path} » est verrouillé : un autre utilisateur ou un autre programme y écrit (un QGIS qui modifie la couche ?). Rien n'y a été écrit, et la proposition reste approuvée. Appliquez-la de nouveau quand cette modification aura été enregistrée ou fermée.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="40"/>
        <source>The dataset's GeoPackage “{path}” cannot be opened for writing: its folder may be missing, read-only, or on a disconnected network drive. Nothing was written to it, and the proposal is still approved. Check the folder, then apply it again.</source>
        <translation>Le GeoPackage du jeu de données « {path} » ne peut pas être ouvert en écriture : son dossier est peut-être absent, en lecture seule, ou sur un lecteur réseau déconnecté. Rien n'y a été écrit, et la proposition reste approuvée. Vérifiez le dossier, puis appliquez-la de nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="44"/>
        <source>The disk failed while writing the dataset's GeoPackage “{path}” ({detail}). Nothing was written to it, and the proposal is still approved. Check the disk, then apply it again.</source>
        <translation>Le disque a échoué pendant l'écriture du GeoPackage du jeu de données « {path} » ({detail}). Rien n'y a été écrit, et la proposition reste approuvée. Vérifiez le disque, puis appliquez-la de nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="73"/>
        <source>The proposal store “{path}” could not be written: the disk is full (or your disk quota is used up). Nothing was lost: the store is as it was before, and what you were saving is still here in QGIS. Free some space on that disk, then try again.</source>
        <translation>Le registre des propositions « {path} » n'a pas pu être écrit : le disque est plein (ou votre quota disque est atteint). Rien n'est perdu : le registre est tel qu'il était, et ce que vous enregistriez est toujours là, dans QGIS. Libérez de la place sur ce disque, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="77"/>
        <source>The proposal store “{path}” is read-only: the file, its folder or the drive cannot be written to. Nothing was lost: the store is as it was before, and what you were saving is still here in QGIS. Ask for the right to write to the file and its folder, then try again; or choose another file in Settings ▸ Options ▸ GeoGov.</source>
        <translation>Le registre des propositions « {path} » est en lecture seule : on ne peut écrire ni dans le fichier, ni dans son dossier, ou le lecteur est protégé. Rien n'est perdu : le registre est tel qu'il était, et ce que vous enregistriez est toujours là, dans QGIS. Demandez le droit d'écrire dans le fichier et son dossier, puis réessayez ; ou choisissez un autre fichier dans Préférences ▸ Options ▸ GeoGov.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="82"/>
        <source>The proposal store “{path}” is locked: another user or program is writing to it. Nothing was lost: the store is as it was before, and what you were saving is still here in QGIS. Try again in a moment; if it stays locked, close the program that holds the file open (a database tool, another QGIS).</source>
        <translation>Le registre des propositions « {path} » est verrouillé : un autre utilisateur ou un autre programme y écrit. Rien n'est perdu : le registre est tel qu'il était, et ce que vous enregistriez est toujours là, dans QGIS. Réessayez dans un instant ; s'il reste verrouillé, fermez le programme qui garde le fichier ouvert (un outil de base de données, un autre QGIS).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="87"/>
        <source>The proposal store “{path}” cannot be opened for writing: SQLite must create a temporary journal file beside it, in “{folder}”. Nothing was lost: the store is as it was before, and what you were saving is still here in QGIS. Check that the folder is still there (a network drive may be disconnected) and that you may write to it, then try again.</source>
        <translation>Le registre des propositions « {path} » ne peut pas être ouvert en écriture : SQLite doit créer un fichier journal temporaire à côté, dans « {folder} ». Rien n'est perdu : le registre est tel qu'il était, et ce que vous enregistriez est toujours là, dans QGIS. Vérifiez que le dossier est toujours accessible (un lecteur réseau a pu être déconnecté) et que vous pouvez y écrire, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="93"/>
        <source>The disk failed while writing the proposal store “{path}” ({detail}): it may be full, over its quota, or a network drive that was disconnected. Nothing was lost: the store is as it was before, and what you were saving is still here in QGIS. Check the disk, then try again.</source>
        <translation>Le disque a échoué pendant l'écriture du registre des propositions « {path} » ({detail}) : il est peut-être plein, au-delà de son quota, ou c'est un lecteur réseau qui a été déconnecté. Rien n'est perdu : le registre est tel qu'il était, et ce que vous enregistriez est toujours là, dans QGIS. Vérifiez le disque, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="97"/>
        <source>The proposal store “{path}” is damaged ({detail}): GeoGov wrote nothing to it. Restore it from a backup, or ask your coordinator.</source>
        <translation>Le registre des propositions « {path} » est endommagé ({detail}) : GeoGov n'y a rien écrit. Restaurez-le depuis une sauvegarde, ou adressez-vous à votre coordinateur.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="99"/>
        <source>The file “{path}” is not a GeoPackage proposal store: GeoGov wrote nothing to it. Choose the right file in Settings ▸ Options ▸ GeoGov.</source>
        <translation>Le fichier « {path} » n'est pas un registre des propositions GeoPackage : GeoGov n'y a rien écrit. Choisissez le bon fichier dans Préférences ▸ Options ▸ GeoGov.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="345"/>
        <source>Your changes are kept in the layer and in this window: click “Save draft” to save them again.</source>
        <translation>Vos modifications sont conservées dans la couche et dans cette fenêtre : cliquez sur « Enregistrer le brouillon » pour les enregistrer à nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/catalogue.py" line="82"/>
        <source>Record no. {index} of the page could not be read and was left out. {reason}</source>
        <translation>La fiche n° {index} de la page n'a pas pu être lue et a été écartée. {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="48"/>
        <source>In the JSON document, “{path}” should be {expected}, not {found}.</source>
        <translation>Dans le document JSON, « {path} » devrait être {expected} ; c'est {found}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="49"/>
        <source>The JSON document should be {expected}, not {found}.</source>
        <translation>Le document JSON devrait être {expected} ; c'est {found}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="50"/>
        <source>The document nests more than {limit} levels deep. It was refused without being read: such documents can be used to crash the programs that read them.</source>
        <translation>Le document comporte plus de {limit} niveaux d'imbrication. Il a été refusé sans être lu : de tels documents peuvent servir à faire planter les programmes qui les lisent.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="59"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="62"/>
        <source>a text string</source>
        <translation>une chaîne de caractères</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="63"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="64"/>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="65"/>
        <source>a list of text strings</source>
        <translation>une liste de chaînes de caractères</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="66"/>
        <source>a list of objects</source>
        <translation>une liste d'objets</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="67"/>
        <source>a text string or an object</source>
        <translation>une chaîne de caractères ou un objet</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="68"/>
        <source>an object or null</source>
        <translation>un objet ou null</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="69"/>
        <source>a text string or a number</source>
        <translation>une chaîne de caractères ou un nombre</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="70"/>
        <source>a position (two numbers or more)</source>
        <translation>une position (deux nombres ou plus)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="71"/>
        <source>a box (4 or 6 numbers)</source>
        <translation>une emprise (4 ou 6 nombres)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="72"/>
        <source>a text string or a list of text strings</source>
        <translation>une chaîne de caractères ou une liste de chaînes de caractères</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/documents.py" line="74"/>
        <source>null</source>
        <translation>null (aucune valeur)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="37"/>
        <source>The document nests more than {limit} levels deep: it was not read.</source>
        <translation>Le document comporte plus de {limit} niveaux d'imbrication : il n'a pas été lu.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="116"/>
        <source>The territory geometry file “{file}” nests more than {limit} levels deep: it was not read.</source>
        <translation>Le fichier de géométrie du territoire « {file} » comporte plus de {limit} niveaux d'imbrication : il n'a pas été lu.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/governance.py" line="118"/>
        <source>The territory reference “{file}” nests more than {limit} levels deep: it was not read.</source>
        <translation>Le référentiel territorial « {file} » comporte plus de {limit} niveaux d'imbrication : il n'a pas été lu.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="42"/>
        <source>the geometry is not valid: its outline crosses itself.</source>
        <translation>la géométrie n'est pas valide : son contour se recoupe.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="44"/>
        <source>the geometry is not valid: its outline crosses itself near {near}.</source>
        <translation>la géométrie n'est pas valide : son contour se recoupe près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="46"/>
        <source>the geometry is not valid: one of its rings touches itself.</source>
        <translation>la géométrie n'est pas valide : un de ses anneaux se touche lui-même.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="48"/>
        <source>the geometry is not valid: one of its rings touches itself near {near}.</source>
        <translation>la géométrie n'est pas valide : un de ses anneaux se touche lui-même près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="50"/>
        <source>the geometry is not valid: a part has too few points.</source>
        <translation>la géométrie n'est pas valide : une de ses parties a trop peu de points.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="52"/>
        <source>the geometry is not valid: a part has too few points near {near}.</source>
        <translation>la géométrie n'est pas valide : une de ses parties a trop peu de points près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="54"/>
        <source>the geometry is not valid: one of its rings is not closed.</source>
        <translation>la géométrie n'est pas valide : un de ses anneaux n'est pas fermé.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="56"/>
        <source>the geometry is not valid: one of its rings is not closed near {near}.</source>
        <translation>la géométrie n'est pas valide : un de ses anneaux n'est pas fermé près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="58"/>
        <source>the geometry is not valid: a hole lies outside its polygon.</source>
        <translation>la géométrie n'est pas valide : un trou est en dehors de son polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="60"/>
        <source>the geometry is not valid: a hole lies outside its polygon near {near}.</source>
        <translation>la géométrie n'est pas valide : un trou est en dehors de son polygone près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="62"/>
        <source>the geometry is not valid: a hole lies inside another hole.</source>
        <translation>la géométrie n'est pas valide : un trou est à l'intérieur d'un autre trou.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="64"/>
        <source>the geometry is not valid: a hole lies inside another hole near {near}.</source>
        <translation>la géométrie n'est pas valide : un trou est à l'intérieur d'un autre trou près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="66"/>
        <source>the geometry is not valid: its holes cut the inside in pieces.</source>
        <translation>la géométrie n'est pas valide : ses trous coupent l'intérieur en morceaux.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="68"/>
        <source>the geometry is not valid: its holes cut the inside in pieces near {near}.</source>
        <translation>la géométrie n'est pas valide : ses trous coupent l'intérieur en morceaux près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="70"/>
        <source>the geometry is not valid: one of its polygons lies inside another.</source>
        <translation>la géométrie n'est pas valide : un de ses polygones est à l'intérieur d'un autre.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="72"/>
        <source>the geometry is not valid: one of its polygons lies inside another near {near}.</source>
        <translation>la géométrie n'est pas valide : un de ses polygones est à l'intérieur d'un autre près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="74"/>
        <source>the geometry is not valid: one of its rings is repeated.</source>
        <translation>la géométrie n'est pas valide : un de ses anneaux est répété.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="76"/>
        <source>the geometry is not valid: one of its rings is repeated near {near}.</source>
        <translation>la géométrie n'est pas valide : un de ses anneaux est répété près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="78"/>
        <source>the geometry is not valid: a coordinate is not a number.</source>
        <translation>la géométrie n'est pas valide : une de ses coordonnées n'est pas un nombre.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="80"/>
        <source>the geometry is not valid: a coordinate is not a number near {near}.</source>
        <translation>la géométrie n'est pas valide : une de ses coordonnées n'est pas un nombre près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="82"/>
        <source>the geometry is not valid: it repeats a point.</source>
        <translation>la géométrie n'est pas valide : elle répète un point.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/proposals.py" line="84"/>
        <source>the geometry is not valid: it repeats a point near {near}.</source>
        <translation>la géométrie n'est pas valide : elle répète un point près de {near}.</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="188"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="466"/>
        <source>Geometry changed</source>
        <translation>Géométrie modifiée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="470"/>
        <source>{field} (before)</source>
        <translation>{field} (avant)</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="478"/>
        <source>new feature no. {n}</source>
        <translation>nouvelle entité n° {n}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="485"/>
        <source>Key ({field})</source>
        <translation>Clé ({field})</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/diff_layers.py" line="485"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../ui/desktop_open.py" line="31"/>
        <source>No program on this computer opened “{target}”. The file is there: open it with the program of your choice.</source>
        <translation>Aucun programme de cet ordinateur n'a ouvert « {target} ». Le fichier est bien là : ouvrez-le avec le programme de votre choix.</translation>
    </message>
    <message>
        <location filename="../ui/desktop_open.py" line="31"/>
        <source>No program on this computer opened “{target}” (no web browser or mail program is set up).</source>
        <translation>Aucun programme de cet ordinateur n'a ouvert « {target} » (aucun navigateur web ni logiciel de messagerie n'est configuré).</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="370"/>
        <source>Next step: apply it to the authoritative data (button below).</source>
        <translation>Étape suivante : l'appliquer aux données de référence (bouton ci-dessous).</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="38"/>
        <source>{n} proposal(s) await your review</source>
        <translation>{n} proposition(s) attendent votre examen</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="40"/>
        <source>{n} approved proposal(s) are ready to apply</source>
        <translation>{n} proposition(s) approuvée(s) prête(s) à appliquer</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="42"/>
        <source>{n} of your proposals need changes</source>
        <translation>{n} de vos propositions demandent des modifications</translation>
    </message>
    <message>
        <location filename="../ui/notifications.py" line="45"/>
        <source>Waiting for you: {list}.</source>
        <translation>En attente de votre part : {list}.</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Review the proposals of the datasets you steward</source>
        <translation>Examiner les propositions des jeux de données dont vous êtes référent validation</translation>
    </message>
    <message>
        <location filename="../ui/layer_indicator.py" line="67"/>
        <source>Late deliveries committed by contract: {n}</source>
        <translation>Livraisons contractuelles en retard : {n}</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="184"/>
        <source>Changes published to the authoritative data, oldest first.</source>
        <translation>Modifications publiées dans les données de référence, des plus anciennes aux plus récentes.</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="185"/>
        <source>No change has been published yet.</source>
        <translation>Aucune modification n'a encore été publiée.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="150"/>
        <source>Proposed by</source>
        <translation>Proposée par</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="186"/>
        <source>approved by</source>
        <translation>approuvée par</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="186"/>
        <source>applied by</source>
        <translation>appliquée par</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="188"/>
        <source>Feature</source>
        <translation>Entité</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="188"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../plugin/publishing/changelog.py" line="189"/>
        <source>Generated by GeoGov on</source>
        <translation>Produit par GeoGov le</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="222"/>
        <source>Record {first} of {matched} (the server&apos;s count)</source>
        <translation>Fiche {first} sur {matched} (selon le serveur)</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="225"/>
        <source>Records {first} to {last} of {matched} (the server&apos;s count)</source>
        <translation>Fiches {first} à {last} sur {matched} (selon le serveur)</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="228"/>
        <source>Record {first}</source>
        <translation>Fiche {first}</translation>
    </message>
    <message>
        <location filename="../ui/catalogue_dock.py" line="230"/>
        <source>Records {first} to {last}</source>
        <translation>Fiches {first} à {last}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="137"/>
        <source>copyright</source>
        <translation>droit d'auteur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="137"/>
        <source>patent</source>
        <translation>brevet</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="138"/>
        <source>patent pending</source>
        <translation>brevet en cours</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="138"/>
        <source>trademark</source>
        <translation>marque déposée</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="139"/>
        <source>licence</source>
        <translation>licence</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="140"/>
        <source>intellectual property rights</source>
        <translation>droits de propriété intellectuelle</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="141"/>
        <source>restricted</source>
        <translation>restreint</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="141"/>
        <source>see the conditions below</source>
        <translation>voir les conditions ci-dessous</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="142"/>
        <source>no restriction</source>
        <translation>aucune restriction</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="142"/>
        <source>open licence</source>
        <translation>licence ouverte</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="143"/>
        <source>end-user licence</source>
        <translation>licence d'utilisateur final</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="144"/>
        <source>distributor licence</source>
        <translation>licence de distributeur</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="144"/>
        <source>private</source>
        <translation>privé</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="145"/>
        <source>statutory</source>
        <translation>réglementaire</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="145"/>
        <source>confidential</source>
        <translation>confidentiel</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="148"/>
        <source>sensitive</source>
        <translation>sensible</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="146"/>
        <source>in confidence</source>
        <translation>diffusion restreinte</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="147"/>
        <source>unclassified</source>
        <translation>non classifié</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="147"/>
        <source>secret</source>
        <translation>secret</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="148"/>
        <source>top secret</source>
        <translation>très secret</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="154"/>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="154"/>
        <source>Use</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="155"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/labels/catalogue.py" line="158"/>
        <source>{kind}: {code}</source>
        <translation>{kind} : {code}</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Who produces, maintains and validates the current layer&apos;s data, where, how fresh it is, and where metadata and convention disagree</source>
        <translation>Qui produit, maintient et valide les données de la couche courante, où, leur fraîcheur, et où métadonnées et convention divergent</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>The partners, datasets and commitments of the partnership convention, and the problems found in it</source>
        <translation>Les partenaires, jeux de données et engagements de la convention de partenariat, et les problèmes qu'elle contient</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>A report in plain words for coordinators and elected officials (PDF, HTML)</source>
        <translation>Un rapport en langage clair pour les coordinateurs et les élus (PDF, HTML)</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Search the partners&apos; catalogues (CSW, OGC API Records) and add their layers to the map</source>
        <translation>Chercher dans les catalogues des partenaires (CSW, OGC API Records) et ajouter leurs couches à la carte</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Browse the layers of the partners&apos; WMS and WFS services</source>
        <translation>Parcourir les couches des services WMS et WFS des partenaires</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Turn your edits of the current shared layer into a proposal for its steward to review</source>
        <translation>Faire de vos modifications de la couche partagée courante une proposition, examinée par son référent validation</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Edit a copy on this computer, then propose the differences</source>
        <translation>Modifier une copie sur cet ordinateur, puis proposer les différences</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>Your proposals, their status and what the reviewers said</source>
        <translation>Vos propositions, leur état et ce qu'en ont dit les examinateurs</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="126"/>
        <source>The proposal cannot be reverted: {message}</source>
        <translation>La proposition ne peut pas être défaite : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="127"/>
        <source>Only an applied proposal can be reverted (this one is “{status}”).</source>
        <translation>Seule une proposition appliquée peut être défaite (celle-ci est « {status} »).</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="128"/>
        <source>This proposal changed nothing: there is nothing to revert.</source>
        <translation>Cette proposition n'a rien modifié : il n'y a rien à défaire.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="129"/>
        <source>Nothing is left to revert: every feature of this proposal is already as it was before, or was changed since.</source>
        <translation>Il ne reste rien à défaire : chaque entité de cette proposition est déjà revenue à son état d'avant, ou a été modifiée depuis.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="131"/>
        <source>The revert cannot be submitted: {count} problem(s) must be fixed first. It can still be saved as a draft.</source>
        <translation>Le retour en arrière ne peut pas être soumis : {count} problème(s) doivent d'abord être corrigés. Il peut tout de même être enregistré comme brouillon.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="133"/>
        <source>The authoritative data “{path}” cannot be read ({detail}): the revert cannot be checked against it.</source>
        <translation>Les données de référence « {path} » ne peuvent pas être lues ({detail}) : le retour en arrière ne peut pas être vérifié par rapport à elles.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/publishing.py" line="135"/>
        <source>The authoritative data “{layer}” has no field “{field}”: the features of the proposal cannot be found in it.</source>
        <translation>Les données de référence « {layer} » n'ont pas de champ « {field} » : les entités de la proposition ne peuvent pas y être retrouvées.</translation>
    </message>
    <message>
        <location filename="../ui/history_actions.py" line="54"/>
        <source>GeoGov: history of this feature…</source>
        <translation>GeoGov : historique de cette entité…</translation>
    </message>
    <message>
        <location filename="../ui/history_actions.py" line="83"/>
        <source>GeoGov: change history…</source>
        <translation>GeoGov : historique des modifications…</translation>
    </message>
    <message>
        <location filename="../ui/history_actions.py" line="85"/>
        <source>Every applied proposal of this dataset: when, who, why, what</source>
        <translation>Toutes les propositions appliquées à ce jeu de données : quand, qui, pourquoi, quoi</translation>
    </message>
    <message>
        <location filename="../ui/history_actions.py" line="158"/>
        <source>The current layer is no dataset of the partnership convention: it has no GeoGov history.</source>
        <translation>La couche courante n'est pas un jeu de données de la convention de partenariat : elle n'a pas d'historique GeoGov.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="60"/>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="69"/>
        <source>Applied on {when}</source>
        <translation>Appliquée le {when}</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="69"/>
        <source>Proposed by {author} ({partner})</source>
        <translation>Proposée par {author} ({partner})</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="69"/>
        <source>Approved by {names}</source>
        <translation>Validée par {names}</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="69"/>
        <source>Applied by {name}</source>
        <translation>Appliquée par {name}</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="69"/>
        <source>Proposal {id}</source>
        <translation>Proposition {id}</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="80"/>
        <source>No change recorded.</source>
        <translation>Aucune modification enregistrée.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="87"/>
        <source>changed</source>
        <translation>modifiée</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="136"/>
        <source>History of feature {key} — {dataset}</source>
        <translation>Historique de l'entité {key} — {dataset}</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="138"/>
        <source>The applied proposals that changed this feature, newest first: when, who proposed and approved them, why, and what they changed.</source>
        <translation>Les propositions appliquées qui ont modifié cette entité, de la plus récente à la plus ancienne : quand, qui les a proposées et validées, pourquoi, et ce qu'elles ont changé.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="142"/>
        <source>History of the layer {layer} — {dataset}</source>
        <translation>Historique de la couche {layer} — {dataset}</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="144"/>
        <source>The applied proposals of this dataset, newest first: when, who proposed and approved them, why, and what they changed.</source>
        <translation>Les propositions appliquées à ce jeu de données, de la plus récente à la plus ancienne : quand, qui les a proposées et validées, pourquoi, et ce qu'elles ont changé.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="150"/>
        <source>Applied on</source>
        <translation>Appliquée le</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="150"/>
        <source>Approved by</source>
        <translation>Validée par</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="163"/>
        <source>Revert this proposal…</source>
        <translation>Défaire cette proposition…</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="191"/>
        <source>This layer is no dataset of the partnership convention: GeoGov keeps no history of it.</source>
        <translation>Cette couche n'est pas un jeu de données de la convention de partenariat : GeoGov n'en garde aucun historique.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="195"/>
        <source>Reading the history…</source>
        <translation>Lecture de l'historique…</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="197"/>
        <source>GeoGov: read the history of a feature</source>
        <translation>GeoGov : lecture de l'historique d'une entité</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="201"/>
        <source>GeoGov: read the history of a layer</source>
        <translation>GeoGov : lecture de l'historique d'une couche</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="221"/>
        <source>{n} applied proposal(s).</source>
        <translation>{n} proposition(s) appliquée(s).</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="224"/>
        <source>No applied proposal has changed this feature.</source>
        <translation>Aucune proposition appliquée n'a modifié cette entité.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="226"/>
        <source>No proposal has been applied to this dataset yet.</source>
        <translation>Aucune proposition n'a encore été appliquée à ce jeu de données.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="261"/>
        <source>Select an applied proposal in the list.</source>
        <translation>Sélectionnez une proposition appliquée dans la liste.</translation>
    </message>
    <message>
        <location filename="../ui/history_dialog.py" line="267"/>
        <source>Propose to undo this proposal: a new proposal of yours, checked against the data as it is now and reviewed like any other.</source>
        <translation>Proposer de défaire cette proposition : une nouvelle proposition de votre part, vérifiée par rapport aux données actuelles et validée comme toute autre.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="495"/>
        <source>Checking the revert of “{title}” against the authoritative data…</source>
        <translation>Vérification du retour en arrière de « {title} » par rapport aux données de référence…</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="509"/>
        <source>Nothing was reverted.</source>
        <translation>Rien n'a été défait.</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>History of the current layer…</source>
        <translation>Historique de la couche courante…</translation>
    </message>
    <message>
        <location filename="../ui/plugin.py" line="70"/>
        <source>The applied proposals of the current layer&apos;s dataset: when, who proposed and approved them, why, what they changed; revert one</source>
        <translation>Les propositions appliquées au jeu de données de la couche courante : quand, qui les a proposées et validées, pourquoi, ce qu'elles ont changé ; en défaire une</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="64"/>
        <source>{feature}: deleted since the proposal was applied</source>
        <translation>{feature} : supprimée depuis l'application de la proposition</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="66"/>
        <source>{feature}: a feature with this key exists again</source>
        <translation>{feature} : une entité avec cet identifiant existe de nouveau</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="74"/>
        <source>the geometry was changed</source>
        <translation>la géométrie a été modifiée</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="79"/>
        <source>{field}: “{then}” after the proposal, “{now}” now</source>
        <translation>{field} : « {then} » après la proposition, « {now} » aujourd'hui</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="81"/>
        <source>{feature}: {changes}</source>
        <translation>{feature} : {changes}</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="81"/>
        <source>changed since the proposal was applied</source>
        <translation>modifiée depuis l'application de la proposition</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="89"/>
        <source>Reverts the proposal “{title}” ({id}), applied on {when}.</source>
        <translation>Défait la proposition « {title} » ({id}), appliquée le {when}.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="96"/>
        <source>and {n} more</source>
        <translation>et {n} de plus</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="97"/>
        <source>Left out, changed since it was applied: {features}.</source>
        <translation>Laissées de côté, car modifiées depuis son application : {features}.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="113"/>
        <source>Revert “{title}”</source>
        <translation>Défaire « {title} »</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="115"/>
        <source>This does not change the authoritative data now. It creates a NEW proposal by you ({login}) that undoes “{title}”, applied on {when}: features it added are deleted, features it deleted are added back, modified features get their values and geometry back. Like any proposal, it is reviewed before it is applied.</source>
        <translation>Les données de référence ne sont pas modifiées maintenant. Une NOUVELLE proposition est créée à votre nom ({login}) pour défaire « {title} », appliquée le {when} : les entités qu'elle a ajoutées sont supprimées, celles qu'elle a supprimées sont rétablies, les entités modifiées retrouvent leurs valeurs et leur géométrie. Comme toute proposition, elle est validée avant d'être appliquée.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="125"/>
        <source>Feature or field</source>
        <translation>Entité ou champ</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="146"/>
        <source>Revert: {title}</source>
        <translation>Retour en arrière : {title}</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="148"/>
        <source>Why revert it? The reviewers read it with the proposal.</source>
        <translation>Pourquoi la défaire ? Les valideurs le liront avec la proposition.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="150"/>
        <source>Submit it for review now (otherwise it is saved as a draft in My proposals)</source>
        <translation>La soumettre à validation tout de suite (sinon elle est enregistrée comme brouillon dans Mes propositions)</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="182"/>
        <source>Nothing is left to revert: no proposal is created.</source>
        <translation>Il ne reste rien à défaire : aucune proposition n'est créée.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="184"/>
        <source>The revert proposal will make these changes — {counts}:</source>
        <translation>La proposition de retour en arrière fera ces modifications — {counts} :</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="188"/>
        <source>{n} feature(s) were changed after the proposal was applied: they are left out of the revert, so that those later edits are not overwritten. Revert them by hand if need be:</source>
        <translation>{n} entité(s) ont été modifiées après l'application de la proposition : elles sont laissées hors du retour en arrière, pour ne pas écraser ces modifications plus récentes. Rétablissez-les à la main si besoin :</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="195"/>
        <source>{n} feature(s) are already as they were before the proposal: nothing to do for them.</source>
        <translation>{n} entité(s) sont déjà telles qu'avant la proposition : rien à faire pour elles.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="198"/>
        <source>{n} problem(s) to fix before the revert can be submitted (it can be saved as a draft):</source>
        <translation>{n} problème(s) à corriger avant de pouvoir soumettre le retour en arrière (il peut être enregistré comme brouillon) :</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="209"/>
        <source>Create the revert proposal</source>
        <translation>Créer la proposition de retour en arrière</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="211"/>
        <source>Create and submit the revert proposal</source>
        <translation>Créer et soumettre la proposition de retour en arrière</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="211"/>
        <source>Save the revert as a draft</source>
        <translation>Enregistrer le retour en arrière comme brouillon</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="252"/>
        <source>GeoGov: check the revert against the authoritative data</source>
        <translation>GeoGov : vérification du retour en arrière par rapport aux données de référence</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="277"/>
        <source>GeoGov: save the revert proposal</source>
        <translation>GeoGov : enregistrement de la proposition de retour en arrière</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="287"/>
        <source>The revert “{title}” is kept on this computer: it is submitted once the proposal database can be reached.</source>
        <translation>Le retour en arrière « {title} » est gardé sur cet ordinateur : il sera soumis dès que la base des propositions sera joignable.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="290"/>
        <source>The revert “{title}” is submitted: its reviewers are notified.</source>
        <translation>Le retour en arrière « {title} » est soumis : ses valideurs sont prévenus.</translation>
    </message>
    <message>
        <location filename="../ui/revert_dialog.py" line="293"/>
        <source>The revert “{title}” is saved as a draft: submit it from My proposals.</source>
        <translation>Le retour en arrière « {title} » est enregistré comme brouillon : soumettez-le depuis Mes propositions.</translation>
    </message>
    <message>
        <location filename="../ui/review_dock.py" line="116"/>
        <source>Revert…</source>
        <translation>Défaire…</translation>
    </message>
    <message>
        <location filename="../ui/review_buttons.py" line="122"/>
        <source>Propose to undo this applied proposal: a new proposal of yours, checked against the data as it is now (features changed since are left out) and reviewed like any other.</source>
        <translation>Proposer de défaire cette proposition appliquée : une nouvelle proposition de votre part, vérifiée par rapport aux données actuelles (les entités modifiées depuis sont laissées de côté) et validée comme toute autre.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="25"/>
        <source>Only an applied proposal can be reverted.</source>
        <translation>Seule une proposition appliquée peut être défaite.</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="79"/>
        <source>{counts} — {n} left out (kept in your edits)</source>
        <translation>{counts} — {n} laissée(s) de côté (gardée(s) dans vos modifications)</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="107"/>
        <source>Uncheck to leave this change out of the proposal: it stays in your edits.</source>
        <translation>Décochez pour laisser cette modification hors de la proposition : elle reste dans vos modifications.</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="118"/>
        <source>Uncheck to leave all these changes out of the proposal.</source>
        <translation>Décochez pour laisser toutes ces modifications hors de la proposition.</translation>
    </message>
    <message>
        <location filename="../ui/propose_changes.py" line="146"/>
        <source>Uncheck to leave these changes out of the proposal.</source>
        <translation>Décochez pour laisser ces modifications hors de la proposition.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="59"/>
        <source>The proposal</source>
        <translation>La proposition</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="101"/>
        <source>Uncheck a change to leave it out of the proposal: it stays in your edits. Select one to see it on the map.</source>
        <translation>Décochez une modification pour la laisser hors de la proposition : elle reste dans vos modifications. Sélectionnez-en une pour la voir sur la carte.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="105"/>
        <source>Include all</source>
        <translation>Tout inclure</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="106"/>
        <source>Take every change left out back into the proposal.</source>
        <translation>Remettre dans la proposition toutes les modifications laissées de côté.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="128"/>
        <source>Zoom</source>
        <translation>Zoomer</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="108"/>
        <source>Select the feature of this change on its layer and zoom to it (a double click does the same).</source>
        <translation>Sélectionner l'entité de cette modification sur sa couche et zoomer dessus (un double-clic fait de même).</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="123"/>
        <source>Select a problem to see its feature on the map; double-click to zoom to it.</source>
        <translation>Sélectionnez un problème pour voir son entité sur la carte ; double-cliquez pour zoomer dessus.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="125"/>
        <source>Leave out</source>
        <translation>Laisser de côté</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="126"/>
        <source>Leave the change with this problem out of the proposal: it stays in your edits, to be proposed once fixed.</source>
        <translation>Laisser hors de la proposition la modification qui a ce problème : elle reste dans vos modifications, à proposer une fois corrigée.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog_layout.py" line="129"/>
        <source>Select the feature of this problem on its layer and zoom to it (a double click does the same).</source>
        <translation>Sélectionner l'entité de ce problème sur sa couche et zoomer dessus (un double-clic fait de même).</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="278"/>
        <source>Checking the included changes again…</source>
        <translation>Nouvelle vérification des modifications incluses…</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="279"/>
        <source>GeoGov: check the changes to {layer}</source>
        <translation>GeoGov : vérifier les modifications de {layer}</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="328"/>
        <source>Every change is left out: check at least one to propose it.</source>
        <translation>Toutes les modifications sont laissées de côté : cochez-en au moins une pour la proposer.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="463"/>
        <source>The proposal is saved with these changes: compute the changes again to propose the edits left in the layer.</source>
        <translation>La proposition est enregistrée avec ces modifications : recalculez les changements pour proposer les modifications restées dans la couche.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="545"/>
        <source>This feature is no longer in the layer (deleted): the map shows where it was.</source>
        <translation>Cette entité n'est plus dans la couche (supprimée) : la carte montre où elle se trouvait.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="582"/>
        <source>The edit session of “{layer}” has ended: this window keeps the changes computed before.</source>
        <translation>La session d'édition de « {layer} » est terminée : cette fenêtre garde les changements calculés auparavant.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="603"/>
        <source>“{layer}” was removed from the project: its proposal window is closed. A draft already saved stays in the proposal store.</source>
        <translation>« {layer} » a été retirée du projet : sa fenêtre de proposition est fermée. Un brouillon déjà enregistré reste dans le registre des propositions.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="622"/>
        <source>Wait: the included changes are about to be checked again.</source>
        <translation>Patientez : les modifications incluses vont être vérifiées à nouveau.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="624"/>
        <source>Every change is left out of the proposal.</source>
        <translation>Toutes les modifications sont laissées hors de la proposition.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="633"/>
        <source>The layer was edited after the changes were computed: click “Compute the changes again” to propose the edits as they are now.</source>
        <translation>La couche a été modifiée après le calcul des changements : cliquez sur « Recalculer les changements » pour proposer les modifications telles qu'elles sont maintenant.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="724"/>
        <source>The layer was edited meanwhile: its edits are kept.</source>
        <translation>La couche a été modifiée entre-temps : ses modifications sont conservées.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="731"/>
        <source>The {n} change(s) you left out stay in the layer&apos;s edits.</source>
        <translation>Les {n} modification(s) laissée(s) de côté restent dans les modifications de la couche.</translation>
    </message>
    <message>
        <location filename="../ui/propose_dialog.py" line="746"/>
        <source>The changes left out are still in the layer&apos;s edits.</source>
        <translation>Les modifications laissées de côté sont toujours dans les modifications de la couche.</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="19"/>
        <source>My edits in the layer</source>
        <translation>Mes modifications dans la couche</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="20"/>
        <source>The edits not saved yet of the shared layer, in QGIS&apos;s edit mode (its edit buffer).</source>
        <translation>Les modifications pas encore enregistrées de la couche partagée, en mode édition de QGIS (son tampon d'édition).</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="22"/>
        <source>An edited copy of the layer</source>
        <translation>Une copie modifiée de la couche</translation>
    </message>
    <message>
        <location filename="../ui/propose_source.py" line="30"/>
        <source>Read the edits again (after fixing a problem in the layer) and check them.</source>
        <translation>Relire les modifications (après avoir corrigé un problème dans la couche) et les vérifier.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="126"/>
        <source>The records read could not be kept for the next sweep: {error}</source>
        <translation>Les fiches lues n'ont pas pu être gardées pour le prochain moissonnage : {error}</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="76"/>
        <source>Read only the catalogue records changed since the last sweep</source>
        <translation>Ne lire que les fiches du catalogue modifiées depuis le dernier moissonnage</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/alg_convention_check.py" line="144"/>
        <source>Incremental (INCREMENTAL, default yes): a CSW catalogue read before is asked only for the records changed since (its apiso:Modified queryable, the records&apos; dateStamp) and for the list of its identifiers, so that deleted records leave at once; the other records come from GeoGov&apos;s copy of the last sweep, kept in the QGIS user profile (geogov/catalogue-sweeps). A full sweep is made every 7 days, the first time, and whenever the copy cannot be trusted; an OGC API Records catalogue is always read in full. The log and the report say how the catalogue was read.</source>
        <translation>Incrémental (INCREMENTAL, oui par défaut) : un catalogue CSW déjà lu n'est interrogé que sur les fiches modifiées depuis (sa propriété apiso:Modified, le dateStamp des fiches) et sur la liste de ses identifiants, pour que les fiches supprimées disparaissent aussitôt ; les autres fiches viennent de la copie du dernier moissonnage que GeoGov garde dans le profil utilisateur de QGIS (geogov/catalogue-sweeps). Un moissonnage complet est fait tous les 7 jours, la première fois, et chaque fois que la copie n'est pas fiable ; un catalogue OGC API Records est toujours lu en entier. Le journal et le rapport disent comment le catalogue a été lu.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="236"/>
        <source>Catalogue read incrementally: the {read} records changed since {since} read again ({added} new, {removed} removed from the catalogue), the other {kept} as read on {previous}; last full reading on {full}, one is made every {days} days.</source>
        <translation>Catalogue lu en incrémental : les {read} fiches modifiées depuis le {since} relues ({added} nouvelles, {removed} retirées du catalogue), les {kept} autres telles que lues le {previous} ; dernière lecture complète le {full}, une est faite tous les {days} jours.</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="245"/>
        <source>no earlier reading of it was kept</source>
        <translation>aucune lecture précédente n'en était gardée</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="246"/>
        <source>as asked</source>
        <translation>comme demandé</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="247"/>
        <source>one is made every {days} days</source>
        <translation>une est faite tous les {days} jours</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="248"/>
        <source>it cannot be asked for the records changed since a date</source>
        <translation>on ne peut pas lui demander les fiches modifiées depuis une date</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="249"/>
        <source>the last reading is dated later than now: this computer&apos;s clock moved</source>
        <translation>la dernière lecture est datée d'après maintenant : l'horloge de cet ordinateur a changé</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="250"/>
        <source>too many of its records had neither been read nor changed recently</source>
        <translation>trop de ses fiches n'avaient été ni lues ni modifiées récemment</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="251"/>
        <source>some of its records have no identifier, or the same one</source>
        <translation>certaines de ses fiches n'ont pas d'identifiant, ou ont le même</translation>
    </message>
    <message>
        <location filename="../plugin/governance/report_html.py" line="253"/>
        <source>Catalogue read in full: {n} records</source>
        <translation>Catalogue lu en entier : {n} fiches</translation>
    </message>
    <message>
        <location filename="../ui/governance_report_dialog.py" line="78"/>
        <source>The other records come from GeoGov&apos;s copy of the last sweep of this catalogue; deleted records are left out, and a full sweep is made every 7 days. The report says how the catalogue was read.</source>
        <translation>Les autres fiches viennent de la copie que GeoGov garde du dernier moissonnage de ce catalogue ; les fiches supprimées sont écartées, et un moissonnage complet est fait tous les 7 jours. Le rapport dit comment le catalogue a été lu.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="26"/>
        <source>The catalogue record of this proposal needs no update.</source>
        <translation>La fiche de catalogue de cette proposition n'a pas besoin d'être mise à jour.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="27"/>
        <source>Only a proposal in conflict can be rebased.</source>
        <translation>Seule une proposition en conflit peut être mise à jour sur les données actuelles.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="28"/>
        <source>Only the author, a steward of this dataset or a coordinator may rebase it.</source>
        <translation>Seuls l'auteur, un référent validation de ce jeu de données ou un coordinateur peuvent la mettre à jour sur les données actuelles.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="29"/>
        <source>No conflict was recorded for this proposal: apply it again to find them.</source>
        <translation>Aucun conflit n'a été enregistré pour cette proposition : appliquez-la de nouveau pour les trouver.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="31"/>
        <source>A proposal that is “{status}” can no longer be withdrawn.</source>
        <translation>Une proposition « {status} » ne peut plus être retirée.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="32"/>
        <source>A proposal that is “{status}” cannot be edited or submitted again.</source>
        <translation>Une proposition « {status} » ne peut être ni modifiée ni soumise de nouveau.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="33"/>
        <source>Fix the {count} problem(s) found in the changes first.</source>
        <translation>Corrigez d'abord le(s) {count} problème(s) trouvé(s) dans les modifications.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="34"/>
        <source>This proposal&apos;s changes are not loaded.</source>
        <translation>Les modifications de cette proposition ne sont pas chargées.</translation>
    </message>
    <message>
        <location filename="../ui/action_reasons.py" line="51"/>
        <source>This action is not possible now.</source>
        <translation>Cette action n'est pas possible pour le moment.</translation>
    </message>
    <message>
        <location filename="../plugin/bridge/messages/store.py" line="60"/>
        <source>This proposal database was set up for an older version of GeoGov (schema {version}; this plugin needs {needed}). Nothing was changed. Ask its administrator to run the Processing algorithm “Set up the PostgreSQL proposal store (administrator)” (geogov:setup_postgres_store) on it again: it upgrades it in place, keeping every proposal and the audit trail.</source>
        <translation>Cette base de propositions a été installée pour une version plus ancienne de GeoGov (schéma {version} ; ce plugin a besoin du schéma {needed}). Rien n’a été modifié. Demandez à son administrateur de relancer sur elle l’algorithme de traitement « Installer le registre PostgreSQL des propositions (administrateur) » (geogov:setup_postgres_store) : il la met à niveau sur place, en gardant toutes les propositions et le journal d’audit.</translation>
    </message>
</context>
</TS>
