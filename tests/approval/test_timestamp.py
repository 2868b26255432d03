"""An RFC 3161 timestamp on each approval signature when the layout names a timestamp authority
(`approval.timestamp_url`); the test runs its own authority (pyHanko's DummyTimeStamper behind a local
HTTP server) with a certificate from the project's CA, so verify trusts it."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from approval_project import ARCHIVED, LAYOUT, archivable, run
from test_signed import PASSWORD, make_keys


def _tsa(root) -> tuple[bytes, bytes]:
    """A timestamping key and certificate issued by the project CA (DER certificate, PKCS #8 key)."""
    ca_key = serialization.load_pem_private_key((root / "approval/ca/ca.key").read_bytes(), None)
    ca = x509.load_pem_x509_certificate((root / "approval/trusted/project-ca.pem").read_bytes())
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA")]))
            .issuer_name(ca.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .sign(ca_key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.DER),
            key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


@pytest.fixture
def authority(project, tmp_path):
    from asn1crypto import keys as asn1_keys, tsp, x509 as asn1_x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    archivable(project)
    p12 = make_keys(project.root, tmp_path / "keys")
    cert, key = _tsa(project.root)
    stamper = DummyTimeStamper(asn1_x509.Certificate.load(cert), asn1_keys.PrivateKeyInfo.load(key))
    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            asked.append(request)
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield project, p12, f"http://127.0.0.1:{server.server_address[1]}/tsa", asked
    server.shutdown()
    server.server_close()


def test_each_signature_carries_a_trusted_timestamp(authority, capsys, monkeypatch):
    project, p12, url, asked = authority
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    project.layout(LAYOUT.replace("profiles: [screen, archive]",
                                  f"profiles: [screen, archive]\napproval:\n  timestamp_url: {url}"))
    code, out, err = run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", "--role", "medical",
                         "--key", str(p12["Dr Quinn"]), capsys=capsys)
    assert code == 0, err
    assert asked  # the authority was asked (pyHanko asks once more to size the signature)
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 0, out + err
    assert "\n  timestamped (RFC 3161, trusted authority): Approval-medical-1 at " in out
    # an authority the project does not trust: the timestamp does not hold, and that is tampering
    import shutil

    shutil.rmtree(project.root / "approval")
    make_keys(project.root, project.root.parent / "other")  # a new CA: the reviewer's and the TSA's are foreign
    code, out, err = run(project, "verify", "--all", capsys=capsys)
    assert code == 3


def test_an_unreachable_authority_is_one_clear_problem(project, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TAGPRINT_KEY_PASSWORD", PASSWORD)
    archivable(project)
    p12 = make_keys(project.root, tmp_path / "keys")
    project.layout(LAYOUT.replace("profiles: [screen, archive]",
                                  "profiles: [screen, archive]\napproval:\n  timestamp_url: http://127.0.0.1:9/tsa"))
    code, out, err = run(project, "approve", "test", "--version", "1.0", "--by", "Dr Quinn", "--role", "medical",
                         "--key", str(p12["Dr Quinn"]), capsys=capsys)
    assert code == 2 and "no timestamp from http://127.0.0.1:9/tsa" in err and "Traceback" not in err
    assert not (project.root / ARCHIVED).exists()
