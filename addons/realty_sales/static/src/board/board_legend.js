import { Component } from "@odoo/owl";

import { formatArea, formatWan } from "./board_utils";

/** The states the server sends, each with the project's totals; clicking one filters the board on it. */
export class BoardLegend extends Component {
    static template = "realty_sales.BoardLegend";
    static props = {
        states: Array,
        totals: Object,
        activeStates: Array,
        onToggle: Function,
    };

    formatArea(area) {
        return formatArea(area);
    }

    formatWan(amount) {
        return formatWan(amount);
    }
}
