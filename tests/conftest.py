"""Fixtures: a sample index built once (read-only), tiny indexes per test.

Every Flask test client checks each answer of the API against the OpenAPI
document (``search_app/web/openapi.json``).
"""

import re
import sys
from pathlib import Path

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from search_app.cli import SAMPLE_DIR
from search_app.indexer import reindex
from search_app.search import SearchEngine
from search_app.web.api import openapi_document
from search_app.web.app import create_app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def cli(*args):
    """The command line running ``search-app`` with ``args`` in a new process."""
    return [sys.executable, "-m", "search_app", *map(str, args)]


def write_articles(root, articles):
    """Write ``{relative_path: text}`` as UTF-8 files below ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory):
    """The bundled sample corpus, indexed once for read-only tests."""
    path = tmp_path_factory.mktemp("sample") / "index"
    reindex(path, [SAMPLE_DIR])
    return path


@pytest.fixture(scope="session")
def sample_engine(sample_index):
    return SearchEngine(sample_index)


@pytest.fixture
def make_engine(tmp_path):
    """Index ``{path: text}`` articles in a fresh directory; return the engine."""

    def make(articles):
        source = write_articles(tmp_path / "corpus", articles)
        reindex(tmp_path / "index", [source])
        return SearchEngine(tmp_path / "index")

    return make


@pytest.fixture
def app(sample_index):
    return create_app({"INDEX_PATH": str(sample_index), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


SPEC = openapi_document()
REGISTRY = Registry().with_resource(
    "urn:api", Resource.from_contents(SPEC, default_specification=DRAFT202012)
)
ROUTES = [
    (re.compile("^" + re.sub(r"\\{\w+\\}", ".+", re.escape(path)) + "$"), path, operations)
    for path, operations in SPEC["paths"].items()
]


def check_against_the_api_description(response):
    """Fail unless an answer of the API has a status and a body its OpenAPI document describes."""
    path, method = response.request.path, response.request.method.lower()
    if not (path.startswith("/api/") or path == "/healthz"):
        return
    template, operation = next(
        ((template, ops.get(method)) for pattern, template, ops in ROUTES if pattern.match(path)),
        (None, None),
    )
    if operation is None:  # an unknown route or method: an error, in its shape
        assert response.status_code >= 400, f"{method} {path}: {response.status_code}"
        schema = {"$ref": "urn:api#/components/schemas/Error"}
    else:
        described = operation["responses"].get(str(response.status_code))
        assert described, f"{method} {path}: status {response.status_code} is not described"
        if "content" not in described:
            assert not response.data, f"{method} {path}: {response.status_code} has a body"
            return
        schema = {
            "$ref": "urn:api#/paths/" + _escape(template) + f"/{method}/responses/{response.status_code}"
            "/content/application~1json/schema"
        }
    jsonschema.Draft202012Validator(schema, registry=REGISTRY).validate(response.get_json())


def _escape(pointer):
    return pointer.replace("~", "~0").replace("/", "~1")


class CheckedClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        check_against_the_api_description(response)
        return response


Flask.test_client_class = CheckedClient
