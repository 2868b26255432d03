"""The words tagprint writes itself, in the document's language: one catalogue, chosen by `document.lang`.

Each entry is a word (or a short phrase with `{placeholders}`) per language. A layout overrides any of
them (`words: {continued: "(Fortsetzung)"}`); a language the catalogue lacks a word in falls back to
English, and `missing()` says which (the build shows it as a warning).

Other parts of tagprint call `words_for(lang, overrides).get("page_of", n=1, m=2)` (or take
`document.words`, the same thing built for a document).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

FALLBACK = "en"

# The spectrum's alt text: what the picture shows, in plain words. No disease (the picture names none: a
# piece that means one says so in its own alt or text), and no "only" ("has only 5" read oddly; the
# catalogue keeps "spectrum_only" while spectrum.py still passes it).
_SPECTRUM = {"en": "A horizontal cylindrical shape represents a spectrum. On the left of the shape it says "
                   "\"{left}\", with {left_icons} above it. On the right of the shape it says \"{right}\", with "
                   "{right_icons} above it",
             "de": "Eine waagerechte Zylinderform stellt ein Spektrum dar. Links auf der Form steht „{left}“, "
                   "darüber {left_icons}. Rechts auf der Form steht „{right}“, darüber {right_icons}",
             "fr": "Une forme cylindrique horizontale représente un spectre. À gauche de la forme, il est écrit "
                   "« {left} », avec {left_icons} au-dessus. À droite, il est écrit « {right} », avec "
                   "{right_icons} au-dessus",
             "es": "Una forma cilíndrica horizontal representa un espectro. A la izquierda de la forma dice "
                   "«{left}», con {left_icons} encima. A la derecha dice «{right}», con {right_icons} encima",
             "it": "Una forma cilindrica orizzontale rappresenta uno spettro. A sinistra della forma è scritto "
                   "«{left}», con {left_icons} sopra. A destra è scritto «{right}», con {right_icons} sopra"}

# key -> language -> text. Placeholders are the same in every language.
CATALOGUE: Mapping[str, Mapping[str, str]] = MappingProxyType({
    # pagination (footers and handouts)
    "page_of": {"en": "Page {n} of {m}", "de": "Seite {n} von {m}", "fr": "Page {n} sur {m}",
                "es": "Página {n} de {m}", "it": "Pagina {n} di {m}"},
    "slide_of": {"en": "Slide {n} of {m}", "de": "Folie {n} von {m}", "fr": "Diapositive {n} sur {m}",
                 "es": "Diapositiva {n} de {m}", "it": "Diapositiva {n} di {m}"},
    # a title repeated at the top of the next page
    "continued": {"en": "(continued)", "de": "(Fortsetzung)", "fr": "(suite)", "es": "(continuación)",
                  "it": "(continua)"},
    # default titles
    "safety_title": {"en": "Important Safety Information", "de": "Wichtige Sicherheitsinformationen",
                     "fr": "Informations importantes de sécurité", "es": "Información importante de seguridad",
                     "it": "Informazioni importanti sulla sicurezza"},
    "boxed_warning_title": {"en": "WARNING", "de": "WARNHINWEIS", "fr": "AVERTISSEMENT", "es": "ADVERTENCIA",
                            "it": "AVVERTENZA"},
    "references_title": {"en": "References", "de": "Literatur", "fr": "Références", "es": "Referencias",
                         "it": "Bibliografia"},
    "notes_title": {"en": "Notes", "de": "Notizen", "fr": "Notes", "es": "Notas", "it": "Note"},
    # what a screen reader hears for a note marker or a citation (the link's alternate text)
    "note_link": {"en": "Note {marker}", "de": "Fußnote {marker}", "fr": "Note {marker}", "es": "Nota {marker}",
                  "it": "Nota {marker}"},
    "reference_link": {"en": "Reference {numbers}", "de": "Literaturangabe {numbers}",
                       "fr": "Référence {numbers}", "es": "Referencia {numbers}", "it": "Riferimento {numbers}"},
    "go_to_note": {"en": "Go to note {marker}", "de": "Zur Fußnote {marker}", "fr": "Aller à la note {marker}",
                   "es": "Ir a la nota {marker}", "it": "Vai alla nota {marker}"},
    "go_to_reference": {"en": "Go to reference {numbers}", "de": "Zur Literaturangabe {numbers}",
                        "fr": "Aller à la référence {numbers}", "es": "Ir a la referencia {numbers}",
                        "it": "Vai al riferimento {numbers}"},
    "decimal_mark": {"en": ".", "de": ",", "fr": ",", "es": ",", "it": ","},
    # between groups of three digits (12,500 in English, 12.500 in German; French a no-break space)
    "thousands_mark": {"en": ",", "de": ".", "fr": "\u00a0", "es": ".", "it": "."},
    # between a number and a per cent sign: 38% in English and Italian, 38 % (a no-break space) in German,
    # French and Spanish (DIN 5008, the Imprimerie nationale, the RAE)
    "per_cent_space": {"en": "", "de": "\u00a0", "fr": "\u00a0", "es": "\u00a0", "it": ""},
    "and": {"en": "and", "de": "und", "fr": "et", "es": "y", "it": "e"},
    # the first words of the alternate text of generated figures
    "bar_chart": {"en": "Bar chart", "de": "Balkendiagramm", "fr": "Diagramme en barres",
                  "es": "Gráfico de barras", "it": "Grafico a barre"},
    "line_chart": {"en": "Line chart", "de": "Liniendiagramm", "fr": "Graphique linéaire",
                   "es": "Gráfico de líneas", "it": "Grafico a linee"},
    "forest_plot": {"en": "Forest plot", "de": "Forest-Plot", "fr": "Forest plot", "es": "Diagrama de bosque",
                    "it": "Forest plot"},
    "stacked_bar_chart": {"en": "Stacked bar chart", "de": "Gestapeltes Balkendiagramm",
                          "fr": "Diagramme en barres empilées", "es": "Gráfico de barras apiladas",
                          "it": "Grafico a barre impilate"},
    "qr_code": {"en": "QR code: opens {target}", "de": "QR-Code: öffnet {target}", "fr": "Code QR : ouvre {target}",
                "es": "Código QR: abre {target}", "it": "Codice QR: apre {target}"},
    # what charts write beside their numbers (alt text, forest plot labels, data table)
    "chart_interval": {"en": "{low} to {high}", "de": "{low} bis {high}", "fr": "{low} à {high}",
                       "es": "{low} a {high}", "it": "da {low} a {high}"},
    "chart_confidence": {"en": "confidence interval {interval}", "de": "Konfidenzintervall {interval}",
                         "fr": "intervalle de confiance {interval}", "es": "intervalo de confianza {interval}",
                         "it": "intervallo di confidenza {interval}"},
    "chart_reference": {"en": "reference line at {value}", "de": "Referenzlinie bei {value}",
                        "fr": "ligne de référence à {value}", "es": "línea de referencia en {value}",
                        "it": "linea di riferimento a {value}"},
    "chart_favours": {"en": "left of it favours {left}, right of it favours {right}",
                      "de": "links davon Vorteil für {left}, rechts davon Vorteil für {right}",
                      "fr": "à gauche, en faveur de {left} ; à droite, en faveur de {right}",
                      "es": "a la izquierda, a favor de {left}; a la derecha, a favor de {right}",
                      "it": "a sinistra a favore di {left}, a destra a favore di {right}"},
    "chart_favours_left": {"en": "\u2190 Favours {name}", "de": "\u2190 Vorteil {name}",
                           "fr": "\u2190 En faveur de {name}", "es": "\u2190 A favor de {name}",
                           "it": "\u2190 A favore di {name}"},
    "chart_favours_right": {"en": "Favours {name} \u2192", "de": "Vorteil {name} \u2192",
                            "fr": "En faveur de {name} \u2192", "es": "A favor de {name} \u2192",
                            "it": "A favore di {name} \u2192"},
    "chart_total": {"en": "total {value}", "de": "insgesamt {value}", "fr": "total {value}", "es": "total {value}",
                    "it": "totale {value}"},
    "chart_total_header": {"en": "Total", "de": "Gesamt", "fr": "Total", "es": "Total", "it": "Totale"},
    "chart_category_header": {"en": "Category", "de": "Kategorie", "fr": "Catégorie", "es": "Categoría",
                              "it": "Categoria"},
    "chart_subgroup_header": {"en": "Subgroup", "de": "Subgruppe", "fr": "Sous-groupe", "es": "Subgrupo",
                              "it": "Sottogruppo"},
    "chart_interval_header": {"en": "Confidence interval", "de": "Konfidenzintervall",
                              "fr": "Intervalle de confiance", "es": "Intervalo de confianza",
                              "it": "Intervallo di confidenza"},
    "chart_table_caption": {"en": "{title}: the numbers of the chart above",
                            "de": "{title}: die Zahlen des Diagramms oben",
                            "fr": "{title} : les valeurs du graphique ci-dessus",
                            "es": "{title}: los valores del gráfico anterior",
                            "it": "{title}: i valori del grafico qui sopra"},
    "dots_single": {"en": "A single dot", "de": "Ein einzelner Punkt", "fr": "Un point isolé",
                    "es": "Un único punto", "it": "Un singolo punto"},
    "dots_group": {"en": "A group of{count} randomly scattered dots{clusters}",
                   "de": "Eine Gruppe von{count} zufällig verstreuten Punkten{clusters}",
                   "fr": "Un groupe de{count} points dispersés au hasard{clusters}",
                   "es": "Un grupo de{count} puntos dispersos al azar{clusters}",
                   "it": "Un gruppo di{count} punti sparsi a caso{clusters}"},
    "in_one_cluster": {"en": " in one cluster", "de": " in einem Haufen", "fr": " en un seul amas",
                       "es": " en un solo grupo", "it": " in un solo gruppo"},
    "in_clusters": {"en": " in {n} clusters", "de": " in {n} Haufen", "fr": " en {n} amas", "es": " en {n} grupos",
                    "it": " in {n} gruppi"},
    # the helix
    "helix": {"en": "A double helix", "de": "Eine Doppelhelix", "fr": "Une double hélice", "es": "Una doble hélice",
              "it": "Una doppia elica"},
    "helix_with": {"en": "{helix} with {details}", "de": "{helix} mit {details}", "fr": "{helix} avec {details}",
                   "es": "{helix} con {details}", "it": "{helix} con {details}"},
    "helix_turn": {"en": "{n} turn", "de": "{n} Windung", "fr": "{n} tour", "es": "{n} vuelta", "it": "{n} giro"},
    "helix_turns": {"en": "{n} turns", "de": "{n} Windungen", "fr": "{n} tours", "es": "{n} vueltas",
                    "it": "{n} giri"},
    "helix_no_rungs": {"en": "no rungs", "de": "keinen Sprossen", "fr": "sans barreaux", "es": "sin peldaños",
                       "it": "senza pioli"},
    "helix_rung": {"en": "{n} rung", "de": "{n} Sprosse", "fr": "{n} barreau", "es": "{n} peldaño", "it": "{n} piolo"},
    "helix_rungs": {"en": "{n} rungs", "de": "{n} Sprossen", "fr": "{n} barreaux", "es": "{n} peldaños",
                    "it": "{n} pioli"},
    "helix_horizontal": {"en": ", lying horizontally", "de": ", waagerecht liegend", "fr": ", à l'horizontale",
                         "es": ", en horizontal", "it": ", in orizzontale"},
    # the hexagons
    "hexagons": {"en": "An inverted triangular shape consisting of rows of hexagons. ",
                 "de": "Eine auf der Spitze stehende Dreiecksform aus Reihen von Sechsecken. ",
                 "fr": "Une forme triangulaire inversée faite de rangées d'hexagones. ",
                 "es": "Una forma triangular invertida formada por filas de hexágonos. ",
                 "it": "Una forma triangolare rovesciata composta da file di esagoni. "},
    "hexagons_all_fit": {"en": "All {n} rows of hexagons fit perfectly together",
                         "de": "Alle {n} Reihen von Sechsecken passen genau zusammen",
                         "fr": "Les {n} rangées d'hexagones s'emboîtent parfaitement",
                         "es": "Las {n} filas de hexágonos encajan perfectamente",
                         "it": "Tutte le {n} file di esagoni combaciano perfettamente"},
    "hexagons_all_jumbled": {"en": "All {n} rows of hexagons appear jumbled and do not fit together",
                             "de": "Alle {n} Reihen von Sechsecken wirken durcheinander und passen nicht zusammen",
                             "fr": "Les {n} rangées d'hexagones semblent en désordre et ne s'emboîtent pas",
                             "es": "Las {n} filas de hexágonos aparecen desordenadas y no encajan",
                             "it": "Tutte le {n} file di esagoni appaiono in disordine e non combaciano"},
    "hexagons_first_row": {"en": "The first row of hexagons fits perfectly together",
                           "de": "Die erste Reihe von Sechsecken passt genau zusammen",
                           "fr": "La première rangée d'hexagones s'emboîte parfaitement",
                           "es": "La primera fila de hexágonos encaja perfectamente",
                           "it": "La prima fila di esagoni combacia perfettamente"},
    "hexagons_first_rows": {"en": "The first {n} rows of hexagons fit perfectly together",
                            "de": "Die ersten {n} Reihen von Sechsecken passen genau zusammen",
                            "fr": "Les {n} premières rangées d'hexagones s'emboîtent parfaitement",
                            "es": "Las primeras {n} filas de hexágonos encajan perfectamente",
                            "it": "Le prime {n} file di esagoni combaciano perfettamente"},
    "hexagons_next_row": {"en": "the next row appears jumbled and does not fit together",
                          "de": "die nächste Reihe durcheinander wirkt und nicht passt",
                          "fr": "la rangée suivante semble en désordre et ne s'emboîte pas",
                          "es": "la fila siguiente aparece desordenada y no encaja",
                          "it": "la fila successiva appare in disordine e non combacia"},
    "hexagons_next_rows": {"en": "the next {n} rows appear jumbled and do not fit together",
                           "de": "die nächsten {n} Reihen durcheinander wirken und nicht passen",
                           "fr": "les {n} rangées suivantes semblent en désordre et ne s'emboîtent pas",
                           "es": "las {n} filas siguientes aparecen desordenadas y no encajan",
                           "it": "le {n} file successive appaiono in disordine e non combaciano"},
    "hexagons_while": {"en": "{first} while {last}", "de": "{first}, während {last}", "fr": "{first}, tandis que {last}",
                       "es": "{first}, mientras que {last}", "it": "{first}, mentre {last}"},
    # the spectrum: what the picture shows, in plain words (see _SPECTRUM)
    "spectrum": _SPECTRUM,
    "spectrum_any": _SPECTRUM,  # the same: spectrum.py still chooses between the two keys by the labels
    "spectrum_icon": {"en": "{n} human-shaped icon", "de": "{n} menschenförmiges Symbol",
                      "fr": "{n} icône en forme de personne", "es": "{n} icono con forma humana",
                      "it": "{n} icona a forma umana"},
    "spectrum_icons": {"en": "{n} human-shaped icons", "de": "{n} menschenförmige Symbole",
                       "fr": "{n} icônes en forme de personne", "es": "{n} iconos con forma humana",
                       "it": "{n} icone a forma umana"},
    # the arrows
    "arrows": {"en": "{count} arrows intertwine and point upward",
               "de": "{count} Pfeile winden sich umeinander und zeigen nach oben",
               "fr": "{count} flèches s'entrelacent et pointent vers le haut",
               "es": "{count} flechas se entrelazan y apuntan hacia arriba",
               "it": "{count} frecce si intrecciano e puntano verso l'alto"},
    "count_2": {"en": "Two", "de": "Zwei", "fr": "Deux", "es": "Dos", "it": "Due"},
    "count_3": {"en": "Three", "de": "Drei", "fr": "Trois", "es": "Tres", "it": "Tre"},
    "count_4": {"en": "Four", "de": "Vier", "fr": "Quatre", "es": "Cuatro", "it": "Quattro"},
    "count_5": {"en": "Five", "de": "Fünf", "fr": "Cinq", "es": "Cinco", "it": "Cinque"},
    "count_6": {"en": "Six", "de": "Sechs", "fr": "Six", "es": "Seis", "it": "Sei"},
    "arrows_turns": {"en": ", making {turns} around each other", "de": ", mit {turns}",
                     "fr": ", en faisant {turns} l'une autour de l'autre", "es": ", dando {turns} una alrededor de otra",
                     "it": ", compiendo {turns} l'una intorno all'altra"},
    "turn_quarter": {"en": "a quarter turn", "de": "einer Vierteldrehung", "fr": "un quart de tour",
                     "es": "un cuarto de vuelta", "it": "un quarto di giro"},
    "turn_half": {"en": "half a turn", "de": "einer halben Drehung", "fr": "un demi-tour", "es": "media vuelta",
                  "it": "mezzo giro"},
    "turn_three_quarters": {"en": "three quarters of a turn", "de": "einer Dreivierteldrehung",
                            "fr": "trois quarts de tour", "es": "tres cuartos de vuelta", "it": "tre quarti di giro"},
    "turn_one": {"en": "one full turn", "de": "einer ganzen Drehung", "fr": "un tour complet",
                 "es": "una vuelta completa", "it": "un giro completo"},
    "turn_one_and_half": {"en": "one and a half turns", "de": "anderthalb Drehungen", "fr": "un tour et demi",
                          "es": "una vuelta y media", "it": "un giro e mezzo"},
    "turn_two": {"en": "two full turns", "de": "zwei ganzen Drehungen", "fr": "deux tours complets",
                 "es": "dos vueltas completas", "it": "due giri completi"},
    "turns_n": {"en": "{n} turns", "de": "{n} Drehungen", "fr": "{n} tours", "es": "{n} vueltas", "it": "{n} giri"},
    "spectrum_only": {"en": "only ", "de": "nur ", "fr": "seulement ", "es": "solo ", "it": "solo "},
})

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def language(lang: str) -> str:
    """The catalogue's language for a BCP-47 tag: its primary subtag, lower case (de-DE → de)."""
    return lang.split("-")[0].lower() if lang else FALLBACK


