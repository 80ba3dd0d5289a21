import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/** An administrator sets up a whole project from its form before saving it (run from the projects action). */
registry.category("web_tour.tours").add("realty_base_project_form", {
    steps: () => [
        {
            content: "New project",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Lotus Court",
        },
        {
            content: "Buildings tab",
            trigger: ".o_notebook .nav-link[name='buildings']",
            run: "click",
        },
        {
            content: "Add a building to the unsaved project",
            trigger: ".o_field_widget[name='building_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "It is edited in the list: no dialog asks for the project",
            trigger: ".o_field_widget[name='building_ids'] .o_data_row.o_selected_row .o_field_widget[name='name'] input",
            run: "edit Lotus 1",
        },
        {
            trigger: ".o_field_widget[name='building_ids'] .o_selected_row .o_field_widget[name='code'] input",
            run: "edit L1",
        },
        {
            trigger: ".o_field_widget[name='building_ids'] .o_selected_row .o_field_widget[name='floor_count'] input",
            run: "edit 3",
        },
        {
            trigger: ".o_field_widget[name='building_ids'] .o_selected_row .o_field_widget[name='position_count'] input",
            run: "edit 2",
        },
        {
            content: "No generator for a building that does not exist yet",
            trigger: ".o_field_widget[name='building_ids'] .o_data_row:not(:has(button[name='action_open_unit_generator']))",
        },
        {
            content: "Layouts tab",
            trigger: ".o_notebook .nav-link[name='layouts']",
            run: "click",
        },
        {
            content: "Add a layout to the unsaved project",
            trigger: ".o_field_widget[name='layout_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Lotus A",
        },
        {
            content: "The dialog does not ask for the project",
            trigger: ".modal .o_form_view:not(:has(.o_field_widget[name='project_id']))",
        },
        {
            trigger: ".modal .o_field_widget[name='gross_area'] input",
            run: "edit 88",
        },
        {
            trigger: ".modal .o_field_widget[name='inner_area'] input",
            run: "edit 70",
        },
        {
            content: "Save the layout",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_field_widget[name='layout_ids'] .o_data_row:contains('Lotus A')",
        },
        ...stepUtils.saveForm(),
        {
            content: "Back to the buildings",
            trigger: ".o_notebook .nav-link[name='buildings']",
            run: "click",
        },
        {
            content: "The saved building offers the unit generator",
            trigger: ".o_field_widget[name='building_ids'] .o_data_row:contains('Lotus 1') button[name='action_open_unit_generator']",
            run: "click",
        },
        {
            content: "Its positions come with the project's new layout",
            trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row:nth-child(2):contains('Lotus A')",
        },
        {
            content: "A typo of a few zeros is caught before anything is generated",
            trigger: ".modal .o_field_widget[name='floor_to'] input",
            run: "edit 100000 && press Tab",
        },
        {
            trigger: ".modal .alert-warning:contains('Floor 100000 is out of range: floors go from -10 to 200.')",
        },
        {
            trigger: ".modal .o_field_widget[name='floor_to'] input",
            run: "edit 3 && press Tab",
        },
        {
            trigger: ".modal:not(:has(.alert-warning))",
        },
        {
            trigger: ".modal .o_field_widget[name='base_unit_price'] input",
            run: "edit 18000",
        },
        {
            trigger: ".modal .o_field_widget[name='unit_count']:contains('6')",
        },
        {
            trigger: ".modal button[name='action_generate']",
            run: "click",
        },
        {
            content: "The six units are listed",
            trigger: ".o_list_view .o_data_cell:contains('L1-302')",
        },
    ],
});
