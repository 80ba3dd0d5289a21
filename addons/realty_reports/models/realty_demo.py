import random
from datetime import datetime, time, timedelta
from functools import partial

import pytz

from odoo import SUPERUSER_ID, api, fields, models

from odoo.addons.realty_contract.models.realty_buyer_identity_mixin import id_card_check_digit

HISTORY_DAYS = 90
# channel → (source, medium, campaign, share of the leads, spend per day in yuan: (low, high), or None)
DEMO_CHANNELS = {
    "douyin": ("demo_source_douyin", "demo_medium_online", "demo_campaign_opening", 4, (3000, 8000)),
    "wechat": ("demo_source_wechat", "demo_medium_online", "demo_campaign_national_day", 3, (1500, 5000)),
    "anjuke": ("demo_source_anjuke", "demo_medium_online", "demo_campaign_opening", 3, (1000, 3000)),
    "billboard": ("demo_source_billboard", "demo_medium_outdoor", "demo_campaign_opening", 1, (2000, 2000)),
    "referral": ("demo_source_referral", "demo_medium_word", "demo_campaign_referral", 2, None),
}
DEMO_SALESPEOPLE = ("demo_user_wangli", "demo_user_liuyang", "demo_user_zhaomin")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN_NAMES = (
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
)
# what became of a deal (a visitor who reserved), in the order the deals come
DEMO_OUTCOMES = ("contract",) * 6 + ("cancelled", "contract", "contract", "expired", "confirmed")
PLANS = ("realty_sales.demo_plan_full", "realty_sales.demo_plan_installment", "realty_sales.demo_plan_mortgage")


