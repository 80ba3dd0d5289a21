import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/** Pick `label` in the many2one `field` of the form (or dialog) that `scope` selects. */
function pick(scope, field, search, label) {
    return [
        {
            content: `Search ${search} in ${field}`,
            trigger: `${scope} .o_field_widget[name='${field}'] input`,
            run: `edit ${search}`,
        },
        {
            content: `The picker offers ${label}`,
            trigger: `.o-autocomplete--dropdown-item:contains('${label}')`,
            run: "click",
        },
    ];
}

function edit(scope, field, value) {
    return {
        content: `Set ${field}`,
        trigger: `${scope} .o_field_widget[name='${field}'] input`,
        run: `edit ${value}`,
    };
}

/** An administrator creates a layout from the layouts list. */
registry.category("web_tour.tours").add("realty_base_new_layout", {
    steps: () => [
        {
            content: "New layout",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        edit(".o_form_view", "name", "Type Z"),
        ...pick(".o_form_view", "project_id", "Test Gar", "Test Garden"),
        edit(".o_form_view", "gross_area", "95"),
        edit(".o_form_view", "inner_area", "78"),
        ...stepUtils.saveForm(),
    ],
});

/** An administrator creates a building from the buildings list; the generator comes once it is saved. */
registry.category("web_tour.tours").add("realty_base_new_building", {
    steps: () => [
        {
            content: "New building",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "No generator before the building exists",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_open_unit_generator']))",
        },
        edit(".o_form_view", "name", "Building 9"),
        edit(".o_form_view", "code", "9"),
        ...pick(".o_form_view", "project_id", "Test Gar", "Test Garden"),
        edit(".o_form_view", "floor_count", "2"),
        edit(".o_form_view", "position_count", "2"),
        ...stepUtils.saveForm(),
        {
            content: "Once saved, the building offers the unit generator",
            trigger: ".o_form_view .o_form_statusbar button[name='action_open_unit_generator']",
        },
    ],
});

/** A sales manager creates a unit from the units list. */
registry.category("web_tour.tours").add("realty_base_new_unit", {
    steps: () => [
        {
            content: "New unit",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        ...pick(".o_form_view", "building_id", "Building", "Test Garden Building 1"),
        {
            // the layouts offered are the project's: wait for the building's project before searching them
            content: "The building's project is shown",
            trigger: ".o_form_view .o_field_widget[name='project_id']:contains('Test Garden')",
        },
        edit(".o_form_view", "floor", "7"),
        edit(".o_form_view", "position", "1"),
        ...pick(".o_form_view", "layout_id", "B", "B"),
        edit(".o_form_view", "gross_area", "100"),
        edit(".o_form_view", "inner_area", "80"),
        edit(".o_form_view", "unit_price", "21000"),
        ...stepUtils.saveForm(),
        {
            content: "The unit is numbered after its building, floor and position",
            trigger: ".o_form_view .oe_title:contains('1-701')",
        },
    ],
});

/** A sales manager creates a unit from a building's units (run from the building's form). */
registry.category("web_tour.tours").add("realty_base_new_unit_of_building", {
    steps: () => [
        {
            content: "Open the building's units",
            trigger: ".o_form_view button[name='action_view_units']",
            run: "click",
        },
        {
            content: "New unit of this building",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "The building is already chosen",
            trigger: ".o_form_view .o_field_widget[name='building_id'] input:value('Test Garden Building 1')",
        },
        edit(".o_form_view", "floor", "7"),
        edit(".o_form_view", "position", "2"),
        edit(".o_form_view", "gross_area", "120"),
        edit(".o_form_view", "inner_area", "98"),
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view .oe_title:contains('1-702')",
        },
    ],
});

/** From a project's units, a new unit is offered that project's buildings only (run from the project's form). */
registry.category("web_tour.tours").add("realty_base_new_unit_of_project", {
    steps: () => [
        {
            content: "Open the project's units",
            trigger: ".o_form_view button[name='action_view_units']",
            run: "click",
        },
        {
            content: "New unit",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='building_id'] input",
            run: "edit Building",
        },
        {
            content: "Only this project's buildings are offered",
            trigger:
                ".o-autocomplete--dropdown-menu:has(.o-autocomplete--dropdown-item:contains('Test Garden Building 1')):not(:has(.o-autocomplete--dropdown-item:contains('Elsewhere')))",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Test Garden Building 1')",
            run: "click",
        },
        edit(".o_form_view", "floor", "8"),
        edit(".o_form_view", "position", "1"),
        edit(".o_form_view", "gross_area", "90"),
        edit(".o_form_view", "inner_area", "72"),
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view .oe_title:contains('1-801')",
        },
    ],
});
