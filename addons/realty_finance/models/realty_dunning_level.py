from odoo import fields, models


class RealtyDunningLevel(models.Model):
    """A dunning level (催款级别): how many days after the due date (negative: before it) an open invoice of a
    contract gets this reminder. Each level is sent at most once per installment (see ``realty.dunning.log``)."""

    _name = "realty.dunning.level"
    _description = "Dunning Level"
    _order = "days, id"

    name = fields.Char("Level", required=True, translate=True)
    days = fields.Integer(
        "Days After Due Date", required=True, help="Negative: before the due date (-7 is a week before it)."
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        "Email Template",
        domain=[("model", "=", "realty.dunning.log")],
        help="The email to the customer. Empty: no email, only the salesperson's activity and the contract's note.",
    )
    active = fields.Boolean(default=True)

    _days_uniq = models.UniqueIndex("(days) WHERE active", "Another active level is sent on the same day.")

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _level_reached(self, date_due, today):
        """The last of these levels (sorted by days) that an invoice due on ``date_due`` has reached today."""
        reached = self.filtered(lambda level: (today - date_due).days >= level.days)
        return reached[-1:]
