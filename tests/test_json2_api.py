"""Odoo 19's external JSON-2 API (POST /json/2/<model>/<method>, bearer API key) on the demo data."""

import pytest
import requests

DEMO_UNITS = 3 * 18 * 4  # the demo project: 3 buildings x 18 floors x 4 units per floor
UNIT_FIELDS = ["name", "state", "gross_area", "unit_price", "total_price"]


def json2(server_url, db_name, key, model, method, **params):
    """Call a model method by JSON-2; params are the method's named arguments."""
    headers = {"X-Odoo-Database": db_name}
    if key is not None:
        headers["Authorization"] = f"bearer {key}"
    return requests.post(f"{server_url}/json/2/{model}/{method}", json=params, headers=headers, timeout=120)


@pytest.fixture(scope="module")
def api(server_url, db_name, api_key):
    def call(model, method, **params):
        response = json2(server_url, db_name, api_key, model, method, **params)
        assert response.status_code == 200, f"{model}.{method}: HTTP {response.status_code}: {response.text[:2000]}"
        return response.json()

    return call


@pytest.fixture(scope="module")
def demo_project(api):
    """The demo project with 3 x 18 x 4 units, found through the API (its name is data, not hardcoded)."""
    counts = {}
    for project in api("realty.project", "search_read", domain=[], fields=["name"]):
        counts[project["name"]] = api("realty.unit", "search_count", domain=[["project_id", "=", project["id"]]])
    matching = [name for name, count in counts.items() if count == DEMO_UNITS]
    assert matching, f"no project with {DEMO_UNITS} units; units per project: {counts}"
    return matching[0]


def test_units_of_demo_project(api, demo_project):
    units = api(
        "realty.unit",
        "search_read",
        domain=[["project_id.name", "=", demo_project]],
        fields=UNIT_FIELDS,
    )
    assert len(units) == DEMO_UNITS
    for unit in units:
        assert set(UNIT_FIELDS) <= set(unit), unit
        assert unit["gross_area"] > 0, unit
        expected = unit["unit_price"] * unit["gross_area"]
        assert abs(unit["total_price"] - expected) <= 1.0, f"total_price != unit_price * gross_area: {unit}"


def test_search_count(api, demo_project):
    count = api("realty.unit", "search_count", domain=[["project_id.name", "=", demo_project]])
    assert count == DEMO_UNITS


def test_without_key_is_unauthorized(server_url, db_name):
    response = json2(server_url, db_name, None, "realty.unit", "search_count", domain=[])
    assert response.status_code == 401, response.text[:2000]


def test_wrong_key_is_unauthorized(server_url, db_name):
    response = json2(server_url, db_name, "0" * 40, "realty.unit", "search_count", domain=[])
    assert response.status_code == 401, response.text[:2000]
