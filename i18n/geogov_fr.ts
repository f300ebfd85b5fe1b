<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <source>updated continuously</source>
        <translation>mis à jour en continu</translation>
    </message>
    <message>
        <source>updated every day</source>
        <translation>mis à jour chaque jour</translation>
    </message>
    <message>
        <source>updated every week</source>
        <translation>mis à jour chaque semaine</translation>
    </message>
    <message>
        <source>updated every two weeks</source>
        <translation>mis à jour tous les quinze jours</translation>
    </message>
    <message>
        <source>updated twice a month</source>
        <translation>mis à jour deux fois par mois</translation>
    </message>
    <message>
        <source>updated every month</source>
        <translation>mis à jour chaque mois</translation>
    </message>
    <message>
        <source>updated every quarter</source>
        <translation>mis à jour chaque trimestre</translation>
    </message>
    <message>
        <source>updated every six months</source>
        <translation>mis à jour chaque semestre</translation>
    </message>
    <message>
        <source>updated every year</source>
        <translation>mis à jour chaque année</translation>
    </message>
    <message>
        <source>updated when needed</source>
        <translation>mis à jour selon les besoins</translation>
    </message>
    <message>
        <source>updated irregularly</source>
        <translation>mis à jour de façon irrégulière</translation>
    </message>
    <message>
        <source>updated every two years</source>
        <translation>mis à jour tous les deux ans</translation>
    </message>
    <message>
        <source>updated periodically</source>
        <translation>mis à jour périodiquement</translation>
    </message>
    <message>
        <source>every two years</source>
        <translation>tous les deux ans</translation>
    </message>
    <message>
        <source>no update planned</source>
        <translation>aucune mise à jour prévue</translation>
    </message>
    <message>
        <source>update rhythm not stated</source>
        <translation>rythme de mise à jour non précisé</translation>
    </message>
    <message>
        <source>continuously</source>
        <translation>en continu</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>chaque jour</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>chaque semaine</translation>
    </message>
    <message>
        <source>every two weeks</source>
        <translation>tous les quinze jours</translation>
    </message>
    <message>
        <source>twice a month</source>
        <translation>deux fois par mois</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>chaque mois</translation>
    </message>
    <message>
        <source>every quarter</source>
        <translation>chaque trimestre</translation>
    </message>
    <message>
        <source>every six months</source>
        <translation>chaque semestre</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>chaque année</translation>
    </message>
    <message>
        <source>when needed</source>
        <translation>selon les besoins</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <source>Metropolis of Greater Paris</source>
        <translation>Métropole du Grand Paris</translation>
    </message>
    <message>
        <source>Territorial public establishment</source>
        <translation>Établissement public territorial</translation>
    </message>
    <message>
        <source>Group of municipalities</source>
        <translation>Intercommunalité</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Joint syndicate of local authorities</source>
        <translation>Syndicat de collectivités</translation>
    </message>
    <message>
        <source>Public operator</source>
        <translation>Opérateur public</translation>
    </message>
    <message>
        <source>State services</source>
        <translation>Services de l'État</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Private contractor</source>
        <translation>Prestataire privé</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <source>late by {n} months</source>
        <translation>en retard de {n} mois</translation>
    </message>
    <message>
        <source>late by one month</source>
        <translation>en retard d'un mois</translation>
    </message>
    <message>
        <source>late by one day</source>
        <translation>en retard d'un jour</translation>
    </message>
    <message>
        <source>late by {n} days</source>
        <translation>en retard de {n} jours</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <source>no known update date</source>
        <translation>date de mise à jour inconnue</translation>
    </message>
    <message>
        <source>the whole region</source>
        <translation>toute la région</translation>
    </message>
    <message>
        <source>département {code}</source>
        <translation>département {code}</translation>
    </message>
    <message>
        <source>départements {codes}</source>
        <translation>départements {codes}</translation>
    </message>
    <message>
        <source>one municipality</source>
        <translation>une commune</translation>
    </message>
    <message>
        <source>{n} municipalities</source>
        <translation>{n} communes</translation>
    </message>
    <message>
        <source>an area drawn on a map</source>
        <translation>une zone tracée sur une carte</translation>
    </message>
    <message>
        <source>no territorial limit</source>
        <translation>sans limite territoriale</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Donnée</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Who must deliver</source>
        <translation>Qui doit livrer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>À qui</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>À quel rythme</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Dernière livraison</translation>
    </message>
    <message>
        <source>Partners of the convention: {n}</source>
        <translation>Partenaires de la convention : {n}</translation>
    </message>
    <message>
        <source>Shared datasets: {n}</source>
        <translation>Données partagées : {n}</translation>
    </message>
    <message>
        <source>Datasets up to date: {n}</source>
        <translation>Données à jour : {n}</translation>
    </message>
    <message>
        <source>Datasets late: {n}</source>
        <translation>Données en retard : {n}</translation>
    </message>
    <message>
        <source>Datasets without a known update date: {n}</source>
        <translation>Données sans date de mise à jour connue : {n}</translation>
    </message>
    <message>
        <source>Overdue contract deliveries: {n}</source>
        <translation>Livraisons contractuelles en retard : {n}</translation>
    </message>
    <message>
        <source>Proposed changes received: {submitted}; approved: {approved}; rejected: {rejected}; put into the data: {applied}</source>
        <translation>Propositions de modification reçues : {submitted} ; acceptées : {approved} ; refusées : {rejected} ; intégrées aux données : {applied}</translation>
    </message>
    <message>
        <source>Published in the catalogue but not covered by the convention: {n}</source>
        <translation>Publiées au catalogue mais absentes de la convention : {n}</translation>
    </message>
    <message>
        <source>In the convention but not published in the catalogue: {n}</source>
        <translation>Prévues par la convention mais absentes du catalogue : {n}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>En résumé</translation>
    </message>
    <message>
        <source>{kind} — territory: {territory}</source>
        <translation>{kind} — territoire : {territory}</translation>
    </message>
    <message>
        <source>Datasets it produces</source>
        <translation>Données qu'il produit</translation>
    </message>
    <message>
        <source>Datasets it keeps up to date</source>
        <translation>Données qu'il tient à jour</translation>
    </message>
    <message>
        <source>Datasets whose changes it validates</source>
        <translation>Données dont il valide les modifications</translation>
    </message>
    <message>
        <source>Late: {titles}.</source>
        <translation>En retard : {titles}.</translation>
    </message>
    <message>
        <source>Proposed changes received: {submitted}; approved: {approved}; rejected: {rejected}.</source>
        <translation>Propositions de modification reçues : {submitted} ; acceptées : {approved} ; refusées : {rejected}.</translation>
    </message>
    <message>
        <source>Deliveries it owes under a contract</source>
        <translation>Livraisons qu'il doit au titre d'un contrat</translation>
    </message>
    <message>
        <source>Deliveries it is owed under a contract</source>
        <translation>Livraisons qui lui sont dues au titre d'un contrat</translation>
    </message>
    <message>
        <source>en</source>
        <translation>fr</translation>
    </message>
    <message>
        <source>Shared geographic data: who does what</source>
        <translation>Données géographiques partagées : qui fait quoi</translation>
    </message>
    <message>
        <source>Overdue deliveries</source>
        <translation>Livraisons en retard</translation>
    </message>
    <message>
        <source>Every contract delivery is on time.</source>
        <translation>Toutes les livraisons prévues par les contrats sont à jour.</translation>
    </message>
    <message>
        <source>Convention “{title}” (version {version}), coordinated by {coordinator}. Situation on {today}.</source>
        <translation>Convention « {title} » (version {version}), coordonnée par {coordinator}. Situation au {today}.</translation>
    </message>
    <message>
        <source>Other partners</source>
        <translation>Autres partenaires</translation>
    </message>
    <message>
        <source>No shared dataset yet: {names}.</source>
        <translation>Pas encore de donnée partagée : {names}.</translation>
    </message>
    <message>
        <source>Responsible parties of metadata records</source>
        <translation>Responsables des fiches de métadonnées</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>Découverte</translation>
    </message>
    <message>
        <source>Lists every responsible party of every record in a metadata document, one row per party and context.

