"""Approval keys for small teams: a project CA and a reviewer's .p12, made with `cryptography`.

    render.py keys ca [--name NAME]                       → approval/ca/ca.key, approval/trusted/NAME.pem
    render.py keys reviewer --name "Dr Quinn" --out q.p12 → a key and certificate signed by the project CA

Suitable for internal use: these are advanced electronic signatures under the team's own CA, not
qualified signatures (no qualified trust service, no hardware token). Teams with a company PKI put their
CA certificates in approval/trusted/ instead and use the .p12 files it issues.

A .p12 is opened with the password in the environment variable TAGPRINT_KEY_PASSWORD, else a prompt.
"""

from __future__ import annotations

import getpass
import sys
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD_VARIABLE = "TAGPRINT_KEY_PASSWORD"
TRUSTED = Path("approval") / "trusted"      # in the project: the certificates (or CAs) trusted for approvals
CA_KEY = Path("approval") / "ca" / "ca.key"  # in the project, when the project makes its own CA (keep it private)


class KeyProblem(Exception):
    """A key or certificate cannot be used: what is wrong, and the fix."""

    def __init__(self, message: str, fix: str):
        super().__init__(f"{message} — {fix}")
        self.message, self.fix = message, fix


@dataclass(frozen=True)
class Signatory:
    """An approver's key and certificate, opened from a .p12."""

    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    p12: bytes
    password: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()

    def sign(self, data: bytes) -> bytes:
        if isinstance(self.key, ec.EllipticCurvePrivateKey):
            return self.key.sign(data, ec.ECDSA(hashes.SHA256()))
        return self.key.sign(data, padding.PKCS1v15(), hashes.SHA256())

    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode()


def fingerprint(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def password(prompt: str = "password of the key: ") -> bytes:
    value = os.environ.get(PASSWORD_VARIABLE)
    if value is None:
        if not sys.stdin.isatty():  # no terminal to ask at (a script, CI): getpass would fail with EOFError
            raise KeyProblem(f"no password for the key: {PASSWORD_VARIABLE} is not set and there is no terminal "
                             "to ask at", f"set {PASSWORD_VARIABLE} in the environment, or run the command in a "
                             "terminal")
        value = getpass.getpass(prompt)
    return value.encode()


def open_p12(path: Path, secret: bytes | None = None) -> Signatory:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyProblem(f"{path}: the key cannot be read ({exc.strerror})", "name an existing .p12 file with --key")
    secret = password(f"password of {path.name}: ") if secret is None else secret
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, secret or None)
    except ValueError:
        raise KeyProblem(f"{path}: the .p12 cannot be opened: wrong password, or not a PKCS #12 file",
                         f"set {PASSWORD_VARIABLE} to the key's password (or type it at the prompt)") from None
    if key is None or cert is None:
        raise KeyProblem(f"{path}: the .p12 holds no private key and certificate",
                         "export the reviewer's key with its certificate (render.py keys reviewer makes one)")
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise KeyProblem(f"{path}: the key is a {type(key).__name__}, which approvals do not sign with",
                         "use an EC or RSA key (render.py keys reviewer makes an EC one)")
    return Signatory(key, cert, tuple(extra or ()), data, secret)


def load_certificate(data: bytes) -> x509.Certificate:
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


def trust_anchors(root: Path) -> list[x509.Certificate]:
    """The certificates in the project's approval/trusted/*.pem (each file may hold several)."""
    out: list[x509.Certificate] = []
    for path in sorted((root / TRUSTED).glob("*.pem")):
        out.extend(x509.load_pem_x509_certificates(path.read_bytes()))
    return out


def verify_signature(certificate: x509.Certificate, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = certificate.public_key()
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except InvalidSignature:
        return False
    return True


def issued_by(certificate: x509.Certificate, anchors: list[x509.Certificate], at: datetime | None = None) -> bool:
    """The certificate is a trust anchor, or was issued (signed) directly by one, and was valid `at`
    (the approval's time; default now)."""
    at = at or datetime.now(timezone.utc)
    if not certificate.not_valid_before_utc <= at <= certificate.not_valid_after_utc:
        return False
    for anchor in anchors:
        if certificate == anchor:
            return True
        try:
            certificate.verify_directly_issued_by(anchor)
            return True
        except (ValueError, TypeError, Exception):
            continue
    return False


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def make_ca(root: Path, name: str = "Project approvals CA", years: int = 10) -> tuple[Path, Path]:
    """A new project CA: its private key in approval/ca/ca.key, its certificate in approval/trusted/."""
    key_path, cert_path = root / CA_KEY, root / TRUSTED / "project-ca.pem"
    if key_path.exists():
        raise KeyProblem(f"{CA_KEY.as_posix()} exists already", "keep the project's CA; make reviewers' keys with it")
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(name, "tagprint project (internal use; not a qualified signature)")
    now = _now()
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    key_path.parent.mkdir(parents=True, exist_ok=True)
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    os.chmod(key_path, 0o600)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def make_reviewer(root: Path, name: str, out: Path, secret: bytes, years: int = 3) -> Path:
    """A reviewer's key and certificate, issued by the project CA, in a .p12 protected by `secret`."""
    try:
        ca_key = serialization.load_pem_private_key((root / CA_KEY).read_bytes(), None)
    except FileNotFoundError:
        raise KeyProblem(f"{CA_KEY.as_posix()}: the project has no CA", "make one first: render.py keys ca") from None
    ca_cert = x509.load_pem_x509_certificate((root / TRUSTED / "project-ca.pem").read_bytes())
    ca_public = ca_cert.public_key()
    if not isinstance(ca_key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)) or not isinstance(
            ca_public, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
        raise KeyProblem(f"{CA_KEY.as_posix()}: the project CA's key is neither EC nor RSA",
                         "make the project CA again: render.py keys ca")
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    cert = (x509.CertificateBuilder().subject_name(_name(name, "tagprint project reviewers"))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_public), critical=False)
            .sign(ca_key, hashes.SHA256()))
    encryption = (serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pkcs12.serialize_key_and_certificates(name.encode(), key, cert, [ca_cert], encryption))
    os.chmod(out, 0o600)
    return out
