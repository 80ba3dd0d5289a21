from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_amount

PLAN_KINDS = [
    ("full", "Full Payment"),
    ("installment", "Installments"),
    ("mortgage", "Commercial Mortgage"),
    ("provident", "Provident Fund Loan"),
]
LOAN_KINDS = ("mortgage", "provident")
# Set while a plan writes its own lines (a form may delete a line before it creates its replacement): the
# lines leave the 100 % check to the plan, which runs it once, after all of them. A Python object, so that no
# JSON request can send it and skip the check.
_LINES_CHECKED_BY_PLAN = object()


class RealtyPaymentPlan(models.Model):
    """How a buyer pays (付款方式): a discount, a down payment share and a schedule of payments."""

    _name = "realty.payment.plan"
    _description = "Payment Plan"
    _order = "sequence, id"

    name = fields.Char("Payment Plan", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", "Company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(PLAN_KINDS, "Kind", required=True, default="full")
    discount = fields.Float("Discount (%)", digits=(5, 2), help="Discount on the standard total price.")
    down_payment_rate = fields.Float(
        "Down Payment (%)", digits=(5, 2), help="Share of the price paid before the loan (loans only)."
    )
    line_ids = fields.One2many("realty.payment.plan.line", "plan_id", "Schedule", copy=True)
    first_payment_share = fields.Float(
        "First Payment Share",
        compute="_compute_first_payment_share",
        store=True,
        help="Share of the price due first; stored so that matching leads to units reads no lines.",
    )
    fixed_amount_total = fields.Monetary(
        "Fixed Amounts",
        compute="_compute_fixed_amount_total",
        store=True,
        help="What the fixed-amount lines come to: no price below it can use this plan.",
    )
    note = fields.Text("Notes", translate=True)

    _discount_range = models.Constraint(
        "CHECK(discount >= 0 AND discount < 100)", "The discount must be between 0 and 100 %."
    )
    _down_payment_range = models.Constraint(
        "CHECK(down_payment_rate >= 0 AND down_payment_rate <= 100)",
        "The down payment must be between 0 and 100 %.",
    )

    @api.depends("line_ids.share", "line_ids.amount_type", "line_ids.sequence")
    def _compute_first_payment_share(self):
        for plan in self:
            percent = plan.line_ids.filtered(lambda line: line.amount_type == "percent")
            plan.first_payment_share = percent[:1].share / 100.0 if percent else 1.0

    @api.depends("line_ids.amount_type", "line_ids.fixed_amount")
    def _compute_fixed_amount_total(self):
        for plan in self:
            fixed = plan.line_ids.filtered(lambda line: line.amount_type == "fixed")
            plan.fixed_amount_total = sum(fixed.mapped("fixed_amount"))

    @api.constrains("line_ids", "kind")
    def _check_lines_total(self):
        for plan in self:
            total = sum(plan.line_ids.filtered(lambda line: line.amount_type == "percent").mapped("share"))
            if float_compare(total, 100.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "The shares of payment plan %(plan)s total %(total)s %% instead of 100 %%.",
                        plan=plan.name,
                        total=round(total, 2),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        return super(RealtyPaymentPlan, self._lines_checked_by_plan()).create(vals_list).with_env(self.env)

    def write(self, vals):
        return super(RealtyPaymentPlan, self._lines_checked_by_plan()).write(vals)

    def _lines_checked_by_plan(self):
        return self.with_context(realty_plan_lines=_LINES_CHECKED_BY_PLAN)

    def _lines_total_checked_by_plan(self):
        """Whether a plan is writing its lines right now (it checks their total itself when done)."""
        return self.env.context.get("realty_plan_lines") is _LINES_CHECKED_BY_PLAN

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------

    def _net_price(self, list_price):
        return self.currency_id.round(list_price * (1 - self.discount / 100.0))

    def _down_payment(self, price):
        return self.currency_id.round(price * self.down_payment_rate / 100.0) if self.kind in LOAN_KINDS else price

    def _compute_schedule(self, price, start_date):
        """Split ``price`` into dated payments, in line order: fixed lines take their amount, the shares split
        what the fixed amounts leave, and the last share takes the rounding so that the schedule sums to
        ``price`` exactly."""
        self.ensure_one()
        self._check_price_covers_fixed(price)
        amounts = self._share_amounts(price - self.fixed_amount_total)
        return [
            line._schedule_item(line.fixed_amount if line.amount_type == "fixed" else amounts[line], start_date)
            for line in self.line_ids
        ]

    def _check_price_covers_fixed(self, price):
        """Refuse (UserError) a price that the plan's fixed amounts would exceed."""
        for plan in self:
            fixed = plan.fixed_amount_total
            if plan.currency_id.compare_amounts(fixed, price) > 0:
                raise UserError(
                    self.env._(
                        "Payment plan %(plan)s cannot be used for a price of %(price)s: "
                        "its fixed amounts alone come to %(fixed)s.",
                        plan=plan.name,
                        price=format_amount(self.env, price, plan.currency_id),
                        fixed=format_amount(self.env, fixed, plan.currency_id),
                    )
                )

    def _share_amounts(self, rest):
        """{percent line: its part of ``rest``}; the last percent line takes what rounding left over."""
        percent_lines = self.line_ids.filtered(lambda line: line.amount_type == "percent")
        amounts = {line: self.currency_id.round(rest * line.share / 100.0) for line in percent_lines[:-1]}
        if percent_lines:
            amounts[percent_lines[-1]] = self.currency_id.round(rest - sum(amounts.values()))
        return amounts

    # ------------------------------------------------------------------
    # AFFORDABILITY (hooks per kind: _evaluate_<kind>, _max_price_<kind>, _reason_<kind>)
    # ------------------------------------------------------------------

    def _evaluate_affordability(self, buyer, list_price):
        """Return {'affordable', 'price', 'down_payment', 'monthly_payment'} for ``buyer`` (a lead's
        ``RealtyBuyer``) buying at ``list_price``."""
        self.ensure_one()
        price = self._net_price(list_price)
        evaluation = getattr(self, f"_evaluate_{self.kind}")(buyer, price)
        if self.fixed_amount_total > price:  # the plan cannot schedule this price (_check_price_covers_fixed)
            evaluation["affordable"] = False
        return evaluation

    def _max_affordable_price(self, buyer):
        """The highest net price this plan makes affordable for ``buyer`` (used to filter units in SQL)."""
        self.ensure_one()
        return getattr(self, f"_max_price_{self.kind}")(buyer)

    def _affordability_reason(self, buyer, evaluation):
        """One line a salesperson can read to the customer."""
        self.ensure_one()
        return getattr(self, f"_reason_{self.kind}")(buyer, evaluation)

    def _evaluate_full(self, buyer, price):
        return {
            "affordable": buyer.within_budget(price) and price <= buyer.cash,
            "price": price,
            "down_payment": price,
            "monthly_payment": 0.0,
        }

    def _max_price_full(self, buyer):
        return buyer.budget_cap(buyer.cash)

    def _reason_full(self, buyer, evaluation):
        return self.env._(
            "%(plan)s: price %(price)s ≤ cash %(cash)s",
            plan=self.name,
            price=self._wan(evaluation["price"]),
            cash=self._wan(buyer.cash),
        )

    def _evaluate_installment(self, buyer, price):
        """Installments fall due within months, not years: the buyer needs the cash for all of them."""
        evaluation = self._evaluate_full(buyer, price)
        evaluation["down_payment"] = self.currency_id.round(price * self.first_payment_share)
        return evaluation

    def _max_price_installment(self, buyer):
        return self._max_price_full(buyer)

    def _reason_installment(self, buyer, evaluation):
        return self.env._(
            "%(plan)s: price %(price)s ≤ cash %(cash)s, first payment %(first)s",
            plan=self.name,
            price=self._wan(evaluation["price"]),
            cash=self._wan(buyer.cash),
            first=self._wan(evaluation["down_payment"]),
        )

    def _evaluate_mortgage(self, buyer, price):
        return self._evaluate_loan(buyer, price, self._loan_rate())

    def _max_price_mortgage(self, buyer):
        return self._max_loan_price(buyer, self._loan_rate(), cap=None)

    def _reason_mortgage(self, buyer, evaluation):
        return self._reason_loan(buyer, evaluation)

    def _evaluate_provident(self, buyer, price):
        evaluation = self._evaluate_loan(buyer, price, self._loan_rate())
        if price - evaluation["down_payment"] > self.company_id.realty_provident_loan_cap:
            evaluation["affordable"] = False
        return evaluation

    def _max_price_provident(self, buyer):
        return self._max_loan_price(buyer, self._loan_rate(), cap=self.company_id.realty_provident_loan_cap)

    def _reason_provident(self, buyer, evaluation):
        return self._reason_loan(buyer, evaluation)

    def _wan(self, amount):
        """Amounts the way a sales office says them: in units of 10,000 (万), with up to two decimals."""
        return self.env._("%s 10k", f"{amount / 10000:,.2f}".rstrip("0").rstrip("."))

    def _loan_rate(self):
        company = self.company_id
        return company.realty_provident_rate if self.kind == "provident" else company.realty_mortgage_rate

    def _evaluate_loan(self, buyer, price, annual_rate):
        down = self._down_payment(price)
        monthly = annuity(price - down, annual_rate, self.company_id.realty_loan_years)
        return {
            "affordable": down <= buyer.cash and monthly <= buyer.repayment and buyer.within_budget(price),
            "price": price,
            "down_payment": down,
            "monthly_payment": round(monthly, 2),
        }

    def _max_loan_price(self, buyer, annual_rate, cap):
        """Largest price whose down payment and monthly repayment both fit (and whose loan fits ``cap``)."""
        loan_share = 1 - self.down_payment_rate / 100.0
        max_loan = principal_for(buyer.repayment, annual_rate, self.company_id.realty_loan_years)
        if cap is not None:
            max_loan = min(max_loan, cap)
        limits = [max_loan / loan_share] if loan_share > 0 else []
        if self.down_payment_rate:
            limits.append(buyer.cash / (self.down_payment_rate / 100.0))
        return buyer.budget_cap(min(limits) if limits else buyer.cash)

    def _reason_loan(self, buyer, evaluation):
        return self.env._(
            "%(plan)s: down payment %(down)s ≤ available %(available)s, monthly %(monthly)s ≤ %(share)s %% of income",
            plan=self.name,
            down=self._wan(evaluation["down_payment"]),
            available=self._wan(buyer.cash),
            monthly=f"{evaluation['monthly_payment']:,.0f}",
            share=f"{self.company_id.realty_income_share:g}",
        )


def annuity(principal, annual_rate_percent, years):
    """Equal monthly repayment (等额本息) of ``principal`` over ``years`` at ``annual_rate_percent``."""
    months = max(int(years * 12), 1)
    rate = annual_rate_percent / 100.0 / 12
    if principal <= 0:
        return 0.0
    if not rate:
        return principal / months
    factor = (1 + rate) ** months
    return principal * rate * factor / (factor - 1)


def principal_for(monthly_payment, annual_rate_percent, years):
    """The loan that ``monthly_payment`` repays over ``years``: the inverse of :func:`annuity`."""
    months = max(int(years * 12), 1)
    rate = annual_rate_percent / 100.0 / 12
    if monthly_payment <= 0:
        return 0.0
    if not rate:
        return monthly_payment * months
    factor = (1 + rate) ** months
    return monthly_payment * (factor - 1) / (rate * factor)
