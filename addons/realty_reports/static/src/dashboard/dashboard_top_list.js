import { Component } from "@odoo/owl";
import { formatMonetary } from "@web/views/fields/formatters";

/** A ranking (top layouts, top salespeople) by amount signed in the period. */
export class DashboardTopList extends Component {
    static template = "realty_reports.DashboardTopList";
    static props = { title: String, rows: Array, currencyId: Number, cssClass: String };

    formatAmount(amount) {
        return formatMonetary(amount, { currencyId: this.props.currencyId, digits: [16, 0] });
    }
}
