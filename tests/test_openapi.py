"""The OpenAPI document: valid 3.1, served, and in step with the routes.

(Every JSON answer the tests receive is checked against it: see conftest.py.)
"""

import re

from openapi_spec_validator import validate

from search_app.web.api import openapi_document


def test_the_document_is_valid_openapi_3_1():
    document = openapi_document()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_it_is_served(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.get_json() == openapi_document()


def test_it_describes_every_route_of_the_api_and_no_other(app):
    routes = {
        (re.sub(r"<(?:path:)?(\w+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/") or rule.rule == "/healthz"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    described = {
        (path, method) for path, operations in openapi_document()["paths"].items() for method in operations
    }
    assert routes == described


def test_each_error_code_the_library_raises_is_documented():
    document = str(openapi_document())
    for code in ("missing_query", "query_too_long", "invalid_page", "invalid_per_page", "invalid_year", "invalid_date",
                 "invalid_sort", "not_found", "index_missing", "index_corrupt", "request_uri_too_long"):  # fmt: skip
        assert f"`{code}`" in document, code