Input document (INPUT): a file path or an http(s) URL of an ISO 19139 record (also ISO 19115-2), a CSW GetRecords or GetRecordById response (ISO 19139, ISO 19115-3, Dublin Core or DCAT records), an ISO 19115-3 record, or an OGC API Records item or items collection (JSON).
Authentication (AUTHCFG, optional): the QGIS authentication configuration used to fetch a URL.
Timeout (TIMEOUT): seconds to wait for the server.

Output table (OUTPUT, no geometry): record_id, record_title, context (metadata_contact, resource_contact, cited_party, distributor, maintenance_contact, associated_party, catalogue_producer, ogcapi_contact, dc_party), role (the ISO 19115 CI_RoleCode, empty when the document&apos;s role is not one), role_raw (the role exactly as written), role_status (iso19139, iso19115-1, nonstandard, empty or missing: anything but iso19139 deserves a look), organisation, individual, position, email, phone, url, href (a party given only by reference).

A document that cannot be used (not a metadata document, malformed, hostile, an error from the server) stops the algorithm with the reason.</source>
        <translation>Liste chaque responsable de chaque fiche d&apos;un document de métadonnées, une ligne par responsable et par contexte.

Document d&apos;entrée (INPUT) : un chemin de fichier ou une URL http(s) d&apos;une fiche ISO 19139 (ou ISO 19115-2), d&apos;une réponse CSW GetRecords ou GetRecordById (fiches ISO 19139, ISO 19115-3, Dublin Core ou DCAT), d&apos;une fiche ISO 19115-3, ou d&apos;un enregistrement ou d&apos;une collection d&apos;enregistrements OGC API Records (JSON).
Authentification (AUTHCFG, facultatif) : la configuration d&apos;authentification QGIS utilisée pour télécharger une URL.
Délai (TIMEOUT) : nombre de secondes d&apos;attente de la réponse du serveur.

