import re
from urllib.parse import urlparse

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.realty_base.tests.common import RealtyCase
from odoo.addons.realty_sales.models.realty_payment_plan import annuity


class ShowcaseCase(HttpCase, RealtyCase):
    """The test project published with two layouts; units on sale, reserved and sold with a buyer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.write({"is_published": True, "street": "Lake Road 8", "presale_permit_no": "PERMIT-42"})
        (cls.layout_2br | cls.layout_3br).write({"is_published": True})
        cls.on_sale = cls._create_unit(3, 1, unit_price=20000.0)  # 2,000,000
        cls.on_sale_dear = cls._create_unit(9, 1, unit_price=25000.0)  # 2,500,000
        cls.unit_3br = cls._create_unit(5, 2, layout_id=cls.layout_3br.id, gross_area=120.0, inner_area=98.0)
        cls.sold = cls._create_unit(12, 2, unit_price=11111.0, note="VIP discount for Mr. Secret")
        cls._force_state(cls.on_sale | cls.on_sale_dear | cls.unit_3br, "available")
        cls._force_state(cls.sold, "contracted")
        cls.buyer = cls.env["res.partner"].create({"name": "Zhang Secretbuyer"})
        cls.hidden_project = cls.env["realty.project"].create({"name": "Hidden Towers"})
        cls.hidden_layout = cls.env["realty.layout"].create(
            {"project_id": cls.hidden_project.id, "name": "Hidden A", "is_published": True}
        )
        cls.unpublished_layout = cls._create_layout("Draft D", 4, 140.0, 110.0, "south")

    def _get(self, url, status=200):
        response = self.url_open(url)
        self.assertEqual(response.status_code, status, url)
        return response.text

    def assertNoPrivateData(self, html):
        for private in (self.sold.name, "11111", "1,111,100", "Secretbuyer", "Mr. Secret", "Hidden Towers"):
            self.assertNotIn(private, html)


@tagged("post_install", "-at_install")
class TestShowcasePages(ShowcaseCase):
    """Every public route as an anonymous visitor: published content only, nothing private."""

    def test_projects_page(self):
        html = self._get("/realty")
        self.assertIn("Test Garden", html)
        self.assertIn("Lake Road 8", html)
        self.assertIn("200 10k – 250 10k", html)  # from the cheapest to the dearest unit on sale, in 万
        self.assertRegex(html, r"<title>\s*Projects on sale")
        self.assertNoPrivateData(html)

    def test_project_page(self):
        self.layout_3br.category_id = self.env["realty.layout.category"].create({"name": "Family Homes"})
        html = self._get(f"/realty/{self.project.id}")
        self.assertRegex(html, r"<h2[^>]*>\s*Family Homes")  # layouts grouped under their category's name
        self.assertRegex(html, r"<h2[^>]*>\s*Other layouts")
        self.assertRegex(html, r"<title>\s*Test Garden")
        self.assertIn("PERMIT-42", html)
        self.assertIn(f'href="/realty/layout/{self.layout_2br.id}"', html)
        self.assertIn(f'href="/realty/layout/{self.layout_3br.id}"', html)
        self.assertNotIn(f"/realty/layout/{self.unpublished_layout.id}", html)
        self.assertNoPrivateData(html)

    def test_layout_page_lists_units_on_sale_only(self):
        html = self._get(f"/realty/layout/{self.layout_2br.id}")
        self.assertIn("2 units on sale", re.sub(r"<[^>]+>", "", html))
        self.assertEqual(html.count("o_realty_unit_row"), 2)
        self.assertIn("2,000,000", html)
        self.assertIn("Building 1", html)
        self.assertIn(
            f"/web/image/realty.layout/{self.layout_2br.id}/image_512", self._get(f"/realty/{self.project.id}")
        )
        self.assertNoPrivateData(html)

    def test_identical_units_on_sale_are_one_row(self):
        twin = self._create_unit(3, 2, unit_price=20000.0)  # same floor, layout, area and price as on_sale
        self._force_state(twin, "available")
        html = self._get(f"/realty/layout/{self.layout_2br.id}")
        self.assertIn("3 units on sale", re.sub(r"<[^>]+>", "", html))
        rows = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in html.split("o_realty_unit_row")[1:]
        ]
        self.assertEqual(len(rows), 2)
        self.assertTrue(rows[0].startswith('"> Building 1 3 100 2,000,000 2 '), rows[0])  # floor 3, 100 m², ×2

    def test_unpublished_is_not_found(self):
        self._get(f"/realty/{self.hidden_project.id}", 404)
        self._get(f"/realty/layout/{self.hidden_layout.id}", 404)  # published layout of an unpublished project
        self._get(f"/realty/layout/{self.unpublished_layout.id}", 404)
        self._get("/realty/999999", 404)
        self.assertNotIn("Hidden", self._get("/realty"))

    def test_query_count_bounded_by_units(self):
        """The pages' queries do not grow with the number of units on sale, and stay within the issue's 15."""
        urls = (
            "/realty",
            f"/realty/{self.project.id}",
            f"/realty/layout/{self.layout_2br.id}",
            f"/realty/compare?ids={self.layout_2br.id},{self.layout_3br.id}",
        )
        for url in urls:
            self.url_open(url)  # warm the caches (templates, assets, routing)
        counts = {}
        for extra in (0, 30):
            for floor in range(20, 20 + extra):
                self._force_state(self._create_unit(floor, 1), "available")
            self.env.flush_all()
            for url in urls:
                query_count = self.cr.sql_log_count
                self.url_open(url)
                counts.setdefault(url, []).append(self.cr.sql_log_count - query_count)
        for url, (small, large) in counts.items():
            self.assertEqual(small, large, url)
            self.assertLessEqual(large, 15, url)

    def test_chinese_browser_gets_chinese_page(self):
        """The frontend follows the browser's language: a Chinese browser is served the zh_CN page."""
        self.env["res.lang"]._activate_lang("zh_CN")
        response = self.url_open(f"/realty/{self.project.id}", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(urlparse(response.url).path.startswith("/zh_CN/realty/"), response.url)
        self.assertIn('"bundle_params": {"lang": "zh_CN"}', response.text)  # the page was rendered in zh_CN

    def test_images_of_published_records_only(self):
        pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        (self.layout_2br | self.unpublished_layout).write({"image_1920": pixel})
        floorplan = self.env["realty.layout.image"].create(
            {"layout_id": self.layout_2br.id, "name": "Plan", "image_1920": pixel}
        )
        gallery = self.env["realty.project.image"].create(
            {"project_id": self.hidden_project.id, "name": "Secret view", "image_1920": pixel}
        )
        served = set()
        for url in (
            f"/web/image/realty.layout/{self.layout_2br.id}/image_512",
            f"/web/image/realty.layout.image/{floorplan.id}/image_1024",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            served.add(response.content)
        self.assertEqual(len(served), 1)  # the pixel itself
        for url in (
            f"/web/image/realty.layout/{self.unpublished_layout.id}/image_512",
            f"/web/image/realty.project.image/{gallery.id}/image_1024",
            f"/web/content/realty.layout/{self.layout_2br.id}/description",  # not an image field
        ):
            response = self.url_open(url)
            self.assertNotIn(response.content, served, url)  # a placeholder or an error, never the image
            self.assertNotIn("Secret", response.text)

    def test_visitors_read_published_records_only(self):
        """What the pages read, they read as the visitor: the record rules decide, for an anonymous visitor and for a
        portal user calling the ORM directly (JSON-RPC) alike."""
        portal_user = new_test_user(self.env, login="curious", groups="base.group_portal")
        projects = self.project | self.hidden_project
        layouts = self.layout_2br | self.layout_3br | self.hidden_layout | self.unpublished_layout
        for user in (self.env.ref("base.public_user"), portal_user):
            env = self.env(user=user)
            self.assertEqual(env["realty.project"].search([("id", "in", projects.ids)]), self.project, user.login)
            self.assertEqual(
                env["realty.layout"].search([("id", "in", layouts.ids)]), self.layout_2br | self.layout_3br, user.login
            )
            with self.assertRaises(AccessError):
                env["realty.project"].browse(self.hidden_project.id).read(["name"])
            with self.assertRaises(AccessError):
                env["realty.layout"].browse(self.layout_2br.id).write({"name": "Mine"})
            with self.assertRaises(AccessError):
                env["realty.project"].browse(self.project.id).write({"is_published": False})
            for model in (
                "realty.unit",
                "realty.payment.plan",
                "crm.lead",
                "realty.building",
                "realty.layout.category",
            ):
                with self.assertRaises(AccessError, msg=model):
                    env[model].search([])

    def test_publish_is_for_managers(self):
        project = self.hidden_project
        with self.assertRaises(AccessError):
            project.with_user(self.salesperson).action_publish()
        project.with_user(self.manager).action_publish()
        self.assertTrue(project.is_published)
        self._get(f"/realty/{project.id}")
        self.hidden_layout.with_user(self.manager).action_unpublish()
        self._get(f"/realty/layout/{self.hidden_layout.id}", 404)


@tagged("post_install", "-at_install")
class TestShowcaseCompare(ShowcaseCase):
    """The comparison table: facts side by side, differences marked, payment estimates from the plan engine."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["realty.payment.plan"].create(
            {
                "name": "Mortgage Thirty",
                "kind": "mortgage",
                "down_payment_rate": 30.0,
                "line_ids": [(0, 0, {"name": "Down", "share": 30.0}), (0, 0, {"name": "Loan", "share": 70.0})],
            }
        )
        cls.plan_cash = cls.env["realty.payment.plan"].create(
            {"name": "Cash Once", "kind": "full", "line_ids": [(0, 0, {"name": "All", "share": 100.0})]}
        )

    def test_compare_table(self):
        html = self._get(f"/realty/compare?ids={self.layout_2br.id},{self.layout_3br.id},{self.hidden_layout.id}")
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        self.assertIn("80.9 %", text)  # efficiency: inner / gross = 72 / 89
        self.assertIn("81.7 %", text)  # 98 / 120
        self.assertNotIn("Hidden A", text)  # unpublished project: not compared
        self.assertIn("o_realty_differs", html)
        company = self.env.company
        down = 2_000_000 * 0.3
        monthly = annuity(2_000_000 - down, company.realty_mortgage_rate, company.realty_loan_years)
        self.assertIn(f"Mortgage Thirty Down payment / monthly 60 10k / {monthly:,.0f}", text)
        self.assertIn("Cash Once Down payment / monthly 200 10k / –", text)  # nothing monthly: a dash, not 0
        self.assertNoPrivateData(html)

    def test_compare_needs_two(self):
        html = self._get(f"/realty/compare?ids={self.layout_2br.id}")
        self.assertIn("Add 2 to 4 layouts", html)
        self.assertNotIn("o_realty_compare_table", html)


@tagged("post_install", "-at_install")
class TestShowcaseContact(ShowcaseCase):
    """The contact form: a lead with the layout and the portal source; bad input refused; CSRF required."""

    def _post(self, data, csrf=True):
        if csrf:
            html = self._get(f"/realty/layout/{self.layout_2br.id}")
            data = {**data, "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)}
        return self.url_open(f"/realty/layout/{self.layout_2br.id}/contact", data=data, allow_redirects=False)

    def _leads(self):
        return self.env["crm.lead"].search([("source_id", "=", self.env.ref("realty_portal.utm_source_portal").id)])

    def test_good_input_creates_lead(self):
        response = self._post({"name": "Li Lei", "phone": "138 0000 1234", "email": "li@example.com", "message": "Hi"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(urlparse(response.headers["Location"]).query, "sent=1")
        lead = self._leads()
        self.assertEqual(len(lead), 1)
        self.assertEqual(
            (lead.contact_name, lead.phone, lead.email_from), ("Li Lei", "138 0000 1234", "li@example.com")
        )
        self.assertEqual(lead.realty_project_id, self.project)
        self.assertEqual(lead.realty_layout_id, self.layout_2br)
        self.assertIn(f"id {self.layout_2br.id}", lead.description)
        self.assertIn("B", lead.name)

    def test_bad_input_refused_with_messages(self):
        response = self._post({"name": "", "phone": "12ab", "email": "not-an-email", "message": "x" * 1001})
        self.assertEqual(response.status_code, 400)
        for message in (
            "Please enter your name.",
            "Please enter a valid phone number",
            "Please enter a valid email address",
            "at most 1000 characters",
        ):
            self.assertIn(message, response.text)
        self.assertFalse(self._leads())

    def test_csrf_required(self):
        response = self._post({"name": "Li Lei", "phone": "13800001234"}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._leads())

    def test_unpublished_layout_refused(self):
        html = self._get(f"/realty/layout/{self.layout_2br.id}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        response = self.url_open(
            f"/realty/layout/{self.unpublished_layout.id}/contact",
            data={"name": "Li", "phone": "13800001234", "csrf_token": token},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._leads())
