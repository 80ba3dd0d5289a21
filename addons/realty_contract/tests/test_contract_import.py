import base64
import datetime
import io
import json
from unittest.mock import patch

import xlsxwriter

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..models.realty_buyer_identity_mixin import id_card_check_digit
from ..wizard import realty_contract_import as import_module
from ..wizard.contract_import_format import COLUMNS
from ..wizard.realty_contract_import import PROGRESS_TYPE
from .common import RealtyContractCase

SIGNED = datetime.date(2024, 3, 1)


def id_card(number):
    """A valid 身份证 number, different for each ``number``."""
    first_17 = f"11010519900101{number:03d}"
    return first_17 + id_card_check_digit(first_17)


def xlsx_file(rows, headers=None):
    """An xlsx file in memory: ``headers`` (default: every column's English header), then one line per row dict."""
    keys = [column.key for column in COLUMNS]
    headers = headers or [column.header for column in COLUMNS]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for index, header in enumerate(headers):
        sheet.write_string(0, index, header)
    for number, row in enumerate(rows, start=1):
        for index, key in enumerate(keys):
            value = row.get(key)
            if isinstance(value, datetime.date):
                sheet.write_datetime(number, index, datetime.datetime.combine(value, datetime.time()), date_format)
            elif value is not None:
                sheet.write(number, index, value)
    workbook.close()
    return buffer.getvalue()