@dataclass(frozen=True)
class Words:
    """The generated words of one document: the catalogue in its language, with the layout's overrides."""

    lang: str = "en"
    overrides: Mapping[str, str] = field(default_factory=dict)

    def text(self, key: str) -> str:
        """The word with its placeholders unfilled."""
        if key in self.overrides:
            return self.overrides[key]
        entry = CATALOGUE[key]
        return entry.get(language(self.lang), entry[FALLBACK])

    def get(self, key: str, **values: object) -> str:
        """The word in the document's language, placeholders filled: get("page_of", n=1, m=2)."""
        text = self.text(key)
        return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)

    def number(self, value: float, decimals: int | None = None) -> str:
        """A number as the document's language writes it: 2.5 in English, 2,5 in German. With `decimals`,
        exactly that many, and thousands grouped: number(12500.5, 1) is 12,500.5 in English, 12.500,5 in
        German."""
        if decimals is None:
            return f"{value:g}".replace(".", self.text("decimal_mark"))
        marks = {ord("."): self.text("decimal_mark"), ord(","): self.text("thousands_mark")}
        return f"{value:,.{decimals}f}".translate(marks)

    def with_unit(self, number: str, unit: str) -> str:
        """A number and its unit as the language writes them: a per cent (or per mille) sign after the
        language's space whatever space the unit was given with (38% in English, 38 % in German); other
        units as given."""
        if unit.strip() in ("%", "‰"):
            return number + self.text("per_cent_space") + unit.strip()
        return number + unit

    def join(self, items: list[str]) -> str:
        """"1, 2 and 3" in the document's language."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.get('and')} {items[-1]}"

    def missing(self) -> list[str]:
        """The catalogue's keys with no word in this language and no override (they are set in English)."""
        lang = language(self.lang)
        return [key for key, entry in CATALOGUE.items() if lang not in entry and key not in self.overrides]


def words_for(lang: str, overrides: Mapping[str, str] | None = None) -> Words:
    """The generated words for a document language, with the layout's `words:` overrides."""
    return Words(lang, dict(overrides or {}))


ENGLISH = Words()
