import { Component } from "@odoo/owl";

/**
 * One building of the board: its totals per state and its grid, floors top to bottom, positions left to right.
 *
 * Every prop is either stable or replaced only when what it stands for changes (the filter, the selected unit of
 * this building, a unit of this building changing state: `revision`), so that OWL skips the buildings a change
 * does not touch. One click handler serves all the cells.
 */
export class BoardBuilding extends Component {
    static template = "realty_sales.BoardBuilding";
    static props = {
        building: Object,
        grid: Object,
        states: Array,
        totals: Object,
        fields: Array,
        match: { type: [Function, { value: null }] },
        selectedId: { type: [Number, Boolean] },
        revision: Number,
        formatValue: Function,
        onSelect: Function,
    };

    cellClass(unit) {
        let cls = "o_realty_board_cell";
        if (this.props.match && !this.props.match(unit)) {
            cls += " o_realty_board_dimmed";
        }
        if (unit.id === this.props.selectedId) {
            cls += " o_realty_board_selected";
        }
        return cls;
    }

    onClick(ev) {
        const cell = ev.target.closest(".o_realty_board_cell[data-id]");
        if (cell) {
            this.props.onSelect(parseInt(cell.dataset.id));
        }
    }
}
