"""The shape of the YAML files, checked by pydantic: content files (schema_blocks, schema_charts), themes
(schema_theme) and layouts (schema_layout), gathered here for the stages that read them. Semantic checks
live in tagprint.validate."""

from __future__ import annotations

from .schema_base import Strict
from .schema_blocks import (
    BLOCK_TYPES, BlockSpec, BoxedWarningSpec, CallToActionSpec, CalloutSpec, CardSpec, CardsSpec, CellSpec,
    ContentSpec, FigureSpec, HeadingSpec, ItemSpec, ListSpec, MaterialIdSpec, NoteSpec, NotesSpec, PageBreakSpec,
    ParagraphSpec, QuoteSpec, ReferenceEntrySpec, ReferencesSpec, SafetySpec, SpacerSpec, TableSpec,
)
from .schema_charts import ChartSeriesSpec, ChartSpec, QrSpec
from .schema_layout import (
    AcceptedWarningSpec, ApprovalSpec, DecorationSpec, DocumentSpec, GridSpec, HandoutSpec, LayoutSpec,
    PageSetupSpec, PageSpec, ProfileName, RegionSpec, SlideSpec, TemplateSpec, VariantsSpec,
)
from .schema_theme import FontFilesSpec, PressSpec, RecipeSpec, SpotSpec, ThemeSpec, TypeStyleSpec

__all__ = [
    "AcceptedWarningSpec", "ApprovalSpec", "BLOCK_TYPES", "BlockSpec", "BoxedWarningSpec", "CallToActionSpec",
    "CalloutSpec", "CardSpec", "CardsSpec", "CellSpec", "ChartSeriesSpec", "ChartSpec", "ContentSpec",
    "DecorationSpec", "DocumentSpec", "FigureSpec", "FontFilesSpec", "GridSpec", "HandoutSpec", "HeadingSpec",
    "ItemSpec", "LayoutSpec", "ListSpec", "MaterialIdSpec", "NoteSpec", "NotesSpec", "PageBreakSpec",
    "PageSetupSpec", "PageSpec", "ParagraphSpec", "PressSpec", "ProfileName", "QrSpec", "QuoteSpec",
    "RecipeSpec", "ReferenceEntrySpec", "ReferencesSpec", "RegionSpec", "SafetySpec", "SlideSpec", "SpacerSpec",
    "SpotSpec", "Strict", "TableSpec", "TemplateSpec", "ThemeSpec", "TypeStyleSpec", "VariantsSpec",
]
