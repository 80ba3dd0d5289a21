import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_contract_board_sign", {
    steps: () => [
        {
            content: "Open the project's sales board",
            trigger: ".o_kanban_record:contains('Test Garden') a[name='action_open_sales_board']",
            run: "click",
        },
        {
            content: "Select the unit the salesperson reserved",
            trigger: ".o_realty_board_cell[data-unit='T-1201'][data-state='reserved']",
            run: "click",
        },
        {
            content: "The side panel offers to create its contract",
            trigger: ".o_realty_board_panel:contains('T-1201') .o_realty_board_create_contract",
            run: "click",
        },
        {
            content: "The draft contract opens with the reservation's customer as main buyer",
            trigger: ".o_form_view .o_field_widget[name='buyer_ids'] .o_data_row:contains('Contract Buyer')",
        },
        {
            content: "Enter the buyer's ID number",
            trigger: ".o_form_view .o_field_widget[name='buyer_ids'] .o_data_row td[name='id_number']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='buyer_ids'] .o_data_row .o_field_widget[name='id_number'] input",
            run: "edit 11010519491231002X",
        },
        {
            content: "Sign the contract",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_sign']",
            run: "click",
        },
        {
            content: "The contract is signed",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Signed')",
        },
    ],
});
