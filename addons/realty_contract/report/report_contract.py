from odoo import api, models
from odoo.tools.misc import format_amount, format_date


class ReportContract(models.AbstractModel):
    """购房合同: the parties, the unit, the price in digits and in 人民币大写, the schedule, the clauses."""

    _name = "report.realty_contract.report_contract"
    _description = "Purchase Contract"

    @api.model
    def _get_report_values(self, docids, data=None):
        contracts = self.env["realty.contract"].browse(docids)
        contracts._check_printable()
        Template = self.env["realty.contract.template"].sudo()
        templates = {contract.id: Template._for_contract(contract) for contract in contracts}
        return {
            "doc_ids": docids,
            "doc_model": "realty.contract",
            "docs": contracts,
            "amount_in_words": self.env["realty.reservation.print.mixin"]._amount_in_words,
            "templates": templates,
            "clauses": {
                contract.id: templates[contract.id]._render_clauses(self._placeholder_values(contract))
                if templates[contract.id]
                else []
                for contract in contracts
            },
            "verify_urls": {contract.id: contract._verification_url() for contract in contracts},
            "orientations": dict(self.env["realty.unit"]._fields["orientation"]._description_selection(self.env)),
            "id_types": dict(self.env["realty.contract.buyer"]._fields["id_type"]._description_selection(self.env)),
            "kinds": dict(self.env["realty.installment"]._fields["kind"]._description_selection(self.env)),
        }

    @api.model
    def _placeholder_values(self, contract):
        """What the clauses' {placeholders} may print: plain strings, escaped by the report."""
        env = contract.env
        return {
            "contract_no": contract.name,
            "project": contract.project_id.name or "",
            "unit": contract.unit_id.name or "",
            "buyer": "、".join(contract.buyer_ids.partner_id.mapped("name")),
            "seller": contract.company_id.name or "",
            "price": format_amount(env, contract.price, contract.currency_id),
            "price_words": self.env["realty.reservation.print.mixin"]._amount_in_words(
                contract.currency_id, contract.price
            ),
            "gross_area": f"{contract.gross_area:.2f}",
            "date_signed": format_date(env, contract.date_signed) if contract.date_signed else "",
        }
