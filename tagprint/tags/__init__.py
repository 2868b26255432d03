"""The structure tree: built from the model before drawing, claimed while drawing."""

from .from_model import TagMap, build_tags, reference_id, section_id
from .tree import AnnotRef, ContentSlot, StructElem, check_all_claimed

__all__ = ["AnnotRef", "ContentSlot", "StructElem", "TagMap", "build_tags", "check_all_claimed", "reference_id",
           "section_id"]