class ContractImportCase(RealtyContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_2 = cls._create_unit(12, 2)
        cls.unit_3 = cls._create_unit(13, 1)
        (cls.unit_2 | cls.unit_3).action_release()

    def _row(self, ref, unit=None, **values):
        return {
            "legacy_ref": ref,
            "project": "Test Garden",
            "building": "1",
            "unit": (unit or self.unit).name,
            "payment_plan": "Mortgage 30%",
            "price": 1_950_000.0,
            "deposit": 50_000.0,
            "date_signed": SIGNED,
            "buyer_name": "Wang Fang",
            "id_number": id_card(1),
            "phone": "13900000001",
        } | values

    def _wizard(self, data, user=None):
        return (
            self.env["realty.contract.import"]
            .with_user(user or self.manager)
            .create({"file": base64.b64encode(data), "file_name": "legacy.xlsx"})
        )

    def _import(self, rows, dry_run=False, user=None):
        wizard = self._wizard(xlsx_file(rows), user)
        if dry_run:
            wizard.action_test()
        else:
            wizard.action_import()
        return wizard

    def _imported(self, *refs):
        return self.env["realty.contract"].search([("legacy_ref", "in", refs)])

    def _findings(self, wizard, kind="error"):
        return [(line.row, line.message) for line in wizard.line_ids if line.kind == kind]


@tagged("post_install", "-at_install")
class TestContractImport(ContractImportCase):
    """A sales manager imports legacy contracts from an xlsx file: all of them or none."""

    def test_import_creates_contracts_with_buyers_schedules_and_units(self):
        rows = [
            self._row("OLD-1", salesperson=self.salesperson.login),
            self._row(
                "OLD-2",
                self.unit_2,
                payment_plan="Installments",
                price=2_100_000.0,
                deposit=0.0,
                state="Registered",
                registration_no="WQ-2024-88",
                registration_date=datetime.date(2024, 3, 15),
                buyer_name="Li Lei",
                id_number=id_card(2),
                share=60.0,
                is_main="yes",
            ),
            {
                "legacy_ref": "OLD-2",
                "buyer_name": "Han Meimei",
                "id_number": id_card(3),
                "share": 40.0,
                "is_main": "no",
            },
            self._row(
                "OLD-3",
                self.unit_3,
                payment_plan="Full payment",
                state="delivered",
                date_delivered=datetime.date(2024, 9, 1),
                buyer_name="Zhao Min",
                id_number=id_card(4),
            ),
        ]
        wizard = self._import(rows)
        self.assertEqual(wizard.state, "done", wizard.summary)
        contracts = wizard.contract_ids
        self.assertEqual(sorted(contracts.mapped("legacy_ref")), ["OLD-1", "OLD-2", "OLD-3"])
        first, second, third = (
            contracts.filtered(lambda c, ref=ref: c.legacy_ref == ref) for ref in ("OLD-1", "OLD-2", "OLD-3")
        )
        self.assertEqual((first.state, second.state, third.state), ("signed", "registered", "delivered"))
        self.assertEqual((first.user_id, second.user_id), (self.salesperson, self.manager))
        self.assertEqual((first.price, first.deposit_amount, first.date_signed), (1_950_000.0, 50_000.0, SIGNED))
        self.assertEqual((first.gross_area, first.unit_price, first.list_price), (100.0, 20000.0, 2_000_000.0))
        self.assertEqual((first.plan_discount, first.discount), (0.0, 0.0))
        self.assertRegex(first.name, r"^HT\d{4}-\d{5}$")
        self.assertEqual((second.registration_no, second.registration_date), ("WQ-2024-88", datetime.date(2024, 3, 15)))
        self.assertEqual(third.date_delivered, datetime.date(2024, 9, 1))
        # buyers: one partner each, the main buyer first
        self.assertEqual(second.buyer_ids.mapped("partner_id.name"), ["Li Lei", "Han Meimei"])
        self.assertEqual(second.buyer_ids.mapped("share"), [60.0, 40.0])
        self.assertEqual(second.partner_id.name, "Li Lei")
        self.assertEqual(first.buyer_ids.id_number, id_card(1))
        self.assertEqual(first.buyer_ids.phone, "13900000001")
        # schedules: the deposit first, the plan's split of the rest, exactly the price
        self.assertEqual(first.installment_ids.mapped("kind"), ["deposit", "installment", "installment"])
        self.assertEqual(first.installment_ids.mapped("amount"), [50_000.0, 570_000.0, 1_330_000.0])
        self.assertEqual(first.installment_ids[0].date_due, SIGNED)
        for contract in contracts:
            self.assertAlmostEqual(sum(contract.installment_ids.mapped("amount")), contract.price)
        self.assertEqual(len(second.installment_ids), 3)  # no deposit: the plan's three payments
        # units follow their contracts; each contract has its converted reservation
        self.assertEqual(
            (self.unit.state, self.unit_2.state, self.unit_3.state), ("contracted", "contracted", "delivered")
        )
        for contract in contracts:
            reservation = contract.reservation_id
            self.assertEqual(reservation.state, "converted")
            self.assertEqual((reservation.unit_id, reservation.partner_id), (contract.unit_id, contract.partner_id))
            self.assertEqual((reservation.price, reservation.user_id), (contract.price, contract.user_id))
        self.assertIn("OLD-1", first.message_ids[0].body)
        counts = (wizard.contract_count, wizard.buyer_count, wizard.partner_count, wizard.installment_count)
        self.assertEqual(counts, (3, 4, 4, 8))
        self.assertEqual(len(contracts.installment_ids), 8)

    def test_one_bad_row_among_good_ones_imports_nothing(self):
        rows = [
            self._row("OLD-1"),
            self._row("OLD-2", self.unit_2, id_number=id_card(2)),
            self._row("OLD-3", unit=self.unit_3, price=0.0),
        ]
        wizard = self._import(rows)
        self.assertEqual(wizard.state, "failed")
        self.assertEqual(self._findings(wizard), [(4, "The contract price must be more than 0.")])
        self.assertFalse(self._imported("OLD-1", "OLD-2", "OLD-3"))
        self.assertEqual({self.unit.state, self.unit_2.state, self.unit_3.state}, {"available"})
        self.assertFalse(self.env["realty.reservation"].search([("unit_id", "in", (self.unit | self.unit_2).ids)]))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Wang Fang")]))

    def test_an_error_while_creating_rolls_everything_back(self):
        rows = [self._row("OLD-1"), self._row("OLD-2", self.unit_2, id_number=id_card(2))]
        wizard = self._wizard(xlsx_file(rows))
        Import = type(self.env["realty.contract.import"])
        create_batch = Import._create_batch

        def hold_unit_2_first(wizard_self, plans):
            self._force_state(self.unit_2, "held")  # as if a sales manager held it after the rows were checked
            return create_batch(wizard_self, plans)

        with patch.object(Import, "_create_batch", hold_unit_2_first):
            wizard.action_import()
        self.assertEqual(wizard.state, "failed")
        self.assertIn("1-1202", wizard.summary)
        self.assertFalse(self._imported("OLD-1", "OLD-2"))
        self.assertEqual((self.unit.state, self.unit_2.state), ("available", "available"))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Wang Fang")]))

    def test_progress_through_its_own_cursor_keeps_the_import_all_or_nothing(self):
        wizard = self._wizard(xlsx_file([self._row("OLD-1"), self._row("OLD-2", self.unit_2, id_number=id_card(2))]))
        Import = type(self.env["realty.contract.import"])
        create_batch = Import._create_batch

        def fail_in_the_second_batch(wizard_self, plans):
            if plans[0].legacy_ref == "OLD-2":
                raise UserError("The second batch failed.")
            return create_batch(wizard_self, plans)

        with (
            patch.object(import_module, "PROGRESS_MIN_ROWS", 1),
            patch.object(import_module, "PROGRESS_STEPS", 2),
            patch.object(Import, "_create_batch", fail_in_the_second_batch),
            self.enter_registry_test_mode(),
        ):
            wizard.action_import()
        self.assertEqual(wizard.state, "failed")
        self.assertIn("The second batch failed.", wizard.summary)
        self.assertFalse(self._imported("OLD-1", "OLD-2"))  # the first batch is rolled back too
        self.assertEqual((self.unit.state, self.unit_2.state), ("available", "available"))
        messages = self.env["bus.bus"].sudo().search([("message", "like", PROGRESS_TYPE)], order="id desc", limit=1)
        self.assertEqual(
            json.loads(messages.message)["payload"] | {"message": ""},
            {"done": 0, "total": 2, "message": "", "final": True, "failed": True},
        )

    def test_a_reference_imported_meanwhile_is_refused_by_the_database(self):
        other = self._draft_contract(unit=self.unit_3)
        wizard = self._wizard(xlsx_file([self._row("OLD-1")]))
        Import = type(self.env["realty.contract.import"])
        create_batch = Import._create_batch

        def import_old_1_elsewhere_first(wizard_self, plans):
            other._action_env().write({"legacy_ref": "OLD-1"})  # as a concurrent import would
            return create_batch(wizard_self, plans)

        with patch.object(Import, "_create_batch", import_old_1_elsewhere_first), mute_logger("odoo.sql_db"):
            wizard.action_import()
        self.assertEqual(wizard.state, "failed")
        self.assertIn("already imported in this company", wizard.summary)
        self.assertFalse(other.legacy_ref)
        self.assertEqual(self.unit.state, "available")

    def test_dry_run_counts_and_creates_nothing(self):
        rows = [
            self._row("OLD-1"),
            self._row("OLD-2", self.unit_2, id_number=id_card(2), share=50.0, is_main="yes"),
            {"legacy_ref": "OLD-2", "buyer_name": "Han Meimei", "id_number": id_card(3), "share": 50.0},
        ]
        partners = self.env["res.partner"].search_count([])
        wizard = self._import(rows, dry_run=True)
        self.assertEqual(wizard.state, "checked", wizard.summary)
        counts = (wizard.contract_count, wizard.buyer_count, wizard.partner_count, wizard.installment_count)
        self.assertEqual(counts, (2, 3, 3, 6))
        self.assertIn("will create 2 contracts", wizard.summary)
        self.assertFalse(self._imported("OLD-1", "OLD-2"))
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertEqual((self.unit.state, self.unit_2.state), ("available", "available"))
        wizard.action_import()  # then the real import of the same file
        self.assertEqual(len(self._imported("OLD-1", "OLD-2")), 2)

    def test_reimporting_the_same_file_creates_nothing_new(self):
        rows = [self._row("OLD-1"), self._row("OLD-2", self.unit_2, id_number=id_card(2))]
        first = self._import(rows)
        self.assertEqual(first.state, "done", first.summary)
        partners = self.env["res.partner"].search_count([])
        again = self._import(rows)
        self.assertEqual(again.state, "done", again.summary)
        self.assertEqual(again.contract_count, 0)
        self.assertEqual(len(self._findings(again, "skipped")), 2)
        self.assertEqual(len(self._imported("OLD-1", "OLD-2")), 2)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        # a file with one more contract adds just that one
        more = self._import([*rows, self._row("OLD-3", self.unit_3, id_number=id_card(3))])
        self.assertEqual((more.contract_count, more.skipped_count), (1, 2))
        self.assertEqual(len(self._imported("OLD-1", "OLD-2", "OLD-3")), 3)

    def test_known_buyers_are_not_created_twice(self):
        known = self._import([self._row("OLD-1")]).contract_ids.partner_id
        customer = self.env["res.partner"].create({"name": "Zhou Jie", "phone": "13700000007"})
        rows = [
            self._row("OLD-2", self.unit_2, buyer_name="Wang Fang", share=50.0, is_main="yes"),  # same ID number
            {
                "legacy_ref": "OLD-2",
                "buyer_name": "Zhou Jie",
                "phone": "13700000007",
                "id_number": id_card(7),
                "share": 50,
            },
            self._row("OLD-3", self.unit_3, buyer_name="Zhou Jie", phone="13700000007", id_number=id_card(7)),
        ]
        wizard = self._import(rows)
        self.assertEqual(wizard.state, "done", wizard.summary)
        self.assertEqual(wizard.partner_count, 0)
        second, third = self._imported("OLD-2"), self._imported("OLD-3")
        self.assertEqual(second.buyer_ids.partner_id, known | customer)
        self.assertEqual(third.partner_id, customer)

    def test_chinese_headers_and_values(self):
        headers = [column.header_zh for column in COLUMNS]
        row = self._row(
            "旧-1",
            state="已交房",
            date_delivered="2024年9月1日",
            id_type="身份证",
            is_main="是",
            date_signed="2024/3/1",
            price="1,950,000.00",
        )
        wizard = self._wizard(xlsx_file([row], headers))
        wizard.action_import()
        self.assertEqual(wizard.state, "done", wizard.summary)
        contract = wizard.contract_ids
        self.assertEqual((contract.state, contract.date_signed, contract.price), ("delivered", SIGNED, 1_950_000.0))
        self.assertEqual(self.unit.state, "delivered")

    def test_template_imports_as_it_comes(self):
        wizard = self.env["realty.contract.import"].with_user(self.manager).create({})
        action = wizard.action_download_template()
        self.assertEqual(action["report_type"], "xlsx")
        data, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx("realty_contract.contract_import_template", wizard.ids, data={})
        )
        wizard.write({"file": base64.b64encode(data), "file_name": "template.xlsx"})
        wizard.action_import()
        self.assertEqual(wizard.state, "done", wizard.summary)
        contract = wizard.contract_ids
        self.assertEqual(
            (contract.legacy_ref, contract.state, contract.user_id), ("HT-2019-0001", "signed", self.manager)
        )
        self.assertEqual(contract.buyer_ids.id_number, "11010519491231002X")

    def test_salesperson_cannot_import(self):
        with self.assertRaises(AccessError):
            self._wizard(xlsx_file([self._row("OLD-1")]), user=self.salesperson)
        wizard = self._wizard(xlsx_file([self._row("OLD-1")]))
        with self.assertRaises(AccessError):
            wizard.with_user(self.salesperson).action_import()
        self.assertFalse(self._imported("OLD-1"))

    def test_checking_runs_a_fixed_number_of_queries(self):
        units = self.building._create_units(
            [
                {"floor": floor, "position": 1, "gross_area": 100.0, "inner_area": 80.0, "unit_price": 20000.0}
                for floor in range(1, 11)
            ]
        )
        units.action_release()
        counts = []
        for size in (2, 2, 10):  # the first run fills the access caches
            rows = [self._row(f"Q-{size}-{i}", unit, id_number=id_card(i)) for i, unit in enumerate(units[:size])]
            wizard = self._wizard(xlsx_file(rows))
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            wizard.action_test()
            counts.append(self.cr.sql_log_count - start)
            self.assertEqual(wizard.contract_count, size, wizard.summary)
        self.assertEqual(counts[1], counts[2])


