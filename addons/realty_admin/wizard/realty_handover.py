from odoo import api, fields, models
from odoo.exceptions import UserError

OPEN_RESERVATION_STATES = ("draft", "to_approve", "confirmed")
OPEN_CONTRACT_STATES = ("draft", "signed", "registered")


class RealtyHandover(models.TransientModel):
    """活动交接: a leaving salesperson's open leads, reservations, contracts and activities go to a colleague of
    the same company, and the leaving user is deactivated, in one transaction."""

    _name = "realty.handover"
    _description = "Handover"

    user_id = fields.Many2one("res.users", "Leaving User", required=True, domain=[("share", "=", False)])
    receiver_id = fields.Many2one(
        "res.users",
        "Hand Over To",
        required=True,
        domain="[('share', '=', False), ('id', '!=', user_id)]",
    )
    lead_count = fields.Integer("Open Leads", compute="_compute_counts")
    reservation_count = fields.Integer("Open Reservations", compute="_compute_counts")
    contract_count = fields.Integer("Open Contracts", compute="_compute_counts")
    activity_count = fields.Integer("Open Activities", compute="_compute_counts")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        active_ids = self.env.context.get("active_ids") or []
        if "user_id" in fields_list and self.env.context.get("active_model") == "res.users" and len(active_ids) == 1:
            values["user_id"] = active_ids[0]
        return values

    @api.depends("user_id")
    def _compute_counts(self):
        for wizard in self:
            records = wizard._open_records()
            wizard.lead_count = len(records["crm.lead"])
            wizard.reservation_count = len(records["realty.reservation"])
            wizard.contract_count = len(records["realty.contract"])
            wizard.activity_count = len(records["mail.activity"])

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_handover(self):
        self.ensure_one()
        self._check_receiver()
        records = self._open_records()
        self._reassign(records)
        self.env["realty.access.log"]._log([self._prepare_access_log_values(records)])
        self._deactivate()
        return {"type": "ir.actions.act_window_close"}

    # ------------------------------------------------------------------
    # HOOKS
    # ------------------------------------------------------------------

    def _open_domains(self):
        """What is still open of the leaving user's work, per model."""
        user = self.user_id.id
        return {
            "crm.lead": [("user_id", "=", user), ("stage_id.is_won", "=", False)],
            "realty.reservation": [("user_id", "=", user), ("state", "in", OPEN_RESERVATION_STATES)],
            "realty.contract": [("user_id", "=", user), ("state", "in", OPEN_CONTRACT_STATES)],
            "mail.activity": [("user_id", "=", user)],
        }

    def _open_records(self):
        if not self.user_id:
            return {model: self.env[model] for model in self._open_domains()}
        return {model: self.env[model].search(domain) for model, domain in self._open_domains().items()}

    def _reassign(self, records):
        """One write per model. The salesperson of reservations and contracts is frozen once they are confirmed
        or signed: handing them over is one of the actions that may change it."""
        receiver = self.receiver_id.id
        records["crm.lead"].write({"user_id": receiver})  # a fresh dict each: crm.lead adds its own keys to it
        records["realty.reservation"]._action_env().write({"user_id": receiver})
        records["realty.contract"]._action_env().write({"user_id": receiver})
        records["mail.activity"].write({"user_id": receiver})

    def _deactivate(self):
        # sales_team archives the user's team memberships, which needs Sales / Administrator: the realty
        # administrator deactivates the user, the memberships follow as the system's consequence
        self.env["crm.team.member"].sudo().search([("user_id", "=", self.user_id.id)]).action_archive()
        self.user_id.action_archive()

    def _check_receiver(self):
        receiver, user = self.receiver_id, self.user_id
        if receiver == user:
            raise UserError(self.env._("Hand the work over to someone else than the leaving user."))
        if not receiver.active or not receiver.has_group("realty_base.group_realty_salesperson"):
            raise UserError(
                self.env._("%(receiver)s is not an active real estate salesperson.", receiver=receiver.name)
            )
        if user.company_id not in receiver.company_ids:
            raise UserError(
                self.env._(
                    "%(receiver)s does not work for %(company)s: hand over to a salesperson of the same company.",
                    receiver=receiver.name,
                    company=user.company_id.name,
                )
            )

    def _prepare_access_log_values(self, records):
        return {
            "kind": "handover",
            "user_id": self.user_id.id,
            "old_value": self.user_id.name,
            "new_value": self.receiver_id.name,
            "description": self.env._(
                "%(leads)s leads, %(reservations)s reservations, %(contracts)s contracts and %(activities)s "
                "activities handed over; the user is deactivated.",
                leads=len(records["crm.lead"]),
                reservations=len(records["realty.reservation"]),
                contracts=len(records["realty.contract"]),
                activities=len(records["mail.activity"]),
            ),
        }
