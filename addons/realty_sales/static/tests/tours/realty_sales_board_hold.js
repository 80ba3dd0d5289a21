import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";

import { RealtySalesBoard } from "@realty_sales/board/sales_board";

let loads = 0;
let loadsBeforeHold = null;

registry.category("web_tour.tours").add("realty_sales_board_hold", {
    steps: () => [
        {
            content: "Count the loads of the board",
            trigger: "body",
            run() {
                patch(RealtySalesBoard.prototype, {
                    load(...args) {
                        loads++;
                        return super.load(...args);
                    },
                });
            },
        },
        {
            content: "Open the project's sales board",
            trigger: ".o_kanban_record:contains('Test Garden') a[name='action_open_sales_board']",
            run: "click",
        },
        {
            content: "Every state the server sends has its place in the legend, pending approval too",
            trigger: ".o_realty_board_legend_item[data-state='pending']",
        },
        {
            content: "Click the unit a salesperson reserved",
            trigger: ".o_realty_board_cell[data-unit='T-1202'][data-state='reserved']",
            run: "click",
        },
        {
            content: "A sales manager sees the team's reservations",
            trigger: ".o_realty_board_panel_reservation [data-field='customer']:contains('Chen Jie')",
        },
        {
            trigger: ".o_realty_board_panel_reservation [data-field='date_expiry']",
        },
        {
            content: "Click an available unit",
            trigger: ".o_realty_board_cell[data-unit='T-1201'][data-state='available']",
            run: "click",
        },
        {
            content: "A sales manager may hold it back",
            trigger: ".o_realty_board_panel:contains('T-1201') .o_realty_board_hold",
            run() {
                loadsBeforeHold = loads;
                this.anchor.click();
            },
        },
        {
            content: "The cell turns to held, and the legend counts it",
            trigger: ".o_realty_board_cell[data-unit='T-1201'][data-state='held']",
        },
        {
            trigger: ".o_realty_board_legend_item[data-state='held'] .o_realty_board_legend_count:contains('1')",
        },
        {
            content: "The board applied the change without loading the project again",
            trigger: ".o_realty_board_panel:contains('T-1201') .o_realty_board_unhold",
            run() {
                if (loads !== loadsBeforeHold) {
                    throw new Error(`the board was loaded ${loads - loadsBeforeHold} more time(s) after holding`);
                }
            },
        },
    ],
});
