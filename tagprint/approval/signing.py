"""Approval signatures in the archived PDF: PAdES (pyHanko), each an incremental update, and their
validation against the project's trust anchors (pyhanko-certvalidator).

Each signature is an invisible signature field (a zero-size widget, printable, on page 1) named
`Approval-<role>-<n>`, whose reason is the signatory's role. So that the file stays PDF/UA-1 and passes
the audit, the same update puts the widget into the structure tree: a Form element (with an Alt text
saying who approved in which role) holding an OBJR to the widget, the widget's /StructParent in the
ParentTree, and the field's /TU. The bytes before the update are never touched: every earlier
revision, and so every earlier signature, stays exactly as it was.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass
from datetime import timezone

from .keys import Signatory, fingerprint, load_certificate

FIELD_PREFIX = "Approval-"

logging.getLogger("pyhanko").setLevel(logging.ERROR)   # its own notes would mix with our report
logging.getLogger("pyhanko_certvalidator").setLevel(logging.ERROR)


def _quiet():
    context = warnings.catch_warnings()
    context.__enter__()
    warnings.simplefilter("ignore")
    return context


def sign(data: bytes, signatory: Signatory, role: str, name: str, timestamp_url: str | None = None) -> bytes:
    """`data` with one more signature appended as an incremental update (the bytes before it unchanged);
    with `timestamp_url`, the signature carries an RFC 3161 timestamp from that authority."""
    context = _quiet()
    try:
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
        from pyhanko.sign.timestamps import HTTPTimeStamper

        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        taken = {s.field_name for s in writer.prev.embedded_signatures} if hasattr(writer, "prev") else set()
        number = 1 + sum(1 for n in taken if n.startswith(f"{FIELD_PREFIX}{role}-"))
        field = f"{FIELD_PREFIX}{role}-{number}"
        fields.append_signature_field(writer, fields.SigFieldSpec(field, box=None, on_page=0))
        _tag_widget(writer, generic, field, f"Approval signature: {name}, {role}")
        signer = signers.SimpleSigner.load_pkcs12_data(signatory.p12, other_certs=[],
                                                       passphrase=signatory.password or None)
        meta = signers.PdfSignatureMetadata(field_name=field, reason=role, name=name, md_algorithm="sha256",
                                            subfilter=fields.SigSeedSubFilter.PADES)
        out = io.BytesIO()
        stamper = HTTPTimeStamper(timestamp_url) if timestamp_url else None
        signers.PdfSigner(meta, signer, timestamper=stamper).sign_pdf(writer, output=out)
        signed = out.getvalue()
    finally:
        context.__exit__(None, None, None)
    assert signed[:len(data)] == data, "an incremental update keeps every byte before it"
    return signed


def _tag_widget(writer, generic, field: str, alt: str) -> None:
    """The new field's widget into the structure tree: a Form element under the document element."""
    form = writer.root["/AcroForm"]
    widget_ref = next(ref for ref in form["/Fields"] if ref.get_object().get("/T") == field)
    widget = widget_ref.get_object()
    widget["/TU"] = generic.TextStringObject(alt)
    tree = writer.root["/StructTreeRoot"]
    kids = tree["/K"]
    document = (kids[0] if isinstance(kids, generic.ArrayObject) else kids).get_object()
    page_ref = widget.raw_get("/P")
    key = int(tree.get("/ParentTreeNextKey", 0))
    element = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/StructElem"),
        generic.NameObject("/S"): generic.NameObject("/Form"),
        generic.NameObject("/P"): tree.raw_get("/K") if not isinstance(kids, generic.ArrayObject) else kids.raw_get(0),
        generic.NameObject("/Pg"): page_ref,
        generic.NameObject("/Alt"): generic.TextStringObject(alt),
        generic.NameObject("/K"): generic.DictionaryObject({
            generic.NameObject("/Type"): generic.NameObject("/OBJR"),
            generic.NameObject("/Obj"): widget_ref,
            generic.NameObject("/Pg"): page_ref}),
    })
    element_ref = writer.add_object(element)
    children = document.raw_get("/K")  # a reference stays a reference (an element's /P must be indirect)
    if isinstance(children, generic.IndirectObject) and isinstance(children.get_object(), generic.ArrayObject):
        children = children.get_object()
    if not isinstance(children, generic.ArrayObject):
        children = generic.ArrayObject([children])
        document["/K"] = children
    children.append(element_ref)
    widget["/StructParent"] = generic.NumberObject(key)
    parent_tree = tree["/ParentTree"]
    if "/Nums" not in parent_tree:
        raise ValueError("the structure tree's ParentTree has no /Nums array at its root")
    parent_tree["/Nums"].extend([generic.NumberObject(key), element_ref])
    tree["/ParentTreeNextKey"] = generic.NumberObject(key + 1)
    for container in (document, children, tree, parent_tree, parent_tree["/Nums"], widget):
        writer.update_container(container)


