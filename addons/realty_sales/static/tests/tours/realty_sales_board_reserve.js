import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_sales_board_reserve", {
    steps: () => [
        {
            content: "Open the project's sales board",
            trigger: ".o_kanban_record:contains('Test Garden') a[name='action_open_sales_board']",
            run: "click",
        },
        {
            content: "The board shows the units of the building",
            trigger: ".o_realty_board_cell[data-unit='T-802'][data-state='available']",
        },
        {
            content: "Choose which fields the cells show",
            trigger: ".o_realty_board_fields_toggle",
            run: "click",
        },
        {
            content: "Add the standard unit price",
            trigger: ".o_realty_board_field_picker input[name='unit_price']",
            run: "click",
        },
        {
            content: "Cells now show the unit price",
            trigger: ".o_realty_board_cell[data-unit='T-802'] .o_realty_board_cell_unit_price:contains('18,000')",
        },
        {
            content: "Filter on three bedrooms",
            trigger: "select.o_realty_board_filter_bedrooms",
            run: "select 3",
        },
        {
            content: "Two-bedroom units are dimmed, not removed",
            trigger: ".o_realty_board_cell.o_realty_board_dimmed[data-unit='T-1201']",
        },
        {
            content: "Click the three-bedroom unit",
            trigger: ".o_realty_board_cell:not(.o_realty_board_dimmed)[data-unit='T-802']",
            run: "click",
        },
        {
            content: "A salesperson is not offered to hold units",
            trigger: ".o_realty_board_panel:contains('T-802'):not(:has(.o_realty_board_hold))",
        },
        {
            content: "The side panel offers to reserve it",
            trigger: ".o_realty_board_panel:contains('T-802') .o_realty_board_reserve",
            run: "click",
        },
        {
            content: "Pick the customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input",
            run: "edit Tour Buyer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Buyer')",
            run: "click",
        },
        {
            content: "Pick the payment plan",
            trigger: ".o_form_view .o_field_widget[name='payment_plan_id'] input",
            run: "edit Full payment",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Full payment')",
            run: "click",
        },
        {
            content: "Confirm the reservation",
            trigger: ".o_form_view button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The reservation is confirmed",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Confirmed')",
        },
    ],
});
