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
</context>
</TS>
