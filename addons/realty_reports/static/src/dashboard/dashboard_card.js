import { Component } from "@odoo/owl";
import { formatFloat, formatMonetary, formatPercentage } from "@web/views/fields/formatters";

/** One KPI card: the figure of the chosen period; a click opens its records. */
export class DashboardCard extends Component {
    static template = "realty_reports.DashboardCard";
    static props = { card: Object, period: String, currencyId: Number, onOpen: Function };

    get figures() {
        return this.props.card.periods[this.props.period];
    }

    get value() {
        const value = this.figures.value;
        switch (this.props.card.kind) {
            case "monetary":
                return formatMonetary(value, { currencyId: this.props.currencyId, digits: [16, 0] });
            case "percentage":
                return formatPercentage(value, { digits: [16, 1] });
            default:
                return formatFloat(value, { digits: [16, 0] });
        }
    }
}
