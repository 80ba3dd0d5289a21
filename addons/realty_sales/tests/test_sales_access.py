import json
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import RealtySalesCase
from odoo.addons.realty_base.tests.access_matrix import AccessMatrixMixin, Probe


class RealtySalesAccessCase(RealtySalesCase):
    """RealtySalesCase plus a colleague, a CRM user without a realty role, an employee, a portal customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        cls.crm_user = new_test_user(cls.env, login="crm_only", groups="sales_team.group_sale_salesman")
        cls.employee = new_test_user(cls.env, login="plain_employee", groups="base.group_user")
        cls.portal = new_test_user(cls.env, login="portal_buyer", groups="base.group_portal")
        cls.colleague_lead = cls._create_lead("A colleague's lead", cls.other_salesperson)

    @classmethod
    def _create_lead(cls, name, user, **values):
        """A lead of ``user`` in the user's company."""
        return cls.env["crm.lead"].create(
            {"name": name, "user_id": user.id, "company_id": user.company_id.id, **values}
        )


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, RealtySalesAccessCase):
    """Who may read, write, create and delete the records of realty_sales (records of company 1)."""

    ROLES = (
        "salesperson",
        "manager",
        "finance",
        "executive",
        "admin",
        "crm_user",
        "employee",
        "portal",
        "user_company_b",
    )
    # fmt: off
    MATRIX = [
        # probe                               salesperson manager finance executive admin   crm_user employee portal user_company_b
        ("realty.payment.plan",               "r",        "rwcu", "r",    "r",      "rwcu", "-",     "-",     "-",   "-"),
        ("realty.payment.plan.line",          "r",        "rwcu", "r",    "r",      "rwcu", "-",     "-",     "-",   "-"),
        ("realty.reservation: a colleague's", "-",        "rwu",  "r",    "r",      "rwu",  "-",     "-",     "-",   "-"),
        ("realty.reservation: their own",     "rwc",      "rwcu", "r",    "r",      "rwcu", "-",     "-",     "-",   "-"),
        ("realty.visit: a colleague's lead",  "-",        "rwcu", "r",    "r",      "rwcu", "-",     "-",     "-",   "-"),
        ("realty.visit: their own lead",      "rwc",      "rwcu", "r",    "r",      "rwcu", "-",     "-",     "-",   "rwcu"),
        ("realty.visit: company-less lead",   "-",        "rwcu", "r",    "r",      "rwcu", "-",     "-",     "-",   "c"),
        ("crm.lead: a colleague's",           "-",        "rwc",  "r",    "r",      "rwc",  "-",     "-",     "-",   "-"),
        ("crm.lead: their own",               "rwc",      "rwc",  "r",    "r",      "rwc",  "rwc",   "-",     "-",   "rwc"),
        ("res.company: realty settings",      "r",        "r",    "r",    "r",      "rw",   "-",     "-",     "-",   "-"),
    ]
    # fmt: on

    def test_access_matrix(self):
        self._check_access_matrix()

    def _access_probes(self):
        return {
            "realty.payment.plan": Probe(
                "realty.payment.plan",
                record=lambda user: self._create_plan("Probe plan", "full", shares=[100]),
                read=("name", "discount", "line_ids"),
                write={"discount": 5.0},
                create=lambda user: {
                    "name": "New plan",
                    "kind": "full",
                    "company_id": self.company.id,
                    "line_ids": [Command.create({"name": "All at once", "share": 100})],
                },
            ),
            "realty.payment.plan.line": Probe(
                "realty.payment.plan.line",
                # a fixed fee next to the 100 %: writing its label or deleting it keeps the plan valid
                record=lambda user: self._fee_line(self._create_plan("Probe plan", "full", shares=[100])),
                read=("name", "amount_type", "fixed_amount"),
                write={"name": "Service fee"},
                create=lambda user: {
                    "plan_id": self.plan_full.id,
                    "name": "Fee",
                    "amount_type": "fixed",
                    "fixed_amount": 1000.0,
                },
            ),
            # handing a deal to someone else is the model's business (a UserError), not probed here
            "realty.reservation: a colleague's": self._reservation_probe(lambda user: self.other_salesperson, False),
            "realty.reservation: their own": self._reservation_probe(lambda user: user),
            "realty.visit: a colleague's lead": self._visit_probe(lambda user: self.colleague_lead),
            "realty.visit: their own lead": self._visit_probe(lambda user: self._create_lead("Own lead", user)),
            "realty.visit: company-less lead": self._visit_probe(
                lambda user: self._create_lead("Shared lead", self.other_salesperson, company_id=False)
            ),
            "crm.lead: a colleague's": self._lead_probe(lambda user: self.other_salesperson),
            "crm.lead: their own": self._lead_probe(lambda user: user),
            "res.company: realty settings": Probe(
                "res.company",
                record=lambda user: self.company,
                read=("name", "realty_discount_limit", "realty_mortgage_rate", "realty_provident_loan_cap"),
                write={"realty_discount_limit": 5.0},
                unlink=False,
            ),
        }

    def _fee_line(self, plan):
        return self.env["realty.payment.plan.line"].create(
            {"plan_id": plan.id, "name": "Fee", "amount_type": "fixed", "fixed_amount": 2000.0}
        )

    def _reservation_probe(self, owner, create=True):
        def values(user):
            return {
                "unit_id": self.unit.id,
                "partner_id": self.customer.id,
                "payment_plan_id": self.plan_mortgage.id,
                "user_id": owner(user).id,
            }

        return Probe(
            "realty.reservation",
            record=lambda user: self.env["realty.reservation"].create(values(user)),
            read=("name", "price", "state"),
            write={"note": "Calls back on Monday"},
            create=values if create else None,
        )

    def _visit_probe(self, lead):
        def record(user):
            lead_ = lead(user)
            return self.env["realty.visit"].create({"lead_id": lead_.id, "user_id": (lead_.user_id or user).id})

        return Probe(
            "realty.visit",
            record=record,
            read=("date", "visitors", "lead_id"),
            write={"note": "Came with the parents"},
            create=lambda user: {"lead_id": lead(user).id, "visitors": 2},
        )

    def _lead_probe(self, owner):
        return Probe(
            "crm.lead",
            record=lambda user: self._create_lead("Probe lead", owner(user)),
            read=("name", "user_id", "stage_id", "expected_revenue"),
            write={"expected_revenue": 3_000_000.0},
            create=lambda user: {
                "name": "New lead",
                "user_id": owner(user).id,
                "company_id": owner(user).company_id.id,
            },
        )


