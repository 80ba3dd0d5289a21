from odoo import api, fields, models


class RealtyVisit(models.Model):
    """A visit to the sales office (来访登记)."""

    _name = "realty.visit"
    _description = "Sales Office Visit"
    _order = "date desc, id desc"
    _check_company_auto = True

    lead_id = fields.Many2one("crm.lead", "Lead", required=True, index=True, ondelete="cascade", check_company=True)
    date = fields.Datetime("Visited On", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", "Received By", required=True, default=lambda self: self.env.user)
    project_id = fields.Many2one("realty.project", "Project", check_company=True)
    visitors = fields.Integer("Visitors", default=1)
    channel = fields.Selection(
        [
            ("walk_in", "Walk-in"),
            ("referral", "Referral"),
            ("online", "Online"),
            ("phone", "Phone"),
            ("agency", "Agency"),
            ("event", "Event"),
        ],
        "Source Channel",
    )
    note = fields.Text("Notes")
    company_id = fields.Many2one(
        "res.company",
        "Company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        required=True,
        index=True,
        help="The lead's company; for a lead shared by all companies, the project's, else the office's that logged it.",
    )

    _visitors_positive = models.Constraint("CHECK(visitors > 0)", "A visit has at least one visitor.")

    # ------------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------------

    # Fixed when the visit is logged (or moved to another lead or project), not when the lead later changes
    # company: depending on lead_id.company_id would cost every lead assignment a search for its visits.
    @api.depends("lead_id", "project_id")
    def _compute_company_id(self):
        for visit in self:
            visit.company_id = (
                visit.lead_id.company_id or visit.project_id.company_id or visit.company_id or self.env.company
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        result = super().write(vals)
        if {"lead_id", "user_id"} & vals.keys():
            # record rules judge a write by the record before it; the visit must stay one the user may edit
            # (a salesperson cannot move a visit onto a colleague's lead)
            self.check_access("write")
        return result
