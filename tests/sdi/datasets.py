"""The datasets of the demo SDI and what their ISO records say (DEMO.md, "Datasets and layers").

``Dataset`` holds what the *catalogue* says, which on purpose is not always what the
convention says (the deliberate findings of DEMO.md are marked ``# finding``). Revision
dates are given in days before the build day so the findings stay true whenever the demo
is built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

OPEN_LICENCE = ("Licence Ouverte / Open Licence version 2.0",
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
PARTNERS_ONLY = ("Diffusion réservée aux partenaires de la convention géodonnées Île-de-France", "")
RESTRICTED = ("Accès restreint : données à caractère personnel (RGPD), consultation par le "
              "responsable de traitement et son DPO uniquement", "")


@dataclass(frozen=True)
class Dataset:
    id: str
    record_id: str
    title: str
    abstract: str
    typename: Optional[str]          # None: no layer (a record only)
    geometry: str = ""
    originators: tuple = ()          # partner ids
    custodian: Optional[str] = None
    owner: Optional[str] = None
    points_of_contact: tuple = ()    # partner ids (the resource pointOfContact)
    distributor: Optional[str] = None
    iso_frequency: str = "asNeeded"  # MD_MaintenanceFrequencyCode
    revision_days_ago: int = 30
    created: dt.date = dt.date(2019, 1, 15)
    keywords: tuple = ()
    topics: tuple = ()
    licence: tuple = OPEN_LICENCE
    personal_data: bool = False
    lineage: str = ""
    on_mapserver: bool = False       # also published by the MapServer instance
    extra: dict = field(default_factory=dict)


FREQUENCY_DAYS = {"continual": 1, "daily": 1, "weekly": 7, "fortnightly": 14, "monthly": 31,
                  "quarterly": 92, "biannually": 183, "annually": 365}

DEPARTEMENT_IDS = ("ville-paris", "cd77", "cd78", "cd91", "cd92", "cd93", "cd94", "cd95")

DATASETS = [
    Dataset(
        id="amenagements-cyclables",
        record_id="6ec43d18-6632-5bd7-a5ac-427d141323f3",
        title="Aménagements cyclables",
        abstract=("Pistes et bandes cyclables, voies vertes, couloirs bus-vélo et doubles sens "
                  "cyclables des huit départements d'Île-de-France, consolidés par L'Institut "
                  "Paris Region pour le plan vélo régional. Chaque département produit les "
                  "aménagements de son territoire."),
        typename="amenagements_cyclables", geometry="LineString",
        originators=DEPARTEMENT_IDS, custodian="institut-paris-region", owner="region-idf",
        points_of_contact=("institut-paris-region",), distributor="region-idf",
        iso_frequency="quarterly", revision_days_ago=34, created=dt.date(2018, 3, 1),
        keywords=("vélo", "mobilité douce", "aménagement cyclable", "piste cyclable", "RER V"),
        topics=("transportation",), on_mapserver=True,
        lineage=("Saisie par les services voirie des départements sur orthophotographie, "
                 "consolidée et contrôlée chaque trimestre par L'Institut Paris Region."),
    ),
    Dataset(
        id="points-apport-volontaire",
        record_id="b268e272-1ba0-5d78-97e1-f0cacb51330b",
        title="Points d'apport volontaire",
        abstract=("Colonnes et bornes d'apport volontaire pour le verre, les emballages, les "
                  "papiers, les textiles et les biodéchets sur le territoire du Syctom. "
                  "Équipements de collecte géolocalisés à l'adresse."),
        typename="points_apport_volontaire", geometry="Point",
        originators=("syctom",), custodian="syctom", owner="syctom",
        points_of_contact=("syctom",), distributor="region-idf",
        # finding: the convention says monthly; the record says annually and was last
        # revised about five months ago, so it is late by the convention's clock.
        iso_frequency="annually", revision_days_ago=152, created=dt.date(2020, 6, 2),
        keywords=("déchets", "collecte", "tri sélectif", "Équipements de collecte", "verre"),
        topics=("utilitiesCommunication", "environment"), on_mapserver=True,
        lineage="Relevés des collectivités adhérentes, géocodés à l'adresse par le Syctom.",
    ),
    Dataset(
        id="eclairage-public",
        record_id="878ab4ef-f744-5d75-a196-990f5b36389b",
        title="Éclairage public",
        abstract=("Points lumineux de l'éclairage public des communes adhérentes : type de lampe, "
                  "puissance, hauteur de feu, date de pose et état. Données livrées par le "
                  "concessionnaire dans le cadre du contrat de performance énergétique."),
        typename="eclairage_public", geometry="Point",
        originators=("lumiere-idf",),
        custodian="sigeif",  # finding: the convention names SIPPEREC as maintainer
        owner="sipperec", points_of_contact=("sipperec",), distributor="sipperec",
        iso_frequency="quarterly", revision_days_ago=61, created=dt.date(2021, 9, 20),
        keywords=("éclairage", "éclairage public", "réseaux", "énergie", "points lumineux"),
        topics=("utilitiesCommunication",), licence=PARTNERS_ONLY,
        lineage=("Livraison trimestrielle du concessionnaire Lumière Île-de-France SAS au "
                 "SIPPEREC, contrôlée à réception."),
    ),
    Dataset(
        id="capteurs-air-ecoles",
        record_id="45500f6a-3679-556d-bf39-4e32e66ec454",
        title="Capteurs de qualité de l'air dans les écoles",
        abstract=("Micro-capteurs de qualité de l'air (NO2, PM10, PM2,5, CO2) installés dans des "
                  "écoles, collèges et lycées franciliens. Équipements déployés par la Région."),
        typename="capteurs_air_ecoles", geometry="Point",
        originators=("region-idf",), custodian="institut-paris-region", owner="region-idf",
        points_of_contact=(),  # finding: no resource pointOfContact at all
        distributor="region-idf",
        iso_frequency="monthly", revision_days_ago=12, created=dt.date(2022, 1, 10),
        keywords=("qualité de l'air", "écoles", "capteurs", "santé environnementale"),
        topics=("environment", "health"),
        lineage="Inventaire des capteurs tenu par la Région avec les opérateurs de mesure.",
    ),
    Dataset(
        id="pesees-dechets-menages",
        record_id="512f10f1-7628-5abe-9035-658973ea64c6",
        title="Pesées des déchets ménagers",
        abstract=("Pesées embarquées des bacs d'ordures ménagères par foyer sur le territoire "
                  "d'Est Ensemble, pour la tarification incitative. Contient des données à "
                  "caractère personnel (identifiant du foyer, adresse)."),
        typename="pesees_dechets_menages", geometry="Point",
        originators=("ept-t8",), custodian="syctom", owner="syctom",
        points_of_contact=("syctom",), distributor="syctom",
        iso_frequency="weekly", revision_days_ago=3, created=dt.date(2023, 2, 1),
        keywords=("déchets", "tarification incitative", "pesée embarquée", "données personnelles"),
        topics=("society", "environment"), licence=RESTRICTED, personal_data=True,
        lineage="Pesées transmises chaque semaine par les bennes de collecte d'Est Ensemble.",
    ),
    Dataset(
        id="territoires-partenaires",
        record_id="dfa1db1e-4654-53d9-aaf9-0d808c42df1e",
        title="Territoires des partenaires",
        abstract=("Limites de la région et des huit départements d'Île-de-France, territoires de "
                  "compétence des partenaires de la convention géodonnées (source : IGN ADMIN "
                  "EXPRESS COG, INSEE ; Licence Ouverte)."),
        typename="territoires_partenaires", geometry="MultiPolygon",
        originators=("region-idf",), custodian="region-idf", owner="region-idf",
        points_of_contact=("region-idf",), distributor="region-idf",
        iso_frequency="annually", revision_days_ago=118, created=dt.date(2017, 1, 1),
        keywords=("limites administratives", "départements", "région", "partenaires"),
        topics=("boundaries",), on_mapserver=True,
        lineage="Union des communes du référentiel territorial de GeoGov (IGN ADMIN EXPRESS COG, "
                "INSEE), en Lambert-93.",
    ),
    Dataset(
        id="zones-faibles-emissions",
        record_id="04fc8ed3-b1a2-5339-b485-14f347c96748",
        title="Zones à faibles émissions",
        abstract=("Périmètre de la zone à faibles émissions mobilité (ZFE-m) du Grand Paris et "
                  "calendrier des restrictions de circulation par vignette Crit'Air."),
        typename=None,
        originators=("mgp",), custodian=None, owner=None,
        points_of_contact=("mgp",), distributor="mgp",
        iso_frequency="asNeeded", revision_days_ago=203, created=dt.date(2021, 6, 1),
        keywords=("ZFE", "qualité de l'air", "circulation", "Crit'Air", "mobilité"),
        topics=("transportation", "environment"),
        lineage="Arrêtés métropolitains et communaux.",
        extra={"webpage": "https://zfe.mgp.example.org/perimetre"},
    ),
]

DATASETS_BY_ID = {d.id: d for d in DATASETS}
LAYER_DATASETS = [d for d in DATASETS if d.typename]

# Every record the catalogues serve (CSW and OGC API Records alike).
RECORD_COUNT = len(DATASETS)

# In the convention, not in the catalogue (DEMO.md): no record is built for it.
CONVENTION_ONLY_RECORD_ID = "342a7f86-7827-5b24-a6be-26ace3bc9a18"


def revision_date(dataset: Dataset, today: dt.date) -> dt.date:
    return today - dt.timedelta(days=dataset.revision_days_ago)


def next_update(dataset: Dataset, today: dt.date) -> Optional[dt.date]:
    days = FREQUENCY_DAYS.get(dataset.iso_frequency)
    if days is None:
        return None
    return revision_date(dataset, today) + dt.timedelta(days=days)
