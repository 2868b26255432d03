"""PDF/A extension schemas: the XMP description of a namespace that PDF/A does not predefine (pdfuaid,
pdfxid, ours), so that validators of either standard accept the properties."""

from __future__ import annotations

NAMESPACES = (
    '\n    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
    '\n    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
    '\n    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"'
)


def prop(name: str, kind: str, description: str) -> str:
    return (f'<rdf:li rdf:parseType="Resource"><pdfaProperty:name>{name}</pdfaProperty:name>'
            f'<pdfaProperty:valueType>{kind}</pdfaProperty:valueType>'
            f'<pdfaProperty:category>external</pdfaProperty:category>'
            f'<pdfaProperty:description>{description}</pdfaProperty:description></rdf:li>')


def schema(title: str, uri: str, prefix: str, props: str) -> str:
    return (f'<rdf:li rdf:parseType="Resource"><pdfaSchema:schema>{title}</pdfaSchema:schema>'
            f'<pdfaSchema:namespaceURI>{uri}</pdfaSchema:namespaceURI>'
            f'<pdfaSchema:prefix>{prefix}</pdfaSchema:prefix>'
            f'<pdfaSchema:property><rdf:Seq>{props}</rdf:Seq></pdfaSchema:property></rdf:li>')


PDFUA_SCHEMA = schema("PDF/UA Universal Accessibility Schema", "http://www.aiim.org/pdfua/ns/id/", "pdfuaid",
                      prop("part", "Integer", "Part of ISO 14289 the file conforms to"))


def schemas(*items: str) -> str:
    """The `pdfaExtension:schemas` property holding the given schema descriptions."""
    return f"\n   <pdfaExtension:schemas><rdf:Bag>{''.join(items)}</rdf:Bag></pdfaExtension:schemas>"
