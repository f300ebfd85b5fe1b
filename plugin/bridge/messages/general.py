"""Sentences of no one domain: an unexpected error, the error families (for an error raised
without a code of its own), XML and JSON documents, OWS exceptions, HTTP and cancelling.

The base of lookup.all_messages()'s table: the domain tables are merged over it.
"""

from __future__ import annotations

from ..i18n import tr


def messages() -> dict:
    return {
        "error": tr("Unexpected error: {message}"),
        # the families, for an error raised without a code of its own
        "document": tr("The document cannot be used: {message}"),
        "network": tr("The exchange with the server failed: {message}"),
        "territory": tr("The territories cannot be worked out: {message}"),
        "xml.empty": tr("The document is empty."),
        "xml.html": tr("An HTML page was received instead of the expected XML document. "
                       "Check the address: it may point to a web page, not a service."),
        "xml.entities": tr("The document declares XML entities. It was refused without "
                           "being read, because such documents can be used to read local "
                           "files or to exhaust memory (XXE, \"billion laughs\")."),
        "xml.malformed": tr("The XML document is malformed (line {line}, column {column}): "
                            "{detail}"),
        "json.empty": tr("The document is empty."),
        "json.html": tr("An HTML page was received instead of the expected JSON document."),
        "json.malformed": tr("The JSON document is malformed (line {line}, column {column}): "
                             "{detail}"),
        "ows.exception": tr("The server answered with an error: {text} (code {exception_code})"),
        "http.timeout": tr("The server did not answer within {timeout} seconds."),
        "http.scheme": tr("Only web addresses (http or https) are requested from a server; "
                          "{url} was refused."),
        "http.redirect_scheme": tr(
            "The server redirected the request to {location}, which is not a web address "
            "(http or https). GeoGov never follows such a redirect: it could read a file of "
            "this computer."),
        "http.redirect_insecure": tr(
            "The server redirected a secure (https) request to an insecure address "
            "({location}). The redirect was not followed."),
        "http.redirect_loop": tr(
            "The server redirects the request in a loop (back to {location}). Tell its "
            "administrator; nothing was read."),
        "http.redirects": tr(
            "The server redirected the request more than {limit} times (last to {location}). "
            "Check the address or tell the server's administrator."),
        "http.redirect_invalid": tr("The server redirected the request without saying where."),
        "http.too_large": tr(
            "The server's answer is larger than {limit_mb} MB, the limit set in GeoGov's "
            "options (Network). It was not read to the end; nothing else was changed."),
        "http.encoding": tr("The server's answer is compressed in a form GeoGov cannot read "
                            "({encoding})."),
        "http.encoding_corrupt": tr("The server's compressed answer is corrupt: {detail}"),
        "http.tls.certificate": tr(
            "Secure connection refused: the server's certificate is not trusted ({detail}). "
            "If you trust this server, add its certificate or an exception in QGIS "
            "(Settings > Options > Authentication > SSL Server Exceptions)."),
        "http.tls.hostname": tr(
            "Secure connection refused: the server's certificate was issued for another "
            "name than this address ({detail})."),
        "http.tls.protocol": tr(
            "Secure connection failed: the server and QGIS could not agree on a secure "
            "protocol ({detail})."),
        "http.connection": tr("Cannot connect to the server. Check the address and your "
                              "network connection."),
        "http.unauthorized": tr("The server asks for authentication (HTTP 401). Choose an "
                                "authentication configuration for this connection."),
        "http.forbidden": tr("Access refused by the server (HTTP 403)."),
        "http.not_found": tr("Nothing was found at this address (HTTP 404)."),
        "http.server_error": tr("The server failed (HTTP {status}). Try again later or "
                                "contact its administrator."),
        "http.status": tr("The server answered with HTTP status {status}."),
        "http.content_type": tr("The server sent an unexpected kind of document "
                                "({content_type})."),
        "http.failed": tr("The request failed: {detail}"),
        "cancelled": tr("Cancelled."),
    }