@tagged("post_install", "-at_install")
class TestContractImportChecks(ContractImportCase):
    """Every rule refuses its row with a reason, and then nothing is imported."""

    def test_each_rule_refuses_its_row(self):
        held = self._create_unit(14, 1)
        held.action_release()
        self._force_state(held, "held")
        future = datetime.date.today() + datetime.timedelta(days=3)
        good = self._row("GOOD")
        cases = [
            ("no legacy ref", [self._row(None)], 3, "legacy reference"),
            ("unknown project", [self._row("C", project="Nowhere")], 3, "Project Nowhere not found"),
            ("unknown building", [self._row("C", building="9")], 3, "Building 9 not found"),
            ("unknown unit", [self._row("C") | {"unit": "1-9901"}], 3, "Unit 1-9901 not found"),
            ("unit not available", [self._row("C", held)], 3, "only an available unit"),
            ("unit twice", [self._row("C", id_number=id_card(5))], 3, "also sold by contract GOOD (row 2)"),
            ("price 0", [self._row("C", self.unit_2, price=0)], 3, "price must be more than 0"),
            ("deposit = price", [self._row("C", self.unit_2, price=50_000)], 3, "deposit must be"),
            ("negative deposit", [self._row("C", self.unit_2, deposit=-1)], 3, "deposit must be"),
            ("unknown plan", [self._row("C", self.unit_2, payment_plan="Barter")], 3, "Payment plan Barter not found"),
            ("price not a number", [self._row("C", self.unit_2, price="a lot")], 3, "is not a number"),
            ("unreadable date", [self._row("C", self.unit_2, date_signed="2024-13-45")], 3, "is not a date"),
            ("signed in the future", [self._row("C", self.unit_2, date_signed=future)], 3, "in the future"),
            (
                "registered before signed",
                [
                    self._row(
                        "C",
                        self.unit_2,
                        state="registered",
                        registration_no="W1",
                        registration_date=SIGNED - datetime.timedelta(days=1),
                    )
                ],
                3,
                "registration date is before",
            ),
            (
                "registered without number",
                [self._row("C", self.unit_2, state="registered", registration_date=SIGNED)],
                3,
                "registration number and date",
            ),
            ("delivered without date", [self._row("C", self.unit_2, state="delivered")], 3, "delivered contract"),
            (
                "signed with a delivery date",
                [self._row("C", self.unit_2, date_delivered=SIGNED)],
                3,
                "delivered contract",
            ),
            (
                "delivered before signed",
                [self._row("C", self.unit_2, state="delivered", date_delivered=SIGNED - datetime.timedelta(days=1))],
                3,
                "delivery date is before",
            ),
            ("unknown state", [self._row("C", self.unit_2, state="sold")], 3, "is not one of"),
            (
                "unknown salesperson",
                [self._row("C", self.unit_2, salesperson="nobody")],
                3,
                "Salesperson nobody not found",
            ),
            ("no buyer name", [self._row("C", self.unit_2, buyer_name=None)], 3, "Enter the Buyer"),
            ("no ID number", [self._row("C", self.unit_2, id_number=None)], 3, "Enter the ID number"),
            (
                "bad check digit",
                [self._row("C", self.unit_2, id_number="110105194912310021")],
                3,
                "not a valid resident ID",
            ),
            (
                "shares below 100",
                [
                    self._row("C", self.unit_2, share=50, is_main="yes"),
                    {"legacy_ref": "C", "buyer_name": "Li Lei", "id_number": id_card(2), "share": 40},
                ],
                3,
                "total 90",
            ),
            (
                "two main buyers",
                [
                    self._row("C", self.unit_2, share=50, is_main="yes"),
                    {"legacy_ref": "C", "buyer_name": "Li Lei", "id_number": id_card(2), "share": 50, "is_main": "yes"},
                ],
                3,
                "exactly one main buyer",
            ),
            (
                "same buyer twice",
                [
                    self._row("C", self.unit_2, share=50),
                    {"legacy_ref": "C", "buyer_name": "Wang Fang", "id_number": id_card(1), "share": 50},
                ],
                4,
                "given twice",
            ),
            (
                "co-buyer row with another price",
                [
                    self._row("C", self.unit_2, share=50),
                    {"legacy_ref": "C", "buyer_name": "Li Lei", "id_number": id_card(2), "share": 50, "price": 1.0},
                ],
                4,
                "differs from row 3",
            ),
            ("main buyer not yes or no", [self._row("C", self.unit_2, is_main="maybe")], 3, "is not yes or no"),
        ]
        for label, rows, row, reason in cases:
            with self.subTest(label):
                wizard = self._import([good, *rows])
                self.assertEqual(wizard.state, "failed", wizard.summary)
                findings = self._findings(wizard)
                self.assertTrue(
                    any(number == row and reason in message for number, message in findings),
                    f"{label}: expected row {row} “{reason}”, got {findings}",
                )
                self.assertFalse(self._imported("GOOD", "C"))
                self.assertEqual(self.unit.state, "available")

    def test_malformed_files_get_a_clear_message(self):
        wrong_headers = ["Ref", "Unit", "Price"]
        cases = [
            ("not xlsx", b"%PDF-1.4 this is not a workbook", "not an Excel workbook"),
            ("empty", b"", "The file is empty"),
            ("header only", xlsx_file([]), "has no contracts"),
            ("wrong columns", xlsx_file([{"legacy_ref": "X"}], wrong_headers), "missing columns"),
        ]
        for label, data, message in cases:
            with self.subTest(label):
                with self.assertRaisesRegex(UserError, message):
                    self._wizard(data).action_test()
        with self.assertRaisesRegex(UserError, "unknown columns: Ref"):
            self._wizard(xlsx_file([{"legacy_ref": "X"}], wrong_headers)).action_import()