class RealtyDemo(models.AbstractModel):
    _inherit = "realty.demo"

    @api.model
    def _realty_reports_demo(self):
        """The sales office's last 90 days, so that every report shows something real: leads through each
        advertising channel, first and repeat visits, reservations (some cancelled or expired), contracts signed and
        paid (deposits, billing and payments played day by day as the crons and the cashier did them), the
        advertising spend of each day; then the daily log of each of those days, as the nightly cron made them."""
        project = self.env.ref("realty_base.demo_project_cuihu", raise_if_not_found=False)
        if not project or not self.env.ref("realty_reports.demo_user_wangli", raise_if_not_found=False):
            return  # installed without demo data
        demo = self.with_env(self._finance_env())
        rng = random.Random(HISTORY_DAYS)
        today = fields.Date.context_today(demo)
        days = [today - timedelta(days=offset) for offset in range(HISTORY_DAYS, 0, -1)]
        demo._demo_reports_units_on_sale_since(project, days[0] - timedelta(days=30))
        leads = demo._demo_reports_leads(project, days, rng)
        demo._demo_reports_visits(leads, rng)
        history = []
        demo._demo_reports_deals(project, leads, rng, history, today)
        for _date, _order, step in sorted(history, key=lambda event: event[:2]):
            step()
        demo._demo_reports_spend(project, days, rng)
        reports = demo.env["realty.daily.report"]
        for day in days:
            reports._make(project, day)
        # today's reminders of what fell overdue in those 90 days, as the daily dunning cron sends them
        demo.env["realty.dunning.log"].with_user(SUPERUSER_ID)._cron_send_reminders()  # in the office's language

    # ------------------------------------------------------------------
    # THE 90 DAYS
    # ------------------------------------------------------------------

    @api.model
    def _demo_reports_units_on_sale_since(self, project, day):
        """The project's units existed before the 90 days (a past day's stock counts the units created by then)."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE realty_unit SET create_date = %s WHERE project_id = %s AND create_date > %s",
            (day, project.id, day),
        )
        self.env["realty.unit"].invalidate_model(["create_date"])

    @api.model
    def _demo_reports_leads(self, project, days, rng):
        """2 to 6 enquiries a day (more at weekends), each through one channel, to one of the salespeople."""
        salespeople = [self.env.ref(f"realty_reports.{xml_id}") for xml_id in DEMO_SALESPEOPLE]
        channels = [channel for channel, spec in DEMO_CHANNELS.items() for _share in range(spec[3])]
        values, created = [], []
        for day in days:
            for _index in range(rng.randint(2, 4) + (2 if day.weekday() >= 5 else 0)):
                source, medium, campaign, _share, _spend = DEMO_CHANNELS[rng.choice(channels)]
                name = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
                values.append(
                    {
                        "name": self.env._("%(name)s: enquiry about %(project)s", name=name, project=project.name),
                        "type": "opportunity",
                        "contact_name": name,
                        "phone": f"13{rng.randint(100000000, 999999999)}",
                        "user_id": rng.choice(salespeople).id,
                        "realty_project_id": project.id,
                        "is_realty": True,
                        "source_id": self.env.ref(f"realty_reports.{source}").id,
                        "medium_id": self.env.ref(f"realty_reports.{medium}").id,
                        "campaign_id": self.env.ref(f"realty_reports.{campaign}").id,
                        "bedrooms_wanted": rng.choice((2, 3, 3, 4)),
                    }
                )
                created.append(self._demo_moment(day, rng))
        leads = self.env["crm.lead"].with_context(mail_create_nolog=True).create(values)
        for lead, moment in zip(leads, created, strict=True):
            self.env.cr.execute("UPDATE crm_lead SET create_date = %s WHERE id = %s", (moment, lead.id))
        leads.invalidate_recordset(["create_date"])
        return leads

    @api.model
    def _demo_reports_visits(self, leads, rng):
        """Two visitors in three come to the sales office within a week of their enquiry; one in four comes back."""
        today = fields.Date.context_today(self)
        values = []
        for lead in leads:
            enquiry = lead.create_date.date()
            if rng.random() > 0.66:
                continue
            first = enquiry + timedelta(days=rng.randint(0, 6))
            visits = [first] + ([first + timedelta(days=rng.randint(2, 10))] if rng.random() < 0.25 else [])
            for day in visits:
                if day < today:
                    values.append(
                        {
                            "lead_id": lead.id,
                            "project_id": lead.realty_project_id.id,
                            "user_id": lead.user_id.id,
                            "date": self._demo_moment(day, rng),
                            "visitors": rng.choice((1, 2, 2, 3)),
                            "channel": "walk_in",
                        }
                    )
        self.env["realty.visit"].create(values)

    @api.model
    def _demo_reports_deals(self, project, leads, rng, history, today):
        """One visitor in six reserves a unit a few days after the first visit; most of them sign."""
        units = self.env["realty.unit"].search(
            [("project_id", "=", project.id), ("state", "=", "available")], order="building_id, floor desc, position"
        )
        units = list(units)
        rng.shuffle(units)
        visited = leads.filtered("visit_ids").sorted(lambda lead: min(lead.visit_ids.mapped("date")))
        deals = [lead for index, lead in enumerate(visited) if index % 6 == 3]
        for index, lead in enumerate(deals[: len(units)]):
            reserved = min(lead.visit_ids.mapped("date")).date() + timedelta(days=rng.randint(0, 3))
            outcome = DEMO_OUTCOMES[index % len(DEMO_OUTCOMES)]
            signed = reserved + timedelta(days=rng.randint(2, 7))
            if reserved >= today or (outcome == "contract" and signed >= today):
                outcome = "confirmed" if reserved < today else None
            if outcome:
                reservation = self._demo_reports_reservation(lead, units.pop(), rng)
                getattr(self, f"_demo_reports_{outcome}")(reservation, reserved, signed, rng, history, today)

    @api.model
    def _demo_reports_reservation(self, lead, unit, rng):
        partner = self.env["res.partner"].create({"name": lead.contact_name, "phone": lead.phone})
        lead.partner_id = partner
        reservation = self.env["realty.reservation"].create(
            {
                "unit_id": unit.id,
                "partner_id": partner.id,
                "user_id": lead.user_id.id,
                "lead_id": lead.id,
                "payment_plan_id": self.env.ref(rng.choice(PLANS)).id,
                "deposit_amount": 50000,
            }
        )
        reservation.action_confirm()
        return reservation

    @api.model
    def _demo_reports_contract(self, reservation, reserved, signed, rng, history, today):
        contract = self.env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
        id_prefix = f"330106{1970 + rng.randint(0, 30)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
        contract.buyer_ids.write({"id_number": id_prefix + id_card_check_digit(id_prefix)})
        contract.action_sign()
        self._demo_backdate(contract, (today - signed).days)
        self._demo_set_reserved(reservation, reserved, rng)
        payments = [payment for payment in self._demo_first_payment(contract, rng.randint(0, 4)) if payment[0] < today]
        self._demo_history(history, contract, payments)

    @api.model
    def _demo_reports_confirmed(self, reservation, reserved, signed, rng, history, today):
        self._demo_set_reserved(reservation, reserved, rng)
        history.append((reserved, 0, partial(self._demo_receive, reservation, reserved, "pos")))

    @api.model
    def _demo_reports_cancelled(self, reservation, reserved, signed, rng, history, today):
        reservation.action_cancel()
        self._demo_set_reserved(reservation, reserved, rng, closed=min(signed, today - timedelta(days=1)))

    @api.model
    def _demo_reports_expired(self, reservation, reserved, signed, rng, history, today):
        reservation._release("expired")
        self._demo_set_reserved(reservation, reserved, rng, closed=min(signed, today - timedelta(days=1)))

    @api.model
    def _demo_reports_spend(self, project, days, rng):
        values = []
        for day in days:
            for source, medium, campaign, _share, spend in DEMO_CHANNELS.values():
                if spend and (spend[0] != spend[1] or day.weekday() == 0):  # the billboard is paid on Mondays
                    values.append(
                        {
                            "date": day,
                            "project_id": project.id,
                            "source_id": self.env.ref(f"realty_reports.{source}").id,
                            "medium_id": self.env.ref(f"realty_reports.{medium}").id,
                            "campaign_id": self.env.ref(f"realty_reports.{campaign}").id,
                            "amount": rng.randrange(spend[0], spend[1] + 1, 100),
                        }
                    )
        self.env["realty.ad.spend"].create(values)

    # ------------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------------

    @api.model
    def _demo_moment(self, day, rng):
        """A moment of office hours (09:00–18:00 in Shanghai) on ``day``, as the naive UTC datetime Odoo stores."""
        local = datetime.combine(day, time(9)) + timedelta(minutes=rng.randint(0, 9 * 60 - 1))
        return pytz.timezone("Asia/Shanghai").localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _demo_set_reserved(self, reservation, reserved, rng, closed=None):
        values = {"date_reservation": self._demo_moment(reserved, rng)}
        if closed and "date_closed" in reservation._fields:
            values["date_closed"] = self._demo_moment(closed, rng)
        reservation._action_env().with_context(tracking_disable=True).write(values)