Table en sortie (OUTPUT, sans géométrie) : record_id, record_title, context (metadata_contact, resource_contact, cited_party, distributor, maintenance_contact, associated_party, catalogue_producer, ogcapi_contact, dc_party), role (le code CI_RoleCode ISO 19115, vide quand le rôle du document n&apos;en est pas un), role_raw (le rôle tel qu&apos;écrit), role_status (iso19139, iso19115-1, nonstandard, empty ou missing : tout autre statut que iso19139 mérite vérification), organisation, individual, position, email, phone, url, href (un responsable donné seulement par référence).

Un document inutilisable (pas un document de métadonnées, mal formé, malveillant, une erreur du serveur) arrête l&apos;algorithme en indiquant pourquoi.</translation>
    </message>
    <message>
        <source>Metadata document (file path or URL)</source>
        <translation>Document de métadonnées (chemin ou URL)</translation>
    </message>
    <message>
        <source>Authentication configuration</source>
        <translation>Configuration d&apos;authentification</translation>
    </message>
    <message>
        <source>Timeout (seconds)</source>
        <translation>Délai d&apos;attente (secondes)</translation>
    </message>
    <message>
        <source>Responsible parties</source>
        <translation>Responsables</translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation>Nombre de fiches</translation>
    </message>
    <message>
        <source>Number of parties</source>
        <translation>Nombre de responsables</translation>
    </message>
    <message>
        <source>No metadata document was given.</source>
        <translation>Aucun document de métadonnées n&apos;a été indiqué.</translation>
    </message>
    <message>
        <source>{parties} responsible parties in {records} records.</source>
        <translation>{parties} responsables dans {records} fiches.</translation>
    </message>
    <message>
        <source>Layers of a WMS or WFS service</source>
        <translation>Couches d&apos;un service WMS ou WFS</translation>
    </message>
    <message>
        <source>Lists the layers of a WMS (1.0 to 1.3.0) or the feature types of a WFS (1.0, 1.1, 2.0) from its capabilities document.

Capabilities (INPUT): a file path, or the full http(s) GetCapabilities URL (with SERVICE=WMS or SERVICE=WFS and REQUEST=GetCapabilities).
Authentication (AUTHCFG, optional): the QGIS authentication configuration used to fetch a URL.
Timeout (TIMEOUT): seconds to wait for the server.

Output table (OUTPUT, no geometry), one row per layer: service (WMS or WFS), version, name (empty for a WMS group layer that cannot be requested), title, abstract, parent (title of the enclosing WMS layer), crs (codes separated by spaces, inherited ones included), formats, styles, keywords, metadata_urls, bbox_wgs84 (west,south,east,north), service_title, named, depth (WMS nesting), transaction (the WFS accepts edits: WFS-T), contact_organisation, contact_individual, contact_email, contact_role (ISO code) and contact_role_raw (the free-text ows:Role of WFS capabilities).