@tagged("post_install", "-at_install")
class TestContractImportLarge(ContractImportCase):
    """A file of 1,000 rows finishes, and the user's browser is told how far it got along the way."""

    def test_thousand_rows_with_progress(self):
        building = self.env["realty.building"].create(
            {"project_id": self.project.id, "name": "Building 8", "code": "8", "floor_count": 45, "position_count": 20}
        )
        units = building._create_units(
            [
                {"floor": floor, "position": position, "gross_area": 90.0, "inner_area": 72.0, "unit_price": 20000.0}
                for floor in range(1, 46)
                for position in range(1, 21)
            ]
        )
        units.with_context(tracking_disable=True).action_release()
        rows = []
        for index, unit in enumerate(units):  # 900 contracts, the last 100 with a co-buyer: 1,000 rows
            if index < 800:
                rows.append(self._row(f"BIG-{index}", unit, building="8", id_number=id_card(index % 900)))
            else:
                rows.append(self._row(f"BIG-{index}", unit, building="8", id_number=id_card(index % 900), share=70))
                rows.append(
                    {"legacy_ref": f"BIG-{index}", "buyer_name": "Co Buyer", "id_number": id_card(999), "share": 30}
                )
        self.assertEqual(len(rows), 1000)
        wizard = self._wizard(xlsx_file(rows))
        with self.enter_registry_test_mode():  # progress goes through a cursor of its own
            wizard.action_import()
        self.assertEqual(wizard.state, "done", wizard.summary)
        self.assertEqual((wizard.contract_count, wizard.buyer_count), (900, 1000))
        self.assertEqual(self.env["realty.contract"].search_count([("legacy_ref", "=like", "BIG-%")]), 900)
        self.assertEqual(set(units.mapped("state")), {"contracted"})
        messages = self.env["bus.bus"].sudo().search([("message", "like", PROGRESS_TYPE)], order="id")
        payloads = [json.loads(message.message)["payload"] for message in messages]
        self.assertGreaterEqual(len(payloads), 20)
        self.assertEqual([payload["done"] for payload in payloads[:1]], [0])
        self.assertEqual(
            payloads[-1] | {"message": ""}, {"done": 1000, "total": 1000, "message": "", "final": True, "failed": False}
        )
        partner = self.manager.partner_id
        self.assertTrue(all(json.loads(message.channel)[1:] == ["res.partner", partner.id] for message in messages))


@tagged("post_install", "-at_install")
class TestContractImportUi(HttpCase, ContractImportCase):
    def test_manager_opens_the_import_from_the_contract_list(self):
        self.start_tour(
            "/odoo/action-realty_contract.realty_contract_action", "realty_contract_import", login="realty_manager"
        )

    def test_salesperson_is_not_offered_the_import(self):
        arch = (
            self.env["realty.contract"]
            .with_user(self.salesperson)
            .get_views([(False, "list")])["views"]["list"]["arch"]
        )
        self.assertNotIn("Import Legacy Contracts", arch)
        menu = self.env.ref("realty_contract.realty_contract_import_menu")
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(self.salesperson)._visible_menu_ids())
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids())
