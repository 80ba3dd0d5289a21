from datetime import timedelta
from functools import partial

from odoo import SUPERUSER_ID, api, fields, models

from odoo.addons.realty_contract.models.realty_buyer_identity_mixin import id_card_check_digit

# this addon's demo reservations → the first 17 digits of their buyer's 身份证
DEMO_BUYERS = {
    "demo_reservation_chen": "33010619870215062",
    "demo_reservation_lin": "33010519830719151",
    "demo_reservation_he": "33010219910503224",
    "demo_reservation_guo": "33010819780911337",
    "demo_reservation_ma": "33011019890128446",
    "demo_reservation_luo": "33010619850630513",
}
# overdue contracts: reservation → days ago it was signed, its first installment falling due that day (one contract
# per aging bucket), and what was paid of that installment five days later
DEMO_OVERDUE = {
    "demo_reservation_chen": (15, 0.0),
    "demo_reservation_lin": (45, 300000.0),
    "demo_reservation_he": (75, 0.0),
    "demo_reservation_guo": (120, 0.0),
}
# the order of what happens on the same day: the deposit comes in, the cron bills, then the buyer pays
DEPOSIT, BILLING, PAYMENT = range(3)


class RealtyDemo(models.AbstractModel):
    _inherit = "realty.demo"

    @api.model
    def _realty_finance_demo(self):
        """Contracts in every finance situation, played through the product's actions: paid up, current, overdue in
        each aging bucket (with a late fee), a mortgage in progress, terminated and refunded, brought by an agency
        and its commission billed, a deposit received before any contract; then the dunning run, once.

        The contracts were signed in the past: each one's dates are moved back, then its history (deposits,
        billing as the daily cron would have done it, payments) is played day by day for all contracts together,
        so that invoices and receipts are numbered in date order."""
        if not self.env.ref("realty_finance.demo_reservation_chen", raise_if_not_found=False):
            return  # installed without demo data
        demo = self.with_env(self._finance_env())
        history = []
        for situation in ("paid_up", "current", "mortgage", "overdue", "terminated", "agency", "advance"):
            getattr(demo, f"_demo_finance_{situation}")(history)
        for _date, _order, step in sorted(history, key=lambda event: event[:2]):
            step()
        demo._demo_finance_today()

    @api.model
    def _finance_env(self):
        """The office's administrator (陈经理 in the demo) does the finance work: receipts name their cashier."""
        return self._office_env()(user=self.env.ref("base.user_admin"), su=False)

    # ------------------------------------------------------------------
    # THE SITUATIONS
    # ------------------------------------------------------------------

    @api.model
    def _demo_finance_paid_up(self, history):
        """吴磊's delivered contract, signed 400 days ago: every installment paid on its due date."""
        contract = self._demo_existing_contract("demo_reservation_wu", "delivered")
        if contract:
            self._demo_backdate(contract, 400)
            paid = [(line.date_due, line.amount, "bank") for line in contract.installment_ids[1:]]
            self._demo_history(history, contract, paid)

    @api.model
    def _demo_finance_current(self, history):
        """孙浩's contract, signed 5 days ago: the deposit paid, the balance billed and due in 2 days."""
        contract = self._demo_existing_contract("demo_reservation_sun", "signed")
        if contract:
            self._demo_backdate(contract, 5)
            self._demo_history(history, contract)

    @api.model
    def _demo_finance_mortgage(self, history):
        """周婷's registered contract, signed 40 days ago: down payment paid, the provident-fund loan approved by
        the lender and waiting to be disbursed."""
        contract = self._demo_existing_contract("demo_reservation_zhou", "registered")
        if contract:
            self._demo_backdate(contract, 40)
            self._demo_history(history, contract, self._demo_first_payment(contract, 2))
            self._demo_mortgage_stages(contract)

    @api.model
    def _demo_finance_overdue(self, history):
        """Four contracts whose first installment is overdue by about 15, 45, 75 and 120 days."""
        for xml_id, (days, paid) in DEMO_OVERDUE.items():
            contract = self._demo_signed_contract(xml_id)
            if contract:
                self._demo_backdate(contract, days)
                payments = self._demo_first_payment(contract, 5, paid, "pos") if paid else []
                self._demo_history(history, contract, payments)

    @api.model
    def _demo_finance_terminated(self, history):
        """马琳's mortgage contract, signed 30 days ago with the down payment paid, is terminated and refunded today."""
        contract = self._demo_signed_contract("demo_reservation_ma")
        if contract:
            self._demo_backdate(contract, 30)
            self._demo_history(history, contract, self._demo_first_payment(contract, 2))

    @api.model
    def _demo_finance_agency(self, history):
        """罗斌's contract, brought by an agency and signed 20 days ago; the commission due on signing is billed."""
        contract = self._demo_signed_contract("demo_reservation_luo")
        if contract:
            self._demo_backdate(contract, 20)
            self._demo_history(history, contract, self._demo_first_payment(contract, 1))

    @api.model
    def _demo_finance_advance(self, history):
        """王强's confirmed reservation: its deposit received two days ago, an advance waiting for the contract."""
        reservation = self.env.ref("realty_sales.demo_reservation_wang", raise_if_not_found=False)
        if reservation and reservation.state == "confirmed" and not reservation.deposit_received:
            date = fields.Date.context_today(self) - timedelta(days=2)
            history.append((date, DEPOSIT, partial(self._demo_receive, reservation, date, "pos")))

    @api.model
    def _demo_finance_today(self):
        """Today's work: a late fee billed, a termination refunded, a commission billed, the reminders sent."""
        overdue = self._demo_contract("demo_reservation_guo")
        if overdue.state == "signed" and not overdue.late_fee_ids:
            overdue.action_bill_late_fees()
        terminated = self._demo_contract("demo_reservation_ma")
        if terminated.state == "signed":
            self._demo_terminate(terminated)
            terminated.action_refund()
        due = self._demo_contract("demo_reservation_luo").commission_ids.filtered(lambda line: line.state == "due")
        if due:
            due.action_bill()
        self.env["realty.dunning.log"].with_user(SUPERUSER_ID)._cron_send_reminders()  # as its daily cron runs

    # ------------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------------

    @api.model
    def _demo_contract(self, xml_id):
        module = "realty_finance" if xml_id in DEMO_BUYERS else "realty_contract"
        reservation = self.env.ref(f"{module}.{xml_id}", raise_if_not_found=False)
        contracts = reservation.contract_ids if reservation else self.env["realty.contract"]
        return contracts.filtered(lambda contract: contract.state != "cancelled")[:1]

    @api.model
    def _demo_existing_contract(self, xml_id, state):
        """realty_contract's demo contract of ``xml_id``, if it is still in ``state`` and not billed yet."""
        contract = self._demo_contract(xml_id)
        return contract if contract.state == state and not contract.invoice_ids else contract.browse()

    @api.model
    def _demo_signed_contract(self, xml_id):
        """This addon's demo reservation ``xml_id``, confirmed and turned into a contract signed by its buyer."""
        reservation = self.env.ref(f"realty_finance.{xml_id}")
        if reservation.state != "draft":
            return self.env["realty.contract"]
        reservation.action_confirm()
        contract = self.env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
        id_prefix = DEMO_BUYERS[xml_id]
        contract.buyer_ids.write({"id_number": id_prefix + id_card_check_digit(id_prefix)})
        contract.action_sign()
        return contract

    @api.model
    def _demo_backdate(self, contract, days):
        """Move the reservation, the signing, the registration and the payment schedule ``days`` back in time."""
        delta = timedelta(days=days)
        reservation = contract.reservation_id._action_env().with_context(tracking_disable=True)
        reservation.write({"date_reservation": reservation.date_reservation - delta})
        values = {"date_signed": contract.date_signed - delta}
        if contract.registration_date:
            values["registration_date"] = contract.registration_date - delta
        contract._action_env().with_context(tracking_disable=True).write(values)
        for line in contract.installment_ids:
            line._action_env().write({"date_due": line.date_due - delta})
        for mortgage in contract.mortgage_ids:
            mortgage._action_env().write({"date_collecting": mortgage.date_collecting - delta})

    @api.model
    def _demo_history(self, history, contract, payments=()):
        """The contract's days: its deposit received on signing, its installments billed on the days the daily
        cron would have billed them, and ``payments`` (date, amount, method) received for it."""
        signed = contract.date_signed
        history.append((signed, DEPOSIT, partial(self._demo_receive, contract.reservation_id, signed, "pos")))
        for date, installments in self._demo_billing_days(contract).items():
            history.append((date, BILLING, partial(self._demo_bill, installments, date)))
        for date, amount, method in payments:
            history.append((date, PAYMENT, partial(self._demo_receive, contract, date, method, amount)))

    @api.model
    def _demo_first_payment(self, contract, days_late, amount=None, method="bank"):
        """The payment (date, amount, method) of the installment after the deposit (首付款 / 首期款), ``days_late``
        days after its due date; in full unless ``amount`` says otherwise."""
        first = contract.installment_ids.filtered(lambda line: line.kind != "deposit")[:1]
        return [(first.date_due + timedelta(days=days_late), amount or first.amount, method)]

    @api.model
    def _demo_billing_days(self, contract):
        """{day: installments} the daily cron would have billed on each day from the signing until today."""
        today = fields.Date.context_today(self)
        lead = timedelta(days=contract.company_id.sudo().realty_invoice_lead_days)
        days = {}
        for line in contract.installment_ids:
            day = max(contract.date_signed, line.date_due - lead)
            if day <= today:
                days[day] = days.get(day, line.browse()) | line
        return days

    @api.model
    def _demo_bill(self, installments, date):
        """Bill ``installments`` as the daily cron did on ``date``: their invoices are dated that day, on or before
        their due date, and posted in date order with everything else that happened."""
        installments._bill(invoice_date=date)

    @api.model
    def _demo_receive(self, document, date, method, amount=None):
        """Money received through Receive Deposit (a reservation) or Receive Payment (a contract)."""
        if document._name == "realty.contract":
            action = document.action_receive_payment()
        else:
            action = document.action_receive_deposit()
        values = {"date": date, "method": method} | ({"amount": amount} if amount else {})
        self.env[action["res_model"]].with_context(action["context"]).create(values).action_confirm()

    @api.model
    def _demo_mortgage_stages(self, contract):
        """Finance opens the mortgage: documents collected from signing, submitted to the lender 10 days later,
        approved 4 days ago."""
        contract.action_open_mortgage()
        mortgage = contract.mortgage_id
        mortgage.write({"lender_id": self.env.ref("realty_finance.demo_lender_provident").id})
        mortgage._action_env().write({"date_collecting": contract.date_signed})
        mortgage._move_to("submitted", from_stage="collecting", date=contract.date_signed + timedelta(days=10))
        mortgage._move_to("approved", from_stage="submitted", date=fields.Date.context_today(self) - timedelta(days=4))