Capabilities that cannot be used (an exception report, an HTML page, a malformed or hostile document, a missing mandatory element) stop the algorithm with the reason.</source>
        <translation>Liste les couches d&apos;un WMS (1.0 à 1.3.0) ou les types d&apos;objets d&apos;un WFS (1.0, 1.1, 2.0) à partir de son document de capacités.

Capacités (INPUT) : un chemin de fichier, ou l&apos;URL http(s) complète du GetCapabilities (avec SERVICE=WMS ou SERVICE=WFS et REQUEST=GetCapabilities).
Authentification (AUTHCFG, facultatif) : la configuration d&apos;authentification QGIS utilisée pour télécharger une URL.
Délai (TIMEOUT) : nombre de secondes d&apos;attente de la réponse du serveur.

Table en sortie (OUTPUT, sans géométrie), une ligne par couche : service (WMS ou WFS), version, name (vide pour une couche de regroupement WMS non interrogeable), title, abstract, parent (titre de la couche WMS englobante), crs (codes séparés par des espaces, hérités compris), formats, styles, keywords, metadata_urls, bbox_wgs84 (ouest,sud,est,nord), service_title, named, depth (imbrication WMS), transaction (le WFS accepte les modifications : WFS-T), contact_organisation, contact_individual, contact_email, contact_role (code ISO) et contact_role_raw (le ows:Role en texte libre des capacités WFS).

