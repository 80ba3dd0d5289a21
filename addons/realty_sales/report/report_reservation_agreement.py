from odoo import api, fields, models
from odoo.tools.misc import format_amount


class ReportReservationAgreement(models.AbstractModel):
    """认购书: the reservation agreement the buyer signs, with the price, the payment schedule and the hold terms."""

    _name = "report.realty_sales.report_reservation_agreement"
    _inherit = ["realty.reservation.print.mixin"]
    _description = "Reservation Agreement"

    @api.model
    def _get_document_values(self, reservations):
        return {
            "schedules": {reservation.id: self._payment_schedule(reservation) for reservation in reservations},
            "terms": {reservation.id: self._agreement_terms(reservation) for reservation in reservations},
        }

    @api.model
    def _payment_schedule(self, reservation):
        """The plan's payments at the agreed price, due dates counted from the reservation date."""
        start = fields.Date.context_today(reservation, reservation.date_reservation)
        kinds = dict(self.env["realty.payment.plan.line"]._fields["payment_kind"]._description_selection(self.env))
        schedule = reservation.payment_plan_id._compute_schedule(reservation.price, start)
        return [dict(item, kind_label=kinds.get(item["payment_kind"], "")) for item in schedule]

    @api.model
    def _agreement_terms(self, reservation):
        """The numbered terms, whole sentences so that each translates with its amounts and dates in place."""
        currency = reservation.currency_id
        values = {
            "unit": reservation.unit_id.name,
            "project": reservation.project_id.name,
            "price": format_amount(self.env, reservation.price, currency),
            "price_words": self._amount_in_words(currency, reservation.price),
            "deposit": format_amount(self.env, reservation.deposit_amount, currency),
            "deposit_words": self._amount_in_words(currency, reservation.deposit_amount),
            "expiry": self.env["ir.qweb.field.datetime"].value_to_html(reservation.date_expiry, {"hide_seconds": True}),
        }
        return [
            self.env._(
                "The buyer reserves unit %(unit)s of %(project)s at the agreed price of %(price)s (%(price_words)s) "
                "and pays a deposit of %(deposit)s (%(deposit_words)s) when signing this agreement.",
                **values,
            ),
            self.env._(
                "The company holds the unit for the buyer until %(expiry)s. If the buyer has not signed the purchase "
                "contract by then, the hold expires and the company may offer the unit for sale again.",
                **values,
            ),
            self.env._(
                "When the buyer signs the purchase contract for this unit, the deposit of %(deposit)s converts into "
                "part of the price and counts towards the first payment of the schedule.",
                **values,
            ),
            self.env._(
                "The due dates of the payment schedule above count from the reservation date; the purchase contract "
                "fixes the final dates. Matters not covered by this agreement are settled in the purchase contract.",
                **values,
            ),
        ]
