from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.realty_contract.tests.common import VALID_ID_CARD
from odoo.addons.realty_finance.tests.common import RealtyFinanceCase


def at(day):
    """10:00 in Shanghai on ``day`` (a 'MM-DD' of March 2025 or an 'YYYY-MM-DD'), as the naive UTC datetime stored."""
    day = day if len(day) > 5 else f"2025-{day}"
    return datetime.fromisoformat(f"{day} 02:00:00")


class RealtyAnalysesCase(RealtyFinanceCase):
    """March 2025 of a sales office, counted by hand, for the funnel, advertising and performance analyses.

    Campaign X (source A) brought L1, L2, L3; campaign Y (source B) brought L4, L5 (lost) and L6; all medium M.

    ====  ======  ===========  ===============  ================  ===============================
    lead  sales   created      visits           reservation       contract
    ====  ======  ===========  ===============  ================  ===============================
    L1    sp1     03-01        03-03, 03-08     03-06 (sp1)       signed 03-10, 2,000,000 (sp1)
    L2    sp1     03-02        03-02            03-05 (sp1)       —
    L3    sp2     03-01        —                —                 —
    L4    sp2     03-03        03-07 (by sp2)   —                 —
    L5    sp1     03-04        —                —                 —   (lost: archived)
    L6    sp2     03-04        —                03-07 (sp2)       —   (reserved without a logged visit)
    ====  ======  ===========  ===============  ================  ===============================

    sp2 also signs a contract without a lead on 03-09 (full payment: 1,960,000). Spend: X 1,000 on 03-01 and 2,000
    on 03-02; Y 600 on 03-03. Received: 300,000 on L1's contract on 03-12 and 100,000 on 04-02; L6's deposit
    50,000 on 03-08. Targets: sp1 March 4,000,000 / 2 contracts, April 1,000,000; sp2 March 980,000 / 1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.sp1 = cls.salesperson
        cls.sp2 = cls._create_realty_user("realty_sales_2", "realty_base.group_realty_salesperson")
        cls.source_a, cls.source_b = cls.env["utm.source"].create([{"name": "Source A"}, {"name": "Source B"}])
        cls.medium = cls.env["utm.medium"].create({"name": "Medium M"})
        cls.campaign_x, cls.campaign_y = cls.env["utm.campaign"].create([{"name": "X"}, {"name": "Y"}])
        x = (cls.source_a, cls.campaign_x)
        y = (cls.source_b, cls.campaign_y)
        cls.l1 = cls._lead("L1", cls.sp1, "03-01", *x)
        cls.l2 = cls._lead("L2", cls.sp1, "03-02", *x)
        cls.l3 = cls._lead("L3", cls.sp2, "03-01", *x)
        cls.l4 = cls._lead("L4", cls.sp2, "03-03", *y)
        cls.l5 = cls._lead("L5", cls.sp1, "03-04", *y)
        cls.l6 = cls._lead("L6", cls.sp2, "03-04", *y)
        cls.l5.action_archive()
        cls.plain_lead = cls.env["crm.lead"].create({"name": "Not a sales office lead", "user_id": cls.sp1.id})
        cls._visit(cls.l1, cls.sp1, "03-03")
        cls._visit(cls.l1, cls.sp1, "03-08")
        cls._visit(cls.l2, cls.sp1, "03-02")
        cls._visit(cls.l4, cls.sp2, "03-07")
        units = [cls.unit, cls._released_unit(2), cls._released_unit(1, floor=11), cls._released_unit(2, floor=11)]
        cls.reservation_l1 = cls._reserve(units[0], cls.sp1, "03-06", lead_id=cls.l1.id)
        cls.contract_l1 = cls._sign(cls.reservation_l1, cls.sp1, "03-10")
        cls.reservation_l2 = cls._reserve(units[1], cls.sp1, "03-05", lead_id=cls.l2.id)
        cls.reservation_l6 = cls._reserve(units[2], cls.sp2, "03-07", lead_id=cls.l6.id)
        reservation = cls._reserve(units[3], cls.sp2, "03-09", payment_plan_id=cls.plan_full.id)
        cls.contract_sp2 = cls._sign(reservation, cls.sp2, "03-09")
        cls.env["realty.ad.spend"].create(
            [
                cls._spend_values("03-01", 1000.0, *x),
                cls._spend_values("03-02", 2000.0, *x),
                cls._spend_values("03-03", 600.0, *y),
            ]
        )
        cls.targets = cls.env["realty.sales.target"].create(
            [
                {"user_id": cls.sp1.id, "month": "2025-03-01", "target_amount": 4000000.0, "target_contracts": 2},
                {"user_id": cls.sp1.id, "month": "2025-04-20", "target_amount": 1000000.0},
                {"user_id": cls.sp2.id, "month": "2025-03-01", "target_amount": 980000.0, "target_contracts": 1},
            ]
        )

    # ------------------------------------------------------------------
    # FIXTURES
    # ------------------------------------------------------------------

    @classmethod
    def _lead(cls, name, user, created, source, campaign):
        lead = cls.env["crm.lead"].create(
            {
                "name": name,
                "type": "opportunity",
                "is_realty": True,
                "realty_project_id": cls.project.id,
                "company_id": cls.company.id,
                "user_id": user.id,
                "source_id": source.id,
                "medium_id": cls.medium.id,
                "campaign_id": campaign.id,
            }
        )
        cls.env.flush_all()
        cls.env.cr.execute("UPDATE crm_lead SET create_date = %s WHERE id = %s", [at(created), lead.id])
        lead.invalidate_recordset(["create_date"])
        return lead

    @classmethod
    def _visit(cls, lead, user, day):
        return cls.env["realty.visit"].create(
            {"lead_id": lead.id, "project_id": cls.project.id, "user_id": user.id, "date": at(day)}
        )

    @classmethod
    def _released_unit(cls, position, floor=12):
        unit = cls._create_unit(floor, position)
        unit.action_release()
        return unit

    @classmethod
    def _reserve(cls, unit, user, day, **values):
        with freeze_time(at(day)):
            reservation = (
                cls.env["realty.reservation"]
                .with_user(user)
                .create(
                    {
                        "unit_id": unit.id,
                        "partner_id": cls.customer.id,
                        "payment_plan_id": cls.plan_mortgage.id,
                        "deposit_amount": 50000.0,
                        **values,
                    }
                )
            )
            reservation.action_confirm()
        return reservation

    @classmethod
    def _sign(cls, reservation, user, day):
        with freeze_time(at(day)):
            action = reservation.with_user(user).action_create_contract()
            contract = cls.env["realty.contract"].with_user(user).browse(action["res_id"])
            contract.buyer_ids.write({"id_number": VALID_ID_CARD})
            contract.action_sign()
        return contract.with_env(cls.env)

    @classmethod
    def _spend_values(cls, day, amount, source, campaign):
        return {
            "date": f"2025-{day}",
            "project_id": cls.project.id,
            "source_id": source.id,
            "medium_id": cls.medium.id,
            "campaign_id": campaign.id,
            "amount": amount,
        }

    def _receive_payments(self):
        """The money of the docstring, received by finance."""
        self._receive(self.contract_l1, 300000.0, date=date(2025, 3, 12))
        self._receive(self.contract_l1, 100000.0, date=date(2025, 4, 2))
        self._receive(self.reservation_l6, 50000.0, date=date(2025, 3, 8))

    @staticmethod
    def _by(groups, key):
        """formatted_read_group rows keyed by the id of their ``key`` group value."""
        return {(group[key][0] if group[key] else False): group for group in groups}
