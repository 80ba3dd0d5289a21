from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class RealtyReservation(models.Model):
    _inherit = "realty.reservation"

    contract_ids = fields.One2many("realty.contract", "reservation_id", "Contracts")
    contract_count = fields.Integer("Contract Count", compute="_compute_contract_count")

    def _compute_contract_count(self):
        counts = dict(
            self.env["realty.contract"]._read_group(
                [("reservation_id", "in", self.ids)], ["reservation_id"], ["__count"]
            )
        )
        for reservation in self:
            reservation.contract_count = counts.get(reservation._origin, 0)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_create_contract(self):
        """Draft the purchase contract of a confirmed reservation with its agreed terms; the reservation is
        converted (and keeps the unit taken until the contract is signed or cancelled)."""
        self.check_access("write")
        self._lock_rows()
        self._check_no_contract_yet()
        self._check_state("confirmed")
        contracts = (
            self.env["realty.contract"]
            ._action_env()
            .create([reservation._prepare_contract_values() for reservation in self])
        )
        self._action_env().write({"state": "converted"})
        return contracts.with_env(self.env)._get_form_action()

    def action_view_contracts(self):
        return self.contract_ids._get_form_action()

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _lock_rows(self):
        """Lock the reservations until the end of the transaction: of two Create Contract clicked at once (two tabs,
        two users), the second waits for the first, then finds the reservation converted instead of running into the
        unique index on live contracts. Nothing to reread: Odoo's cursor is REPEATABLE READ, so a row that another
        transaction changed since this one began makes the lock fail with a serialization error, and the request is
        retried. Nothing is flushed either: a flush here could write a new reservation of a unit before the
        cancellation of its old one (Odoo orders pending writes by the fields they change)."""
        if self.ids:
            self.env.cr.execute(
                SQL("SELECT id FROM realty_reservation WHERE id IN %s ORDER BY id FOR UPDATE", tuple(self.ids))
            )

    def _check_no_contract_yet(self):
        for reservation in self.filtered(lambda r: r.state == "converted"):
            contract = reservation.sudo().contract_ids.filtered(lambda c: c.state != "cancelled")[:1]
            raise UserError(
                self.env._(
                    "Reservation %(reservation)s already has its contract %(contract)s.",
                    reservation=reservation.name,
                    contract=contract.name or "",
                )
            )

    def _prepare_contract_values(self):
        """The contract's copy of the reservation's agreed terms and of the unit as it is now."""
        self.ensure_one()
        unit = self.unit_id
        return {
            "reservation_id": self.id,
            "unit_id": unit.id,
            "user_id": self.user_id.id,
            "payment_plan_id": self.payment_plan_id.id,
            "layout_id": unit.layout_id.id,
            "gross_area": unit.gross_area,
            "inner_area": unit.inner_area,
            "shared_area": unit.shared_area,
            "unit_price": unit.unit_price,
            "list_price": self.list_price,
            "plan_discount": self.plan_discount,
            "discount": self.discount,
            "price": self.price,
            "deposit_amount": self.deposit_amount,
            "buyer_ids": [Command.create(self._prepare_main_buyer_values())],
        }

    def _prepare_main_buyer_values(self):
        return {"partner_id": self.partner_id.id, "phone": self.partner_id.phone, "share": 100.0, "is_main": True}
