from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, models
from odoo.tools import SQL
from odoo.tools.sql import create_index

from .realty_daily_report import FIGURE_FIELDS
from odoo.addons.realty_finance.models.account_payment_receipt import RECEIVED_STATES
from odoo.addons.realty_finance.models.realty_installment_billing import BILLABLE_CONTRACT_STATES

DEFAULT_TZ = "Asia/Shanghai"
# reservations that reserved their unit at date_reservation (a draft one with a date was rejected or reset)
RESERVED_STATES = ("confirmed", "converted", "cancelled", "expired")
SIGNED_CONTRACT_STATES = ("signed", "registered", "delivered", "terminated")
# what a snapshot records besides its figures
SNAPSHOT_FIELDS = ("line_ids", "computed_at", "computed_by_id")
ZERO_FIGURES = dict.fromkeys((name for name in FIGURE_FIELDS if name not in SNAPSHOT_FIELDS), 0)


class RealtyDailyReport(models.Model):
    """How a daily log's figures are counted, for project P and day D (D's bounds in the company's time zone:
    its partner's tz, else Asia/Shanghai). Each group of figures is one SQL query, whatever the data size.

    - leads_new: crm.lead with realty_project_id = P created on D (archived and lost ones included).
    - customers_new: customers whose first reservation in the company (by date_reservation) is on D, at P.
    - visits_first / visits_repeat: visits of P on D that are the lead's first visit to P, or a later one;
      visitors: the people who came (the sum of the visits' visitor counts).
    - reservations_*: reservations of P that reserved their unit on D (date_reservation; when a discount needs
      approval, the day it was requested), still live or released since, except those released while waiting
      for an approval they never got; area = the units' gross area, amount = agreed price.
      reservations_cancelled / _expired: reservations that had reserved their unit and were cancelled / ran
      out on D (date_closed).
    - contracts_*: contracts of P signed on D (date_signed), terminated since included; unit price = amount / area.
      contracts_terminated: contracts terminated on D (termination_date).
    - received_amount: posted inbound customer payments for P's contracts or reservations dated D (company
      currency), with one breakdown line per receipt method.
    - overdue_amount: what was open at the end of D on the posted installment invoices of P's contracts that fell
      due on D or before: each invoice's receivable less what was reconciled with it up to D (the reconciliation's
      date, so a later payment does not clear a past day); contracts terminated after D still count.
    - units_*: P's units at the end of D (units_total counts the ones not released yet too). For yesterday (a log
      is made once its day is over), their current states (exact when the cron runs after midnight);
      for an earlier day, sold (contracted or delivered) and reserved are rebuilt from the contracts' signing and
      termination dates and the reservations' dates, while "held" and "not released" use the units' current
      states (no history is kept of them): an approximation. A unit pending a discount approval counts as reserved.
    - advertising: one breakdown line per (source, medium, campaign) with a lead created, a visit, a deal
      (contract signed on D whose reservation's lead has that utm) or a spend (realty.ad.spend) on D;
      ad_spend = the day's total spend. Leads without any utm are counted in leads_new only.
    """

    _inherit = "realty.daily.report"

    # ------------------------------------------------------------------
    # SNAPSHOT
    # ------------------------------------------------------------------

    # the day's records of one project, in the tables the snapshot reads: on millions of leads and payments a
    # project-day stays an index range scan
    _SNAPSHOT_INDEXES = (
        ("crm_lead_realty_project_create_date_index", "crm_lead", ["realty_project_id", "create_date"]),
        ("realty_visit_project_date_index", "realty_visit", ["project_id", "date"]),
        ("account_payment_realty_project_date_index", "account_payment", ["realty_project_id", "date"]),
        ("realty_reservation_project_date_index", "realty_reservation", ["project_id", "date_reservation"]),
    )

    def init(self):
        super().init()
        for name, table, columns in self._SNAPSHOT_INDEXES:
            create_index(self.env.cr, name, table, columns, where=f"{columns[0]} IS NOT NULL")

    @api.model
    def _snapshot_values(self, project, day):
        """The figures of ``project`` on ``day`` with their breakdown lines (as a ``line_ids`` command list)."""
        bounds = self._day_bounds(project.company_id, day)
        channels = defaultdict(lambda: {"leads": 0, "visits": 0, "deals": 0, "amount": 0.0})
        values = dict(ZERO_FIGURES)
        values |= self._lead_figures(project, bounds, channels)
        values |= self._customer_figures(project, bounds)
        values |= self._visit_figures(project, bounds, channels)
        values |= self._reservation_figures(project, bounds)
        values |= self._contract_figures(project, day, channels)
        values |= self._overdue_figures(project, day)
        values |= self._unit_figures(project, day, bounds)
        values |= self._ad_spend_figures(project, day, channels)
        method_lines, received = self._received_lines(project, day)
        values["received_amount"] = received
        values["line_ids"] = [Command.clear()] + [
            Command.create(line) for line in method_lines + self._channel_lines(channels)
        ]
        return values

    @api.model
    def _company_tz(self, company):
        return pytz.timezone(company.partner_id.tz or DEFAULT_TZ)

    @api.model
    def _company_today(self, company):
        return datetime.now(pytz.utc).astimezone(self._company_tz(company)).date()

    @api.model
    def _day_bounds(self, company, day):
        """[start, end) of ``day`` in the company's time zone, as naive UTC datetimes (how Odoo stores them)."""
        tz = self._company_tz(company)
        start, end = (
            tz.localize(datetime.combine(day + timedelta(days=offset), time.min)).astimezone(pytz.utc)
            for offset in (0, 1)
        )
        return start.replace(tzinfo=None), end.replace(tzinfo=None)

    def _query(self, query):
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    # ------------------------------------------------------------------
    # FIGURES (one query each)
    # ------------------------------------------------------------------

    @api.model
    def _lead_figures(self, project, bounds, channels):
        self.env["crm.lead"].flush_model(["realty_project_id", "create_date", "source_id", "medium_id", "campaign_id"])
        rows = self._query(
            SQL(
                """SELECT source_id, medium_id, campaign_id, count(*) FROM crm_lead
                    WHERE realty_project_id = %s AND create_date >= %s AND create_date < %s
                    GROUP BY source_id, medium_id, campaign_id""",
                project.id,
                *bounds,
            )
        )
        for *key, count in rows:
            channels[tuple(key)]["leads"] += count
        return {"leads_new": sum(row[3] for row in rows)}

    @api.model
    def _customer_figures(self, project, bounds):
        self.env["realty.reservation"].flush_model(["partner_id", "company_id", "project_id", "date_reservation"])
        [(count,)] = self._query(
            SQL(
                """SELECT count(DISTINCT r.partner_id) FROM realty_reservation r
                    WHERE r.project_id = %(project)s AND r.date_reservation >= %(start)s
                      AND r.date_reservation < %(end)s
                      AND NOT EXISTS (SELECT 1 FROM realty_reservation earlier
                                       WHERE earlier.partner_id = r.partner_id
                                         AND earlier.company_id = r.company_id
                                         AND earlier.date_reservation < %(start)s)""",
                project=project.id,
                start=bounds[0],
                end=bounds[1],
            )
        )
        return {"customers_new": count}

    @api.model
    def _visit_figures(self, project, bounds, channels):
        self.env["realty.visit"].flush_model(["lead_id", "project_id", "date", "visitors"])
        self.env["crm.lead"].flush_model(["source_id", "medium_id", "campaign_id"])
        rows = self._query(
            SQL(
                """SELECT lead.source_id, lead.medium_id, lead.campaign_id,
                          NOT EXISTS (SELECT 1 FROM realty_visit earlier
                                       WHERE earlier.lead_id = visit.lead_id
                                         AND earlier.project_id = visit.project_id
                                         AND (earlier.date, earlier.id) < (visit.date, visit.id)) AS first,
                          count(*), sum(visit.visitors)
                     FROM realty_visit visit JOIN crm_lead lead ON lead.id = visit.lead_id
                    WHERE visit.project_id = %s AND visit.date >= %s AND visit.date < %s
                    GROUP BY 1, 2, 3, 4""",
                project.id,
                *bounds,
            )
        )
        values = {"visits_first": 0, "visits_repeat": 0, "visitors": 0}
        for source, medium, campaign, first, count, visitors in rows:
            values["visits_first" if first else "visits_repeat"] += count
            values["visitors"] += visitors
            channels[source, medium, campaign]["visits"] += count
        return values

    @api.model
    def _reservation_figures(self, project, bounds):
        self.env["realty.reservation"].flush_model()
        self.env["realty.unit"].flush_model(["gross_area"])
        reserved = SQL(
            """r.date_reservation >= %(start)s AND r.date_reservation < %(end)s AND r.state IN %(states)s
               AND NOT (r.state IN ('cancelled', 'expired') AND r.approver_id IS NULL
                        AND COALESCE(r.discount, 0) > COALESCE(company.realty_discount_limit, 0))""",
            start=bounds[0],
            end=bounds[1],
            states=RESERVED_STATES,
        )

        def closed(state):
            return SQL(
                "r.date_reservation IS NOT NULL AND r.date_closed >= %s AND r.date_closed < %s AND r.state = %s",
                *bounds,
                state,
            )

        [row] = self._query(
            SQL(
                """SELECT count(*) FILTER (WHERE %(reserved)s),
                          COALESCE(sum(unit.gross_area) FILTER (WHERE %(reserved)s), 0),
                          COALESCE(sum(r.price) FILTER (WHERE %(reserved)s), 0),
                          count(*) FILTER (WHERE %(cancelled)s),
                          count(*) FILTER (WHERE %(expired)s)
                     FROM realty_reservation r
                     JOIN realty_unit unit ON unit.id = r.unit_id
                     JOIN res_company company ON company.id = r.company_id
                    WHERE r.project_id = %(project)s""",
                reserved=reserved,
                cancelled=closed("cancelled"),
                expired=closed("expired"),
                project=project.id,
            )
        )
        names = ("reservations_count", "reservations_area", "reservations_amount")
        names += ("reservations_cancelled", "reservations_expired")
        return dict(zip(names, row, strict=True))

    @api.model
    def _contract_figures(self, project, day, channels):
        self.env["realty.contract"].flush_model()
        self.env["realty.reservation"].flush_model(["lead_id"])
        rows = self._query(
            SQL(
                """SELECT lead.source_id, lead.medium_id, lead.campaign_id,
                          count(*) FILTER (WHERE c.date_signed = %(day)s AND c.state IN %(signed)s),
                          COALESCE(sum(c.gross_area) FILTER (WHERE c.date_signed = %(day)s AND c.state IN %(signed)s), 0),
                          COALESCE(sum(c.price) FILTER (WHERE c.date_signed = %(day)s AND c.state IN %(signed)s), 0),
                          count(*) FILTER (WHERE c.termination_date = %(day)s AND c.state = 'terminated')
                     FROM realty_contract c
                     JOIN realty_reservation r ON r.id = c.reservation_id
                     LEFT JOIN crm_lead lead ON lead.id = r.lead_id
                    WHERE c.project_id = %(project)s AND (c.date_signed = %(day)s OR c.termination_date = %(day)s)
                    GROUP BY 1, 2, 3""",
                day=day,
                signed=SIGNED_CONTRACT_STATES,
                project=project.id,
            )
        )
        values = {"contracts_count": 0, "contracts_area": 0.0, "contracts_amount": 0.0, "contracts_terminated": 0}
        for source, medium, campaign, count, area, amount, terminated in rows:
            values["contracts_count"] += count
            values["contracts_area"] += area
            values["contracts_amount"] += amount
            values["contracts_terminated"] += terminated
            if count:
                channels[source, medium, campaign]["deals"] += count
        area = values["contracts_area"]
        values["contracts_unit_price"] = project.currency_id.round(values["contracts_amount"] / area if area else 0.0)
        return values

    @api.model
    def _received_lines(self, project, day):
        """(breakdown lines per receipt method, total received)."""
        self.env["account.payment"].flush_model()
        rows = self._query(
            SQL(
                """SELECT realty_method, sum(amount_company_currency_signed) FROM account_payment
                    WHERE realty_project_id = %s AND date = %s AND state IN %s
                      AND payment_type = 'inbound' AND partner_type = 'customer'
                    GROUP BY realty_method""",
                project.id,
                day,
                RECEIVED_STATES,
            )
        )
        lines = [{"kind": "method", "method": method, "amount": amount} for method, amount in rows]
        return lines, sum(amount for __, amount in rows)

    @api.model
    def _overdue_figures(self, project, day):
        for model in ("realty.installment", "realty.contract", "account.move", "account.move.line"):
            self.env[model].flush_model()
        self.env["account.partial.reconcile"].flush_model()
        [(amount,)] = self._query(
            SQL(
                """SELECT COALESCE(sum(line.balance - COALESCE(
                              (SELECT sum(partial.amount) FROM account_partial_reconcile partial
                                WHERE partial.debit_move_id = line.id AND partial.max_date <= %(day)s), 0)), 0)
                     FROM realty_installment installment
                     JOIN realty_contract c ON c.id = installment.contract_id
                     JOIN account_move invoice ON invoice.id = installment.move_id
                     JOIN account_move_line line ON line.move_id = invoice.id AND line.display_type = 'payment_term'
                    WHERE c.project_id = %(project)s AND installment.date_due <= %(day)s
                      AND invoice.state = 'posted' AND invoice.date <= %(day)s
                      AND (c.state IN %(live)s OR (c.state = 'terminated' AND c.termination_date > %(day)s))""",
                day=day,
                project=project.id,
                live=BILLABLE_CONTRACT_STATES,
            )
        )
        return {"overdue_amount": amount}

    @api.model
    def _unit_figures(self, project, day, bounds):
        self.env["realty.unit"].flush_model(["project_id", "state"])
        if day >= self._company_today(project.company_id) - timedelta(days=1):
            state = SQL("unit.state")
        else:
            state = self._unit_state_on(day, bounds)
        rows = self._query(
            SQL(
                "SELECT %s, count(*) FROM realty_unit unit WHERE unit.project_id = %s AND unit.create_date < %s "
                "GROUP BY 1",
                state,
                project.id,
                bounds[1],
            )
        )
        counts = dict(rows)
        return {
            "units_total": sum(counts.values()),
            "units_available": counts.get("available", 0),
            "units_held": counts.get("held", 0),
            "units_reserved": counts.get("reserved", 0) + counts.get("pending", 0),
            "units_sold": counts.get("contracted", 0) + counts.get("delivered", 0),
        }

    @api.model
    def _unit_state_on(self, day, bounds):
        """A unit's state at the end of a past ``day``, rebuilt from its contracts and reservations."""
        self.env["realty.contract"].flush_model()
        self.env["realty.reservation"].flush_model()
        return SQL(
            """CASE
                 WHEN EXISTS (SELECT 1 FROM realty_contract c WHERE c.unit_id = unit.id AND c.date_signed <= %(day)s
                                 AND (c.termination_date IS NULL OR c.termination_date > %(day)s)
                                 AND c.state IN %(signed)s) THEN 'contracted'
                 WHEN EXISTS (SELECT 1 FROM realty_reservation r WHERE r.unit_id = unit.id
                                 AND r.date_reservation < %(end)s
                                 AND NOT COALESCE(%(closed)s >= r.date_reservation AND %(closed)s < %(end)s, FALSE)
                                 AND NOT EXISTS (SELECT 1 FROM realty_contract c WHERE c.reservation_id = r.id
                                                    AND c.date_signed <= %(day)s))
                      THEN 'reserved'
                 WHEN unit.state IN ('draft', 'held') THEN unit.state
                 ELSE 'available'
               END""",
            day=day,
            end=bounds[1],
            signed=SIGNED_CONTRACT_STATES,
            # released before date_closed was recorded: their last change
            closed=SQL("COALESCE(r.date_closed, CASE WHEN r.state IN ('cancelled', 'expired') THEN r.write_date END)"),
        )

    @api.model
    def _ad_spend_figures(self, project, day, channels):
        self.env["realty.ad.spend"].flush_model()
        rows = self._query(
            SQL(
                """SELECT source_id, medium_id, campaign_id, sum(amount) FROM realty_ad_spend
                    WHERE project_id = %s AND date = %s GROUP BY 1, 2, 3""",
                project.id,
                day,
            )
        )
        for *key, amount in rows:
            channels[tuple(key)]["amount"] += amount
        return {"ad_spend": sum(row[3] for row in rows)}

    @api.model
    def _channel_lines(self, channels):
        return [
            {"kind": "channel", "source_id": source, "medium_id": medium, "campaign_id": campaign, **figures}
            for (source, medium, campaign), figures in channels.items()
            if source or medium or campaign
        ]