Des capacités inutilisables (un rapport d&apos;exception, une page HTML, un document mal formé ou malveillant, un élément obligatoire manquant) arrêtent l&apos;algorithme en indiquant pourquoi.</translation>
    </message>
    <message>
        <source>Capabilities document (file path or URL)</source>
        <translation>Document de capacités (chemin ou URL)</translation>
    </message>
    <message>
        <source>Service layers</source>
        <translation>Couches du service</translation>
    </message>
    <message>
        <source>Number of layers</source>
        <translation>Nombre de couches</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <source>No capabilities document was given.</source>
        <translation>Aucun document de capacités n&apos;a été indiqué.</translation>
    </message>
    <message>
        <source>This is a {service} service, not a WMS or a WFS.</source>
        <translation>C&apos;est un service {service}, pas un WMS ni un WFS.</translation>
    </message>
    <message>
        <source>{count} layers in {service} {version} capabilities.</source>
        <translation>{count} couches dans les capacités {service} {version}.</translation>
    </message>
    <message>
        <source>The document starts with a {bom} byte-order mark but declares the encoding {declared}: it cannot be decoded reliably.</source>
        <translation>Le document commence par une marque d&apos;ordre des octets {bom} mais déclare l&apos;encodage {declared} : il ne peut pas être décodé de façon sûre.</translation>
    </message>
    <message>
        <source>The document is empty.</source>
        <translation>Le document est vide.</translation>
    </message>
    <message>
        <source>This document is not a metadata record, a catalogue response or OGC service capabilities (root: {root}).</source>
        <translation>Ce document n&apos;est ni une fiche de métadonnées, ni une réponse de catalogue, ni les capacités d&apos;un service OGC (racine : {root}).</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}</source>
        <translation>Le fichier ne peut pas être lu : {detail}</translation>
    </message>
    <message>
        <source>This document holds no metadata record (it is {kind}).</source>
        <translation>Ce document ne contient aucune fiche de métadonnées (c&apos;est {kind}).</translation>
    </message>
    <message>
        <source>This document is not the capabilities of a service (it is {kind}).</source>
        <translation>Ce document n&apos;est pas le document de capacités d&apos;un service (c&apos;est {kind}).</translation>
    </message>
    <message>
        <source>This element is not an ISO metadata record ({element}).</source>
        <translation>Cet élément n&apos;est pas une fiche de métadonnées ISO ({element}).</translation>
    </message>
    <message>
        <source>The metadata record lacks a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire à la fiche de métadonnées : {element}.</translation>
    </message>
    <message>
        <source>The WMS capabilities lack a mandatory element: {element} (layer {layer}).</source>
        <translation>Il manque un élément obligatoire aux capacités WMS : {element} (couche {layer}).</translation>
    </message>
    <message>
        <source>The WMS capabilities bind their links to a wrong XLink namespace ({attribute}): the service addresses cannot be read.</source>
        <translation>Les capacités WMS rattachent leurs liens à un mauvais espace de noms XLink ({attribute}) : les adresses du service ne peuvent pas être lues.</translation>
    </message>
    <message>
        <source>This is not WMS capabilities ({element}).</source>
        <translation>Ce ne sont pas des capacités WMS ({element}).</translation>
    </message>
    <message>
        <source>The WFS capabilities lack a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire aux capacités WFS : {element}.</translation>
    </message>
    <message>
        <source>This is not WFS capabilities ({element}).</source>
        <translation>Ce ne sont pas des capacités WFS ({element}).</translation>
    </message>
    <message>
        <source>This is not the expected catalogue (CSW) response ({element}).</source>
        <translation>Ce n&apos;est pas la réponse de catalogue (CSW) attendue ({element}).</translation>
    </message>
    <message>
        <source>The catalogue response lacks a mandatory element: {element}.</source>
        <translation>Il manque un élément obligatoire à la réponse du catalogue : {element}.</translation>
    </message>
    <message>
        <source>This element is not a Dublin Core record ({element}).</source>
        <translation>Cet élément n&apos;est pas une fiche Dublin Core ({element}).</translation>
    </message>
    <message>
        <source>This RDF document holds no DCAT dataset.</source>
        <translation>Ce document RDF ne contient aucun jeu de données DCAT.</translation>
    </message>
    <message>
        <source>This kind of record is not supported ({element}).</source>
        <translation>Ce type de fiche n&apos;est pas pris en charge ({element}).</translation>
    </message>
    <message>
        <source>The OGC API Records {what} is not a JSON object as expected.</source>
        <translation>Le {what} OGC API Records n&apos;est pas un objet JSON comme attendu.</translation>
    </message>
    <message>
        <source>The OGC API Records response has no list of records.</source>
        <translation>La réponse OGC API Records ne contient pas de liste d&apos;enregistrements.</translation>
    </message>
    <message>
        <source>The proposal store refused the operation: {message}</source>
        <translation>Le registre des propositions a refusé l&apos;opération : {message}</translation>
    </message>
    <message>
        <source>The proposal database refused this operation to your login.</source>
        <translation>La base des propositions a refusé cette opération à votre identifiant.</translation>
    </message>
    <message>
        <source>Someone changed this proposal meanwhile (last change by {by}). Reload it and decide again.</source>
        <translation>Quelqu&apos;un a modifié cette proposition entre-temps (dernière modification par {by}). Rechargez-la et décidez à nouveau.</translation>
    </message>
    <message>
        <source>The proposal file is busy: another user is writing to it. Try again in a moment.</source>
        <translation>Le fichier des propositions est occupé : un autre utilisateur y écrit. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>This proposal does not exist, or you may not see it.</source>
        <translation>Cette proposition n&apos;existe pas, ou vous n&apos;avez pas le droit de la voir.</translation>
    </message>
    <message>
        <source>A proposal cannot go from “{old}” to “{new}”.</source>
        <translation>Une proposition ne peut pas passer de « {old} » à « {new} ».</translation>
    </message>
    <message>
        <source>Only the author of the proposal may do this.</source>
        <translation>Seul l&apos;auteur de la proposition peut faire cela.</translation>
    </message>
    <message>
        <source>You cannot review your own proposal.</source>
        <translation>Vous ne pouvez pas valider votre propre proposition.</translation>
    </message>
    <message>
        <source>You are not a steward, DPO or coordinator for this proposal.</source>
        <translation>Vous n&apos;êtes ni référent validation, ni DPO, ni coordinateur pour cette proposition.</translation>
    </message>
    <message>
        <source>Only a steward of this dataset or a coordinator may do this.</source>
        <translation>Seul un référent validation de ce jeu de données ou un coordinateur peut faire cela.</translation>
    </message>
    <message>
        <source>This proposal is not awaiting a decision (it is “{status}”).</source>
        <translation>Cette proposition n&apos;attend pas de décision (elle est « {status} »).</translation>
    </message>
    <message>
        <source>A proposal that is “{status}” cannot be edited.</source>
        <translation>Une proposition « {status} » ne peut pas être modifiée.</translation>
    </message>
    <message>
        <source>A comment is required to reject a proposal or to request changes.</source>
        <translation>Un commentaire est obligatoire pour refuser une proposition ou demander des modifications.</translation>
    </message>
    <message>
        <source>The approvals the dataset&apos;s rule requires are not all given.</source>
        <translation>Les validations exigées par la règle du jeu de données ne sont pas toutes données.</translation>
    </message>
    <message>
        <source>Your organisation may not propose changes to this dataset.</source>
        <translation>Votre organisme ne peut pas proposer de modifications de ce jeu de données.</translation>
    </message>
    <message>
        <source>The changes lie outside your organisation&apos;s territory.</source>
        <translation>Les modifications sortent du territoire de votre organisme.</translation>
    </message>
    <message>
        <source>This login is not a member of the partnership convention.</source>
        <translation>Cet identifiant n&apos;est pas membre de la convention de partenariat.</translation>
    </message>
    <message>
        <source>The author, organisation and dataset of a proposal cannot change.</source>
        <translation>L&apos;auteur, l&apos;organisme et le jeu de données d&apos;une proposition ne peuvent pas changer.</translation>
    </message>
    <message>
        <source>The audit trail cannot be changed or deleted.</source>
        <translation>Le journal d&apos;audit ne peut être ni modifié ni supprimé.</translation>
    </message>
    <message>
        <source>The proposal store refused a value: {message}</source>
        <translation>Le registre des propositions a refusé une valeur : {message}</translation>
    </message>
    <message>
        <source>A proposal with this identifier already exists.</source>
        <translation>Une proposition avec cet identifiant existe déjà.</translation>
    </message>
    <message>
        <source>The proposal database cannot be reached. Drafts are kept on this computer and can be submitted later.</source>
        <translation>La base des propositions est injoignable. Les brouillons sont conservés sur cet ordinateur et pourront être soumis plus tard.</translation>
    </message>
    <message>
        <source>This proposal store was created by a newer version of GeoGov. Update the plugin.</source>
        <translation>Ce registre des propositions a été créé par une version plus récente de GeoGov. Mettez l&apos;extension à jour.</translation>
    </message>
    <message>
        <source>The proposal file cannot be used: {message}</source>
        <translation>Le fichier des propositions est inutilisable : {message}</translation>
    </message>
    <message>
        <source>The proposal database failed: {message}</source>
        <translation>La base des propositions a échoué : {message}</translation>
    </message>
    <message>
        <source>The QGIS authentication configuration {authcfg} cannot be read.</source>
        <translation>La configuration d&apos;authentification QGIS {authcfg} ne peut pas être lue.</translation>
    </message>
    <message>
        <source>Proposal store (STORE): a GeoPackage file or a PostgreSQL connection string (&quot;host=… dbname=…&quot;, no password); empty: the store of the plugin settings.
