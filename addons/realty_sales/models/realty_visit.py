from odoo import fields, models


class RealtyVisit(models.Model):
    """A visit to the sales office (来访登记)."""

    _name = "realty.visit"
    _description = "Sales Office Visit"
    _order = "date desc, id desc"

    lead_id = fields.Many2one("crm.lead", "Lead", required=True, index=True, ondelete="cascade")
    date = fields.Datetime("Visited On", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", "Received By", required=True, default=lambda self: self.env.user)
    project_id = fields.Many2one("realty.project", "Project")
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
    company_id = fields.Many2one(related="lead_id.company_id", store=True, index=True)

    _visitors_positive = models.Constraint("CHECK(visitors > 0)", "A visit has at least one visitor.")
