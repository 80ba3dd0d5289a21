from odoo import api, models
from odoo.exceptions import UserError

from ..models.realty_reservation import LIVE_STATES


class RealtyReservationPrintMixin(models.AbstractModel):
    """What the documents handed to the buyer at reservation share: only a live reservation prints, amounts in words."""

    _name = "realty.reservation.print.mixin"
    _description = "Printed Reservation Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        reservations = self.env["realty.reservation"].browse(docids)
        self._check_printable(reservations)
        return {
            "doc_ids": docids,
            "doc_model": "realty.reservation",
            "docs": reservations,
            "amount_in_words": self._amount_in_words,
            **self._get_document_values(reservations),
        }

    @api.model
    def _get_document_values(self, reservations):
        """Hook: the values one document needs beyond the reservations themselves."""
        return {}

    @api.model
    def _check_printable(self, reservations):
        """Refuse a reservation that is not confirmed (or converted): a draft has nothing to hand over yet."""
        labels = dict(reservations._fields["state"]._description_selection(self.env))
        for reservation in reservations:
            if reservation.state not in LIVE_STATES:
                raise UserError(
                    self.env._(
                        "Reservation %(name)s is %(state)s: its agreement and deposit receipt can be printed once "
                        "it is confirmed.",
                        name=reservation.name,
                        state=labels[reservation.state],
                    )
                )

    @api.model
    def _amount_in_words(self, currency, amount):
        """人民币大写 (壹佰元整) for yuan; Odoo's amount_to_text for any other currency."""
        if currency.name == "CNY":
            return currency.amount_to_chinese_upper(amount)
        return currency.amount_to_text(amount)