Authentication (AUTHCFG, optional): the QGIS authentication configuration holding the PostgreSQL user name and password.
Login (LOGIN, optional): who you are in a GeoPackage store (no access control there); a PostgreSQL store knows you by your database login.
</source>
        <translation>Registre des propositions (STORE) : un fichier GeoPackage ou une chaîne de connexion PostgreSQL (« host=… dbname=… », sans mot de passe) ; vide : le registre des paramètres de l&apos;extension.
Authentification (AUTHCFG, facultatif) : la configuration d&apos;authentification QGIS qui contient l&apos;utilisateur et le mot de passe PostgreSQL.
Identifiant (LOGIN, facultatif) : qui vous êtes dans un registre GeoPackage (sans contrôle d&apos;accès) ; un registre PostgreSQL vous connaît par votre identifiant de base de données.
</translation>
    </message>
    <message>
        <source>Propose and review</source>
        <translation>Proposer et valider</translation>
    </message>
    <message>
        <source>List change proposals</source>
        <translation>Lister les propositions de modification</translation>
    </message>
    <message>
        <source>Review a change proposal</source>
        <translation>Statuer sur une proposition de modification</translation>
    </message>
    <message>
        <source>Scope (SCOPE): to review by me (submitted proposals awaiting a decision I may take), mine, my partner&apos;s, or all those I may see.
Status (STATUS, optional): draft, submitted, changes_requested, approved, rejected, applied, conflict or withdrawn.
Dataset (DATASET, optional): a dataset id of the convention.

