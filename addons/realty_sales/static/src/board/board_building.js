import { Component } from "@odoo/owl";

// the classes of a cell, as constants: thousands of cells render without building a string each
const CELL_CLASSES = {
    plain: "o_realty_board_cell",
    dimmed: "o_realty_board_cell o_realty_board_dimmed",
    selected: "o_realty_board_cell o_realty_board_selected",
    dimmedSelected: "o_realty_board_cell o_realty_board_dimmed o_realty_board_selected",
};

/**
 * One building of the board: its totals per state and its grid, floors top to bottom, positions left to right.
 *
 * Every prop is either stable or replaced only when what it stands for changes (the filter, the selected unit of
 * this building, a unit of this building changing state: `revision`), so that OWL skips the buildings a change
 * does not touch. One click handler serves all the cells; a cell's fields are one text, a line each.
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
        cellLines: Function,
        onSelect: Function,
    };

    cellClass(unit) {
        const dimmed = this.props.match !== null && !this.props.match(unit);
        if (unit.id === this.props.selectedId) {
            return dimmed ? CELL_CLASSES.dimmedSelected : CELL_CLASSES.selected;
        }
        return dimmed ? CELL_CLASSES.dimmed : CELL_CLASSES.plain;
    }

    onClick(ev) {
        const cell = ev.target.closest(".o_realty_board_cell[data-id]");
        if (cell) {
            this.props.onSelect(parseInt(cell.dataset.id));
        }
    }
}
