from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import consteq


class RealtyContractVerify(http.Controller):
    @http.route("/realty/contract/verify/<int:contract_id>", type="http", auth="public", methods=["GET"])
    def verify(self, contract_id, access_token=None, **kwargs):
        """The public page the contract's QR code opens: proof that the contract exists and in which state,
        without the buyers' full names, their ID numbers or the price. Without the right token: 404."""
        contract = request.env["realty.contract"].sudo().browse(contract_id).exists()
        if not (contract and access_token and contract.access_token and consteq(contract.access_token, access_token)):
            raise NotFound()
        return request.render(
            "realty_contract.contract_verify_page",
            {"contract": contract, "buyers": contract._masked_buyer_names()},
        )