Output table (OUTPUT, no geometry), one row per proposal, newest first: id, dataset, title, author, partner, status, version, round, created_at, submitted_at, updated_at (UTC, ISO 8601), inserts, updates, deletes, approvals (the approvals the dataset&apos;s rule asks, e.g. &quot;steward=yes; dpo=no&quot;), approvals_pending and departements.</source>
        <translation>Portée (SCOPE) : à valider par moi (propositions soumises qui attendent une décision que je peux prendre), les miennes, celles de mon organisme, ou toutes celles que je peux voir.
Statut (STATUS, facultatif) : draft, submitted, changes_requested, approved, rejected, applied, conflict ou withdrawn.
Jeu de données (DATASET, facultatif) : un identifiant de jeu de données de la convention.

Table en sortie (OUTPUT, sans géométrie), une ligne par proposition, la plus récente d&apos;abord : id, dataset, title, author, partner, status, version, round, created_at, submitted_at, updated_at (UTC, ISO 8601), inserts, updates, deletes, approvals (les validations exigées par la règle du jeu de données, p. ex. « steward=yes; dpo=no »), approvals_pending et departements.</translation>
    </message>
    <message>
        <source>Proposal (PROPOSAL): the proposal id (see List change proposals).
Decision (DECISION): approve, reject or request changes. A comment (COMMENT) is required to reject or request changes.
Version (VERSION, optional): the proposal version you looked at; if someone changed the proposal since, the decision is refused instead of applying to a state you have not seen.

The store decides whether you may: your own proposal, a dataset you do not steward, a proposal not awaiting a decision are refused. An approval that leaves another required approval pending (the DPO&apos;s, for personal data) keeps the proposal submitted. Outputs: STATUS (the proposal&apos;s status afterwards) and NEW_VERSION.</source>
        <translation>Proposition (PROPOSAL) : l&apos;identifiant de la proposition (voir Lister les propositions de modification).
Décision (DECISION) : valider, refuser ou demander des modifications. Un commentaire (COMMENT) est obligatoire pour refuser ou demander des modifications.
Version (VERSION, facultatif) : la version de la proposition que vous avez consultée ; si quelqu&apos;un a modifié la proposition depuis, la décision est refusée plutôt que de s&apos;appliquer à un état que vous n&apos;avez pas vu.

Le registre décide si vous en avez le droit : votre propre proposition, un jeu de données dont vous n&apos;êtes pas référent, une proposition qui n&apos;attend pas de décision sont refusés. Une validation qui laisse en attente une autre validation exigée (celle du DPO, pour des données personnelles) laisse la proposition soumise. Sorties : STATUS (le statut de la proposition ensuite) et NEW_VERSION.</translation>
    </message>
    <message>
        <source>Proposal store (GeoPackage path or PostgreSQL connection; empty: the plugin&apos;s)</source>
        <translation>Registre des propositions (chemin GeoPackage ou connexion PostgreSQL ; vide : celui de l&apos;extension)</translation>
    </message>
    <message>
        <source>Authentication configuration (PostgreSQL)</source>
        <translation>Configuration d&apos;authentification (PostgreSQL)</translation>
    </message>
    <message>
        <source>Login (GeoPackage store only)</source>
        <translation>Identifiant (registre GeoPackage uniquement)</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Dataset id</source>
        <translation>Identifiant du jeu de données</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Propositions</translation>
    </message>
    <message>
        <source>Number of proposals</source>
        <translation>Nombre de propositions</translation>
    </message>
    <message>
        <source>Proposal id</source>
        <translation>Identifiant de la proposition</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Version seen (-1: do not check)</source>
        <translation>Version consultée (-1 : ne pas vérifier)</translation>
    </message>
    <message>
        <source>Status after the decision</source>
        <translation>Statut après la décision</translation>
    </message>
    <message>
        <source>Version after the decision</source>
        <translation>Version après la décision</translation>
    </message>
    <message>
        <source>Proposal {id}: {decision} recorded, status {status}.</source>
        <translation>Proposition {id} : décision « {decision} » enregistrée, statut {status}.</translation>
    </message>
    <message>
        <source>To review by me</source>
        <translation>À valider par moi</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>My partner&apos;s</source>
        <translation>Celles de mon organisme</translation>
    </message>
    <message>
        <source>All I may see</source>
        <translation>Toutes celles que je peux voir</translation>
    </message>
    <message>
        <source>Unknown status {status}.</source>
        <translation>Statut inconnu : {status}.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Demander des modifications</translation>
    </message>
</context>
</TS>
