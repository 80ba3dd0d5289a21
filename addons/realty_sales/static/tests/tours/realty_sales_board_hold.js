import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_sales_board_hold", {
    steps: () => [
        {
            content: "Open the project's sales board",
            trigger: ".o_kanban_record:contains('Test Garden') a[name='action_open_sales_board']",
            run: "click",
        },
        {
            content: "Click an available unit",
            trigger: ".o_realty_board_cell[data-unit='T-1201'][data-state='available']",
            run: "click",
        },
        {
            content: "A sales manager may hold it back",
            trigger: ".o_realty_board_panel .o_realty_board_hold",
            run: "click",
        },
        {
            content: "The cell turns to held, and the legend counts it",
            trigger: ".o_realty_board_cell[data-unit='T-1201'][data-state='held']",
        },
        {
            trigger: ".o_realty_board_legend_item[data-state='held'] .o_realty_board_legend_count:contains('1')",
        },
    ],
});
