"""Structure types: standard (ISO 32000-1 14.8.4) or role-mapped to a standard type."""

from __future__ import annotations

from ..document import Doc, ref
from ..findings import ERROR, Finding
from ..structure_tree import STANDARD_TYPES
from .registry import register

ID = "STRUCT-ROLES"


@register(ID, "Every structure type is standard or role-mapped to one",
          standard="PDF/UA-1 7.1; Matterhorn checkpoint 02",
          help="Assistive technology understands only the standard types (Document, Sect, P, H1, L, Figure, …). "
               "A custom type needs a RoleMap entry leading to a standard one; standard types must not be remapped.")
def roles(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    for name, target in sorted(tree.role_map.items()):
        if name in STANDARD_TYPES and target != name:  # /P -> /P changes nothing: not a remap
            out.append(Finding(ID, ERROR, f"the RoleMap remaps the standard type {name} to {target}",
                               object=ref(tree.root.get("/RoleMap")) or "RoleMap",
                               fix=f"remove /{name} from the RoleMap and use a custom name for the custom role"))
    reported: set[str] = set()
    for element in tree.walk():
        if element.std is not None or not element.role or element.role in reported:
            continue
        reported.add(element.role)
        count = sum(1 for e in tree.walk() if e.role == element.role)
        chain = tree.role_map.get(element.role)
        why = (f"maps to {chain}, which leads to no standard type" if chain
               else "is not standard and has no RoleMap entry")
        out.append(Finding(ID, ERROR, f"structure type {element.role} {why} ({count} element(s))",
                           page=element.page, object=element.ref, path=element.path,
                           fix=f"use a standard type, or map /{element.role} to one in the StructTreeRoot /RoleMap"))
    return out
