import { registry } from "@web/core/registry";

/**
 * A sales manager reads the configuration and generates units; creating projects, buildings and layouts is the
 * administrator's (run from a project's form).
 */
registry.category("web_tour.tours").add("realty_base_manager_generates_from_project", {
    steps: () => [
        {
            content: "The project is read-only for a sales manager",
            trigger: ".o_form_view .o_form_readonly .o_field_widget[name='name']:contains('Test Garden')",
        },
        {
            trigger: ".o_notebook .nav-link[name='buildings']",
            run: "click",
        },
        {
            content: "No building can be added here",
            trigger: ".o_field_widget[name='building_ids']:not(:has(.o_field_x2many_list_row_add))",
        },
        {
            content: "but a building's units can be generated",
            trigger: ".o_field_widget[name='building_ids'] .o_data_row:contains('Building 1') button[name='action_open_unit_generator']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='floor_to'] input",
            run: "edit 2 && press Tab",
        },
        {
            trigger: ".modal .o_field_widget[name='unit_count']:contains('4')",
        },
        {
            trigger: ".modal button[name='action_generate']",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('1-202')",
        },
    ],
});

/** No New button where a sales manager may not create (run from the layouts, then the buildings action). */
registry.category("web_tour.tours").add("realty_base_manager_no_new_layout", {
    steps: () => [
        {
            trigger: ".o_kanban_view .o_kanban_record:contains('B')",
        },
        {
            content: "Layouts are the administrator's",
            trigger: ".o_control_panel:not(:has(.o-kanban-button-new))",
        },
    ],
});

registry.category("web_tour.tours").add("realty_base_manager_no_new_building", {
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row:contains('Building 1')",
        },
        {
            content: "Buildings are created by the administrator",
            trigger: ".o_control_panel:not(:has(.o_list_button_add))",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('Building 1')",
            run: "click",
        },
        {
            content: "A sales manager opens the generator of a saved building",
            trigger: ".o_form_view .o_form_statusbar button[name='action_open_unit_generator']",
        },
    ],
});
