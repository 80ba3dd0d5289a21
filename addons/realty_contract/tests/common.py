from odoo import Command

from odoo.addons.realty_sales.tests.common import RealtySalesCase

VALID_ID_CARD = "11010519491231002X"  # GB 11643 check digit X


class RealtyContractCase(RealtySalesCase):
    """RealtySalesCase plus helpers that take a unit from reservation to contract."""

    def _confirmed_reservation(self, unit=None, user=None, **values):
        reservation = self._reservation(unit=unit, user=user, **values)
        reservation.action_confirm()
        self.assertEqual(reservation.state, "confirmed")
        return reservation

    def _draft_contract(self, unit=None, user=None, **values):
        """A draft contract made by ``user`` (default: the salesperson) from a new confirmed reservation."""
        reservation = self._confirmed_reservation(unit=unit, user=user, **values)
        action = reservation.with_user(user or self.salesperson).action_create_contract()
        return self.env["realty.contract"].with_user(user or self.salesperson).browse(action["res_id"])

    def _signed_contract(self, unit=None, user=None, **values):
        contract = self._draft_contract(unit=unit, user=user, **values)
        contract.buyer_ids.write({"id_number": VALID_ID_CARD})
        contract.action_sign()
        return contract

    @staticmethod
    def _add_buyer_command(partner, share, id_number=VALID_ID_CARD, **values):
        return Command.create({"partner_id": partner.id, "share": share, "id_number": id_number, **values})
