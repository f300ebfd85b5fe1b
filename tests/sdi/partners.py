"""The partners of the demo SDI, as the ISO records name them (DEMO.md, "Partners").

Names are spelt exactly as in DEMO.md: the "Who is responsible" panel matches the
organisation names of the records against the convention, so a different spelling here
would be a finding nobody planned. People and addresses are fictitious (``@example.org``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Contact:
    individual: str
    position: str          # the data-organisation role, in French as a record would put it
    email: str
    phone: str


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    kind: str
    city: str
    postcode: str
    website: str
    contact: Contact


def _partner(pid, name, kind, city, postcode, individual, position, phone):
    local = pid.replace("-", ".")
    return Partner(pid, name, kind, city, postcode, f"https://{pid}.example.org/",
                   Contact(individual, position, f"{local}.donnees@example.org", phone))


_RD = "Référent données"
_SIG = "Responsable du pôle SIG"

PARTNERS = {p.id: p for p in [
    _partner("region-idf", "Région Île-de-France", "région", "Saint-Ouen-sur-Seine", "93400",
             "Claire Martin", "Coordinatrice de la convention géodonnées", "+33 1 00 00 01 01"),
    _partner("institut-paris-region", "L'Institut Paris Region", "agence", "Paris", "75015",
             "Hugo Lefèvre", _RD, "+33 1 00 00 01 02"),
    _partner("apur", "Atelier parisien d'urbanisme (APUR)", "agence", "Paris", "75013",
             "Nadia Benali", _RD, "+33 1 00 00 01 03"),
    _partner("drieat-idf", "DRIEAT Île-de-France", "État", "Paris", "75012",
             "Olivier Garnier", "Chef de projet SIG", "+33 1 00 00 01 04"),
    _partner("ville-paris", "Ville de Paris", "département", "Paris", "75004",
             "Sophie Laurent", _RD, "+33 1 00 00 07 50"),
    _partner("cd77", "Département de Seine-et-Marne", "département", "Melun", "77000",
             "Julien Moreau", _SIG, "+33 1 00 00 07 77"),
    _partner("cd78", "Département des Yvelines", "département", "Versailles", "78000",
             "Camille Roux", _SIG, "+33 1 00 00 07 78"),
    _partner("cd91", "Département de l'Essonne", "département", "Évry-Courcouronnes", "91000",
             "Thomas Girard", _SIG, "+33 1 00 00 09 91"),
    _partner("cd92", "Département des Hauts-de-Seine", "département", "Nanterre", "92000",
             "Léa Fontaine", _SIG, "+33 1 00 00 09 92"),
    _partner("cd93", "Département de la Seine-Saint-Denis", "département", "Bobigny", "93000",
             "Karim Haddad", _SIG, "+33 1 00 00 09 93"),
    _partner("cd94", "Département du Val-de-Marne", "département", "Créteil", "94000",
             "Émilie Dubois", "Référente validation (steward)", "+33 1 00 00 09 94"),
    _partner("cd95", "Département du Val-d'Oise", "département", "Cergy", "95000",
             "Antoine Petit", _SIG, "+33 1 00 00 09 95"),
    _partner("mgp", "Métropole du Grand Paris", "MGP", "Paris", "75013",
             "Inès Mercier", "Cheffe de projet données", "+33 1 00 00 02 01"),
    _partner("ept-t2", "Vallée Sud Grand Paris", "EPT", "Antony", "92160",
             "Paul Henry", _RD, "+33 1 00 00 03 02"),
    _partner("ept-t3", "Grand Paris Seine Ouest", "EPT", "Meudon", "92190",
             "Manon Chevalier", _RD, "+33 1 00 00 03 03"),
    _partner("ept-t4", "Paris Ouest La Défense", "EPT", "Nanterre", "92000",
             "Lucas Bonnet", _RD, "+33 1 00 00 03 04"),
    _partner("ept-t5", "Boucle Nord de Seine", "EPT", "Gennevilliers", "92230",
             "Chloé Lambert", _RD, "+33 1 00 00 03 05"),
    _partner("ept-t6", "Plaine Commune", "EPT", "Saint-Denis", "93200",
             "Yanis Rousseau", _RD, "+33 1 00 00 03 06"),
    _partner("ept-t7", "Paris Terres d'Envol", "EPT", "Aulnay-sous-Bois", "93600",
             "Sarah Faure", _RD, "+33 1 00 00 03 07"),
    _partner("ept-t8", "Est Ensemble", "EPT", "Romainville", "93230",
             "Mehdi Blanc", _RD, "+33 1 00 00 03 08"),
    _partner("ept-t9", "Grand Paris Grand Est", "EPT", "Noisy-le-Grand", "93160",
             "Julie Guérin", _RD, "+33 1 00 00 03 09"),
    _partner("ept-t10", "Paris-Est-Marne et Bois", "EPT", "Nogent-sur-Marne", "94130",
             "Nicolas Muller", _RD, "+33 1 00 00 03 10"),
    _partner("ept-t11", "Grand Paris Sud Est Avenir", "EPT", "Créteil", "94000",
             "Laura André", _RD, "+33 1 00 00 03 11"),
    _partner("ept-t12", "Grand-Orly Seine Bièvre", "EPT", "Vitry-sur-Seine", "94400",
             "Adrien François", _RD, "+33 1 00 00 03 12"),
    _partner("sipperec", "SIPPEREC", "syndicat", "Paris", "75012",
             "Pauline Robin", "Référente validation (steward)", "+33 1 00 00 04 01"),
    _partner("sigeif", "SIGEIF", "syndicat", "Paris", "75008",
             "Bruno Clément", _SIG, "+33 1 00 00 04 02"),
    _partner("sedif", "SEDIF", "syndicat", "Paris", "75008",
             "Élodie Gauthier", _SIG, "+33 1 00 00 04 03"),
    _partner("siaap", "SIAAP", "syndicat", "Paris", "75012",
             "Romain Perrin", _SIG, "+33 1 00 00 04 04"),
    _partner("syctom", "Syctom, l'agence métropolitaine des déchets ménagers", "syndicat",
             "Paris", "75013", "Aurélie Morel", "Référente validation (steward)",
             "+33 1 00 00 04 05"),
    _partner("idfm", "Île-de-France Mobilités", "opérateur", "Paris", "75009",
             "Vincent Fournier", _RD, "+33 1 00 00 05 01"),
    _partner("lumiere-idf", "Lumière Île-de-France SAS (concessionnaire fictif)", "prestataire privé",
             "Montreuil", "93100", "Marc Lemoine", "Chef de projet", "+33 1 00 00 06 01"),
]}

# The Syctom's data protection officer, named beside its steward on the personal-data record.
SYCTOM_DPO = Contact("Hélène Vidal", "Déléguée à la protection des données (DPO)",
                     "dpo@syctom.example.org", "+33 1 00 00 04 06")

# Paris is its own département: Ville de Paris is "the département" of 75.
DEPARTEMENT_PARTNERS = {"75": "ville-paris", "77": "cd77", "78": "cd78", "91": "cd91",
                        "92": "cd92", "93": "cd93", "94": "cd94", "95": "cd95"}
