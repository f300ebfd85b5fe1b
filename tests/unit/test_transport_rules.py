"""The rules every request keeps (plugin/transport.py), without a server: schemes, redirects,
the body limit after decompression, TLS errors by kind. The servers that break them for real
are in tests/integration/test_hostile_servers.py."""

from __future__ import annotations

import zlib

import pytest

from geogov.plugin.errors import NetworkError
from geogov.plugin.transport import (
    MEGABYTE,
    Body,
    Limits,
    Redirects,
    check_scheme,
    origin,
    tls_error,
)

START = "https://geo.example.fr/csw?request=GetCapabilities"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "FILE:///C:/x", "ftp://h/x", "data:,x",
                                 "javascript:alert(1)", "/relative/path", "gopher://h/"])
def test_only_http_and_https(url):
    with pytest.raises(NetworkError) as caught:
        check_scheme(url)
    assert caught.value.code == "http.scheme"


def test_http_and_https_pass():
    assert check_scheme("HTTP://h/x") == "HTTP://h/x"
    assert check_scheme(START) == START


@pytest.mark.parametrize("location, code", [
    ("file:///etc/passwd", "http.redirect_scheme"),
    ("ftp://geo.example.fr/x", "http.redirect_scheme"),
    ("data:text/plain,secret", "http.redirect_scheme"),
    ("http://geo.example.fr/csw", "http.redirect_insecure"),
    (START, "http.redirect_loop"),
    (START + "#fragment", "http.redirect_loop"),
    ("", "http.redirect_invalid"),
])
def test_a_redirect_is_refused(location, code):
    with pytest.raises(NetworkError) as caught:
        Redirects(START, Limits()).follow(START, location)
    assert caught.value.code == code
    assert caught.value.source == START


def test_relative_locations_resolve_against_the_address_that_sent_them():
    redirects = Redirects(START, Limits())
    assert redirects.follow(START, "records/1") == "https://geo.example.fr/records/1"
    assert redirects.follow("https://geo.example.fr/records/1", "/a?b=c") == \
        "https://geo.example.fr/a?b=c"
    assert redirects.follow("https://geo.example.fr/a?b=c", "//mirror.example.fr/x") == \
        "https://mirror.example.fr/x"


def test_a_loop_between_two_addresses_is_named_at_its_first_return():
    redirects = Redirects("http://h/a", Limits())
    assert redirects.follow("http://h/a", "/b") == "http://h/b"
    with pytest.raises(NetworkError) as caught:
        redirects.follow("http://h/b", "/a")
    assert caught.value.code == "http.redirect_loop"
    assert caught.value.params["location"] == "http://h/a"


def test_at_most_the_limit_of_redirects():
    redirects = Redirects("http://h/0", Limits(max_redirects=3))
    for n in range(1, 4):
        redirects.follow(f"http://h/{n - 1}", f"/{n}")
    with pytest.raises(NetworkError) as caught:
        redirects.follow("http://h/3", "/4")
    assert caught.value.code == "http.redirects" and caught.value.params["limit"] == 3


@pytest.mark.parametrize("status, method, after", [
    (301, "POST", "GET"), (302, "POST", "GET"), (303, "POST", "GET"), (303, "PUT", "GET"),
    (307, "POST", "POST"), (308, "PUT", "PUT"), (301, "GET", "GET")])
def test_the_method_after_a_redirect(status, method, after):
    assert Redirects.method_after(status, method) == after


def test_origin_compares_scheme_host_and_default_port():
    assert origin("https://Geo.example.fr/x") == origin("https://geo.example.fr:443/y")
    assert origin("http://geo.example.fr/x") != origin("https://geo.example.fr/x")
    assert origin("http://geo.example.fr:8080/x") != origin("http://geo.example.fr/x")


def _gzip(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize("encoding, encode", [
    ("", lambda d: d), ("identity", lambda d: d), ("gzip", _gzip), ("x-gzip", _gzip),
    ("deflate", zlib.compress),
    ("deflate", lambda d: (lambda c: c.compress(d) + c.flush())(
        zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS))),
])
def test_bodies_are_decoded_piece_by_piece(encoding, encode):
    data = b"<record>" + bytes(range(256)) * 4000 + b"</record>"
    wire = encode(data)
    body = Body("http://h/x", encoding, Limits())
    for at in range(0, len(wire), 777):
        body.feed(wire[at:at + 777])
    assert body.content() == data


def test_a_gzip_bomb_stops_at_the_limit_not_at_its_size():
    """1 GiB of zeros in ~1 MB of gzip: refused after about the limit has been inflated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = compressor.compress(b"<root>") + compressor.flush(zlib.Z_FULL_FLUSH)
    # Fully flushed: the same bytes stand for each following megabyte of zeros.
    block = compressor.compress(b"\0" * MEGABYTE) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert len(block) < 2048
    body = Body("http://h/bomb", "gzip", Limits(max_bytes=5 * MEGABYTE))
    body.feed(head)
    with pytest.raises(NetworkError) as caught:
        for _ in range(1024):
            body.feed(block)
    assert caught.value.code == "http.too_large" and caught.value.params["limit_mb"] == 5
    assert body.size <= 5 * MEGABYTE + 16 * 64 * 1024
    assert body.parts == []


def test_exactly_the_limit_is_accepted():
    body = Body("http://h/x", "", Limits(max_bytes=MEGABYTE))
    body.feed(b"x" * MEGABYTE)
    assert len(body.content()) == MEGABYTE
    with pytest.raises(NetworkError):
        body.feed(b"x")


@pytest.mark.parametrize("encoding, wire, code", [
    ("br", b"\x0b\x02\x80hello\x03", "http.encoding"),
    ("compress", b"x", "http.encoding"),
    ("gzip", b"\x1f\x8b\x08\x00not gzip at all", "http.encoding_corrupt"),
])
def test_unreadable_encodings_are_named(encoding, wire, code):
    with pytest.raises(NetworkError) as caught:
        body = Body("http://h/x", encoding, Limits())
        body.feed(wire)
        body.content()
    assert caught.value.code == code


def test_limits_from_the_settings_value():
    assert Limits.from_megabytes(50).max_bytes == 50 * MEGABYTE
    assert Limits.from_megabytes("nonsense").megabytes == 100
    assert Limits.from_megabytes(0).megabytes == 1


@pytest.mark.parametrize("detail, kind", [
    ("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate",
     "certificate"),
    ("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired",
     "certificate"),
    ("hostname '127.0.0.1' doesn't match 'geo.example.fr'", "hostname"),
    ("[SSL: WRONG_VERSION_NUMBER] wrong version number", "protocol"),
])
def test_tls_errors_are_named_by_kind(detail, kind):
    assert tls_error("https://h/", detail).code == f"http.tls.{kind}"
    assert tls_error("https://h/", detail, "protocol").code == "http.tls.protocol"