@dataclass(frozen=True)
class Checked:
    """One signature in the file, as validated."""

    field: str
    role: str                 # its reason
    signer: str               # the certificate's subject
    fingerprint: str          # SHA-256 of the signer's certificate
    revision_end: int         # the bytes it covers: data[:revision_end]
    intact: bool              # the bytes it covers are the bytes it signed
    trusted: bool             # the certificate chains to a trust anchor
    problem: str = ""         # why it does not hold, in words
    timestamp: str = ""       # the RFC 3161 timestamp's time (UTC, ISO 8601), when it carries a valid one

    @property
    def holds(self) -> bool:
        return self.intact and self.trusted and not self.problem


def signatures(data: bytes, anchors: list) -> list[Checked]:
    """Every signature in `data`, validated against `anchors` (cryptography certificates)."""
    context = _quiet()
    try:
        from asn1crypto import x509 as asn1_x509
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.settings import KeyUsageConstraints
        from pyhanko_certvalidator import ValidationContext

        roots = [asn1_x509.Certificate.load(_der(c)) for c in anchors]
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        out: list[Checked] = []
        for embedded in reader.embedded_signatures:
            cert = embedded.signer_cert
            print_ = fingerprint(load_certificate(cert.dump()))
            field = embedded.field_name
            role = str(embedded.sig_object.get("/Reason", ""))
            end = embedded.byte_range[2] + embedded.byte_range[3] if embedded.byte_range else 0
            problem = ""
            stamped = ""
            try:
                trust = ValidationContext(trust_roots=roots, allow_fetching=False)
                status = validate_pdf_signature(
                    embedded, trust, ts_validation_context=trust,
                    key_usage_settings=KeyUsageConstraints(key_usage={"digital_signature"}),
                    skip_diff=True)  # what came after a signature: `after_last` and the ledger's revisions judge it
                intact, trusted = bool(status.intact and status.valid), bool(status.trusted) and bool(roots)
                if not intact:
                    problem = "its bytes were changed after it was made (the signature does not match them)"
                elif not trusted:
                    problem = ("its certificate does not chain to a certificate in approval/trusted/ "
                               f"(signed by {cert.subject.human_friendly})")
                stamp = status.timestamp_validity
                if stamp is not None:
                    if stamp.intact and stamp.valid and stamp.trusted:
                        stamped = stamp.timestamp.astimezone(timezone.utc).replace(microsecond=0).isoformat()
                    elif not problem:
                        problem = "its timestamp does not hold (invalid, or from an authority approval/trusted/ lacks)"
            except Exception as exc:  # a malformed signature is a signature that does not hold
                intact = trusted = False
                problem = f"it cannot be validated ({type(exc).__name__}: {exc})"
            out.append(Checked(field, role, cert.subject.human_friendly, print_, end, intact, trusted, problem,
                               stamped))
        return out
    finally:
        context.__exit__(None, None, None)


def after_last(data: bytes, checked: list[Checked]) -> int:
    """How many bytes follow the last signature's revision (0: the last signature covers the whole file)."""
    return len(data) - max((c.revision_end for c in checked), default=0) if checked else len(data)


def _der(certificate) -> bytes:
    from cryptography.hazmat.primitives import serialization
    return certificate.public_bytes(serialization.Encoding.DER)
