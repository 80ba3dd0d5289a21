"""Checking the rows of a legacy contract import before anything is written (合同导入校验).

Every lookup is one query for the whole file (projects, buildings, units, plans, salespeople, existing references,
known buyers), never one per row. The result is a list of ``ContractPlan`` ready to be created, the errors as
(row, legacy reference, reason), and the contracts skipped because they were imported before.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .contract_import_format import COLUMNS, COLUMNS_BY_KEY, CONTRACT_KEYS

REQUIRED_CONTRACT_KEYS = tuple(column.key for column in COLUMNS if column.required and column.contract)


@dataclass
class BuyerPlan:
    row: int
    name: str
    id_type: str
    id_number: str
    phone: str
    share: float
    is_main: bool
    partner_id: int = 0  # an existing customer; 0 until one is created for this buyer


@dataclass
class ContractPlan:
    legacy_ref: str
    row: int  # the contract's first row
    values: dict  # the contract columns, from the first row
    unit: object = None
    plan: object = None
    user: object = None
    buyers: list = field(default_factory=list)

    def get(self, key, default=None):
        value = self.values.get(key)
        return default if value is None else value

    @property
    def state(self):
        return self.get("state", "signed")


@dataclass
class ImportCheck:
    contracts: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row, legacy ref, reason)
    skipped: list = field(default_factory=list)  # (row, legacy ref, reason)
    new_partner_count: int = 0  # buyers that are nobody known yet (by distinct ID number)


class ContractImportChecker:
    """Validates parsed rows (``contract_import_format.ImportRow``) for ``company``, as the importing user."""

    def __init__(self, env, company):
        self.env = env
        self.company = company
        self.today = fields.Date.context_today(env["realty.contract"])
        self.result = ImportCheck()
        self._reported = set()

    def check(self, rows):
        for row in rows:
            for message in row.errors:
                self._error(row.number, row.get("legacy_ref", ""), message)
        groups = self._group(rows)
        groups = self._skip_imported(groups)
        self._load(groups)
        for ref, group in groups.items():
            contract = self._check_contract(ref, group)
            if contract:
                self.result.contracts.append(contract)
        self._check_units_once(self.result.contracts)
        self._match_partners(self.result.contracts)
        self.result.errors.sort(key=lambda error: error[0])
        return self.result

    def _error(self, row, ref, message):
        if (row, ref, message) not in self._reported:
            self._reported.add((row, ref, message))
            self.result.errors.append((row, ref, message))

    # ------------------------------------------------------------------
    # GROUPING AND REFERENCES
    # ------------------------------------------------------------------

    def _group(self, rows):
        """{legacy ref: its rows}, in the order of the file."""
        groups = defaultdict(list)
        for row in rows:
            if row.get("legacy_ref"):
                groups[row.values["legacy_ref"]].append(row)
            else:
                self._error(row.number, "", self.env._("Enter the legacy reference of the contract."))
        return groups

    def _skip_imported(self, groups):
        """Contracts whose reference is already in the database are skipped: importing a file twice adds nothing."""
        existing = self.env["realty.contract"].search_read(
            [("company_id", "=", self.company.id), ("legacy_ref", "in", list(groups))], ["legacy_ref", "name"]
        )
        for record in existing:
            rows = groups.pop(record["legacy_ref"])
            message = self.env._("Already imported as %(contract)s: skipped.", contract=record["name"])
            self.result.skipped.append((rows[0].number, record["legacy_ref"], message))
        return groups

    # ------------------------------------------------------------------
    # LOOKUPS (one query each for the whole file)
    # ------------------------------------------------------------------

    def _load(self, groups):
        firsts = [rows[0] for rows in groups.values()]
        names = {key: {row.get(key) for row in firsts} - {None} for key in CONTRACT_KEYS}
        self._load_projects(names["project"])
        self._load_buildings(names["building"])
        self._load_units(firsts)
        self._load_plans(names["payment_plan"])
        self._load_users(names["salesperson"])

    def _load_projects(self, names):
        projects = (
            self.env["realty.project"]
            .with_context(active_test=False)
            .search(
                [("company_id", "=", self.company.id), "|", ("name", "in", list(names)), ("code", "in", list(names))]
            )
        )
        self.projects = {}
        for project in projects:
            self.projects.setdefault(project.name, project)
            self.projects.setdefault(project.code, project)

    def _load_buildings(self, names):
        projects = self.env["realty.project"].union(*self.projects.values())
        buildings = self.env["realty.building"].search(
            [("project_id", "in", projects.ids), "|", ("code", "in", list(names)), ("name", "in", list(names))]
        )
        self.buildings = {}
        for building in buildings:
            self.buildings.setdefault((building.project_id.id, building.code), building)
            self.buildings.setdefault((building.project_id.id, building.name), building)

    def _load_units(self, rows):
        """Units by (building, unit number): 1-1203, or 1203 under building 1."""
        keys = [self._unit_key(building, row.get("unit", "")) for row in rows if (building := self._building(row))]
        units = self.env["realty.unit"].search(
            [
                ("building_id", "in", list({building_id for building_id, _name in keys})),
                ("name", "in", [name for _building_id, name in keys]),
            ]
        )
        self.units = {(unit.building_id.id, unit.name): unit for unit in units}

    def _load_plans(self, names):
        plans = (
            self.env["realty.payment.plan"]
            .with_context(active_test=False)
            .search(
                [("company_id", "=", self.company.id), ("name", "in", list(names))], order="active desc, sequence, id"
            )
        )
        self.plans = {}
        for plan in plans:
            self.plans.setdefault(plan.name, plan)

    def _load_users(self, names):
        users = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("share", "=", False), "|", ("login", "in", list(names)), ("name", "in", list(names))])
        )
        self.users_by_login = {user.login: user for user in users}
        self.users_by_name = defaultdict(lambda: self.env["res.users"])
        for user in users:
            self.users_by_name[user.name] |= user

    def _building(self, row):
        project = self.projects.get(row.get("project"))
        return project and self.buildings.get((project.id, row.get("building")))

    @staticmethod
    def _unit_key(building, number):
        prefix = f"{building.code}-"
        return building.id, number if number.startswith(prefix) else prefix + number

    # ------------------------------------------------------------------
    # ONE CONTRACT
    # ------------------------------------------------------------------

    def _check_contract(self, ref, rows):
        """The contract of ``rows`` (one per buyer), or None when its own checks failed (errors are recorded).
        Rows with unreadable cells or missing values are not checked further: the other errors would repeat them."""
        contract = ContractPlan(ref, rows[0].number, rows[0].values)
        if any(row.errors for row in rows) or not self._check_required(contract, rows):
            return None
        before = len(self.result.errors)
        self._check_repeated_values(contract, rows[1:])
        contract.unit = self._check_unit(contract)
        contract.plan = self._check_plan(contract)
        contract.user = self._check_user(contract)
        self._check_amounts(contract)
        self._check_dates(contract)
        contract.buyers = self._check_buyers(contract, rows)
        return contract if len(self.result.errors) == before else None

    def _check_required(self, contract, rows):
        missing = [(contract.row, key) for key in REQUIRED_CONTRACT_KEYS if contract.get(key) is None]
        missing += [(row.number, "buyer_name") for row in rows if not row.get("buyer_name")]
        for number, key in missing:
            column = COLUMNS_BY_KEY[key].label(self.env)
            self._error(number, contract.legacy_ref, self.env._("Enter the %(column)s.", column=column))
        return not missing

    def _check_repeated_values(self, contract, rows):
        """A co-buyer's row leaves the contract's columns empty or repeats them exactly."""
        for row in rows:
            for key in CONTRACT_KEYS:
                if row.values.get(key) is not None and row.values[key] != contract.values.get(key):
                    self._error(
                        row.number,
                        contract.legacy_ref,
                        self.env._(
                            "%(column)s differs from row %(row)s of the same contract.",
                            column=COLUMNS_BY_KEY[key].label(self.env),
                            row=contract.row,
                        ),
                    )

    def _check_unit(self, contract):
        project = self.projects.get(contract.get("project"))
        building = project and self.buildings.get((project.id, contract.get("building")))
        if not project:
            return self._fail(contract, self.env._("Project %(project)s not found.", project=contract.get("project")))
        if not building:
            return self._fail(
                contract,
                self.env._(
                    "Building %(building)s not found in project %(project)s.",
                    building=contract.get("building"),
                    project=project.name,
                ),
            )
        unit = self.units.get(self._unit_key(building, contract.get("unit", "")))
        if not unit:
            return self._fail(
                contract,
                self.env._(
                    "Unit %(unit)s not found in %(building)s.",
                    unit=contract.get("unit"),
                    building=building.display_name,
                ),
            )
        if unit.state != "available":
            state = unit._state_labels()[unit.state]
            return self._fail(
                contract,
                self.env._(
                    "Unit %(unit)s is %(state)s: only an available unit can take an imported contract.",
                    unit=unit.name,
                    state=state,
                ),
            )
        return unit

    def _check_plan(self, contract):
        plan = self.plans.get(contract.get("payment_plan"))
        if not plan:
            return self._fail(
                contract, self.env._("Payment plan %(plan)s not found.", plan=contract.get("payment_plan"))
            )
        return plan

    def _check_user(self, contract):
        name = contract.get("salesperson")
        if not name:
            return self.env.user
        user = self.users_by_login.get(name) or self.users_by_name.get(name)
        if not user:
            return self._fail(contract, self.env._("Salesperson %(user)s not found.", user=name))
        if len(user) > 1:
            return self._fail(
                contract, self.env._("Several users are named %(user)s: enter the login instead.", user=name)
            )
        return user

    def _fail(self, contract, message):
        self._error(contract.row, contract.legacy_ref, message)

    def _check_amounts(self, contract):
        price, deposit = contract.get("price", 0.0), contract.get("deposit", 0.0)
        if price <= 0:
            self._fail(contract, self.env._("The contract price must be more than 0."))
        elif not 0 <= deposit < price:
            self._fail(contract, self.env._("The deposit must be at least 0 and less than the contract price."))
        elif contract.plan:
            try:
                contract.plan._check_price_covers_fixed(price - deposit)
            except UserError as error:
                self._fail(contract, error.args[0])

    def _check_dates(self, contract):
        """Signed ≤ registered ≤ delivered ≤ today, and each state with the dates and number it needs."""
        signed, registered = contract.get("date_signed"), contract.get("registration_date")
        delivered, state = contract.get("date_delivered"), contract.state
        for key in ("date_signed", "registration_date", "date_delivered"):
            if contract.get(key) and contract.get(key) > self.today:
                column = COLUMNS_BY_KEY[key].label(self.env)
                self._fail(contract, self.env._("%(column)s is in the future.", column=column))
        if signed and registered and registered < signed:
            self._fail(contract, self.env._("The registration date is before the signing date."))
        if delivered and max(signed, registered or signed) > delivered:
            self._fail(contract, self.env._("The delivery date is before the signing or registration date."))
        if bool(registered) != bool(contract.get("registration_no")) or (state == "registered" and not registered):
            self._fail(contract, self.env._("A registered contract needs its registration number and date."))
        if (state == "delivered") != bool(delivered):
            self._fail(contract, self.env._("A delivered contract, and only a delivered one, has a delivery date."))

    # ------------------------------------------------------------------
    # BUYERS (the identity mixin's own checks, on records in memory)
    # ------------------------------------------------------------------

    def _check_buyers(self, contract, rows):
        buyers = [self._buyer_plan(row, len(rows)) for row in rows]
        if not any(row.get("is_main") is not None for row in rows):
            buyers[0].is_main = True  # no main buyer given: the first row's
        records = self.env["realty.contract.buyer"]
        refused = set()  # identity problems, each reported on its buyer's row only
        for buyer in buyers:
            record = self._buyer_record(buyer)
            if message := self._refusal(record._check_identity):
                refused.add(message)
                self._error(buyer.row, contract.legacy_ref, message)
            records |= record
        numbers = [buyer.id_number for buyer in buyers if buyer.id_number]
        for buyer in buyers:
            if buyer.id_number and numbers.count(buyer.id_number) > 1:
                message = self.env._("This ID number is given twice in the contract.")
                self._error(buyer.row, contract.legacy_ref, message)
        message = self._refusal(lambda: records._check_buyer_set(contract.legacy_ref))
        if message and message not in refused:
            self._fail(contract, message)
        return buyers

    def _buyer_plan(self, row, count):
        values = {"id_number": row.get("id_number", "")}
        self.env["realty.contract.buyer"]._normalize_identity(values)
        return BuyerPlan(
            row=row.number,
            name=row.get("buyer_name", ""),
            id_type=row.get("id_type", "id_card"),
            id_number=values["id_number"],
            phone=row.get("phone", ""),
            share=row.get("share", 100.0 if count == 1 else 0.0),
            is_main=row.get("is_main", False),
        )

    def _buyer_record(self, buyer):
        partner = self.env["res.partner"].new({"name": buyer.name})
        return self.env["realty.contract.buyer"].new(
            {
                "partner_id": partner,
                "id_type": buyer.id_type,
                "id_number": buyer.id_number,
                "share": buyer.share,
                "is_main": buyer.is_main,
            }
        )

    @staticmethod
    def _refusal(check):
        """The message of what one of the models' own checks refuses, or None."""
        try:
            check()
        except (UserError, ValidationError) as error:
            return error.args[0]
        return None

    # ------------------------------------------------------------------
    # THE FILE AS A WHOLE
    # ------------------------------------------------------------------

    def _check_units_once(self, contracts):
        """A unit takes one contract: a second contract of the file on the same unit is an error."""
        seen = {}
        for contract in list(contracts):
            first = seen.setdefault(contract.unit.id, contract)
            if first is not contract:
                self._fail(
                    contract,
                    self.env._(
                        "Unit %(unit)s is also sold by contract %(ref)s (row %(row)s).",
                        unit=contract.unit.name,
                        ref=first.legacy_ref,
                        row=first.row,
                    ),
                )
                contracts.remove(contract)

    def _match_partners(self, contracts):
        """Known people are not created twice: a buyer whose ID number is on a contract of the company is that
        contract's buyer; else a customer with the very same name and phone."""
        buyers = [buyer for contract in contracts for buyer in contract.buyers]
        known = self.env["realty.contract.buyer"].search_read(
            [("company_id", "=", self.company.id), ("id_number", "in", [buyer.id_number for buyer in buyers])],
            ["id_number", "partner_id"],
        )
        by_number = {record["id_number"]: record["partner_id"][0] for record in known}
        phoned = [buyer for buyer in buyers if buyer.id_number not in by_number and buyer.phone]
        partners = self.env["res.partner"].search_read(
            [("name", "in", [buyer.name for buyer in phoned]), ("phone", "in", [buyer.phone for buyer in phoned])],
            ["name", "phone"],
        )
        by_name_phone = {(partner["name"], partner["phone"]): partner["id"] for partner in partners}
        for buyer in buyers:
            buyer.partner_id = by_number.get(buyer.id_number) or by_name_phone.get((buyer.name, buyer.phone), 0)
        self.result.new_partner_count = len({buyer.id_number for buyer in buyers if not buyer.partner_id})
