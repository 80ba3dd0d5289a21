"""Odoo 19's external JSON-2 API (POST /json/2/<model>/<method>, bearer API key), used as a client would.

The records are made through another path (the ORM, in an odoo shell) with a unique tag, so the test knows
exactly which ones exist; the API must then return exactly them, and each user's API key must see what that
user's record rules allow and nothing else: a salesperson their own reservations, a sales manager the team's.
A reservation made over the API by a salesperson must reserve its unit for that salesperson.
"""

import pytest
import requests

UNIT_FIELDS = ["name", "state", "gross_area", "unit_price", "total_price"]

# Made as superuser in an odoo shell: a released building of 2 floors x 2 positions with distinct prices, two
# salespeople and a sales manager with their own API keys, a buyer, a payment plan, and one confirmed
# reservation by each salesperson (made as that salesperson, through the ORM).
SCENARIO = """
import datetime
import secrets

from odoo import Command, fields

tag = secrets.token_hex(3)
project = env["realty.project"].create({"name": f"JSON-2 {tag}", "code": f"J2-{tag}"})
building = env["realty.building"].create(
    {"project_id": project.id, "name": "API Tower", "code": "A", "position_count": 2}
)
units = env["realty.unit"].create([
    {
        "building_id": building.id,
        "floor": floor,
        "position": position,
        "gross_area": 90.0 + 10 * floor + position,
        "inner_area": 75.0,
        "unit_price": 30000.0 + 500 * floor + 7 * position,
    }
    for floor in (1, 2)
    for position in (1, 2)
])
units.action_release()
buyer = env["res.partner"].create({"name": f"JSON-2 Buyer {tag}"})
plan = env["realty.payment.plan"].create(
    {"name": f"JSON-2 Full {tag}", "kind": "full", "line_ids": [Command.create({"name": "All", "share": 100})]}
)
roles = {
    "alice": "realty_base.group_realty_salesperson",
    "bob": "realty_base.group_realty_salesperson",
    "manager": "realty_base.group_realty_manager",
}
users = {
    role: env["res.users"].create(
        {"name": f"JSON-2 {role} {tag}", "login": f"json2_{role}_{tag}", "group_ids": [Command.link(env.ref(xmlid).id)]}
    )
    for role, xmlid in roles.items()
}
expiry = fields.Datetime.now() + datetime.timedelta(hours=12)  # what a user may give their own key
keys = {
    role: env["res.users.apikeys"].with_user(user)._generate(None, f"e2e {tag}", expiry)
    for role, user in users.items()
}
reservations = {}
for role, unit in (("alice", units[0]), ("bob", units[1])):
    reservation = env["realty.reservation"].with_user(users[role]).create(
        {"unit_id": unit.id, "partner_id": buyer.id, "payment_plan_id": plan.id}
    )
    reservation.action_confirm()
    reservations[role] = reservation.id
env.cr.commit()
result({
    "project_id": project.id,
    "units": {
        unit.name: {"id": unit.id, "gross_area": unit.gross_area, "unit_price": unit.unit_price} for unit in units
    },
    "free_unit_ids": units[2:].ids,
    "buyer_id": buyer.id,
    "plan_id": plan.id,
    "user_ids": {role: user.id for role, user in users.items()},
    "keys": keys,
    "reservations": reservations,
})
"""


def json2(server_url, db_name, key, model, method, **params):
    """Call a model method by JSON-2; params are the method's named arguments (and ids, context)."""
    headers = {"X-Odoo-Database": db_name}
    if key is not None:
        headers["Authorization"] = f"bearer {key}"
    return requests.post(f"{server_url}/json/2/{model}/{method}", json=params, headers=headers, timeout=120)


@pytest.fixture(scope="module")
def scenario(shell):
    return shell(SCENARIO)


@pytest.fixture(scope="module")
def as_user(server_url, db_name, scenario):
    """as_user(role, model, method, **params): the JSON result of a call with that role's API key (HTTP 200)."""

    def call(role, model, method, **params):
        response = json2(server_url, db_name, scenario["keys"][role], model, method, **params)
        assert response.status_code == 200, f"{role}: {model}.{method}: HTTP {response.status_code}: {response.text}"
        return response.json()

    return call


def reservation_ids(as_user, role, scenario):
    domain = [["unit_id.project_id", "=", scenario["project_id"]]]
    return sorted(as_user(role, "realty.reservation", "search", domain=domain))


def test_units_come_back_exactly_as_made(api, scenario):
    units = api("realty.unit", "search_read", domain=[["project_id", "=", scenario["project_id"]]], fields=UNIT_FIELDS)
    assert sorted(unit["name"] for unit in units) == sorted(scenario["units"])
    for unit in units:
        made = scenario["units"][unit["name"]]
        assert unit["id"] == made["id"]
        assert (unit["gross_area"], unit["unit_price"]) == (made["gross_area"], made["unit_price"])
        assert unit["total_price"] == pytest.approx(made["unit_price"] * made["gross_area"], abs=0.01), unit
    assert api("realty.unit", "search_count", domain=[["project_id", "=", scenario["project_id"]]]) == len(units)


def test_salesperson_key_sees_only_own_reservations(as_user, scenario):
    made = scenario["reservations"]
    assert reservation_ids(as_user, "alice", scenario) == [made["alice"]]
    assert reservation_ids(as_user, "bob", scenario) == [made["bob"]]
    assert reservation_ids(as_user, "manager", scenario) == sorted([made["alice"], made["bob"]])


def test_salesperson_key_cannot_read_a_colleagues_reservation(server_url, db_name, scenario):
    response = json2(
        server_url,
        db_name,
        scenario["keys"]["alice"],
        "realty.reservation",
        "read",
        ids=[scenario["reservations"]["bob"]],
        fields=["partner_id"],
    )
    assert response.status_code == 403, response.text
    assert response.json()["name"] == "odoo.exceptions.AccessError", response.text


def test_reservation_made_over_the_api_reserves_the_unit_for_its_salesperson(as_user, scenario):
    unit_id = scenario["free_unit_ids"][0]
    values = {"unit_id": unit_id, "partner_id": scenario["buyer_id"], "payment_plan_id": scenario["plan_id"]}
    [reservation_id] = as_user("bob", "realty.reservation", "create", vals_list=[values])
    as_user("bob", "realty.reservation", "action_confirm", ids=[reservation_id])

    [unit] = as_user("manager", "realty.unit", "read", ids=[unit_id], fields=["state"])
    assert unit["state"] == "reserved"
    [reservation] = as_user("manager", "realty.reservation", "read", ids=[reservation_id], fields=["user_id", "state"])
    assert reservation["user_id"][0] == scenario["user_ids"]["bob"]
    assert reservation["state"] == "confirmed"
    assert reservation_id in reservation_ids(as_user, "bob", scenario)
    assert reservation_id not in reservation_ids(as_user, "alice", scenario)


@pytest.fixture(scope="module")
def api(server_url, db_name, api_key):
    """api(model, method, **params) with the administrator's API key."""

    def call(model, method, **params):
        response = json2(server_url, db_name, api_key, model, method, **params)
        assert response.status_code == 200, f"{model}.{method}: HTTP {response.status_code}: {response.text[:2000]}"
        return response.json()

    return call


def test_without_key_is_unauthorized(server_url, db_name):
    response = json2(server_url, db_name, None, "realty.unit", "search_count", domain=[])
    assert response.status_code == 401, response.text[:2000]


def test_wrong_key_is_unauthorized(server_url, db_name):
    response = json2(server_url, db_name, "0" * 40, "realty.unit", "search_count", domain=[])
    assert response.status_code == 401, response.text[:2000]
