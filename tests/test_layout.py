"""The layout's promises: data flows one way, and only the web layer knows Flask."""

import json
import pkgutil
import subprocess
import sys

import search_app

# Every module of the package; "web" and "cli" are the only ones above the library.
MODULES = sorted(m.name for m in pkgutil.walk_packages(search_app.__path__, "search_app."))
LIBRARY = [
    m for m in MODULES if not m.startswith(("search_app.web", "search_app.cli", "search_app.__main__"))
]


def loaded_after_importing(*modules):
    """The ``search_app`` and third-party modules a fresh interpreter holds after importing ``modules``."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {list(modules)!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


def test_the_library_below_the_web_layer_never_loads_flask():
    assert len(LIBRARY) > 20  # the walk found the package's modules
    loaded = loaded_after_importing(*LIBRARY)
    assert not {m for m in loaded if m == "flask" or m.startswith(("flask.", "werkzeug"))}


def test_the_search_side_never_loads_the_indexer_or_extraction():
    loaded = loaded_after_importing("search_app.search", "search_app.web.app")
    assert "search_app.search.engine" in loaded
    assert not {m for m in loaded if m.startswith(("search_app.indexer", "search_app.extract"))}


def test_the_store_knows_neither_the_indexer_nor_the_search():
    loaded = loaded_after_importing("search_app.store")
    assert not {
        m for m in loaded if m.startswith(("search_app.indexer", "search_app.search", "search_app.extract"))
    }
