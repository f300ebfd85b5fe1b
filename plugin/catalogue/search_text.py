"""What a French user types in the search box, and how it is matched.

Two halves that work together:

* **Server side** (recall): catalogue servers match text by substring and, for accents,
  badly. pycsw's ``csw:AnyText`` is a SQL ``LIKE`` that ignores case only for unaccented
  letters (SQLite's LIKE folds ASCII only), and pygeoapi's TinyDB provider runs a
  case-insensitive regular expression that does not fold accents. So each typed word is
  turned into the set of its accent variants ("velo" -> "vélo", "vèlo"…), sent as an OR.
  The set is bounded: for a SQL LIKE, positions whose variants would blow the bound
  become single-character wildcards (never missing a record, only widening the match);
  for OGC API ``q`` (no wildcard) the least likely variants are dropped, and the search
  says so.
* **Client side** (precision): every record the server returns is checked on *word
  starts*, accent- and case-insensitively, in its title, abstract, keywords and
  organisations. "velo" then matches "Vélo", "vélos" and "VÉLO-CARGO" but not
  "développement" or "enveloppe", which a substring match finds.

Pure functions over ``str``; no OWSLib, no network.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

# Quotes a French keyboard or a copy-paste may produce around a phrase.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"'})
# Ligatures NFKD leaves alone although French spells words both ways (œuvre / oeuvre).
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
# Letters, digits and nothing else: "_" is punctuation here, as in a title "amenagements_cyclables".
_WORD = re.compile(r"[^\W_]+")
_PHRASES = re.compile(r'"([^"]*)"?|(\S+)')

# Accented forms French text uses for each base letter. Only these letters are expanded.
FRENCH_ACCENTS = {
    "a": "aàâä", "c": "cç", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "y": "yÿ",
}

# Bounds on what one typed term may become on the server (see like_patterns / q_variants).
LIKE_PATTERN_CAP = 16
Q_VARIANT_CAP = 12


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents: "Équipements" -> "equipements"."""
    text = text.casefold().translate(_LIGATURES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list:
    """The folded words of ``text``: "L'Éclairage public" -> ["l", "eclairage", "public"]."""
    return _WORD.findall(fold(text))


def normalise(text: str) -> str:
    """``text`` as folded words each preceded by one space (what matching runs on)."""
    found = words(text)
    return " " + " ".join(found) if found else ""


@dataclass(frozen=True)
class Term:
    """One thing the user asked for: a word, or several words that must follow each other.

    A quoted phrase is a term of several words; so is a typed token holding punctuation
    ("Val-de-Marne", "l'eau"), which the user meant as one thing.
    """

    words: tuple
    quoted: bool = False
    raw: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def longest_word(self) -> str:
        return max(self.words, key=len)


def parse_terms(text: str) -> list:
    """Split the search box into terms: words (all must match) and "quoted phrases".

    French guillemets and typographic quotes count as quotes; an unclosed quote runs to
    the end. Repeated terms are kept once.
    """
    terms, seen = [], set()
    for match in _PHRASES.finditer((text or "").translate(_QUOTES)):
        phrase, token = match.group(1), match.group(2)
        raw = phrase if phrase is not None else token
        found = tuple(words(raw))
        if not found or found in seen:
            continue
        seen.add(found)
        terms.append(Term(found, quoted=phrase is not None, raw=raw.strip()))
    return terms


def term_found(term: Term, normalised: str) -> bool:
    """True when ``term`` starts at a word start of ``normalised`` (see :func:`normalise`).

    Each word of ``normalised`` is preceded by a space, so looking for " velo" finds a word
    *starting* with "velo" ("velos") and never one containing it ("developpement").
    """
    return (" " + term.text) in normalised


def all_found(terms, normalised: str) -> bool:
    return all(term_found(term, normalised) for term in terms)


def normalise_fields(values) -> str:
    """Several texts as one string in which no phrase can run across two of them."""
    return "\n".join(normalise(value) for value in values if value)


def record_text_fields(record) -> list:
    """What the word filter reads in a record: title, abstract, keywords, organisations."""
    values = [record.title, record.abstract]
    values.extend(record.keywords)
    values.extend(record.topic_categories)
    values.extend(p.organisation for p in record.parties)
    return values


def bbox_intersects(a, b) -> bool:
    """Two (west, south, east, north) boxes in degrees overlap (touching counts)."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@dataclass
class RecordFilter:
    """The client-side check of a returned record: word starts, organisation, keyword, box.

    ``text`` terms must each start at a word start somewhere in the record's title,
    abstract, keywords or organisations; ``organisation`` terms must all be found in the
    organisation name of one responsible party (any role: producer, custodian, owner,
    point of contact…); ``keyword`` terms in one keyword or topic category. ``bbox`` is
    only set when the server could not apply the box itself.
    """

    text: tuple = ()
    organisation: tuple = ()
    keyword: tuple = ()
    bbox: tuple = None

    @property
    def active(self) -> bool:
        return bool(self.text or self.organisation or self.keyword or self.bbox)

    def accepts(self, record) -> bool:
        return self.rejection(record) is None

    def rejection(self, record):
        """Why ``record`` is hidden ("text", "organisation", "keyword", "bbox"), or None."""
        if self.text and not all_found(self.text, normalise_fields(record_text_fields(record))):
            return "text"
        if self.organisation and not any(
                all_found(self.organisation, normalise(p.organisation))
                for p in record.parties if p.organisation):
            return "organisation"
        if self.keyword and not any(
                all_found(self.keyword, normalise(k))
                for k in list(record.keywords) + list(record.topic_categories) if k):
            return "keyword"
        if self.bbox and not (record.bbox and any(
                bbox_intersects(box, record.bbox) for box in split_bbox(self.bbox))):
            return "bbox"
        return None


def split_bbox(bbox) -> list:
    """A box as one or two boxes with west <= east (split at the antimeridian)."""
    west, south, east, north = bbox
    if west <= east:
        return [tuple(bbox)]
    return [(west, south, 180.0, north), (-180.0, south, east, north)]


# A box at least this wide and tall is "the whole world": sending it would only make
# servers drop the records that have no bounding box (MetaSearch skips it likewise).
GLOBAL_WIDTH, GLOBAL_HEIGHT = 359.0, 179.0


@dataclass
class ParsedQuery:
    """A :class:`~.model.SearchQuery` taken apart, ready for any protocol adapter."""

    text: tuple = ()
    organisation: tuple = ()
    keyword: tuple = ()
    bbox: tuple = None              # None when absent or global; may cross the antimeridian
    sort: str = ""
    descending: bool = False
    bbox_dropped: bool = False      # a global box was given and left out
    modified_since: object = None   # a datetime.date: records changed on or after it
    identifiers_only: bool = False  # ask for the records' identifiers alone (sweep.py)

    @property
    def boxes(self) -> list:
        """``bbox`` as one or two boxes with west <= east (split at the antimeridian)."""
        return split_bbox(self.bbox) if self.bbox is not None else []

    def record_filter(self, bbox_client_side: bool = False) -> RecordFilter:
        return RecordFilter(self.text, self.organisation, self.keyword,
                            self.bbox if bbox_client_side and self.bbox else None)


def parse_query(query) -> ParsedQuery:
    """Split a SearchQuery's text, organisation and keyword into terms; vet its box.

    The box is clamped to the valid range; a box crossing the antimeridian is kept as
    west > east (adapters split it); a global one is dropped (``bbox_dropped``).
    """
    parsed = ParsedQuery(
        text=tuple(parse_terms(query.text)),
        organisation=tuple(parse_terms(query.organisation)),
        keyword=tuple(parse_terms(query.keyword)),
        sort=query.sort or "",
        descending=bool(query.descending),
        modified_since=getattr(query, "modified_since", None),
    )
    if query.sort not in ("", None, "title", "revision"):
        raise ValueError(f"unknown sort {query.sort!r}: use '', 'title' or 'revision'")
    if query.bbox is not None:
        west, south, east, north = (float(v) for v in query.bbox)
        south, north = max(-90.0, min(south, north)), min(90.0, max(south, north))
        if west <= east and east - west >= 360.0:
            west, east = -180.0, 180.0   # a canvas zoomed out past the whole world
        width = (east - west) if west <= east else (360.0 - west + east)
        if width >= GLOBAL_WIDTH and north - south >= GLOBAL_HEIGHT:
            parsed.bbox_dropped = True
        else:
            west, east = _wrap(west), _wrap(east)
            parsed.bbox = (west, south, east, north)
    return parsed


def _wrap(longitude: float) -> float:
    if -180.0 <= longitude <= 180.0:
        return longitude
    return (longitude + 180.0) % 360.0 - 180.0


# ----------------------------------------------------------------------------- server side

# How often French text uses each accented letter, as a rank (0 = the letter without accent,
# lower = more frequent). Used to keep the likeliest spellings when a bound must drop some.
_ACCENT_RANK = {"é": 1, "è": 2, "à": 2, "ç": 2, "ê": 3, "â": 3, "î": 3, "ô": 3,
                "ù": 4, "û": 4, "ï": 4, "ë": 5, "ü": 5, "ÿ": 6, "ä": 6, "ö": 6}
# Fewer fixed letters than this and a wildcarded pattern matches nearly every record
# ("eau" -> "__u"): then the likeliest spellings are sent instead.
MIN_FIXED_LETTERS = 3


@dataclass
class Expansion:
    """The server-side patterns of one term and what bounding them cost."""

    term: Term
    patterns: list
    wildcarded: int = 0     # letters replaced by the single-character wildcard (wider match)
    dropped: int = 0        # spellings not sent at all (possible misses)

    @property
    def expanded(self) -> bool:
        return len(self.patterns) > 1 or self.wildcarded > 0


def _letter_forms(ch: str, at_word_start: bool, capitals: bool) -> list:
    """``[(form, rank)]`` of one folded letter; rank 0 is the letter itself."""
    accents = FRENCH_ACCENTS.get(ch)
    if not accents:
        return [(ch, 0)]
    forms = [(ch, 0)] + [(a, _ACCENT_RANK[a]) for a in accents[1:]]
    if capitals:
        # A capital accent is as likely as the small one at the start of a title word
        # ("Équipements", "Île"), less so inside a word (only in all-caps text: "VÉLO").
        forms += [(a.upper(), _ACCENT_RANK[a] + (0 if at_word_start else 2)) for a in accents[1:]]
    return forms


def _positions(term: Term, capitals: bool) -> list:
    """Per character of the term: its forms, or None for the gap between two words."""
    positions = []
    for index, word in enumerate(term.words):
        if index:
            positions.append(None)
        positions.extend(_letter_forms(ch, i == 0, capitals) for i, ch in enumerate(word))
    return positions


def _product(positions) -> int:
    total = 1
    for forms in positions:
        if forms:
            total *= len(forms)
    return total


def _likeliest(positions, cap: int) -> list:
    """Up to ``cap`` spellings, fewest accents first, then the most frequent accents first.

    Goes level by level (0, 1, 2… accented letters) and stops after the level that fills
    the cap, so a long word never enumerates its millions of spellings.
    """
    accentable = [i for i, forms in enumerate(positions) if forms and len(forms) > 1]
    base = [forms[0][0] if forms else None for forms in positions]
    found = [(0, base)]
    for count in range(1, len(accentable) + 1):
        if len(found) >= cap:
            break
        level = []
        for chosen in itertools.combinations(accentable, count):
            for picks in itertools.product(*[positions[i][1:] for i in chosen]):
                spelling = list(base)
                for i, (form, _rank) in zip(chosen, picks):
                    spelling[i] = form
                level.append((sum(rank for _form, rank in picks), spelling))
        level.sort(key=lambda item: item[0])  # stable: equal ranks keep the position order
        found.extend(level)
    return [spelling for _rank, spelling in found[:cap]]


def _join(spelling, single_char: str, wild_card: str) -> str:
    return "".join(wild_card if c is None else c for c in spelling)


def like_patterns(term: Term, cap: int = LIKE_PATTERN_CAP, single_char: str = "_",
                  wild_card: str = "%") -> Expansion:
    """Patterns for ``PropertyIsLike`` (SQL LIKE semantics) whose OR finds ``term`` however spelt.

    Letters expand to their small and capital accented forms (the server folds ASCII case
    itself). When all spellings fit in ``cap`` they are all sent. Otherwise the letter with
    the most forms becomes ``single_char``, repeatedly, while at least
    :data:`MIN_FIXED_LETTERS` letters stay fixed: the OR then still finds every spelling and
    only lets more records through for the word filter to drop. When that is not enough
    (short vowel-heavy words: "eau"), the likeliest ``cap`` spellings are sent and
    ``dropped`` counts the others. Words of a phrase are joined by ``wild_card``, so
    "Val-de-Marne", "Val de Marne" and "Val – de Marne" all match. Patterns have no leading
    or trailing wildcard; the caller adds them.
    """
    positions = _positions(term, capitals=True)
    letters = sum(1 for forms in positions if forms)
    fixed = letters
    wildcarded = 0
    while _product(positions) > cap and fixed - 1 >= min(MIN_FIXED_LETTERS, letters):
        widest = max(range(len(positions)), key=lambda i: len(positions[i] or ()))
        positions[widest] = [(single_char, 0)]
        fixed -= 1
        wildcarded += 1
    total = _product(positions)
    spellings = _likeliest(positions, cap)
    patterns = [_join(s, single_char, wild_card) for s in spellings]
    return Expansion(term, patterns, wildcarded=wildcarded, dropped=total - len(patterns))


def q_variants(word: str, cap: int = Q_VARIANT_CAP) -> Expansion:
    """Accent variants of one word for a server without wildcards (OGC API Records ``q``).

    The likeliest ``cap`` spellings (see :func:`_likeliest`); ``dropped`` says how many
    were left out. The server is assumed to ignore case, as the OGC API Records ``q`` is
    meant to (pygeoapi's regular expression runs with IGNORECASE).
    """
    term = Term((fold(word),))
    positions = _positions(term, capitals=False)
    spellings = _likeliest(positions, cap)
    patterns = ["".join(s) for s in spellings]
    return Expansion(term, patterns, dropped=_product(positions) - len(patterns))
