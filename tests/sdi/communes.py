"""A few real communes per département (INSEE code, name) for plausible attribute values.

Generated features lie inside the right département (the union of its communes in GeoGov's
territory reference) and carry one of its communes as an attribute; the household waste
weighings lie inside Est Ensemble's communes.
"""

COMMUNES = {
    "75": [(f"751{n:02d}", f"Paris {n}e arrondissement") for n in range(1, 21)],
    "77": [("77288", "Melun"), ("77284", "Meaux"), ("77108", "Chelles"), ("77186", "Fontainebleau"),
           ("77468", "Torcy"), ("77373", "Pontault-Combault"), ("77083", "Champs-sur-Marne"),
           ("77305", "Montereau-Fault-Yonne"), ("77390", "Roissy-en-Brie"),
           ("77445", "Savigny-le-Temple")],
    "78": [("78646", "Versailles"), ("78551", "Saint-Germain-en-Laye"), ("78361", "Mantes-la-Jolie"),
           ("78586", "Sartrouville"), ("78498", "Poissy"), ("78311", "Houilles"),
           ("78423", "Montigny-le-Bretonneux"), ("78490", "Plaisir"),
           ("78172", "Conflans-Sainte-Honorine"), ("78621", "Trappes")],
    "91": [("91228", "Évry-Courcouronnes"), ("91174", "Corbeil-Essonnes"), ("91377", "Massy"),
           ("91589", "Savigny-sur-Orge"), ("91549", "Sainte-Geneviève-des-Bois"),
           ("91687", "Viry-Châtillon"), ("91027", "Athis-Mons"), ("91477", "Palaiseau"),
           ("91223", "Étampes"), ("91692", "Yerres")],
    "92": [("92050", "Nanterre"), ("92012", "Boulogne-Billancourt"), ("92004", "Asnières-sur-Seine"),
           ("92025", "Colombes"), ("92026", "Courbevoie"), ("92044", "Levallois-Perret"),
           ("92063", "Rueil-Malmaison"), ("92051", "Neuilly-sur-Seine"),
           ("92040", "Issy-les-Moulineaux"), ("92002", "Antony")],
    "93": [("93066", "Saint-Denis"), ("93048", "Montreuil"), ("93001", "Aubervilliers"),
           ("93005", "Aulnay-sous-Bois"), ("93008", "Bobigny"), ("93055", "Pantin"),
           ("93006", "Bagnolet"), ("93010", "Bondy"), ("93045", "Les Lilas"),
           ("93053", "Noisy-le-Sec"), ("93061", "Le Pré-Saint-Gervais"), ("93063", "Romainville")],
    "94": [("94028", "Créteil"), ("94081", "Vitry-sur-Seine"), ("94068", "Saint-Maur-des-Fossés"),
           ("94017", "Champigny-sur-Marne"), ("94041", "Ivry-sur-Seine"), ("94046", "Maisons-Alfort"),
           ("94080", "Vincennes"), ("94033", "Fontenay-sous-Bois"), ("94078", "Villejuif"),
           ("94052", "Nogent-sur-Marne")],
    "95": [("95127", "Cergy"), ("95018", "Argenteuil"), ("95585", "Sarcelles"),
           ("95268", "Garges-lès-Gonesse"), ("95252", "Franconville"), ("95219", "Ermont"),
           ("95500", "Pontoise"), ("95280", "Goussainville"), ("95277", "Gonesse"),
           ("95306", "Herblay-sur-Seine")],
}

# Est Ensemble (EPT T8), where the household waste weighing is produced.
EST_ENSEMBLE = [c for c in COMMUNES["93"]
                if c[0] in {"93006", "93008", "93010", "93045", "93048", "93053", "93055", "93061",
                            "93063"}]

STREETS = ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta",
           "rue Pasteur", "avenue du Général de Gaulle", "rue Jean Moulin", "rue de Paris",
           "allée des Tilleuls", "rue Émile Zola", "place de la Mairie", "rue des Écoles",
           "avenue Aristide Briand", "rue Voltaire", "quai de la Marne", "rue du Moulin"]

SCHOOLS = ["École élémentaire Jules Ferry", "École maternelle Les Marronniers",
           "Collège Jean Jaurès", "Lycée Marie Curie", "École élémentaire Paul Bert",
           "Collège Louise Michel", "Lycée Condorcet", "École primaire Jacques Prévert",
           "Collège Pablo Picasso", "Lycée Gustave Eiffel"]