@tagged("post_install", "-at_install")
class TestSalesAccess(RealtySalesAccessCase):
    """What the matrix cannot show: actions, searches, forms, and users made the way an administrator makes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_2 = cls._create_unit(12, 2)
        cls.unit_2.action_release()

    def test_salesperson_reserves_without_unit_write_rights(self):
        reservation = self._reservation()
        reservation.action_confirm()
        self.assertEqual(self.unit.state, "reserved")
        self.assertEqual(reservation.user_id, self.salesperson)

    def test_salespeople_see_only_their_own_reservations(self):
        mine = self._reservation()
        theirs = self._reservation(unit=self.unit_2, user=self.other_salesperson)
        visible = self.env["realty.reservation"].with_user(self.salesperson).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)

    def test_managers_executives_and_finance_see_all(self):
        reservations = self._reservation() | self._reservation(unit=self.unit_2, user=self.other_salesperson)
        for user in (self.manager, self.executive, self.finance):
            with self.subTest(user=user.login):
                visible = self.env["realty.reservation"].with_user(user).search([])
                self.assertEqual(visible & reservations, reservations)

    def test_salespeople_see_only_their_own_leads(self):
        Lead = self.env["crm.lead"]
        mine = Lead.with_user(self.salesperson).create({"name": "Mine"})
        theirs = Lead.with_user(self.other_salesperson).create({"name": "Theirs"})
        visible = Lead.with_user(self.salesperson).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, mine)
        visible = Lead.with_user(self.manager).search([("id", "in", (mine | theirs).ids)])
        self.assertEqual(visible, mine | theirs)

    def test_executive_and_finance_open_every_lead_of_their_company(self):
        leads = self._create_lead("Mine", self.salesperson) | self.colleague_lead
        tag = self.env["crm.tag"].create({"name": "Second home"})
        leads.write({"realty_project_id": self.project.id, "budget": 2_500_000.0, "tag_ids": [Command.link(tag.id)]})
        self.env["realty.visit"].create({"lead_id": self.colleague_lead.id, "user_id": self.other_salesperson.id})
        other_company_lead = self.env["crm.lead"].create({"name": "Elsewhere", "company_id": self.company_b.id})
        for user in (self.executive, self.finance):
            with self.subTest(user=user.login):
                visible = self.env["crm.lead"].with_user(user).search([("id", "in", (leads | other_company_lead).ids)])
                self.assertEqual(visible, leads)
                form = Form(self.colleague_lead.with_user(user))  # reads every field of the lead form
                self.assertEqual(form.budget, 2_500_000.0)
                self.assertEqual(len(form.visit_ids), 1)
                self.assertIn(tag, form.tag_ids)
                with self.assertRaises(AccessError):
                    self.colleague_lead.with_user(user).write({"budget": 1.0})

    def test_everyone_who_reads_leads_finds_the_leads_menu(self):
        menu = self.env.ref("realty_sales.realty_lead_menu")
        for user in (self.salesperson, self.finance, self.executive):
            with self.subTest(user=user.login):
                self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())

    def test_salesperson_cannot_move_a_visit_to_a_colleagues_lead(self):
        own_lead = self._create_lead("Mine", self.salesperson)
        visit = self.env["realty.visit"].with_user(self.salesperson).create({"lead_id": own_lead.id})
        with self.assertRaises(AccessError):
            visit.write({"lead_id": self.colleague_lead.id})
        with self.assertRaises(AccessError):
            visit.write({"user_id": self.other_salesperson.id, "lead_id": self.colleague_lead.id})

    def test_visit_company_comes_from_lead_project_or_office(self):
        Visit = self.env["realty.visit"].with_user(self.salesperson)
        own_lead = self._create_lead("Mine", self.salesperson)
        self.assertEqual(Visit.create({"lead_id": own_lead.id}).company_id, self.company)
        shared_lead = self._create_lead("Shared", self.salesperson, company_id=False)
        office_visit = Visit.create({"lead_id": shared_lead.id})
        self.assertEqual(office_visit.company_id, self.company)
        project_b = self.env["realty.project"].create({"name": "Other Town", "company_id": self.company_b.id})
        visit_b = self.env["realty.visit"].create({"lead_id": shared_lead.id, "project_id": project_b.id})
        self.assertEqual(visit_b.company_id, self.company_b)
        visible = self.env["realty.visit"].with_user(self.user_company_b).search([("lead_id", "=", shared_lead.id)])
        self.assertEqual(visible, visit_b)

    def test_new_salesperson_from_the_user_form_is_only_a_salesperson(self):
        """An administrator creates a user on the user form and picks Real Estate / Salesperson."""
        form = Form(self.env["res.users"].with_user(self.admin), view="base.view_users_form")
        form.name = "Wang Fang"
        form.login = "wang_fang"
        form.group_ids.add(self.env.ref("realty_base.group_realty_salesperson"))
        user = form.save()
        self.assertTrue(user.has_group("realty_base.group_realty_salesperson"))
        self.assertTrue(user.has_group("sales_team.group_sale_salesman"))
        for group in ("sales_team.group_sale_manager", "sales_team.group_sale_salesman_all_leads", "base.group_system"):
            self.assertFalse(user.has_group(group), group)
        leads = self.env["crm.lead"].with_user(user).search([("id", "=", self.colleague_lead.id)])
        self.assertFalse(leads, "a new salesperson must not see a colleague's lead")

    def test_administrator_saves_the_real_estate_settings(self):
        settings = self.env["res.config.settings"].with_user(self.admin).create({"realty_discount_limit": 3.5})
        settings.execute()
        self.assertEqual(self.company.realty_discount_limit, 3.5)
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.manager).create({"realty_discount_limit": 9.0}).execute()
        self.assertEqual(self.company.realty_discount_limit, 3.5)


@tagged("post_install", "-at_install")
class TestAccessOverHttp(HttpCase, RealtySalesAccessCase):
    """The same rules hold for a client: JSON-2 with an API key, and the web client's call_kw after login."""

    def _json2(self, user, model, method, **params):
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            ._generate("rpc", "matrix", datetime.now() + timedelta(hours=1))
        )
        headers = {
            "Authorization": f"bearer {key}",
            "Content-Type": "application/json",
            "X-Odoo-Database": self.env.cr.dbname,
        }
        return self.url_open(f"/json/2/{model}/{method}", data=json.dumps(params), headers=headers)

    def _call_kw(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        payload = {"jsonrpc": "2.0", "method": "call", "params": {"model": model, "method": method, "args": args}}
        payload["params"]["kwargs"] = kwargs or {}
        response = self.url_open(
            "/web/dataset/call_kw", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        return response.json()

    def assertDenied(self, response):
        self.assertEqual(response.status_code, 403, response.text[:500])
        self.assertEqual(response.json()["name"], "odoo.exceptions.AccessError")

    def test_other_company_manager_cannot_touch_plan_lines(self):
        line = self.plan_installment.line_ids[:1]
        self.assertDenied(
            self._json2(self.user_company_b, "realty.payment.plan.line", "write", ids=line.ids, vals={"name": "Hacked"})
        )
        fee = {"plan_id": self.plan_installment.id, "name": "Fee", "amount_type": "fixed", "fixed_amount": 5.0}
        self.assertDenied(self._json2(self.user_company_b, "realty.payment.plan.line", "create", vals_list=[fee]))
        self.assertDenied(self._json2(self.user_company_b, "realty.payment.plan.line", "unlink", ids=line.ids))
        self.assertEqual(self.plan_installment.line_ids.mapped("share"), [40.0, 30.0, 30.0])

    def test_portal_user_learns_no_realty_setting(self):
        for field_name in ("realty_discount_limit", "realty_mortgage_rate"):
            with self.subTest(field=field_name):
                result = self._call_kw(self.portal, "res.company", "read", [self.company.ids, [field_name]])
                self.assertEqual(result["error"]["data"]["name"], "odoo.exceptions.AccessError", result)
        result = self._call_kw(self.portal, "res.company", "fields_get", [], {"attributes": ["string"]})
        self.assertIn("name", result["result"])
        self.assertFalse([name for name in result["result"] if name.startswith("realty_")])
        result = self._call_kw(self.portal, "realty.payment.plan", "search_read", [[]], {"fields": ["discount"]})
        self.assertEqual(result["error"]["data"]["name"], "odoo.exceptions.AccessError", result)

    def test_finance_reads_leads_and_visits(self):
        self.env["realty.visit"].create({"lead_id": self.colleague_lead.id})
        response = self._json2(
            self.finance,
            "crm.lead",
            "search_read",
            domain=[("id", "=", self.colleague_lead.id)],
            fields=["name", "visit_ids"],
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        [lead] = response.json()
        visits = self._json2(self.finance, "realty.visit", "read", ids=lead["visit_ids"], fields=["lead_id"])
        self.assertEqual(visits.status_code, 200, visits.text[:500])
        self.assertDenied(self._json2(self.finance, "crm.lead", "write", ids=[lead["id"]], vals={"name": "Mine now"}))

    def test_salesperson_cannot_log_a_visit_on_a_colleagues_lead(self):
        self.assertDenied(
            self._json2(self.salesperson, "realty.visit", "create", vals_list=[{"lead_id": self.colleague_lead.id}])
        )
        self.assertFalse(self.env["realty.visit"].search([("lead_id", "=", self.colleague_lead.id)]))

    def test_administrator_saves_settings_from_the_web_client(self):
        result = self._call_kw(self.admin, "res.config.settings", "create", [{"realty_mortgage_rate": 2.6}])
        self.assertIn("result", result, result)
        result = self._call_kw(self.admin, "res.config.settings", "execute", [[result["result"]]])
        self.assertIn("result", result, result)
        self.assertEqual(self.company.realty_mortgage_rate, 2.6)
